#include "print/ReportPdf.h"

#include "print/AccountReportRenderer.h"
#include "print/PortfolioReportRenderer.h"

#include <QLocale>
#include <QPdfWriter>
#include <QSaveFile>

namespace tenure {

namespace {

template <typename Report, typename Renderer>
Result<int> writePdf(const Report& report, const QString& path, QPageSize::PageSizeId size,
                     const QString& title)
{
    // Written beside the target and moved over it once whole: a folder, a missing folder or a
    // full disk is an error, and an earlier file of that name stays as it was until then.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { ReportPdf::tr("%1: the PDF cannot be written: %2").arg(path, file.errorString()) };
    int pages = 0;
    {
        QPdfWriter writer(&file);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Tenure"));
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(size), QPageLayout::Portrait, QMarginsF(15, 15, 15, 12),
                                         QPageLayout::Millimeter));
        pages = Renderer::render(report, &writer);
    }
    if (pages <= 0 || !file.commit())
        return Error { ReportPdf::tr("%1: the PDF cannot be written: %2")
                           .arg(path, pages <= 0 ? ReportPdf::tr("nothing was drawn") : file.errorString()) };
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
