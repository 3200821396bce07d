#include "engine/SummaryStore.h"

#include "engine/BreakdownCodec.h"
#include "engine/DayClock.h"
#include "engine/StatusHistory.h"
#include "rules/RuleStore.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tenure {

namespace {

const char* const kTables[]
    = { "agg_activity", "account_status", "history_months", "history_days", "engine_state" };
const char* const kAggregates = "agg_activity";

bool inScope(const char* table, SummaryStore::Scope scope)
{
    return scope == SummaryStore::Scope::Everything || qstrcmp(table, kAggregates) != 0;
}

Status execAll(Database& db, const QStringList& statements)
{
    for (const QString& statement : statements) {
        QSqlQuery query(db.connection());
        if (!query.exec(statement))
            return Error { QStringLiteral("%1: %2").arg(statement.left(60), query.lastError().text()) };
    }
    return {};
}

void bindUtf8(sqlite3_stmt* statement, int index, const QByteArray& text)
{
    sqlite3_bind_text(statement, index, text.constData(), int(text.size()), SQLITE_STATIC);
}

} // namespace

SummaryStore::SummaryStore(Database& db, QString suffix)
    : m_db(db)
    , m_suffix(std::move(suffix))
    , m_history(db, m_suffix, m_suffix.isEmpty()) // the shadow is a rebuild's: it counts at the end
{
}

sqlite3* SummaryStore::handle() const
{
    return m_db.handle();
}

namespace {

Status stepDone(sqlite3* handle, sqlite3_stmt* statement)
{
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(handle)) };
    return {};
}

void bindText(sqlite3_stmt* statement, int index, const QString& text)
{
    sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * sizeof(char16_t)), SQLITE_STATIC);
}

} // namespace

Result<AccountActivity> SummaryStore::mergeActivity(const QString& accountId, const AccountDelta& delta)
{
    Result<AccountActivity> activity = loadActivity(accountId);
    if (!activity)
        return activity;
    for (auto cell = delta.daily.cbegin(); cell != delta.daily.cend(); ++cell)
        activity->addDaily(cell.key().first, cell.key().second, cell.value());
    for (const QPair<int, QString>& user : delta.users)
        activity->addUser(user.first, user.second);
    activity->finish();
    if (Status saved = saveActivity(accountId, activity.value()); !saved)
        return Error { saved.error() };
    return activity;
}

Status SummaryStore::saveActivity(const QString& accountId, const QByteArray& data)
{
    const Result<sqlite3_stmt*> query = statement(SaveActivity, [this] {
        return QStringLiteral("INSERT INTO %1 (account_id, data) VALUES (?, ?) "
                              "ON CONFLICT (account_id) DO UPDATE SET data = excluded.data")
            .arg(table("agg_activity"));
    });
    if (!query)
        return Error { query.error() };
    bindText(*query, 1, accountId);
    sqlite3_bind_blob(*query, 2, data.constData(), int(data.size()), SQLITE_STATIC);
    return stepDone(m_db.handle(), *query);
}

Result<QByteArray> SummaryStore::activityData(const QString& accountId) const
{
    const Result<sqlite3_stmt*> query = statement(LoadActivity, [this] {
        return QStringLiteral("SELECT data FROM %1 WHERE account_id = ?").arg(table("agg_activity"));
    });
    if (!query)
        return Error { query.error() };
    bindText(*query, 1, accountId);
    const int rc = sqlite3_step(*query);
    QByteArray data;
    if (rc == SQLITE_ROW)
        data = QByteArray(static_cast<const char*>(sqlite3_column_blob(*query, 0)),
                          sqlite3_column_bytes(*query, 0));
    sqlite3_reset(*query);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    return data;
}

Result<AccountActivity> SummaryStore::loadActivity(const QString& accountId) const
{
    const Result<QByteArray> data = activityData(accountId);
    if (!data)
        return Error { data.error() };
    std::optional<AccountActivity> activity = AccountActivity::deserialize(data.value());
    if (!activity)
        return Error {
            tr("The stored aggregates of account %1 are unreadable; rebuild the summaries.").arg(accountId)
        };
    return std::move(*activity);
}

