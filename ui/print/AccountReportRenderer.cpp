#include "print/AccountReportRenderer.h"

#include "domain/Money.h"
#include "print/ReportCharts.h"
#include "print/ReportPage.h"
#include "report/ObservedText.h"
#include "report/PortfolioReport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>

#include <cmath>

namespace tenure {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AccountReportRenderer)
};

const QColor kMuted(0x66, 0x66, 0x66);
const QColor kRule(0xdd, 0xdd, 0xdd);

QString money(const std::optional<double>& value, const QString& currency)
{
    if (!value)
        return Tr::tr("—");
    return formatMoney(*value, currency);
}

void sectionTitle(ReportPage& page, const QString& title)
{
    page.ensure(40);
    page.advance(6);
    page.paragraph(title, ReportPage::font(10.5, true), QColor(0x1f, 0x4e, 0x79), 3);
    if (page.painter()) {
        page.painter()->setPen(QPen(kRule, 0.6));
        page.painter()->drawLine(QPointF(page.area().left(), page.y()),
                                 QPointF(page.area().right(), page.y()));
    }
    page.advance(4);
}

// One row of a table; `widths` are shares of the page width.
qreal tableRow(ReportPage& page, const QStringList& cells, const QList<qreal>& widths, const QFont& font,
               const QList<int>& alignments = {}, const QColor& color = Qt::black)
{
    const QRectF area = page.area();
    qreal height = 0;
    for (qsizetype i = 0; i < cells.size(); ++i)
        height = std::max(height, page.heightOf(cells[i], font, widths[i] * area.width() - 6));
    height += 4;
    page.ensure(height);
    qreal x = area.left();
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const int align = i < alignments.size() ? alignments[i] : Qt::AlignLeft;
        page.textIn(QRectF(x + 3, page.y() + 2, widths[i] * area.width() - 6, height), cells[i], font, color,
                    align | Qt::AlignTop | Qt::TextWordWrap);
        x += widths[i] * area.width();
    }
    page.advance(height);
    return height;
}

