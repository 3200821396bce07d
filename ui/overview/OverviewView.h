#pragma once

#include "report/PortfolioReport.h"
#include "report/PortfolioTrends.h"

#include <QFutureWatcher>
#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QStackedLayout;
class QTableWidget;

namespace tenure {

class GettingStarted;

// The portfolio at a glance (Qt Charts): accounts by band and by stage, ARR by band (what is at
// risk; in a portfolio of several currencies, one at a time, chosen above it: currencies are
// never added together), portfolio health over the last twelve months, and the biggest score drops of the
// last 30 days (a double-click opens the customer). Loaded on a worker thread from the summaries. In a team
// workspace it shows both: the charts are the team's, and a line above them sets the signed-in member's
// accounts (My accounts) beside the team's. While the workspace has no customers, it shows how to fill it
// instead (GettingStarted).
class OverviewView : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewView(QWidget* parent = nullptr);
    ~OverviewView() override;

    void setWorkspace(const QString& path);
    // A team's signed-in member (whose accounts are My accounts), or empty for a workspace file.
    void setMember(const QString& member);
    void refresh();
    // The My accounts and Team line, as shown (empty without a member).
    QString teamSummary() const;
    // Shown in place of the charts while the workspace has no customers.
    GettingStarted* gettingStarted() const { return m_start; }

signals:
    void loaded();
    void customerActivated(const QString& accountId);

protected:
    void changeEvent(QEvent* event) override; // the charts follow a dark or light palette
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Data
    {
        PortfolioReport portfolio;
        PortfolioTrends trends;
        std::optional<PortfolioReport> mine; // the member's accounts, in a team
    };
    void display(const Data& data);
    // The ARR chart in `currency`, from the portfolio last displayed.
    void showArr(const QString& currency);
    // The health chart's count axis, with as many ticks as the chart's height shows whole.
    void fitHealthAxis();
    static QString summary(const PortfolioReport& report);

    QString m_path;
    QString m_member;
    QLabel* m_mine;
    QChartView* m_bands;
    QChartView* m_stages;
    QChartView* m_arr;
    QWidget* m_currencyRow; // shown for more than one currency
    QComboBox* m_currency;
    PortfolioReport m_portfolio; // as last displayed
    QChartView* m_health;
    bool m_arrRefit = false; // showArr() queued for the ARR chart's new width
    double m_healthHighest = 0; // the highest month's stack
    double m_healthStep = 0; // of the count axis shown
    QTableWidget* m_drops;
    GettingStarted* m_start;
    QStackedLayout* m_pages;
    QFutureWatcher<Result<Data>> m_loading;
    bool m_reload = false; // refresh() asked for while a load ran
};

} // namespace tenure
