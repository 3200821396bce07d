#include "tuning/TuningCharts.h"

#include "ChartLook.h"
#include "tuning/Backtest.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QValueAxis>

namespace tenure {

namespace {

const QColor kSeriesColors[] = { QColor(0x1e, 0x88, 0xe5), QColor(0xfb, 0x8c, 0x00) };

// A new, empty chart with the old one's title in place of it. Emptying a chart in place
// (removing its series and axes) leaves stale axis items on the scene in Qt 6.4.
QChart* clear(QChartView* view)
{
    QChart* old = view->chart();
    auto* chart = new QChart;
    chart->setTitle(old->title());
    chart->setMargins(old->margins());
    chart->legend()->setAlignment(old->legend()->alignment());
    view->setChart(chart); // the view releases the old chart: it is ours to delete
    delete old;
    return chart;
}

QValueAxis* percentAxis(double max)
{
    auto* axis = new QValueAxis;
    axis->setRange(0, max);
    axis->setLabelFormat(QStringLiteral("%.0f%%"));
    axis->setTickCount(6);
    return axis;
}

} // namespace

QString TuningCharts::seriesName(qsizetype index)
{
    return index == 0 ? tr("Active rules") : tr("Candidate");
}

QChartView* TuningCharts::create(const QString& title, QWidget* parent)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 280); // the value axis keeps room for its title
    ChartLook::follow(chart, parent ? parent->palette() : view->palette());
    return view;
}

void TuningCharts::showRoc(QChartView* view, const QList<BacktestReport>& reports)
{
    QChart* chart = clear(view);
    auto* x = percentAxis(100);
    x->setTitleText(tr("Retained flagged"));
    auto* y = percentAxis(100);
    y->setTitleText(tr("Churned flagged"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto* chance = new QLineSeries;
    chance->setName(tr("Chance"));
    *chance << QPointF(0, 0) << QPointF(100, 100);
    chance->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    chart->addSeries(chance);
    chance->attachAxis(x);
    chance->attachAxis(y);
    // Each curve's AUC in the plot's lower right, which a ROC curve leaves empty: the legend,
    // names only, fits in the narrow pane of the default window.
    QStringList aucs;
    for (qsizetype i = 0; i < reports.size() && i < 2; ++i) {
        auto* curve = new QLineSeries;
        curve->setName(seriesName(i));
        if (reports[i].auc)
            aucs << tr("%1: AUC %2").arg(seriesName(i), QLocale().toString(*reports[i].auc, 'f', 3));
        for (const stats::RocPoint& p : reports[i].roc)
            *curve << QPointF(p.fpr * 100, p.tpr * 100);
        curve->setPen(QPen(kSeriesColors[i], 2));
        chart->addSeries(curve);
        curve->attachAxis(x);
        curve->attachAxis(y);
    }
    if (!aucs.isEmpty()) {
        auto* note = new QGraphicsSimpleTextItem(aucs.join(u'\n'), chart);
        note->setFont(chart->legend()->font());
        QObject::connect(chart, &QChart::plotAreaChanged, chart, [note](const QRectF& plot) {
            const QRectF text = note->boundingRect();
            note->setPos(plot.right() - text.width() - 6, plot.bottom() - text.height() - 6);
        });
    }
    ChartLook::follow(view->chart(), view->palette());
}

void TuningCharts::showChurnByBand(QChartView* view, const QList<BacktestReport>& reports)
{
    QChart* chart = clear(view);
    if (reports.isEmpty())
        return;
    QStringList bands;
    for (const BacktestReport& report : reports)
        for (const BacktestRate& rate : report.perBand)
            if (!bands.contains(rate.name))
                bands << rate.name;
    auto* series = new QBarSeries;
    double max = 0;
    for (qsizetype i = 0; i < reports.size() && i < 2; ++i) {
        auto* set = new QBarSet(seriesName(i));
        set->setColor(kSeriesColors[i]);
        for (const QString& band : bands) {
            double rate = 0;
            for (const BacktestRate& r : reports[i].perBand)
                if (r.name == band)
                    rate = r.churnRate() * 100;
            *set << rate;
            max = std::max(max, rate);
        }
        series->append(set);
    }
    chart->addSeries(series);
    // Axis labels are rendered as HTML; band names come from rule files.
    QStringList labels;
    for (const QString& band : bands)
        labels << band.toHtmlEscaped();
    auto* categories = new QBarCategoryAxis;
    categories->append(labels);
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    auto* y = percentAxis(std::min(100.0, std::max(10.0, max * 1.2)));
    y->setTitleText(tr("Churned"));
    y->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    ChartLook::follow(view->chart(), view->palette());
}

void TuningCharts::showDistribution(QChartView* view, const BacktestReport& report)
{
    QChart* chart = clear(view);
    qint64 churned = 0;
    qint64 retained = 0;
    for (qint64 n : report.churnedScores)
        churned += n;
    for (qint64 n : report.retainedScores)
        retained += n;
    // Shares within each group, so that a few hundred churners compare with thousands retained.
    auto* series = new QBarSeries;
    auto* churnedSet = new QBarSet(tr("Churned (%1)").arg(churned));
    auto* retainedSet = new QBarSet(tr("Retained (%1)").arg(retained));
    churnedSet->setColor(QColor(0xc6, 0x28, 0x28));
    retainedSet->setColor(QColor(0x2e, 0x7d, 0x32));
    QStringList bins;
    double max = 0;
    for (int i = 0; i < 10; ++i) {
        bins << QString::number(i * 10);
        const double c = churned ? 100.0 * double(report.churnedScores[size_t(i)]) / double(churned) : 0;
        const double r = retained ? 100.0 * double(report.retainedScores[size_t(i)]) / double(retained) : 0;
        *churnedSet << c;
        *retainedSet << r;
        max = std::max({ max, c, r });
    }
    series->append(churnedSet);
    series->append(retainedSet);
    chart->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    categories->append(bins);
    categories->setTitleText(tr("Score"));
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    auto* y = percentAxis(std::max(10.0, max * 1.1));
    y->applyNiceNumbers();
    y->setTitleText(tr("Share of group"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    ChartLook::follow(view->chart(), view->palette());
}

} // namespace tenure