Result<QHash<QString, QByteArray>> SummaryStore::activityData(const QString& first, const QString& last) const
{
    const Result<sqlite3_stmt*> query = statement(ActivityRange, [this] {
        return QStringLiteral("SELECT account_id, data FROM %1 WHERE account_id BETWEEN ? AND ?")
            .arg(table("agg_activity"));
    });
    if (!query)
        return Error { query.error() };
    bindText(*query, 1, first);
    bindText(*query, 2, last);
    QHash<QString, QByteArray> data;
    int rc;
    while ((rc = sqlite3_step(*query)) == SQLITE_ROW) {
        data.insert(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(*query, 0)),
                                      sqlite3_column_bytes(*query, 0)),
                    QByteArray(static_cast<const char*>(sqlite3_column_blob(*query, 1)),
                               sqlite3_column_bytes(*query, 1)));
    }
    sqlite3_reset(*query);
    if (rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    return data;
}

Result<QStringList> SummaryStore::accountIds(const QStringList& also) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT account_id FROM %1").arg(table("agg_activity"))))
        return Error { query.lastError().text() };
    QSet<QString> ids(also.begin(), also.end());
    while (query.next())
        ids.insert(query.value(0).toString());
    QStringList sorted(ids.begin(), ids.end());
    sorted.sort();
    return sorted;
}

Status SummaryStore::writeStatus(const AccountStatus& status, qint64 computedAt, int rulesVersion,
                                 const QByteArray& breakdown)
{
    const Result<sqlite3_stmt*> query = statement(UpsertStatus, [this] {
        return QStringLiteral(
                   "INSERT INTO %1 (account_id, stage, score, band, breakdown, day, computed_at, "
                   "rules_version, "
                   "last_active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET "
                   "stage = excluded.stage, score = excluded.score, band = excluded.band, "
                   "breakdown = excluded.breakdown, day = excluded.day, "
                   "computed_at = excluded.computed_at, rules_version = excluded.rules_version, "
                   "last_active = excluded.last_active")
            .arg(table("account_status"));
    });
    if (!query)
        return Error { query.error() };
    const QByteArray day = DayClock::isoDay(status.day);
    bindText(*query, 1, status.accountId);
    bindText(*query, 2, status.stage);
    if (status.score)
        sqlite3_bind_double(*query, 3, *status.score);
    else
        sqlite3_bind_null(*query, 3);
    bindText(*query, 4, status.band);
    sqlite3_bind_text(*query, 5, breakdown.constData(), int(breakdown.size()), SQLITE_STATIC);
    bindUtf8(*query, 6, day);
    sqlite3_bind_int64(*query, 7, computedAt);
    sqlite3_bind_int(*query, 8, rulesVersion);
    const QByteArray lastActive
        = status.lastActiveDay ? DayClock::isoDay(*status.lastActiveDay) : QByteArray();
    if (status.lastActiveDay)
        bindUtf8(*query, 9, lastActive);
    else
        sqlite3_bind_null(*query, 9);
    return stepDone(m_db.handle(), *query);
}

Result<std::optional<AccountStatus>> SummaryStore::status(const QString& accountId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(
        QStringLiteral("SELECT stage, score, band, breakdown, day, last_active, rules_version FROM %1 "
                       "WHERE account_id = ?")
            .arg(table("account_status")));
    query.addBindValue(accountId);
    if (!query.exec())
        return Error { query.lastError().text() };
    if (!query.next())
        return std::optional<AccountStatus>();
    AccountStatus status;
    status.accountId = accountId;
    status.stage = query.value(0).toString();
    if (!query.value(1).isNull())
        status.score = query.value(1).toDouble();
    status.band = query.value(2).toString();
    // The breakdown holds what was measured; the rules it was measured against say the rest.
    const Result<RuleSet> rules = RuleStore(m_db).load(query.value(6).toInt());
    status.breakdown
        = BreakdownCodec::decode(query.value(3).toByteArray(), rules ? rules->stage(status.stage) : nullptr);
    status.day = DayClock::dayNumber(QDate::fromString(query.value(4).toString(), Qt::ISODate));
    if (!query.value(5).isNull())
        status.lastActiveDay = DayClock::dayNumber(QDate::fromString(query.value(5).toString(), Qt::ISODate));
    return std::optional<AccountStatus>(status);
}

