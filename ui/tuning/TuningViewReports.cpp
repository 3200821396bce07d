// The Tuning view's results: the Summary table, the charts and the Per criterion table.
#include "ReadableColors.h"
#include "tuning/Backtest.h"
#include "tuning/TuningCells.h"
#include "tuning/TuningCharts.h"
#include "tuning/TuningView.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>

namespace tenure {

using tuningcells::cell;
using tuningcells::nameCell;
using tuningcells::percent;
using tuningcells::withInterval;

void TuningView::fitSummaryColumns()
{
    // The names keep at least about 18 characters' width, or half the table where it is narrower.
    const int available = m_summary->viewport()->width();
    const int names = std::min(available / 2, m_summary->fontMetrics().horizontalAdvance(QString(18, u'x')));
    const int values = m_summary->isColumnHidden(2) ? 1 : 2;
    const int share = std::max(40, (available - names) / values);
    for (int column = 1; column <= values; ++column)
        m_summary->horizontalHeader()->resizeSection(
            column,
            std::min(share,
                     std::max(static_cast<QAbstractItemView*>(m_summary)->sizeHintForColumn(column),
                              m_summary->horizontalHeader()->sectionSizeHint(column))));
}

void TuningView::showReports(const QList<BacktestReport>& reports)
{
    m_reports = reports;
    m_summary->setRowCount(0);
    m_summary->setColumnHidden(2, reports.size() < 2);
    m_criteriaOf->setEnabled(reports.size() > 1);
    if (reports.size() < 2)
        m_criteriaOf->setCurrentIndex(0);
    TuningCharts::showRoc(m_roc, reports);
    TuningCharts::showChurnByBand(m_bands, reports);
    if (!reports.isEmpty())
        TuningCharts::showDistribution(m_distribution, reports.constFirst());
    showCriteria();
    if (reports.isEmpty())
        return;

    const QLocale locale;
    const BacktestReport& first = reports.constFirst();
    m_status->setText(
        tr("%1 cases (%2 from outcomes, %3 retained accounts as of %4 days ago), %5 churned within "
           "%4 days. 0.5 AUC is chance, 1 is perfect.")
            .arg(locale.toString(first.cases), locale.toString(first.outcomeCases),
                 locale.toString(first.cases - first.outcomeCases))
            .arg(first.horizonDays)
            .arg(locale.toString(first.churned)));
    if (const QString skipped = first.skippedNoStartMessage(); !skipped.isEmpty())
        m_status->setText(m_status->text() + QLatin1Char('\n') + skipped + QLatin1Char('.'));
    auto row = [&](const QString& figure, const std::function<QString(const BacktestReport&)>& value) {
        const int r = m_summary->rowCount();
        m_summary->insertRow(r);
        m_summary->setItem(r, 0, cell(figure, Qt::AlignLeft | Qt::AlignVCenter));
        for (qsizetype i = 0; i < reports.size() && i < 2; ++i)
            m_summary->setItem(r, int(i) + 1, cell(value(reports[i])));
    };
    row(tr("ROC AUC of the score for churn"), [](const BacktestReport& r) {
        return r.auc ? QLocale().toString(*r.auc, 'f', 3) : QStringLiteral("–");
    });
    row(tr("Cases with a score"), [](const BacktestReport& r) { return QLocale().toString(r.scored); });
    row(tr("\"%1\" as a churn flag: precision").arg(first.flagBand),
        [](const BacktestReport& r) { return percent(r.precision()); });
    row(tr("\"%1\" as a churn flag: recall").arg(first.flagBand),
        [](const BacktestReport& r) { return percent(r.recall()); });
    QStringList bands;
    for (const BacktestReport& report : reports)
        for (const BacktestRate& rate : report.perBand)
            if (!bands.contains(rate.name))
                bands << rate.name;
    // "12.5% [8.1%–18.0%] of 150"; "no cases" rather than "0.0% [0.0%–100.0%] of 0".
    auto rateText = [](const BacktestRate* rate) {
        if (!rate)
            return QStringLiteral("–");
        if (rate->cases == 0)
            return tr("no cases");
        return tr("%1 of %2")
            .arg(withInterval(rate->churnRate(), rate->churnInterval()), QLocale().toString(rate->cases));
    };
    auto rateOf = [](const QList<BacktestRate>& rates, const QString& name) -> const BacktestRate* {
        for (const BacktestRate& rate : rates)
            if (rate.name == name)
                return &rate;
        return nullptr;
    };
    for (const QString& band : bands) {
        row(tr("%1: churn rate [95%]").arg(band), [&](const BacktestReport& r) {
            const BacktestRate* rate = rateOf(r.perBand, band);
            return rateText(rate);
        });
        row(tr("%1: expansion rate").arg(band), [&](const BacktestReport& r) {
            const BacktestRate* rate = rateOf(r.perBand, band);
            if (!rate)
                return QStringLiteral("–");
            return rate->cases == 0 ? tr("no cases") : percent(rate->expansionRate()); // not "0.0%" of none
        });
    }
    for (const BacktestRate& stage : first.perStage) {
        row(tr("Stage %1: churn rate [95%]").arg(stage.name), [&](const BacktestReport& r) {
            const BacktestRate* rate = rateOf(r.perStage, stage.name);
            return rateText(rate);
        });
    }
    fitSummaryColumns();
}

void TuningView::showCriteria()
{
    m_criteria->setRowCount(0);
    const qsizetype which = std::min<qsizetype>(m_criteriaOf->currentIndex(), m_reports.size() - 1);
    if (which < 0)
        return;
    const QLocale locale;
    for (const CriterionEvidence& e : m_reports.at(which).perCriterion) {
        const int r = m_criteria->rowCount();
        m_criteria->insertRow(r);
        m_criteria->setItem(r, 0, nameCell(e.stageName, e.stageName));
        // The whole label, and how it scores, on hover.
        m_criteria->setItem(
            r, 1, nameCell(e.label, e.label + QLatin1Char('\n') + tr("Scoring: %1").arg(e.threshold)));
        m_criteria->setItem(r, 2, cell(locale.toString(e.passCases)));
        m_criteria->setItem(r, 3, cell(withInterval(e.passRate(), e.passInterval())));
        m_criteria->setItem(r, 4, cell(locale.toString(e.failCases)));
        m_criteria->setItem(r, 5, cell(withInterval(e.failRate(), e.failInterval())));
        m_criteria->setItem(r, 6, cell(e.lift() ? locale.toString(*e.lift(), 'f', 2) : QStringLiteral("–")));
        m_criteria->setItem(r, 7, cell(e.auc ? locale.toString(*e.auc, 'f', 3) : QStringLiteral("–")));
        QString suggested = QStringLiteral("–");
        if (e.suggested)
            suggested = (e.lowFlags ? tr("below %1 (J %2)") : tr("above %1 (J %2)"))
                            .arg(locale.toString(e.suggested->threshold, 'g', 4),
                                 locale.toString(e.suggested->youdenJ, 'f', 2));
        m_criteria->setItem(r, 8, cell(suggested));
        auto* trust = cell(e.tooSmall ? tr("Too few") : tr("OK"), Qt::AlignCenter);
        if (e.tooSmall)
            trust->setForeground(worseTextColor());
        m_criteria->setItem(r, 9, trust);
    }
}

} // namespace tenure
