#include "engine/AccountScoring.h"

#include "engine/DayClock.h"
#include "engine/DayScorer.h"
#include "engine/Evaluator.h"
#include "engine/SummaryStore.h"

#include <QDateTime>

namespace tenure {

ScoringContext::ScoringContext() = default;
ScoringContext::~ScoringContext() = default;

Account ScoringContext::account(const QString& id) const
{
    const auto found = accounts.constFind(id);
    if (found != accounts.constEnd())
        return *found;
    Account unknown;
    unknown.id = id;
    unknown.name = id;
    return unknown;
}

std::optional<int> historyStart(const Account& account, const AccountActivity& activity)
{
    std::optional<int> first = activity.firstDay();
    if (account.signupDate.isValid()) {
        const int signup = DayClock::dayNumber(account.signupDate);
        first = first ? std::min(*first, signup) : signup;
    }
    return first;
}

int historyWindowStart(int today, int historyDays)
{
    const int first = today - historyDays + 1;
    if (historyDays < 28)
        return first;
    const QDate date = DayClock::date(first);
    return DayClock::dayNumber(QDate(date.year(), date.month(), 1));
}

ScoredAccount ScoredAccount::compute(const ScoringContext& context, DayScorer& scorer, const QString& id,
                                     const AccountActivity& activity, int from)
{
    const int today = context.today;
    const Account account = context.account(id);
    // From its signup where that is earlier than its first event: what the passes kept since the
    // account was imported, a rebuild from the log writes too.
    const int start = std::max({ from, historyStart(account, activity).value_or(today),
                                 historyWindowStart(today, context.historyDays) });
    const QList<Outcome> outcomes = context.outcomes.value(id);
    ScoredAccount scored;
    scored.id = id;
    // The days before today by the day scorer, today with its breakdown by the evaluator.
    scored.first = std::min(start, today);
    scorer.score(account, outcomes, activity, scored.first, today - 1, scored.days);
    scored.status = context.evaluator->evaluate(account, outcomes, activity, today);
    scored.status.lastActiveDay = activity.lastDay({}, today);
    scored.days.push_back({ scored.status.stage, scored.status.score, scored.status.band });
    scored.history = StatusHistory::encode(scored.first, scored.days);
    scored.breakdown = BreakdownCodec::encode(scored.status.breakdown);
    return scored;
}

Status ScoredAccount::store(SummaryStore& target, int rulesVersion) const
{
    if (!aggregates.isNull()) {
        if (Status saved = target.saveActivity(id, aggregates); !saved)
            return Error {
                QCoreApplication::translate("ScoringEngine", "account %1: %2").arg(id, saved.error())
            };
    }
    if (Status written = target.writeHistory(id, history, days); !written)
        return Error {
            QCoreApplication::translate("ScoringEngine", "account %1: %2").arg(id, written.error())
        };
    if (Status written
        = target.writeStatus(status, QDateTime::currentMSecsSinceEpoch(), rulesVersion, breakdown);
        !written)
        return Error {
            QCoreApplication::translate("ScoringEngine", "account %1: %2").arg(id, written.error())
        };
    return {};
}

} // namespace tenure
