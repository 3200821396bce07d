#include "SplitterMemory.h"

#include <QSettings>
#include <QSplitter>

namespace tenure {

namespace {
QString settingsKey(const QString& key)
{
    return QStringLiteral("splitters/") + key;
}
} // namespace

void rememberSplitter(QSplitter* splitter, const QString& key)
{
    const QByteArray state = QSettings().value(settingsKey(key)).toByteArray();
    if (!state.isEmpty())
        splitter->restoreState(state);
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter,
                     [splitter, key] { QSettings().setValue(settingsKey(key), splitter->saveState()); });
}

} // namespace tenure
