#pragma once

#include "engine/AccountActivity.h"
#include "engine/AccountStatus.h"
#include "engine/BreakdownCodec.h"
#include "engine/StatusHistory.h"
#include "store/SqliteStatement.h"
#include "store/SummarySchema.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlQuery>

#include <climits>
#include <functional>
#include <optional>

namespace tenure {

class Database;

// The engine's read side: daily aggregates of the log (one compact row per account), each account's current
// status and its day-by-day history, and the engine's checkpoint. All of it can be rebuilt from the log: a
// rebuild fills a shadow set of tables (suffix "_next") and swaps it in with one transaction.
class SummaryStore
{
    Q_DECLARE_TR_FUNCTIONS(SummaryStore)

public:
    // What one batch of events adds to one account's daily aggregates.
    struct AccountDelta
    {
        QHash<QPair<QString, int>, double> daily; // (name, day) -> quantity
        QSet<QPair<int, QString>> users; // (day, user)
        int earliestDay = INT_MAX; // the earliest day the batch touched
    };
    using AggregateBatch = QHash<QString, AccountDelta>; // by account id

    struct Count
    {
        QString stage;
        QString band;
        qint64 accounts;
    };

    // The tables' shape is the store's (SummarySchema): the migrations create them too.
    static constexpr auto kShadowSuffix = SummarySchema::kShadowSuffix;
    using Scope = SummarySchema::Scope;

    explicit SummaryStore(Database& db, QString suffix = {});

    // Loads the account's aggregates, adds the delta, stores them back and returns the result.
    Result<AccountActivity> mergeActivity(const QString& accountId, const AccountDelta& delta);
    Status saveActivity(const QString& accountId, const AccountActivity& activity)
    {
        return saveActivity(accountId, activity.serialize());
    }
    Status saveActivity(const QString& accountId, const QByteArray& serialized);
    Result<AccountActivity> loadActivity(const QString& accountId) const;
    // The account's stored aggregates, serialized (empty when it has none).
    Result<QByteArray> activityData(const QString& accountId) const;
    // The stored aggregates (serialized) of the accounts from `first` to `last`, by account id.
    Result<QHash<QString, QByteArray>> activityData(const QString& first, const QString& last) const;
    // Every account id that has aggregates, plus `also`, sorted.
    Result<QStringList> accountIds(const QStringList& also) const;

    Status writeStatus(const AccountStatus& status, qint64 computedAt, int rulesVersion)
    {
        return writeStatus(status, computedAt, rulesVersion, BreakdownCodec::encode(status.breakdown));
    }
    // With the breakdown already encoded (BreakdownCodec::encode(), which can run on any thread).
    Status writeStatus(const AccountStatus& status, qint64 computedAt, int rulesVersion,
                       const QByteArray& breakdown);
    // The account's statuses on the days first, first + 1, ... (see StatusHistory::write).
    Status writeHistory(const QString& accountId, int first, const std::vector<DayStatus>& days)
    {
        return m_history.write(accountId, first, days);
    }
    // Every account's history before the month of `day` (StatusHistory::dropMonthsBefore).
    Status dropHistoryBefore(int day) { return m_history.dropMonthsBefore(day); }
    // A rebuild's accounts per day, stage and band, added once its shadow history is written.
    Status addDayCounts(const DayTally& tally) { return m_history.addDayCounts(tally); }
    Status writeHistory(const QString& accountId, const StatusHistory::Encoded& encoded,
                        const std::vector<DayStatus>& days)
    {
        return m_history.write(accountId, encoded, days);
    }
    Result<std::optional<AccountStatus>> status(const QString& accountId) const;
    Result<QList<AccountStatus>> history(const QString& accountId) const;
    Result<QList<Count>> counts() const;

    // Whether this store writes a rebuild's shadow tables (else the live read side).
    bool isShadow() const { return !m_suffix.isEmpty(); }

    QString state(const QString& key, const QString& fallback = {}) const;
    Status setState(const QString& key, const QString& value);

    // Shadow tables for a rebuild. replaceWithShadow() swaps them in, atomically. A Scores shadow
    // starts with a copy of the live engine state (the checkpoint of the aggregates it scores).
    static Status createShadow(Database& db, Scope scope = Scope::Everything);
    static Status dropShadow(Database& db);
    static Status replaceWithShadow(Database& db, Scope scope = Scope::Everything);
    // What a swap changes, found in its transaction, before the live tables go: the accounts whose
    // results differ between the live summaries and the shadow (their status, breakdown included,
    // or a day of their history from `historyFrom` on; an account on one side only), the live
    // checkpoint and generation, and the shadow's checkpoint. Only when the engine state holds the
    // same value on both sides for every key of `sameState` (the day, the rules, the accounts, the
    // zone): else everything may have moved, and nothing is compared. A comparison that fails
    // leaves `compared` false and the swap goes on.
    struct SwapChanges
    {
        QStringList sameState; // in
        QDate historyFrom; // in: the history before this day is not compared (invalid: all of it)
        bool compared = false;
        qint64 liveCheckpoint = -1;
        QString liveGeneration;
        qint64 shadowCheckpoint = -1;
        QSet<QString> accounts;
        QSet<QString> historyBefore; // whose live history holds a day before historyFrom
    };
    static Status replaceWithShadow(Database& db, Scope scope, SwapChanges* changes);

private:
    enum Statement { SaveActivity, LoadActivity, ActivityRange, UpsertStatus, StatementCount };
    QString table(const char* name) const { return QLatin1String(name) + m_suffix; }
    // Prepared once per store and reused (reset, bindings cleared): the engine writes one history
    // row per account and day, so these run on the raw handle. `sql` makes the statement's text.
    template <typename Sql> Result<sqlite3_stmt*> statement(Statement which, const Sql& sql) const
    {
        return SqliteStatement::reuse(m_statements[which], handle(), sql);
    }
    sqlite3* handle() const;

    Database& m_db;
    QString m_suffix;
    mutable std::optional<SqliteStatement> m_statements[StatementCount];
    StatusHistory m_history;
};

} // namespace tenure
