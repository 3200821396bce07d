#pragma once

#include "rules/RuleSet.h"
#include "tuning/Statistics.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <array>
#include <atomic>
#include <functional>
#include <optional>

namespace tenure {

class Database;

struct BacktestOptions
{
    int horizonDays = 90; // each case is scored this many days before its outcome
    std::optional<QDate> today; // default: today in the workspace zone
    bool baseline = true; // add accounts that have not churned as the retained baseline
    int baselineLimit = 0; // at most this many of them (a fixed sample); 0: all of them
    int minSample = 30; // fewer cases on a side of a criterion: flagged as too small to trust
    int minChurned = 5; // fewer churned cases behind a criterion: flagged likewise
};

// Churn and expansion among the cases of one band or stage.
struct BacktestRate
{
    QString key; // band name or stage id
    QString name; // what to show
    qint64 cases = 0;
    qint64 churned = 0;
    qint64 expanded = 0;
    double churnRate() const { return cases ? double(churned) / double(cases) : 0; }
    double expansionRate() const { return cases ? double(expanded) / double(cases) : 0; }
    stats::Interval churnInterval() const { return stats::wilson(churned, cases); }
};

// What one health criterion tells about churn, over the cases whose stage has it.
struct CriterionEvidence
{
    QString stage;
    QString stageName;
    QString criterion;
    QString label;
    QString threshold; // the scoring rule as it is, in words
    qint64 passCases = 0; // earning at least half the criterion's points
    qint64 passChurned = 0;
    qint64 failCases = 0;
    qint64 failChurned = 0;
    std::optional<double> auc; // of the observed value for churn, oriented as the rule is
    bool lowFlags = true; // low observed values are the risky ones
    std::optional<stats::Cutoff> suggested; // the cut-off that separates churn best
    bool tooSmall = false;

    double passRate() const { return passCases ? double(passChurned) / double(passCases) : 0; }
    double failRate() const { return failCases ? double(failChurned) / double(failCases) : 0; }
    stats::Interval passInterval() const { return stats::wilson(passChurned, passCases); }
    stats::Interval failInterval() const { return stats::wilson(failChurned, failCases); }
    // Churn when failing over churn when passing: how much more likely a failing account churns.
    std::optional<double> lift() const
    {
        if (!passCases || !failCases || passChurned == 0)
            return std::nullopt;
        return failRate() / passRate();
    }
};

// How well a rule set's stage, score and band, as of `horizonDays` before what happened,
// foretold it.
struct BacktestReport
{
    QString rulesName;
    int horizonDays = 0;
    QDate today;
    qint64 cases = 0;
    qint64 churned = 0; // cases followed by a churn within the horizon
    qint64 outcomeCases = 0; // cases from outcomes (the rest: retained baseline)
    qint64 skipped = 0; // outcomes with no history as of their as-of day
    // Of those: outcomes of accounts with neither an event nor a signup date, whose history
    // cannot start anywhere (a workspace of CRM accounts and outcomes without usage, say).
    qint64 skippedNoStart = 0;
    // Says what skippedNoStart means and what to do about it; empty when it is 0.
    QString skippedNoStartMessage() const;
    qint64 scored = 0; // cases in a stage with a score
    qint64 scoredChurned = 0;
    std::optional<double> auc; // of the score for churn (low scores flag churn)
    QList<stats::RocPoint> roc;
    QString flagBand; // the lowest band, taken as the churn flag
    qint64 flagged = 0;
    qint64 flaggedChurned = 0;
    std::optional<double> precision() const
    {
        return flagged ? std::optional(double(flaggedChurned) / double(flagged)) : std::nullopt;
    }
    std::optional<double> recall() const
    {
        return scoredChurned ? std::optional(double(flaggedChurned) / double(scoredChurned)) : std::nullopt;
    }
    QList<BacktestRate> perBand; // in the rule set's band order
    QList<BacktestRate> perStage; // in stage order
    QList<CriterionEvidence> perCriterion;
    std::array<qint64, 10> churnedScores {}; // score histogram in tenths: [0,10), ..., [90,100]
    std::array<qint64, 10> retainedScores {};
};

// Replays history: for every outcome (churned, renewed, expanded, contracted) it evaluates the
// account as of `horizonDays` before, point in time from the log's aggregates (no event after
// that day counts), and adds every account that has not churned, as of `horizonDays` before today,
// as the retained baseline. A case is "churned" when a churn followed within the horizon.
//
// Several rule sets are evaluated on the same cases in one pass (active against candidate).
// Reads the engine's aggregates: bring them up to date with ScoringEngine::run() first.
class Backtest
{
    Q_DECLARE_TR_FUNCTIONS(Backtest)

public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    explicit Backtest(Database& db);

    Result<QList<BacktestReport>> run(const QList<RuleSet>& ruleSets, const BacktestOptions& options,
                                      const Progress& progress = {},
                                      const std::atomic_bool* cancel = nullptr);

private:
    Database& m_db;
};

} // namespace tenure
