#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QIcon>
#include <QList>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <algorithm>

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

// The same swatch in stripes, one per colour, top to bottom (the bands, best first).
inline QIcon stripedSwatch(const QList<QColor>& colors)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath shape;
    shape.addRoundedRect(QRectF(5, 5, 22, 22), 5, 5);
    painter.setClipPath(shape);
    const qreal stripe = 22.0 / std::max<qsizetype>(1, colors.size());
    for (qsizetype i = 0; i < colors.size(); ++i)
        painter.fillRect(QRectF(5, 5 + i * stripe, 22, stripe + 0.5), colors[i]);
    painter.setClipping(false);
    painter.setPen(QPen(QColor(0x61, 0x61, 0x61), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(QRectF(5, 5, 22, 22), 5, 5);
    return QIcon(pixmap);
}

} // namespace tenure
