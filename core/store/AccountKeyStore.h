#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <span>

namespace tenure {

class Database;

// Keys of other systems that stand for an account: a billing subscription, a product user, a
// CRM contact. Usage exports are often keyed by them; importers resolve them to account ids here.
// Keys live in namespaces ("subscription", "user", ...) so that ids of different systems never
// collide. A key maps to one account; a later import may move it to another.
class AccountKeyStore
{
    Q_DECLARE_TR_FUNCTIONS(AccountKeyStore)

public:
    struct Entry
    {
        QString key;
        QString accountId;
    };

    struct Counts
    {
        qsizetype inserted = 0;
        qsizetype changed = 0;
        qsizetype unchanged = 0;
    };

    explicit AccountKeyStore(Database& db);

    // Inserts or moves the keys of `ns`, in one transaction (or a savepoint of the caller's).
    Result<Counts> upsert(const QString& ns, std::span<const Entry> entries, const QString& source);
    // Every key of the namespace with its account: importers load it once per file.
    Result<QHash<QString, QString>> load(const QString& ns) const;
    qint64 count(const QString& ns = {}) const;

private:
    Database& m_db;
};

} // namespace tenure
