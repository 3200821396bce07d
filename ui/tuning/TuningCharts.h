#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QChartView;
class QWidget;

namespace tenure {

struct BacktestReport;

// The Tuning view's charts, each comparing the active rules with the candidate (when there is
// one): ROC curves of the score for churn, churn rate by band, and the score distributions of
// churned and retained cases.
class TuningCharts
{
    Q_DECLARE_TR_FUNCTIONS(TuningCharts)

public:
    static QChartView* create(const QString& title, QWidget* parent);
    // reports[0]: the active rules; reports[1], when there: the candidate.
    static void showRoc(QChartView* view, const QList<BacktestReport>& reports);
    static void showChurnByBand(QChartView* view, const QList<BacktestReport>& reports);
    static void showDistribution(QChartView* view, const BacktestReport& report);

private:
    static QString seriesName(qsizetype index);
};

} // namespace tenure
