#include "store/AccountStore.h"

#include "store/Database.h"
#include "store/SqliteStatement.h"
#include "store/Transaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace tenure {

namespace {

QVariant dateValue(const QDate& date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

template <typename T> QVariant optionalValue(const std::optional<T>& value)
{
    return value ? QVariant::fromValue(*value) : QVariant(QMetaType::fromType<T>());
}

// The account of a row of kAccountColumns. On the raw handle: the engine loads every account
// (100k and more) before a rebuild, and QSqlQuery's per-value QVariants cost more than the rest.
Account accountFrom(const SqliteStatement& row)
{
    auto isNull = [&row](int column) { return sqlite3_column_type(row.get(), column) == SQLITE_NULL; };
    Account account;
    account.id = row.text(0);
    account.name = row.text(1);
    account.owner = row.text(2);
    account.plan = row.text(3);
    if (!isNull(4))
        account.arr = row.real(4);
    account.currency = row.text(5);
    if (!isNull(6))
        account.seats = int(row.int64(6));
    account.signupDate = QDate::fromString(row.text(7), Qt::ISODate);
    account.renewalDate = QDate::fromString(row.text(8), Qt::ISODate);
    const QByteArrayView attributes(static_cast<const char*>(sqlite3_column_blob(row.get(), 9)),
                                    sqlite3_column_bytes(row.get(), 9));
    if (!attributes.isEmpty() && attributes != "{}")
        account.attributes = QJsonDocument::fromJson(attributes.toByteArray()).object();
    return account;
}

constexpr auto kAccountColumns
    = "id, name, owner, plan, arr, currency, seats, signup_date, renewal_date, attributes";

// Every column accountFrom() reads, of the accounts `clause` selects.
Result<SqliteStatement> selectAccounts(sqlite3* handle, const char* clause)
{
    return SqliteStatement::prepare(
        handle, (QByteArray("SELECT ") + kAccountColumns + " FROM accounts " + clause).constData());
}

// Every account `clause` selects, handed to `take` one by one.
template <typename Take> Status readAccounts(sqlite3* handle, const char* clause, Take take)
{
    Result<SqliteStatement> query = selectAccounts(handle, clause);
    if (!query)
        return Error { query.error() };
    int rc;
    while ((rc = sqlite3_step(query->get())) == SQLITE_ROW)
        take(accountFrom(query.value()));
    if (rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(handle)) };
    return {};
}

} // namespace

AccountStore::AccountStore(Database& db)
    : m_db(db)
{
}

Status AccountStore::upsert(std::span<const Account> accounts)
{
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return Error { transaction.startError() };
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO accounts (id, name, owner, plan, arr, currency, seats, signup_date, renewal_date, "
        "attributes, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, owner = excluded.owner, plan = excluded.plan, "
        "arr = excluded.arr, currency = excluded.currency, seats = excluded.seats, "
        "signup_date = excluded.signup_date, renewal_date = excluded.renewal_date, "
        "attributes = excluded.attributes, updated_at = excluded.updated_at"));
    // Newer than every account's before (masterDataStamp reads the newest): two writes in one
    // millisecond, or after the clock went back, still move it on.
    QSqlQuery newest(m_db.connection());
    if (!newest.exec(QStringLiteral("SELECT coalesce(max(updated_at), 0) FROM accounts")) || !newest.next())
        return Error { newest.lastError().text() };
    const qint64 now = std::max(QDateTime::currentMSecsSinceEpoch(), newest.value(0).toLongLong() + 1);
    newest.finish();
    for (qsizetype i = 0; i < qsizetype(accounts.size()); ++i) {
        const Account& account = accounts[i];
        if (account.id.isEmpty())
            return Error { tr("Account %1 of %2 has no id.").arg(i + 1).arg(accounts.size()) };
        query.addBindValue(account.id);
        query.addBindValue(account.name);
        query.addBindValue(account.owner);
        query.addBindValue(account.plan);
        query.addBindValue(optionalValue(account.arr));
        query.addBindValue(account.currency.isEmpty() ? QStringLiteral("USD") : account.currency);
        query.addBindValue(optionalValue(account.seats));
        query.addBindValue(dateValue(account.signupDate));
        query.addBindValue(dateValue(account.renewalDate));
        query.addBindValue(
            QString::fromUtf8(QJsonDocument(account.attributes).toJson(QJsonDocument::Compact)));
        query.addBindValue(now);
        if (!query.exec())
            return Error {
                tr("Account %1 (%2): %3").arg(i + 1).arg(account.id, query.lastError().databaseText())
            };
    }
    return transaction.commit();
}

