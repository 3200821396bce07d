#pragma once

#include "tuning/RuleSuggester.h"
#include "tuning/SuggestFeatures.h"

#include <QCoreApplication>

#include <vector>

namespace tenure::suggest {

// The scored cases of a suggestion, in the order they were measured.
struct CaseTable
{
    std::vector<SuggestionCase> cases;
    std::vector<bool> holdout;
    std::vector<double> activeScore;
    // The account churned at some time up to today: what master data, kept as of today, may
    // have been written after.
    std::vector<bool> accountChurned;
};

// From the candidates' values on the cases: thresholds (on the training cases only), candidate
// criteria, forward selection and weights.
class Fit
{
    Q_DECLARE_TR_FUNCTIONS(RuleSuggester)

public:
    Fit(const CaseTable& table, const QList<CandidateMeasure>& measures, const std::vector<Column>& columns,
        const SuggestOptions& options);

    qint64 candidates() const { return qint64(m_options.size()); }
    const QList<ExcludedCandidate>& excluded() const { return m_excluded; }
    const std::vector<size_t>& selected() const { return m_selected; }
    // The suggested score (0-100, as the engine computes it) of every case, in the table's order.
    std::vector<double> scores() const;
    QList<SuggestedCriterion> criteria() const;
    QList<HealthCriterion> healthCriteria() const;

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
    void select();

    const CaseTable& m_table;
    const QList<CandidateMeasure>& m_measures;
    const std::vector<Column>& m_columns;
    SuggestOptions m_settings;
    std::vector<size_t> m_order; // fit position -> case index, training cases first
    size_t m_training = 0;
    std::vector<bool> m_y; // training labels, in fit order
    std::vector<Option> m_options;
    QList<ExcludedCandidate> m_excluded;
    std::vector<size_t> m_selected;
    std::vector<double> m_coefficients;
    std::vector<int> m_weights;
};

} // namespace tenure::suggest
