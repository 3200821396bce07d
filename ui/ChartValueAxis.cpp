#include "ChartValueAxis.h"

#include <QCategoryAxis>

namespace tenure::ChartAxes {

QValueAxis* valueAxis(const Scale& scale, const std::function<QString(double)>& label)
{
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(scale.min);
    for (const double tick : scale.ticks()) {
        QString text = label ? label(tick) : tickLabel(tick, scale);
        // Category labels must be unique; a formatter that rounds two ticks alike keeps both.
        while (axis->categoriesLabels().contains(text))
            text.append(QChar(0x200B)); // zero-width space
        axis->append(text, tick);
    }
    axis->setRange(scale.min, scale.max);
    return axis;
}

} // namespace tenure::ChartAxes
