#include "store/AccountKeyStore.h"

#include "store/Database.h"
#include "store/SqliteStatement.h"
#include "store/Transaction.h"

#include <QDateTime>

namespace tenure {

AccountKeyStore::AccountKeyStore(Database& db)
    : m_db(db)
{
}

Result<AccountKeyStore::Counts> AccountKeyStore::upsert(const QString& ns, std::span<const Entry> entries,
                                                        const QString& source)
{
    if (ns.trimmed().isEmpty())
        return Error { tr("A key namespace needs a name.") };
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return Error { transaction.startError() };
    sqlite3* handle = m_db.handle();
    Result<SqliteStatement> current = SqliteStatement::prepare(
        handle, "SELECT account_id FROM account_keys WHERE namespace = ? AND key = ?");
    Result<SqliteStatement> write = SqliteStatement::prepare(
        handle,
        "INSERT INTO account_keys (namespace, key, account_id, source, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (namespace, key) DO UPDATE SET account_id = excluded.account_id, "
        "source = excluded.source, updated_at = excluded.updated_at");
    if (!current || !write)
        return Error { current ? write.error() : current.error() };

    Counts counts;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Entry& entry : entries) {
        if (entry.key.isEmpty() || entry.accountId.isEmpty())
            return Error {
                tr("Key \"%1\" → account \"%2\": both must be non-empty.").arg(entry.key, entry.accountId)
            };
        current->bind(1, ns);
        current->bind(2, entry.key);
        const int found = sqlite3_step(current->get());
        const QString previous = found == SQLITE_ROW ? current->text(0) : QString();
        sqlite3_reset(current->get());
        if (found == SQLITE_ROW && previous == entry.accountId) {
            ++counts.unchanged;
            continue;
        }
        write->bind(1, ns);
        write->bind(2, entry.key);
        write->bind(3, entry.accountId);
        write->bind(4, source);
        write->bind(5, now);
        const int rc = sqlite3_step(write->get());
        sqlite3_reset(write->get());
        if (rc != SQLITE_DONE)
            return Error {
                tr("Cannot store key \"%1\": %2").arg(entry.key, QString::fromUtf8(sqlite3_errmsg(handle)))
            };
        ++(found == SQLITE_ROW ? counts.changed : counts.inserted);
    }
    if (Status committed = transaction.commit(); !committed)
        return Error { committed.error() };
    return counts;
}

Result<QHash<QString, QString>> AccountKeyStore::load(const QString& ns) const
{
    Result<SqliteStatement> select = SqliteStatement::prepare(
        m_db.handle(), "SELECT key, account_id FROM account_keys WHERE namespace = ?");
    if (!select)
        return Error { select.error() };
    select->bind(1, ns);
    QHash<QString, QString> keys;
    int rc;
    while ((rc = sqlite3_step(select->get())) == SQLITE_ROW)
        keys.insert(select->text(0), select->text(1));
    if (rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    return keys;
}

qint64 AccountKeyStore::count(const QString& ns) const
{
    Result<SqliteStatement> select = SqliteStatement::prepare(
        m_db.handle(), "SELECT count(*) FROM account_keys WHERE ?1 IS NULL OR namespace = ?1");
    if (!select)
        return -1;
    select->bind(1, ns);
    return sqlite3_step(select->get()) == SQLITE_ROW ? select->int64(0) : -1;
}

} // namespace tenure