Result<AccountStore::OutcomeCounts> AccountStore::addOutcomes(std::span<const Outcome> outcomes)
{
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return Error { transaction.startError() };
    QSqlQuery exists(m_db.connection());
    exists.prepare(QStringLiteral("SELECT 1 FROM accounts WHERE id = ?"));
    QSqlQuery insert(m_db.connection());
    insert.prepare(
        QStringLiteral("INSERT INTO outcomes (account_id, kind, occurred_on, amount, note, source, "
                       "external_id) VALUES (?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (source, external_id) DO NOTHING"));
    OutcomeCounts counts;
    for (qsizetype i = 0; i < qsizetype(outcomes.size()); ++i) {
        const Outcome& outcome = outcomes[i];
        const QString where = tr("Outcome %1 of %2").arg(i + 1).arg(outcomes.size());
        if (!outcome.date.isValid())
            return Error { tr("%1: the date is missing or invalid.").arg(where) };
        if (outcome.source.isEmpty() || outcome.externalId.isEmpty())
            return Error { tr("%1: source and external id are required.").arg(where) };
        exists.addBindValue(outcome.accountId);
        if (!exists.exec() || !exists.next())
            return Error { tr("%1: account \"%2\" is not in this workspace.").arg(where, outcome.accountId) };
        insert.addBindValue(outcome.accountId);
        insert.addBindValue(Outcome::kindName(outcome.kind));
        insert.addBindValue(outcome.date.toString(Qt::ISODate));
        insert.addBindValue(optionalValue(outcome.amount));
        insert.addBindValue(outcome.note);
        insert.addBindValue(outcome.source);
        insert.addBindValue(outcome.externalId);
        if (!insert.exec())
            return Error { tr("%1: %2").arg(where, insert.lastError().databaseText()) };
        if (insert.numRowsAffected() > 0)
            ++counts.inserted;
        else
            ++counts.duplicates;
    }
    if (Status committed = transaction.commit(); !committed)
        return Error { committed.error() };
    return counts;
}

std::optional<Account> AccountStore::find(const QString& id) const
{
    Result<SqliteStatement> query = selectAccounts(m_db.handle(), "WHERE id = ?");
    if (!query)
        return std::nullopt;
    query->bind(1, id);
    if (sqlite3_step(query->get()) != SQLITE_ROW)
        return std::nullopt;
    return accountFrom(query.value());
}

Result<QStringList> AccountStore::owners() const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT DISTINCT owner FROM accounts WHERE owner <> ''")))
        return Error { query.lastError().text() };
    QStringList owners;
    while (query.next())
        owners << query.value(0).toString();
    owners.sort(Qt::CaseInsensitive);
    return owners;
}

Result<QList<Account>> AccountStore::all() const
{
    QList<Account> accounts;
    if (Status read = readAccounts(m_db.handle(), "ORDER BY id",
                                   [&accounts](Account&& account) { accounts.append(std::move(account)); });
        !read)
        return Error { read.error() };
    return accounts;
}

Result<QList<Account>> AccountStore::some(const QStringList& ids) const
{
    // The ids travel as one JSON array, bound like any value.
    Result<SqliteStatement> query
        = selectAccounts(m_db.handle(), "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id");
    if (!query)
        return Error { query.error() };
    query->bind(
        1, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact)));
    QList<Account> accounts;
    int rc;
    while ((rc = sqlite3_step(query->get())) == SQLITE_ROW)
        accounts.append(accountFrom(query.value()));
    if (rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    return accounts;
}

