#pragma once

#include "domain/Account.h"
#include "domain/Outcome.h"
#include "engine/AccountActivity.h"
#include "engine/AccountStatus.h"
#include "engine/StatusHistory.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>

#include <memory>
#include <optional>
#include <vector>

namespace tenure {

class DayScorer;
class Evaluator;
class SummaryStore;

// What the engine scores with: the active rules and the accounts' master data, as of one day.
struct ScoringContext
{
    int rulesVersion = 0;
    std::unique_ptr<Evaluator> evaluator;
    QHash<QString, Account> accounts;
    QHash<QString, QList<Outcome>> outcomes;
    QString masterStamp;
    int today = 0;
    int historyDays = 400;

    ScoringContext();
    ~ScoringContext();
    // The account's master data; events can arrive before the CRM export that names the account.
    Account account(const QString& id) const;
};

// Where an account's history starts: its signup date when it has one or its first event,
// whichever is earlier; none when it has neither. The engine writes history from it (a trial that
// never began is what a CSM must see in its trend), and a backtest case before it has nothing to
// evaluate.
std::optional<int> historyStart(const Account& account, const AccountActivity& activity);

// The first day of history kept on `today`: `historyDays` back. A window of four weeks or more
// begins on the first of that day's month, since history is kept by month: the passes drop whole
// months as the window leaves them, and a rebuild writes the same days as the passes kept.
int historyWindowStart(int today, int historyDays);

// One account scored: today's status with its breakdown, and its history from `first` to today.
// Computing it touches no database, so it can run on another thread than the one storing it.
struct ScoredAccount
{
    QString id;
    AccountStatus status;
    int first = 0;
    std::vector<DayStatus> days;
    StatusHistory::Encoded history; // days, packed
    QByteArray breakdown; // today's, as JSON
    QByteArray aggregates; // the activity, serialized, when it is to be stored too (a rebuild)

    // Scores `activity` (finished) on the days from max(from, historyStart, the history limit) to
    // today (today alone when the account has no start yet, or one after today); `scorer` must be of the
    // context's evaluator, and used by one thread at a time.
    static ScoredAccount compute(const ScoringContext& context, DayScorer& scorer, const QString& id,
                                 const AccountActivity& activity, int from);
    // Writes the status, the history and the aggregates (when there are) into `target`.
    Status store(SummaryStore& target, int rulesVersion) const;
};

} // namespace tenure
