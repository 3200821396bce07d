#pragma once

#include "rules/RuleSet.h"
#include "tuning/Statistics.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace tenure {

class Database;

struct SuggestOptions
{
    int horizonDays = 90; // each case is measured this many days before its outcome
    std::optional<QDate> today; // default: today in the workspace zone
    // Fit on outcomes up to this day, check on the later ones. Default: the day that leaves
    // `holdoutShare` of the churns after it.
    std::optional<QDate> cutoff;
    double holdoutShare = 0.35;
    int maxPerStage = 8;
    int minTrainingChurned = 20; // fewer churned training cases: nothing is fitted
    int minHoldoutChurned = 10; // fewer churned holdout cases: nothing can be checked
    int baselineLimit = 0; // at most this many retained accounts per baseline (0: all)
    int maxEventNames = 12; // the most widespread event names are tried
    // A master-data field (kept as of today) whose criterion tells the accounts that have churned by
    // today from the others at least this well (ROC AUC) is taken as written after the outcome (a
    // churn reason, a status) and left out.
    double leakAuc = 0.95;
    // Adding a criterion must improve the fit at least this much (Rao's score statistic,
    // chi-squared with one degree of freedom; 10.83 is p = 0.001, as many candidates are tried).
    double minScoreStatistic = 10.83;
};

// One criterion of a suggestion and why it is there.
struct SuggestedCriterion
{
    QString stage; // the stages it is in, by name
    QString id;
    QString label;
    QString scoring; // the scoring rule in words
    int weight = 0;
    double coefficient = 0; // log-odds of churn per unit of unearned share
    double trainingAuc = 0; // of the criterion alone, on the training cases
    std::optional<double> lift; // churn when failing / churn when passing, training cases
    qint64 passCases = 0;
    qint64 passChurned = 0;
    qint64 failCases = 0;
    qint64 failChurned = 0;
};

// A candidate left out before the fit, and why.
struct ExcludedCandidate
{
    QString label;
    QString reason;
};

// One case the suggestion was fitted or checked on: an account as of a day.
struct SuggestionCase
{
    QString accountId;
    int day = 0;
    bool churned = false;
    std::optional<double> score; // the fitted score, as the suggested rules give it
    double activeScore = 0; // the active rules' score
};

struct Suggestion
{
    bool suggested = false; // false: `reason` says why nothing is suggested
    QString reason;
    QString activeName;
    int horizonDays = 0;
    QDate today;
    QDate cutoff; // fitted on outcomes up to this day, checked on the later ones
    qint64 candidates = 0; // candidate criteria tried
    qint64 trainingCases = 0; // with a score (a stage that has criteria)
    qint64 trainingChurned = 0;
    qint64 holdoutCases = 0;
    qint64 holdoutChurned = 0;
    std::optional<double> trainingAuc; // of the suggested score, on the cases it was fitted on
    std::optional<stats::AucEstimate> holdout; // of the suggested score, on the later cases
    std::optional<stats::AucEstimate> activeHoldout; // of the active rules, on the same cases
    std::optional<double> difference; // holdout - activeHoldout
    std::optional<stats::Interval> differenceCi95;
    QList<SuggestedCriterion> criteria;
    QList<ExcludedCandidate> excluded;
    std::optional<RuleSet> rules; // only when suggested
    std::vector<SuggestionCase> training; // every scored case, for checks
    std::vector<SuggestionCase> holdoutList;

    // The verdict in one or two sentences: what is suggested and how it did, or why nothing is.
    QString summary() const;
};

// Fits suggested rules to the workspace's own outcomes and validates them on later ones.
//
// Cases are the backtest's (backtest::casesFor): each outcome as of `horizonDays` before it,
// and retained accounts as of `horizonDays` before the last day whose outcomes are known. The
// training cases are those of the outcomes up to the cut-off, with the retained baseline as of
// the cut-off; the holdout cases are the later outcomes' and the baseline as of today. Every value
// is measured point in time by Evaluator::measure(): no event after a case's day counts.
//
// Candidate criteria (SuggestFeatures) get thresholds from the training cases; forward
// selection by Rao's score test picks at most `maxPerStage` into an L2-regularised logistic
// regression; its positive coefficients, scaled to 100 and rounded, become the weights of an
// ordinary rule set with the active rules' stages and bands. The suggested score and the active
// rules' score are compared on the holdout by DeLong's method; nothing is suggested when the
// suggestion's interval includes 0.5, or when the active rules did better beyond doubt (the
// interval of the difference lies below 0).
class RuleSuggester
{
    Q_DECLARE_TR_FUNCTIONS(RuleSuggester)

public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    explicit RuleSuggester(Database& db);

    // Reads the engine's aggregates: bring them up to date with ScoringEngine::run() first.
    Result<Suggestion> run(const RuleSet& active, const SuggestOptions& options,
                           const Progress& progress = {}, const std::atomic_bool* cancel = nullptr);

private:
    Database& m_db;
};

} // namespace tenure