Result<QList<AccountStatus>> SummaryStore::history(const QString& accountId) const
{
    return m_history.read(accountId);
}

Result<QList<SummaryStore::Count>> SummaryStore::counts() const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(
            QStringLiteral("SELECT stage, coalesce(band, ''), count(*) FROM %1 GROUP BY 1, 2 ORDER BY 1, 2")
                .arg(table("account_status"))))
        return Error { query.lastError().text() };
    QList<Count> counts;
    while (query.next())
        counts.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong() });
    return counts;
}

QString SummaryStore::state(const QString& key, const QString& fallback) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT value FROM %1 WHERE key = ?").arg(table("engine_state")));
    query.addBindValue(key);
    return query.exec() && query.next() ? query.value(0).toString() : fallback;
}

Status SummaryStore::setState(const QString& key, const QString& value)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("INSERT INTO %1 (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                                 "value = excluded.value")
                      .arg(table("engine_state")));
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec())
        return Error { query.lastError().text() };
    return {};
}

Status SummaryStore::createShadow(Database& db, Scope scope)
{
    if (Status dropped = dropShadow(db); !dropped)
        return dropped;
    QStringList statements = SummarySchema::createStatements(QString::fromLatin1(kShadowSuffix), scope);
    if (scope == Scope::Scores)
        statements << QStringLiteral("INSERT INTO engine_state%1 SELECT key, value FROM engine_state")
                          .arg(QLatin1String(kShadowSuffix));
    return execAll(db, statements);
}

Status SummaryStore::dropShadow(Database& db)
{
    QStringList statements;
    for (const char* name : kTables)
        statements << QStringLiteral("DROP TABLE IF EXISTS %1%2")
                          .arg(QLatin1String(name), QLatin1String(kShadowSuffix));
    return execAll(db, statements);
}

namespace {

// The accounts whose results differ between the live summaries and the shadow (SwapChanges).
Status compareWithShadow(Database& db, SummaryStore::SwapChanges& changes)
{
    const QString next = QString::fromLatin1(SummaryStore::kShadowSuffix);
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    // The checkpoints, and whether the state the results depend on is the same on both sides.
    query.prepare(QStringLiteral("SELECT (SELECT value FROM engine_state WHERE key = 'checkpoint'), "
                                 "(SELECT value FROM engine_state%1 WHERE key = 'checkpoint'), "
                                 "(SELECT count(*) FROM engine_state l JOIN engine_state%1 s USING (key) "
                                 "WHERE l.value = s.value AND key IN (SELECT value FROM json_each(?)))")
                      .arg(next));
    query.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(changes.sameState)).toJson(QJsonDocument::Compact)));
    if (!query.exec() || !query.next())
        return Error { query.lastError().text() };
    if (query.value(0).isNull() || query.value(1).isNull()
        || query.value(2).toInt() != changes.sameState.size())
        return {};
    changes.liveCheckpoint = query.value(0).toLongLong();
    changes.shadowCheckpoint = query.value(1).toLongLong();
    query.finish();
    if (!query.exec(QStringLiteral("SELECT value FROM engine_state WHERE key = 'generation'")))
        return Error { query.lastError().text() };
    changes.liveGeneration = query.next() ? query.value(0).toString() : QString();
    query.finish();
    // The statuses, one row an account: each side's rows looked up by the other's key.
    if (!query.exec(
            QStringLiteral(
                "SELECT s.account_id FROM account_status%1 s LEFT JOIN account_status l ON l.account_id = "
                "s.account_id WHERE l.account_id IS NULL OR l.stage IS NOT s.stage OR l.score IS NOT "
                "s.score OR l.band IS NOT s.band OR l.breakdown IS NOT s.breakdown OR l.day IS NOT s.day "
                "OR l.rules_version IS NOT s.rules_version OR l.last_active IS NOT s.last_active "
                "UNION ALL SELECT l.account_id FROM account_status l WHERE NOT EXISTS (SELECT 1 FROM "
                "account_status%1 s WHERE s.account_id = l.account_id)")
                .arg(next)))
        return Error { query.lastError().text() };
    while (query.next())
        changes.accounts.insert(query.value(0).toString());
    query.finish();
    if (Status compared
        = StatusHistory::compareWithShadow(db, QString::fromLatin1(SummaryStore::kShadowSuffix),
                                           changes.historyFrom, changes.accounts, changes.historyBefore);
        !compared)
        return compared;
    changes.compared = true;
    return {};
}

} // namespace

