#pragma once

#include "tuning/RuleSuggester.h"
#include "tuning/SuggestFeatures.h"

#include <QCoreApplication>
#include <QHash>

#include <vector>

namespace tenure::suggest {

// The scored cases of a suggestion, in the order they were measured.
struct CaseTable
{
    std::vector<SuggestionCase> cases;
    std::vector<bool> holdout;
    std::vector<double> activeScore;
    std::vector<int> stage; // index into the active rules' stages
    // The account churned at some time up to today: what master data, kept as of today, may
    // have been written after.
    std::vector<bool> accountChurned;
};

// From the candidates' values on the cases: thresholds (on the training cases only), candidate
// criteria, forward selection and weights: one selection for every stage that has criteria, and
// a stage's own where its training cases are many enough and it ranks the training cases better.
class Fit
{
    Q_DECLARE_TR_FUNCTIONS(RuleSuggester)

public:
    Fit(const CaseTable& table, const QList<CandidateMeasure>& measures, const std::vector<Column>& columns,
        const SuggestOptions& options, const RuleSet& active);

    // Candidate criteria tried (thresholds chosen), whether or not they carried enough signal to
    // be considered for selection.
    qint64 candidates() const { return m_tried; }
    const QList<ExcludedCandidate>& excluded() const { return m_excluded; }
    bool empty() const { return m_pooled.options.empty(); }
    // The suggested score (0-100, as the engine computes it) of every case, in the table's order.
    std::vector<double> scores() const;
    QList<SuggestedCriterion> criteria() const;
    // The criteria of the active rules' stage `stage` (an index).
    QList<HealthCriterion> healthCriteria(int stage) const;

private:
    struct Option
    {
        int measure = 0;
        Scoring scoring;
        std::vector<float> risk; // 1 - the share earned, training cases first
        double auc = 0.5;
        qint64 passCases = 0;
        qint64 passChurned = 0;
        qint64 failCases = 0;
        qint64 failChurned = 0;
    };

    void addNumber(int measure, const Column& column);
    void addText(int measure, const Column& column);
    void addBoolean(int measure, const Column& column);
    // Computes the option's risks and training figures; keeps it when it carries some signal.
    void add(Option option);

    // Chosen options with their coefficients and rounded weights.
    struct Selection
    {
        std::vector<size_t> options;
        std::vector<double> coefficients;
        std::vector<int> weights;
    };
    // Forward selection on the training cases at these fit positions.
    Selection select(const std::vector<size_t>& rows) const;
    const Selection& selectionFor(int stage) const;
    double score(const Selection& selection, size_t position) const;
    // The ROC AUC of the score on all training cases, with stage `stage` scored by `selection`.
    double trainingAuc(int stage = -1, const Selection* selection = nullptr) const;

    const CaseTable& m_table;
    const QList<CandidateMeasure>& m_measures;
    const std::vector<Column>& m_columns;
    SuggestOptions m_settings;
    std::vector<size_t> m_order; // fit position -> case index, training cases first
    size_t m_training = 0;
    std::vector<bool> m_y; // training labels, in fit order
    std::vector<Option> m_options;
    qint64 m_tried = 0;
    QList<ExcludedCandidate> m_excluded;
    const RuleSet& m_active;
    Selection m_pooled;
    QHash<int, Selection> m_perStage;
};

} // namespace tenure::suggest
