#include "print/ReportPdf.h"

#include "print/AccountReportRenderer.h"
#include "print/PortfolioReportRenderer.h"

#include <QFile>
#include <QLocale>
#include <QPdfWriter>

namespace tenure {

namespace {

template <typename Report, typename Renderer>
Result<int> writePdf(const Report& report, const QString& path, QPageSize::PageSizeId size,
                     const QString& title)
{
    int pages = 0;
    {
        QPdfWriter writer(path);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Tenure"));
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(size), QPageLayout::Portrait, QMarginsF(15, 15, 15, 12),
                                         QPageLayout::Millimeter));
        pages = Renderer::render(report, &writer);
    }
    QFile written(path);
    if (!written.exists() || written.size() == 0)
        return Error { ReportPdf::tr("%1: the PDF could not be written.").arg(path) };
    return pages;
}

} // namespace

QPageSize::PageSizeId ReportPdf::defaultPageSize()
{
    return QLocale().measurementSystem() == QLocale::ImperialUSSystem ? QPageSize::Letter : QPageSize::A4;
}

Result<int> ReportPdf::write(const AccountReport& report, const QString& path, QPageSize::PageSizeId size)
{
    return writePdf<AccountReport, AccountReportRenderer>(report, path, size,
                                                          tr("Account report: %1").arg(report.account.name));
}

Result<int> ReportPdf::write(const PortfolioReport& report, const QString& path, QPageSize::PageSizeId size)
{
    return writePdf<PortfolioReport, PortfolioReportRenderer>(report, path, size, tr("Portfolio report"));
}

} // namespace tenure
