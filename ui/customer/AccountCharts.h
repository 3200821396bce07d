#pragma once

#include "print/ReportCharts.h"
#include "report/AccountReport.h"

#include <QWidget>

#include <optional>

namespace tenure {

// The customer page's stage timeline over its health trend, painted with the printed report's
// charts (ReportCharts) in the widget's own palette. It draws the report it is given, which its
// owner keeps and replaces; update() after a change.
class AccountCharts : public QWidget
{
public:
    AccountCharts(const std::optional<AccountReport>& report, QWidget* parent);

    // The report's charts in this widget's palette: its text colour, frames and grid mixed from
    // text and window, a score line that reads on the window.
    ReportCharts::Ink screenInk() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    const std::optional<AccountReport>& m_report;
};

} // namespace tenure
