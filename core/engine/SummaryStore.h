#pragma once

#include "engine/AccountActivity.h"
#include "engine/AccountStatus.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace tenure {

class Database;

// The engine's read side: daily aggregates of the log, each account's current status and its
// day-by-day history, and the engine's checkpoint. All of it can be rebuilt from the log: a
// rebuild fills a shadow set of tables (suffix "_next") and swaps it in with one transaction.
class SummaryStore
{
    Q_DECLARE_TR_FUNCTIONS(SummaryStore)

public:
    // Daily aggregates of one batch of events, merged into the tables by addAggregates().
    struct AggregateBatch
    {
        std::map<std::tuple<QString, QString, int>, std::pair<double, qint64>> daily; // (account, name, day)
        std::set<std::tuple<QString, int, QString>> users; // (account, day, user)
        QHash<QString, int> earliestDay; // per touched account: the earliest day the batch touched
    };

    struct Count
    {
        QString stage;
        QString band;
        qint64 accounts;
    };

    static constexpr auto kShadowSuffix = "_next";
    static QStringList createStatements(const QString& suffix);
    static QStringList indexStatements();

    explicit SummaryStore(Database& db, QString suffix = {});

    Status addAggregates(const AggregateBatch& batch);
    Result<AccountActivity> loadActivity(const QString& accountId) const;
    // Every account id that has aggregates, plus `also`, sorted.
    Result<QStringList> accountIds(const QStringList& also) const;

    Status writeStatus(const AccountStatus& status, qint64 computedAt, int rulesVersion);
    Status writeHistory(const AccountStatus& status);
    Result<std::optional<AccountStatus>> status(const QString& accountId) const;
    Result<QList<AccountStatus>> history(const QString& accountId) const;
    Result<QList<Count>> counts() const;

    QString state(const QString& key, const QString& fallback = {}) const;
    Status setState(const QString& key, const QString& value);

    // Shadow tables for a rebuild. replaceWithShadow() swaps them in, atomically.
    static Status createShadow(Database& db);
    static Status dropShadow(Database& db);
    static Status replaceWithShadow(Database& db);

private:
    QString table(const char* name) const { return QLatin1String(name) + m_suffix; }

    Database& m_db;
    QString m_suffix;
};

} // namespace tenure
