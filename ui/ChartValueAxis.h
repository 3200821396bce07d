#pragma once

#include "ChartAxes.h"

#include <functional>

class QValueAxis;

namespace tenure::ChartAxes {

// A Qt Charts value axis over `scale` with a tick (and grid line) at each step, labelled by
// `label` (default: tickLabel, in the locale). A QCategoryAxis underneath, so that the labels can
// be localised and formatted (e.g. as money); it is still a QValueAxis with min() and max().
QValueAxis* valueAxis(const Scale& scale, const std::function<QString(double)>& label = {});

} // namespace tenure::ChartAxes
