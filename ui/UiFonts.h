#pragma once

#include <QStringList>

namespace tenure::UiFonts {

// The window's font: the system's family first, then the Japanese families installed, as one
// fallback list. Without it Qt renders a run of Japanese text, its digits and punctuation
// included, in the first font that has Japanese (VL Gothic on Debian, whose Latin is
// monospaced): "アクション (43)" and "時点のスコア · 166 Good" took typewriter digits beside the
// system font's elsewhere. With the list, each character comes from the first family that has it.
void install();

// The families install() sets, in order.
QStringList families();

} // namespace tenure::UiFonts
