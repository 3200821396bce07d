#pragma once

#include "report/PortfolioReport.h"

class QPagedPaintDevice;

namespace tenure {

// A portfolio report for a manager: accounts by band and stage, ARR by band (what is at risk),
// then every account in priority order, the table's header repeated on every page.
class PortfolioReportRenderer
{
public:
    static int render(const PortfolioReport& report, QPagedPaintDevice* device);
};

} // namespace tenure
