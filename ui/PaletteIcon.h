#pragma once

#include <QIcon>
#include <QPalette>
#include <QString>

namespace tenure::PaletteIcon {

// A monochrome line icon (an SVG drawn in black, see resources/icons/nav-*.svg) tinted from the
// palette: the window text colour, and the highlighted text colour when selected, so that it reads
// on light and dark palettes alike.
QIcon tinted(const QString& resource, const QPalette& palette);

} // namespace tenure::PaletteIcon
