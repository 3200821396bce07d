#include "print/PortfolioReportRenderer.h"

#include "domain/Money.h"
#include "print/ReportCharts.h"
#include "print/ReportPage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>

namespace tenure {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PortfolioReportRenderer)
};

const QColor kMuted(0x66, 0x66, 0x66);
const QList<qreal> kWidths { 0.05, 0.29, 0.13, 0.11, 0.09, 0.07, 0.13, 0.13 };

QStringList headerCells()
{
    return { Tr::tr("#"),    Tr::tr("Account"), Tr::tr("Owner"), Tr::tr("Stage"),
             Tr::tr("Band"), Tr::tr("Score"),   Tr::tr("ARR"),   Tr::tr("Renewal") };
}

void row(ReportPage& page, const QStringList& cells, const QFont& font, const QColor& color,
         const QColor& band = {})
{
    const QRectF area = page.area();
    const qreal height = 13;
    qreal x = area.left();
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const qreal width = kWidths[i] * area.width();
        if (i == 4 && band.isValid() && page.painter())
            page.painter()->fillRect(QRectF(x + 1, page.y() + 2, 4, height - 4), band);
        const int align = (i == 0 || i == 5 || i == 6) ? Qt::AlignRight : Qt::AlignLeft;
        // One line per row: long names are elided, not wrapped, so the table keeps its rhythm.
        const QString text = page.elided(cells[i], font, width - 8);
        page.textIn(QRectF(x + (i == 4 ? 8 : 3), page.y() + 1.5, width - 8, height), text, font, color,
                    align | Qt::AlignVCenter);
        x += width;
    }
    page.advance(height);
}

void tableHeader(ReportPage& page)
{
    row(page, headerCells(), ReportPage::font(7.5, true), kMuted);
    if (QPainter* painter = page.painter()) {
        painter->setPen(QPen(QColor(0xcc, 0xcc, 0xcc), 0.6));
        painter->drawLine(QPointF(page.area().left(), page.y()), QPointF(page.area().right(), page.y()));
    }
    page.advance(2);
}

void pass(const PortfolioReport& report, ReportPage& page)
{
    const QLocale locale;
    const QRectF area = page.area();
    page.paragraph(Tr::tr("Portfolio report"), ReportPage::font(18, true), Qt::black, 2);
    page.paragraph(Tr::tr("%1 · %n accounts · as of %2", nullptr, int(report.rows.size()))
                       .arg(!report.scope.isEmpty()      ? report.scope
                                : report.owner.isEmpty() ? Tr::tr("All owners")
                                                         : Tr::tr("Owner: %1").arg(report.owner),
                            locale.toString(report.asOf, QLocale::ShortFormat)),
                   ReportPage::font(9), kMuted, 10);

    // Summary charts side by side.
    QList<ReportCharts::Bar> bands;
    QList<ReportCharts::Bar> arr;
    for (const Band& band : report.rules.bands) {
        bands.append({ band.name, double(report.accountsByBand.value(band.name)), QColor(band.color) });
        arr.append({ band.name, report.arrByCurrencyAndBand.value(report.currency).value(band.name),
                     QColor(band.color) });
    }
    if (report.accountsByBand.value(QString()) > 0)
        bands.append(
            { Tr::tr("No score"), double(report.accountsByBand.value(QString())), QColor(0x9e, 0x9e, 0x9e) });
    QList<ReportCharts::Bar> stages;
    for (const Stage& stage : report.rules.stages)
        if (report.accountsByStage.value(stage.id) > 0)
            stages.append(
                { stage.name, double(report.accountsByStage.value(stage.id)), QColor(stage.color) });
    const qreal chartWidth = (area.width() - 24) / 3;
    const qreal chartHeight = 96;
    page.ensure(chartHeight);
    if (QPainter* painter = page.painter()) {
        auto count = [&locale](double v) { return locale.toString(qint64(v)); };
        ReportCharts::bars(*painter, QRectF(area.left(), page.y(), chartWidth, chartHeight),
                           Tr::tr("Accounts by band"), bands, count);
        ReportCharts::bars(*painter, QRectF(area.left() + chartWidth + 12, page.y(), chartWidth, chartHeight),
                           Tr::tr("Accounts by stage"), stages, count);
        const QString title = report.arrByCurrencyAndBand.size() > 1
            ? Tr::tr("ARR by band (%1 accounts)").arg(report.currency)
            : Tr::tr("ARR by band");
        ReportCharts::bars(*painter,
                           QRectF(area.left() + 2 * (chartWidth + 12), page.y(), chartWidth, chartHeight),
                           title, arr, [&](double v) { return formatMoney(v, report.currency); });
    }
    page.advance(chartHeight + 4);
    QStringList atRisk;
    for (auto it = report.arrByCurrencyAndBand.cbegin(); it != report.arrByCurrencyAndBand.cend(); ++it)
        atRisk << formatMoney(report.arrAtRisk(it.key()), it.key());
    if (!report.rules.bands.isEmpty() && !atRisk.isEmpty())
        page.paragraph(Tr::tr("ARR at risk (not %1): %2")
                           .arg(report.rules.bands.first().name, atRisk.join(QStringLiteral(" · "))),
                       ReportPage::font(9, true), Qt::black, 10);

    // The accounts, worst first; the header comes back on every page.
    page.ensure(60);
    tableHeader(page);
    page.setOnNewPage([&page] { tableHeader(page); });
    const QFont body = ReportPage::font(7.5);
    int rank = 0;
    for (const PortfolioReport::Row& r : report.rows) {
        page.ensure(13);
        // Days either way: "45 d" ahead, "12 d ago" past (a churned account's last renewal).
        QString renewal;
        if (r.daysToRenewal)
            renewal = *r.daysToRenewal >= 0 ? Tr::tr("%1 d").arg(*r.daysToRenewal)
                                            : Tr::tr("%1 d ago").arg(-*r.daysToRenewal);
        row(page,
            { QString::number(++rank), r.account.name, r.account.owner, report.rules.stageName(r.stage),
              r.band, r.score ? locale.toString(*r.score, 'f', 1) : QString(),
              r.account.arr ? formatMoney(*r.account.arr, r.account.currency) : QString(), renewal },
            body, Qt::black, r.band.isEmpty() ? QColor() : QColor(report.rules.bandColor(r.band)));
    }
    page.setOnNewPage({});
}

} // namespace

int PortfolioReportRenderer::render(const PortfolioReport& report, QPagedPaintDevice* device)
{
    const QString footer = Tr::tr("Portfolio report as of %1 · generated %2 by Tenure")
                               .arg(QLocale().toString(report.asOf, QLocale::ShortFormat),
                                    QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
    return ReportPage::render(device, footer, [&report](ReportPage& page) { pass(report, page); });
}

} // namespace tenure
