#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QIcon>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace tenure {

// Whether the application's palette is dark: light text on a dark base.
inline bool darkPalette()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
}

// Text colours for "worse" and "better" that read on the palette's base (contrast ≥ 4.5 on a
// light or a dark palette).
inline QColor worseTextColor()
{
    return darkPalette() ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
}
inline QColor betterTextColor()
{
    return darkPalette() ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
}

// A small swatch of `color` to put beside a name (stage and band colours are for recognising,
// not for text: light rule colours would not read as text).
inline QIcon colorSwatch(const QColor& color)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.darker(140), 2));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(5, 5, 22, 22), 5, 5);
    return QIcon(pixmap);
}

} // namespace tenure
