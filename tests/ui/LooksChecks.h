#pragma once

#include <QColor>
#include <QStringList>

class QWidget;

namespace tenure::test {

// WCAG 2 contrast ratio of two colours (1 to 21); text reads well from 4.5.
double contrastRatio(const QColor& a, const QColor& b);

// What looks wrong in the visible widgets under `root`, one line each, naming the widget:
// - text that does not fit: a QLabel's (plain or rich, one line), a button's, a header section's
//   (unless the header elides it on purpose and the model gives the section a tooltip), a tab's
//   (unless it is elided with a tooltip); an item view's cell (unless it has a tooltip);
// - two visible sibling widgets overlapping (by more than a frame's pixels);
// - text hard to read: a label's text on its background, coloured runs in rich text labels
//   (their own background or the label's), item-view cells with their own colours, and normal
//   text on base in the palette, each below a contrast ratio of 4.5.
QStringList looksProblems(QWidget* root);

} // namespace tenure::test
