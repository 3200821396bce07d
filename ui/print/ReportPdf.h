#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QPageSize>

namespace tenure {

struct AccountReport;
struct PortfolioReport;

// Writes reports as PDF files with QPdfWriter: A4 or Letter (Letter where the locale measures
// in inches), 15 mm margins, fonts embedded (subsets), vectors throughout.
class ReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(ReportPdf)

public:
    static QPageSize::PageSizeId defaultPageSize();
    static Result<int> write(const AccountReport& report, const QString& path,
                             QPageSize::PageSizeId size = defaultPageSize());
    static Result<int> write(const PortfolioReport& report, const QString& path,
                             QPageSize::PageSizeId size = defaultPageSize());
};

} // namespace tenure
