#include "ScreenFont.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>

namespace tenure {

QString preferJapaneseScreenFont()
{
    const QString japanese = QStringLiteral("Noto Sans CJK JP");
    if (!QFontDatabase::families().contains(japanese))
        return {};
    QFont font = QApplication::font();
    QStringList families = font.families();
    if (families.isEmpty())
        families << font.family();
    if (!families.contains(japanese))
        families << japanese;
    font.setFamilies(families);
    QApplication::setFont(font);
    return japanese;
}

} // namespace tenure
