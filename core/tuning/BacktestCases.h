#pragma once

#include "domain/Outcome.h"

#include <QList>

namespace tenure::backtest {

// One account as of one day, and what followed within the horizon.
struct Case
{
    int day = 0;
    bool churned = false;
    bool expanded = false;
    bool fromOutcome = false;
};

// The cases of one account: one per outcome dated on or before `today`, as of `horizon` days
// before it, and, with `baseline`, one as of `horizon` days before `today` when the account had
// not churned by `today`. A case is churned when a churn followed it within the horizon and on or
// before `today`: nothing dated after `today` is seen.
QList<Case> casesFor(const QList<Outcome>& outcomes, int today, int horizon, bool baseline);

} // namespace tenure::backtest
