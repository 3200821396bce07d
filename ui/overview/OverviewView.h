#pragma once

#include "report/PortfolioReport.h"
#include "report/PortfolioTrends.h"

#include <QFutureWatcher>
#include <QWidget>

class QChartView;
class QTableWidget;

namespace tenure {

// The portfolio at a glance (Qt Charts): accounts by band and by stage, ARR by band (what is at
// risk), portfolio health over the last twelve months, and the biggest score drops of the last
// 30 days (a double-click opens the customer). Loaded on a worker thread from the summaries.
class OverviewView : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewView(QWidget* parent = nullptr);
    ~OverviewView() override;

    void setWorkspace(const QString& path);
    void refresh();

signals:
    void loaded();
    void customerActivated(const QString& accountId);

protected:
    void changeEvent(QEvent* event) override; // the charts follow a dark or light palette

private:
    struct Data
    {
        PortfolioReport portfolio;
        PortfolioTrends trends;
    };
    void display(const Data& data);

    QString m_path;
    QChartView* m_bands;
    QChartView* m_stages;
    QChartView* m_arr;
    QChartView* m_health;
    QTableWidget* m_drops;
    QFutureWatcher<Result<Data>> m_loading;
};

} // namespace tenure
