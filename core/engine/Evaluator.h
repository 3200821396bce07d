#pragma once

#include "domain/Account.h"
#include "domain/Outcome.h"
#include "engine/AccountActivity.h"
#include "engine/AccountStatus.h"
#include "rules/RuleSet.h"

#include <QHash>

namespace tenure {

// Applies a rule set to one account as of the end of one day. Pure: it sees only what it is
// given and, of the activity, only days up to `day`, so evaluating a past day never looks ahead.
class Evaluator
{
public:
    explicit Evaluator(RuleSet rules);

    const RuleSet& rules() const { return m_rules; }

    enum class Detail {
        Full, // with the per-criterion breakdown
        ScoreOnly, // stage, score and band: what a history row keeps
    };

    AccountStatus evaluate(const Account& account, const QList<Outcome>& outcomes,
                           const AccountActivity& activity, int day, Detail detail = Detail::Full) const;

    // The value a measure takes (invalid QVariant: nothing to measure).
    static QVariant measure(const Measure& measure, const Account& account, const QList<Outcome>& outcomes,
                            const AccountActivity& activity, int day);
    static bool holds(const Comparison& comparison, const QVariant& observed);
    // Share (0..1) of a criterion's weight that `observed` earns.
    static double share(const Scoring& scoring, const QVariant& observed);
    // The share a measured number earns under linear or tiered scoring.
    static double graded(const Scoring& scoring, double value);
    static QString describe(const Scoring& scoring);
    QString bandFor(double score) const;

private:
    bool holds(const Condition& condition, const Account& account, const QList<Outcome>& outcomes,
               const AccountActivity& activity, int day) const;

    RuleSet m_rules;
    QHash<QString, QString> m_thresholds; // "stage/criterion" -> describe(scoring), made once
};

} // namespace tenure
