#include "UiFonts.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>

namespace tenure::UiFonts {

namespace {

// Whether `font`'s Latin letters all have one width ("i" as wide as "W").
bool monospacedLatin(const QFont& font)
{
    const QFontMetricsF metrics(font);
    return metrics.horizontalAdvance(QLatin1Char('i')) >= metrics.horizontalAdvance(QLatin1Char('W'));
}

// The classes a platform theme may give fonts of their own (QApplicationPrivate's font hash).
// QApplication::setFont(font) without a class forgets them.
constexpr const char* kThemeClasses[] = {
    "QMenu",
    "QMenuBar",
    "QMenuItem",
    "QToolButton",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QAbstractItemView",
    "QListView",
    "QHeaderView",
    "QListBox",
    "QComboMenuItem",
    "QComboLineEdit",
    "QSmallFont",
    "QMiniFont",
    "QTipLabel",
    "QStatusBar",
    "QDockWidgetTitle",
    "QMdiSubWindowTitleBar",
    "QWorkspaceTitleBar",
    "QLabel",
    "QGroupBox",
    "QTabBar",
    "QMessageBox",
};

} // namespace

QStringList families(const QFont& font)
{
    // The family the font resolves to: "Sans Serif" is fontconfig's alias, which a list of
    // families would pass over for the next one.
    QStringList list;
    if (!monospacedLatin(font))
        list << QFontInfo(font).family();
    else
        for (const char* latin : { "Noto Sans", "DejaVu Sans", "Liberation Sans", "Cantarell" })
            if (QFontDatabase::hasFamily(QString::fromLatin1(latin))) {
                list << QString::fromLatin1(latin);
                break;
            }
    if (list.isEmpty())
        list << QFontInfo(font).family();
    for (const char* japanese : { "Noto Sans CJK JP", "Yu Gothic UI", "Meiryo UI", "VL PGothic", "IPAPGothic",
                                  "TakaoPGothic", "VL Gothic" }) {
        const QString family = QString::fromLatin1(japanese);
        if (!list.contains(family, Qt::CaseInsensitive) && QFontDatabase::hasFamily(family))
            list << family;
    }
    return list;
}

void install()
{
    const QFont system = QApplication::font();
    const QStringList list = families(system);
    if (list == QStringList { QFontInfo(system).family() })
        return; // nothing to add (no Japanese font installed, a system font that has it all)
    QList<std::pair<const char*, QFont>> themed;
    for (const char* className : kThemeClasses)
        if (const QFont own = QApplication::font(className); own != system)
            themed.append({ className, own });
    QFont font = system;
    font.setFamilies(list);
    QApplication::setFont(font);
    for (auto& [className, own] : themed) {
        own.setFamilies(families(own));
        QApplication::setFont(own, className);
    }
}

} // namespace tenure::UiFonts
