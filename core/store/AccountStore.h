#pragma once

#include "domain/Account.h"
#include "domain/Outcome.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>
#include <span>
#include <vector>

namespace tenure {

class Database;

// Master data: accounts (upserted from the CRM) and their outcomes (what really happened).
class AccountStore
{
    Q_DECLARE_TR_FUNCTIONS(AccountStore)

public:
    struct OutcomeCounts
    {
        qsizetype inserted = 0;
        qsizetype duplicates = 0;
    };

    explicit AccountStore(Database& db);

    // Inserts new accounts and updates known ones, all in one transaction.
    Status upsert(std::span<const Account> accounts);
    // Adds outcomes in one transaction; an unknown account or bad row fails the whole call.
    Result<OutcomeCounts> addOutcomes(std::span<const Outcome> outcomes);

    std::optional<Account> find(const QString& id) const;
    Result<QList<Account>> all() const;
    // The accounts of these ids that exist, in the order of ids (an action queue's refresh of the
    // accounts a scoring pass re-scored).
    Result<QList<Account>> some(const QStringList& ids) const;
    // Every account by id, read straight into the hash (the engine's whole portfolio).
    Result<QHash<QString, Account>> byId() const;
    // Every owner named on an account, once, sorted case-insensitively (the owner filters).
    Result<QStringList> owners() const;
    // Every account's id as UTF-8, in the database's order of ids (their bytes').
    Result<std::vector<QByteArray>> ids() const;
    Result<QList<Outcome>> outcomesFor(const QString& accountId) const;
    // Every outcome of the workspace, by account.
    Result<QHash<QString, QList<Outcome>>> allOutcomes() const;
    // Changes whenever accounts or outcomes change: lets derived data know it is stale. (Each
    // account upsert() writes has an update time newer than any before it; an account edited by
    // hand without one goes unseen until the next change.)
    QString masterDataStamp() const;
    qint64 count() const;
    qint64 outcomeCount() const;

private:
    Database& m_db;
};

} // namespace tenure
