#pragma once

#include <QStringList>

class QFont;

namespace tenure::UiFonts {

// The window's fonts: a Latin family with proportional letters first, then the Japanese families
// installed, as one fallback list. Without it Qt draws a run of Japanese text, its digits and
// brackets included, in the first font that has Japanese: VL Gothic on Debian, whose Latin is
// monospaced ("アクション (43)" took typewriter digits beside the system font's elsewhere). In a
// Japanese locale fontconfig even makes VL Gothic the system font, Latin and all: then a
// proportional Latin family (Noto Sans, DejaVu Sans) goes first. Sets the application's font and
// the platform theme's fonts per class (menus, item views, ...) only when that changes anything.
void install();

// The families for text in `font`: its own family first when its Latin letters are proportional,
// else an installed proportional Latin family; then the Japanese families installed, proportional
// ones first.
QStringList families(const QFont& font);

} // namespace tenure::UiFonts
