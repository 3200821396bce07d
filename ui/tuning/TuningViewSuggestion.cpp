// The Tuning view's Suggestion tab: what RuleSuggester proposed and why, or why nothing.
#include "rules/RuleSetEditor.h"
#include "tuning/TuningCells.h"
#include "tuning/TuningView.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>

namespace tenure {

using tuningcells::cell;
using tuningcells::nameCell;
using tuningcells::percent;

void TuningView::showSuggestion()
{
    m_suggestionTable->setRowCount(0);
    m_useSuggestion->setEnabled(false);
    m_suggestionExcluded->clear();
    if (!m_suggestion) {
        m_suggestionText->setText(tr(
            "Suggest Rules… fits criteria to this workspace's outcomes before a cut-off day and checks them "
            "on the outcomes after it."));
        return;
    }
    const Suggestion& s = *m_suggestion;
    const QLocale locale;
    auto auc = [&](const std::optional<stats::AucEstimate>& e) {
        return e ? tr("%1 [95%: %2–%3]")
                       .arg(locale.toString(e->auc, 'f', 3), locale.toString(e->ci95.low, 'f', 3),
                            locale.toString(e->ci95.high, 'f', 3))
                 : QStringLiteral("–");
    };
    QStringList lines;
    if (!s.suggested)
        lines << s.reason;
    if (s.cutoff.isValid())
        lines
            << tr("Fitted on %1 cases up to %2 (%3 churned), checked on %4 later cases (%5 churned), %6 days "
                  "ahead.")
                   .arg(locale.toString(s.trainingCases), s.cutoff.toString(Qt::ISODate),
                        locale.toString(s.trainingChurned), locale.toString(s.holdoutCases),
                        locale.toString(s.holdoutChurned))
                   .arg(s.horizonDays);
    if (s.holdout)
        lines << tr("Holdout ROC AUC: suggested %1, active rules %2 (the same cases).")
                     .arg(auc(s.holdout), auc(s.activeHoldout));
    m_suggestionText->setText(lines.join(QLatin1Char('\n')));
    for (const SuggestedCriterion& c : s.criteria) {
        const int r = m_suggestionTable->rowCount();
        m_suggestionTable->insertRow(r);
        m_suggestionTable->setItem(r, 0, nameCell(c.stage, c.stage));
        m_suggestionTable->setItem(
            r, 1, nameCell(c.label, c.label + QLatin1Char('\n') + tr("Stages: %1").arg(c.stage)));
        m_suggestionTable->setItem(r, 2, nameCell(c.scoring, c.scoring));
        m_suggestionTable->setItem(r, 3, cell(locale.toString(c.weight)));
        m_suggestionTable->setItem(r, 4, cell(locale.toString(c.trainingAuc, 'f', 3)));
        m_suggestionTable->setItem(r, 5,
                                   cell(c.lift ? locale.toString(*c.lift, 'f', 2) : QStringLiteral("–")));
        auto rate = [&](qint64 churned, qint64 cases) {
            return tr("%1 of %2")
                .arg(percent(cases ? double(churned) / double(cases) : 0), locale.toString(cases));
        };
        m_suggestionTable->setItem(r, 6, cell(rate(c.failChurned, c.failCases)));
        m_suggestionTable->setItem(r, 7, cell(rate(c.passChurned, c.passCases)));
    }
    QStringList excluded;
    for (const ExcludedCandidate& e : s.excluded)
        excluded << tr("Left out: %1: %2").arg(e.label, e.reason);
    m_suggestionExcluded->setText(excluded.join(QLatin1Char('\n')));
    m_useSuggestion->setEnabled(s.suggested && s.rules.has_value());
}

void TuningView::useSuggestion()
{
    if (!m_suggestion || !m_suggestion->rules)
        return;
    m_editor->setRules(*m_suggestion->rules);
    m_editor->setModified(true);
    m_adopt->setEnabled(!m_path.isEmpty());
    m_status->setText(
        tr("The suggestion is the candidate now: it is being backtested beside the active rules. "
           "Adopt it, or edit it first."));
    runBacktest();
}

} // namespace tenure
