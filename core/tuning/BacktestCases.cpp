#include "tuning/BacktestCases.h"

#include "engine/DayClock.h"

#include <algorithm>

namespace tenure::backtest {

QList<Case> casesFor(const QList<Outcome>& outcomes, int today, int horizon, bool baseline)
{
    QList<Case> cases;
    auto followed = [&](int day, Outcome::Kind kind) {
        return std::any_of(outcomes.begin(), outcomes.end(), [&](const Outcome& o) {
            const int d = DayClock::dayNumber(o.date);
            return o.kind == kind && d > day && d <= day + horizon && d <= today;
        });
    };
    auto add = [&](int day, bool fromOutcome) {
        if (std::any_of(cases.begin(), cases.end(), [&](const Case& c) { return c.day == day; }))
            return;
        cases.append({ day, followed(day, Outcome::Kind::Churned), followed(day, Outcome::Kind::Expanded),
                       fromOutcome });
    };
    bool churnedEver = false;
    for (const Outcome& outcome : outcomes) {
        const int day = DayClock::dayNumber(outcome.date);
        if (day > today)
            continue;
        churnedEver |= outcome.kind == Outcome::Kind::Churned;
        add(day - horizon, true);
    }
    if (baseline && !churnedEver)
        add(today - horizon, false);
    return cases;
}

} // namespace tenure::backtest
