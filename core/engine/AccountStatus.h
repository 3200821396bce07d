#pragma once

#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace tenure {

// One health criterion's part in a score: what was seen, against what, for how many points.
struct CriterionResult
{
    QString id;
    QString label;
    QVariant observed; // invalid when there was nothing to measure (no history, no date, no seats)
    QString threshold; // the scoring rule in words, e.g. ">= 5" or "0 → 0.5"
    double earned = 0;
    double possible = 0;
};

// An account's stage, score and band as of the end of one day.
struct AccountStatus
{
    QString accountId;
    int day = 0; // DayClock day number
    QString stage; // stage id
    std::optional<double> score; // 0-100, one decimal; none for stages without criteria
    QString band; // empty when there is no score
    QList<CriterionResult> breakdown;
    std::optional<int> lastActiveDay; // the last day with any event, up to `day`; none without activity

    bool sameOutcome(const AccountStatus& other) const
    {
        return stage == other.stage && score == other.score && band == other.band;
    }
};

// One day of an account's history.
struct DayStatus
{
    QString stage;
    std::optional<double> score;
    QString band;
};

} // namespace tenure
