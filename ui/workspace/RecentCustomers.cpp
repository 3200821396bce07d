#include "workspace/RecentCustomers.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>

namespace tenure {

namespace {

// One settings key per workspace: a hash of its absolute path (paths hold slashes, which QSettings
// takes for groups).
QString key(const QString& workspace)
{
    const QByteArray path = QFileInfo(workspace).absoluteFilePath().toUtf8();
    return QStringLiteral("recentCustomers/")
        + QString::fromLatin1(QCryptographicHash::hash(path, QCryptographicHash::Sha1).toHex().left(16));
}

} // namespace

QList<RecentCustomers::Entry> RecentCustomers::list(const QString& workspace)
{
    QList<Entry> entries;
    if (workspace.isEmpty())
        return entries;
    const QVariantList stored = QSettings().value(key(workspace)).toList();
    for (const QVariant& value : stored) {
        const QStringList pair = value.toStringList();
        if (pair.size() == 2 && !pair[0].isEmpty())
            entries.append({ pair[0], pair[1] });
    }
    return entries;
}

void RecentCustomers::add(const QString& workspace, const QString& id, const QString& name)
{
    if (workspace.isEmpty() || id.isEmpty())
        return;
    QVariantList stored { QVariant(QStringList { id, name }) };
    for (const Entry& entry : list(workspace)) {
        if (entry.id != id && stored.size() < kKept)
            stored.append(QVariant(QStringList { entry.id, entry.name }));
    }
    QSettings().setValue(key(workspace), stored);
}

void RecentCustomers::clear(const QString& workspace)
{
    QSettings().remove(key(workspace));
}

} // namespace tenure