void pass(const AccountReport& report, ReportPage& page)
{
    const Account& account = report.account;
    const QLocale locale;
    const QFont body = ReportPage::font(9);
    const QFont bold = ReportPage::font(9, true);
    const QRectF area = page.area();

    // Header: who, whose, what they pay, when they renew.
    page.paragraph(account.name, ReportPage::font(18, true), Qt::black, 2);
    QStringList identity { account.id };
    if (!account.owner.isEmpty())
        identity << Tr::tr("Owner: %1").arg(account.owner);
    if (!account.plan.isEmpty())
        identity << Tr::tr("Plan: %1").arg(account.plan);
    page.paragraph(identity.join(QStringLiteral("  ·  ")), body, kMuted, 10);

    // Key facts in four boxes. The renewal on two lines, the date and then how far it is: on one,
    // a Japanese date broke inside its count ("(あと 10" / "日)").
    const QString renewal = account.renewalDate.isValid()
        ? Tr::tr("%1\n(%2)").arg(locale.toString(account.renewalDate, QLocale::ShortFormat),
                                *report.daysToRenewal >= 0
                                    ? Tr::tr("%n days left", nullptr, *report.daysToRenewal)
                                    : Tr::tr("%n days ago", nullptr, -*report.daysToRenewal))
        : Tr::tr("not set");
    const QString stage
        = report.status ? report.rules.stageName(report.status->stage) : Tr::tr("not scored yet");
    const QString score = report.status && report.status->score
        ? Tr::tr("%1 · score %2").arg(report.status->band, locale.toString(*report.status->score, 'f', 1))
        : Tr::tr("no score in this stage");
    const QList<QPair<QString, QString>> facts {
        { Tr::tr("ARR"), money(account.arr, account.currency) },
        { Tr::tr("Renewal"), renewal },
        { Tr::tr("Stage"), stage },
        { Tr::tr("Health"), score },
    };
    const qreal boxWidth = area.width() / facts.size();
    const qreal boxHeight = 46;
    page.ensure(boxHeight);
    for (qsizetype i = 0; i < facts.size(); ++i) {
        const QRectF box(area.left() + i * boxWidth, page.y(), boxWidth - 6, boxHeight);
        if (QPainter* painter = page.painter()) {
            QColor fill(0xf4, 0xf6, 0xf8);
            if (i == 3 && report.status && !report.status->band.isEmpty())
                fill = QColor(report.rules.bandColor(report.status->band)).lighter(185);
            painter->setPen(Qt::NoPen);
            painter->setBrush(fill);
            painter->drawRoundedRect(box, 3, 3);
        }
        page.textIn(box.adjusted(6, 4, -4, 0), facts[i].first, ReportPage::font(7.5), kMuted);
        // A stage name from a rule file may be long: what does not fit the box is elided.
        const QRectF valueBox = box.adjusted(6, 15, -4, -2);
        const QFont valueFont = ReportPage::font(9.5, true);
        QString value = facts[i].second;
        if (page.heightOf(value, valueFont, valueBox.width()) > valueBox.height())
            value = page.elided(value, valueFont, valueBox.width());
        page.textIn(valueBox, value, valueFont);
    }
    page.advance(boxHeight + 6);

    // Why: every criterion of the stage with what was observed and the points it earned.
    sectionTitle(page, Tr::tr("Why this score"));
    if (!report.status || report.status->breakdown.isEmpty()) {
        page.paragraph(report.whyNoBreakdown(), body, kMuted);
    } else {
        const QList<qreal> widths { 0.46, 0.18, 0.18, 0.18 };
        const QList<int> align { Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight, Qt::AlignRight };
        tableRow(page, { Tr::tr("Criterion"), Tr::tr("Observed"), Tr::tr("Threshold"), Tr::tr("Points") },
                 widths, bold, align, kMuted);
        for (const CriterionResult& criterion : report.status->breakdown)
            tableRow(page,
                     { criterion.label, observedText(criterion.observed), criterion.threshold,
                       Tr::tr("%1 / %2").arg(locale.toString(criterion.earned, 'f', 1),
                                             locale.toString(criterion.possible, 'f', 1)) },
                     widths, body, align);
    }

    // Charts: stages over time, then the score against the bands.
    sectionTitle(page, Tr::tr("Stage timeline and health trend"));
    const qreal timelineHeight = 58;
    const qreal trendHeight = 130;
    page.ensure(timelineHeight + trendHeight + 10);
    if (QPainter* painter = page.painter()) {
        ReportCharts::stageTimeline(*painter, QRectF(area.left(), page.y(), area.width(), timelineHeight),
                                    report.history, report.rules);
        ReportCharts::healthTrend(
            *painter, QRectF(area.left(), page.y() + timelineHeight + 8, area.width(), trendHeight),
            report.history, report.rules);
    }
    page.advance(timelineHeight + trendHeight + 12);

    // Usage in the last 30 and 90 days.
    sectionTitle(page, Tr::tr("Usage"));
    const QList<qreal> usageWidths { 0.4, 0.3, 0.3 };
    const QList<int> right { Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight };
    tableRow(page, { QString(), Tr::tr("Last 30 days"), Tr::tr("Last 90 days") }, usageWidths, bold, right,
             kMuted);
    tableRow(page,
             { Tr::tr("Events"), locale.toString(report.last30.events, 'f', 0),
               locale.toString(report.last90.events, 'f', 0) },
             usageWidths, body, right);
    tableRow(page,
             { Tr::tr("Active users"), locale.toString(report.last30.activeUsers),
               locale.toString(report.last90.activeUsers) },
             usageWidths, body, right);
    tableRow(page,
             { Tr::tr("Active days"), locale.toString(report.last30.activeDays),
               locale.toString(report.last90.activeDays) },
             usageWidths, body, right);
    if (!report.last90.topEvents.isEmpty()) {
        QStringList top;
        for (const auto& [name, quantity] : report.last90.topEvents)
            top << Tr::tr("%1 (%2)").arg(name, locale.toString(quantity, 'f', 0));
        page.advance(4);
        page.paragraph(Tr::tr("Most used in the last 90 days: %1").arg(top.join(QStringLiteral(", "))), body);
    }

    // What the CSMs are doing about it.
    sectionTitle(page, Tr::tr("Open actions"));
    if (report.actions.isEmpty()) {
        page.paragraph(Tr::tr("None."), body, kMuted);
    } else {
        const QList<qreal> widths { 0.1, 0.18, 0.56, 0.16 };
        const QList<int> align { Qt::AlignRight, Qt::AlignLeft, Qt::AlignLeft, Qt::AlignLeft };
        tableRow(page, { Tr::tr("Priority"), Tr::tr("Trigger"), Tr::tr("Why"), Tr::tr("Owner") }, widths,
                 bold, align, kMuted);
        for (const Action& action : report.actions) {
            QString owner = action.owner;
            if (action.status == QLatin1String("snoozed"))
                owner += Tr::tr(" (snoozed until %1)")
                             .arg(locale.toString(action.snoozedUntil, QLocale::ShortFormat));
            tableRow(page,
                     { locale.toString(action.priority, 'f', 1), ActionStore::triggerName(action.trigger),
                       action.reason, owner },
                     widths, body, align);
        }
    }
    if (!report.notes.isEmpty()) {
        sectionTitle(page, Tr::tr("Recent notes"));
        for (const AccountNote& note : report.notes)
            page.paragraph(Tr::tr("%1 · %2: %3")
                               .arg(locale.toString(note.at.toLocalTime(), QLocale::ShortFormat), note.author,
                                    note.text),
                           body, Qt::black, 3);
    }

    // Outcomes: what already happened with this customer.
    if (!report.outcomes.isEmpty()) {
        sectionTitle(page, Tr::tr("Outcomes"));
        for (const Outcome& outcome : report.outcomes) {
            QString line = Tr::tr("%1  %2").arg(locale.toString(outcome.date, QLocale::ShortFormat),
                                                Outcome::label(outcome.kind));
            if (outcome.amount)
                line += Tr::tr("  %1").arg(money(outcome.amount, account.currency));
            if (!outcome.note.isEmpty())
                line += QStringLiteral("  — ") + outcome.note;
            page.paragraph(line, body, Qt::black, 2);
        }
    }
}

} // namespace

int AccountReportRenderer::render(const AccountReport& report, QPagedPaintDevice* device)
{
    // %1 stays for the page to fill in: the name is elided to what the footer's line leaves.
    const QString footer
        = Tr::tr("%1 · account report as of %2 · generated %3 by Tenure")
              .arg(QStringLiteral("%1"), QLocale().toString(report.asOf, QLocale::ShortFormat),
                   QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
    return ReportPage::render(device, footer, [&report](ReportPage& page) {
        page.setFooterSubject(report.account.name);
        pass(report, page);
    });
}

} // namespace tenure
