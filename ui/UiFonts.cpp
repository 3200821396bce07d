#include "UiFonts.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QFontInfo>

namespace tenure::UiFonts {

QStringList families()
{
    // The family the system's font resolves to: a name such as "Sans Serif" is fontconfig's alias,
    // which a list of families would pass over for the next one.
    QStringList list { QFontInfo(QApplication::font()).family() };
    // Proportional Japanese families first (their Latin is only a fallback now), the monospaced
    // VL Gothic last.
    for (const char* japanese : { "Noto Sans CJK JP", "Yu Gothic UI", "Meiryo UI", "VL PGothic", "IPAPGothic",
                                  "TakaoPGothic", "VL Gothic" }) {
        const QString family = QString::fromLatin1(japanese);
        if (!list.contains(family) && QFontDatabase::hasFamily(family))
            list << family;
    }
    return list;
}

void install()
{
    QFont font = QApplication::font();
    font.setFamilies(families());
    QApplication::setFont(font);
}

} // namespace tenure::UiFonts