Status SummaryStore::replaceWithShadow(Database& db, Scope scope)
{
    return replaceWithShadow(db, scope, nullptr);
}

Status SummaryStore::replaceWithShadow(Database& db, Scope scope, SwapChanges* changes)
{
    Transaction transaction(db);
    if (!transaction.isActive())
        return Error { transaction.startError() };
    if (scope == Scope::Scores) {
        // The shadow scored the live aggregates as of its copy of the checkpoint: should another
        // engine (tenure-cli beside the app) have folded events in since, it is out of date.
        QSqlQuery check(db.connection());
        if (!check.exec(QStringLiteral("SELECT (SELECT value FROM engine_state WHERE key = 'checkpoint') IS "
                                       "(SELECT value FROM engine_state%1 WHERE key = 'checkpoint')")
                            .arg(QLatin1String(kShadowSuffix)))
            || !check.next())
            return Error { check.lastError().text() };
        if (!check.value(0).toBool())
            return Error { tr("events were folded in by another process while the accounts were scored "
                              "again; the next pass starts over") };
    }
    if (changes) {
        // The comparison only saves its readers work: when it fails, every account may have
        // changed, and the swap goes on.
        if (Status compared = compareWithShadow(db, *changes); !compared) {
            // Unless SQLite rolled the transaction back (out of memory, a full disk): no swap then.
            if (sqlite3_get_autocommit(db.handle()))
                return compared;
            qWarning("comparing the rebuilt summaries with the live ones: %s", qPrintable(compared.error()));
            changes->compared = false;
            changes->accounts.clear();
            changes->historyBefore.clear();
        }
    }
    // The keys of engine_state that are not the engine's (the action queue's stamp) stay as they
    // are: the shadow's state replaces the engine's own.
    QStringList statements {
        QStringLiteral("INSERT INTO engine_state%1 (key, value) SELECT key, value FROM engine_state l WHERE "
                       "NOT EXISTS (SELECT 1 FROM engine_state%1 s WHERE s.key = l.key)")
            .arg(QLatin1String(kShadowSuffix))
    };
    // The history view goes while its table is swapped (a rename checks every view), then comes back.
    statements += SummarySchema::dropViewStatements();
    for (const char* name : kTables) {
        if (!inScope(name, scope))
            continue;
        statements << QStringLiteral("DROP TABLE IF EXISTS %1").arg(QLatin1String(name))
                   << QStringLiteral("ALTER TABLE %1%2 RENAME TO %1")
                          .arg(QLatin1String(name), QLatin1String(kShadowSuffix));
    }
    statements += SummarySchema::indexStatements();
    statements += SummarySchema::viewStatements();
    if (Status swapped = execAll(db, statements); !swapped)
        return swapped;
    return transaction.commit();
}

} // namespace tenure
