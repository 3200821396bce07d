#pragma once

class QChart;
class QPalette;

namespace tenure::ChartLook {

// Makes a Qt Charts chart follow the widget palette, light or dark: background, plot area, title,
// legend, axis labels, lines and grid take the palette's colours, so that a dark palette does not
// leave a white chart with grey text. Series colours (bands, stages) are data and stay as set.
// Call after the chart's axes are in place (each refresh adds new ones) and on a palette change.
void follow(QChart* chart, const QPalette& palette);

} // namespace tenure::ChartLook
