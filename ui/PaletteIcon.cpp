#include "PaletteIcon.h"

#include <QPainter>
#include <QPixmap>

namespace tenure::PaletteIcon {

namespace {

QPixmap tint(const QIcon& source, int size, const QColor& color)
{
    QPixmap pixmap = source.pixmap(QSize(size, size));
    if (pixmap.isNull())
        return pixmap;
    QPainter painter(&pixmap);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(pixmap.rect(), color);
    return pixmap;
}

} // namespace

QIcon tinted(const QString& resource, const QPalette& palette)
{
    const QIcon source(resource);
    QIcon icon;
    for (const int size : { 16, 20, 24, 32, 48, 64 }) {
        icon.addPixmap(tint(source, size, palette.color(QPalette::Active, QPalette::WindowText)),
                       QIcon::Normal);
        icon.addPixmap(tint(source, size, palette.color(QPalette::Active, QPalette::HighlightedText)),
                       QIcon::Selected);
        icon.addPixmap(tint(source, size, palette.color(QPalette::Disabled, QPalette::WindowText)),
                       QIcon::Disabled);
    }
    return icon;
}

} // namespace tenure::PaletteIcon