Result<QHash<QString, Account>> AccountStore::byId() const
{
    QHash<QString, Account> accounts;
    if (const qint64 rows = count(); rows > 0)
        accounts.reserve(rows);
    if (Status read = readAccounts(m_db.handle(), "",
                                   [&accounts](Account&& account) {
                                       const QString id = account.id;
                                       accounts.insert(id, std::move(account));
                                   });
        !read)
        return Error { read.error() };
    return accounts;
}

Result<std::vector<QByteArray>> AccountStore::ids() const
{
    Result<SqliteStatement> query
        = SqliteStatement::prepare(m_db.handle(), "SELECT id FROM accounts ORDER BY id");
    if (!query)
        return Error { query.error() };
    std::vector<QByteArray> ids;
    int rc;
    while ((rc = sqlite3_step(query->get())) == SQLITE_ROW)
        ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(query->get(), 0)),
                         sqlite3_column_bytes(query->get(), 0));
    if (rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    return ids;
}

namespace {
Outcome outcomeFrom(const QSqlQuery& query, int first)
{
    Outcome outcome;
    outcome.kind = Outcome::kindFromName(query.value(first).toString()).value_or(Outcome::Kind::Renewed);
    outcome.date = QDate::fromString(query.value(first + 1).toString(), Qt::ISODate);
    if (!query.value(first + 2).isNull())
        outcome.amount = query.value(first + 2).toDouble();
    outcome.note = query.value(first + 3).toString();
    outcome.source = query.value(first + 4).toString();
    outcome.externalId = query.value(first + 5).toString();
    return outcome;
}
} // namespace

Result<QList<Outcome>> AccountStore::outcomesFor(const QString& accountId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT kind, occurred_on, amount, note, source, external_id FROM outcomes "
                                 "WHERE account_id = ? ORDER BY occurred_on, id"));
    query.addBindValue(accountId);
    if (!query.exec())
        return Error { query.lastError().text() };
    QList<Outcome> outcomes;
    while (query.next()) {
        Outcome outcome = outcomeFrom(query, 0);
        outcome.accountId = accountId;
        outcomes.append(outcome);
    }
    return outcomes;
}

Result<QHash<QString, QList<Outcome>>> AccountStore::allOutcomes() const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT account_id, kind, occurred_on, amount, note, source, external_id "
                                   "FROM outcomes ORDER BY account_id, occurred_on, id")))
        return Error { query.lastError().text() };
    QHash<QString, QList<Outcome>> outcomes;
    while (query.next()) {
        Outcome outcome = outcomeFrom(query, 1);
        outcome.accountId = query.value(0).toString();
        outcomes[outcome.accountId].append(outcome);
    }
    return outcomes;
}

QString AccountStore::masterDataStamp() const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(
            QStringLiteral("SELECT (SELECT count(*) FROM accounts), (SELECT coalesce(max(updated_at), 0) "
                           "FROM accounts), (SELECT count(*) FROM outcomes), (SELECT coalesce(max(id), 0) "
                           "FROM outcomes)"))
        || !query.next())
        return {};
    return QStringLiteral("%1:%2:%3:%4")
        .arg(query.value(0).toLongLong())
        .arg(query.value(1).toLongLong())
        .arg(query.value(2).toLongLong())
        .arg(query.value(3).toLongLong());
}

qint64 AccountStore::count() const
{
    QSqlQuery query(m_db.connection());
    return query.exec(QStringLiteral("SELECT count(*) FROM accounts")) && query.next()
        ? query.value(0).toLongLong()
        : -1;
}

qint64 AccountStore::outcomeCount() const
{
    QSqlQuery query(m_db.connection());
    return query.exec(QStringLiteral("SELECT count(*) FROM outcomes")) && query.next()
        ? query.value(0).toLongLong()
        : -1;
}

} // namespace tenure
