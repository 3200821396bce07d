#include "ChartLook.h"

#include <QAbstractAxis>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QPalette>

namespace tenure::ChartLook {

void follow(QChart* chart, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    // Lines half-way between text and base: visible on either, quieter than the text.
    const QColor line = QColor::fromRgbF((text.redF() + base.redF()) / 2, (text.greenF() + base.greenF()) / 2,
                                         (text.blueF() + base.blueF()) / 2);
    // Grid lines nearer the base: they structure the plot without competing with the bars.
    const QColor grid
        = QColor::fromRgbF((text.redF() + 3 * base.redF()) / 4, (text.greenF() + 3 * base.greenF()) / 4,
                           (text.blueF() + 3 * base.blueF()) / 4);
    chart->setBackgroundBrush(base);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
    // Notes written on the chart (the ROC chart's AUC) read as its labels do.
    for (QGraphicsItem* item : chart->childItems())
        if (auto* note = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            note->setBrush(text);
    const QList<QAbstractAxis*> axes = chart->axes();
    for (QAbstractAxis* axis : axes) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(line);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
    }
}

} // namespace tenure::ChartLook
