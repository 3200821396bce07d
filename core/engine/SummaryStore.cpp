#include "engine/SummaryStore.h"

#include "engine/DayClock.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tenure {

namespace {

const char* const kTables[]
    = { "agg_daily_events", "agg_daily_users", "account_status", "status_history", "engine_state" };

Status execAll(Database& db, const QStringList& statements)
{
    for (const QString& statement : statements) {
        QSqlQuery query(db.connection());
        if (!query.exec(statement))
            return Error { QStringLiteral("%1: %2").arg(statement.left(60), query.lastError().text()) };
    }
    return {};
}

QByteArray breakdownJson(const QList<CriterionResult>& breakdown)
{
    QJsonArray array;
    for (const CriterionResult& c : breakdown) {
        array.append(QJsonObject { { QStringLiteral("id"), c.id },
                                   { QStringLiteral("label"), c.label },
                                   { QStringLiteral("observed"), QJsonValue::fromVariant(c.observed) },
                                   { QStringLiteral("threshold"), c.threshold },
                                   { QStringLiteral("earned"), c.earned },
                                   { QStringLiteral("possible"), c.possible } });
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<CriterionResult> breakdownFrom(const QByteArray& json)
{
    QList<CriterionResult> breakdown;
    for (const QJsonValue& value : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = value.toObject();
        breakdown.append(
            { o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("label")).toString(),
              o.value(QStringLiteral("observed")).toVariant(),
              o.value(QStringLiteral("threshold")).toString(), o.value(QStringLiteral("earned")).toDouble(),
              o.value(QStringLiteral("possible")).toDouble() });
    }
    return breakdown;
}

QString isoDay(int day)
{
    return DayClock::date(day).toString(Qt::ISODate);
}

} // namespace

QStringList SummaryStore::createStatements(const QString& suffix)
{
    return {
        QStringLiteral(R"(CREATE TABLE agg_daily_events%1 (
            account_id TEXT    NOT NULL,
            name       TEXT    NOT NULL,
            day        INTEGER NOT NULL,
            quantity   REAL    NOT NULL,
            events     INTEGER NOT NULL,
            PRIMARY KEY (account_id, name, day)) WITHOUT ROWID)")
            .arg(suffix),
        QStringLiteral(R"(CREATE TABLE agg_daily_users%1 (
            account_id TEXT    NOT NULL,
            day        INTEGER NOT NULL,
            user_id    TEXT    NOT NULL,
            PRIMARY KEY (account_id, day, user_id)) WITHOUT ROWID)")
            .arg(suffix),
        QStringLiteral(R"(CREATE TABLE account_status%1 (
            account_id    TEXT PRIMARY KEY,
            stage         TEXT    NOT NULL,
            score         REAL,
            band          TEXT,
            breakdown     TEXT    NOT NULL,
            day           TEXT    NOT NULL,
            computed_at   INTEGER NOT NULL,
            rules_version INTEGER NOT NULL))")
            .arg(suffix),
        QStringLiteral(R"(CREATE TABLE status_history%1 (
            account_id TEXT NOT NULL,
            day        TEXT NOT NULL,
            stage      TEXT NOT NULL,
            score      REAL,
            band       TEXT,
            PRIMARY KEY (account_id, day)) WITHOUT ROWID)")
            .arg(suffix),
        QStringLiteral("CREATE TABLE engine_state%1 (key TEXT PRIMARY KEY, value TEXT NOT NULL)").arg(suffix),
    };
}

QStringList SummaryStore::indexStatements()
{
    return { QStringLiteral("CREATE INDEX IF NOT EXISTS account_status_band ON account_status (band, score)"),
             QStringLiteral("CREATE INDEX IF NOT EXISTS account_status_stage ON account_status (stage)"),
             QStringLiteral("CREATE INDEX IF NOT EXISTS status_history_day ON status_history (day)") };
}

SummaryStore::SummaryStore(Database& db, QString suffix)
    : m_db(db)
    , m_suffix(std::move(suffix))
{
}

Result<sqlite3_stmt*> SummaryStore::statement(Statement which, const QString& sql) const
{
    std::optional<SqliteStatement>& slot = m_statements[which];
    if (!slot) {
        Result<SqliteStatement> prepared = SqliteStatement::prepare(m_db.handle(), sql.toUtf8().constData());
        if (!prepared)
            return Error { prepared.error() };
        slot.emplace(std::move(prepared).value());
    }
    sqlite3_reset(slot->get());
    sqlite3_clear_bindings(slot->get());
    return slot->get();
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

QString columnText(sqlite3_stmt* statement, int column)
{
    const auto* data = static_cast<const QChar*>(sqlite3_column_text16(statement, column));
    return data ? QString(data, sqlite3_column_bytes16(statement, column) / 2) : QString();
}

} // namespace

Status SummaryStore::addAggregates(const AggregateBatch& batch)
{
    const Result<sqlite3_stmt*> daily = statement(
        UpsertDaily,
        QStringLiteral("INSERT INTO %1 (account_id, name, day, quantity, events) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (account_id, name, day) DO UPDATE SET "
                       "quantity = quantity + excluded.quantity, events = events + excluded.events")
            .arg(table("agg_daily_events")));
    const Result<sqlite3_stmt*> users
        = statement(InsertUser,
                    QStringLiteral("INSERT INTO %1 (account_id, day, user_id) VALUES (?, ?, ?) "
                                   "ON CONFLICT (account_id, day, user_id) DO NOTHING")
                        .arg(table("agg_daily_users")));
    if (!daily || !users)
        return Error { daily ? users.error() : daily.error() };
    for (auto account = batch.cbegin(); account != batch.cend(); ++account) {
        for (auto cell = account->daily.cbegin(); cell != account->daily.cend(); ++cell) {
            bindText(*daily, 1, account.key());
            bindText(*daily, 2, cell.key().first);
            sqlite3_bind_int(*daily, 3, cell.key().second);
            sqlite3_bind_double(*daily, 4, cell.value().first);
            sqlite3_bind_int64(*daily, 5, cell.value().second);
            if (Status done = stepDone(m_db.handle(), *daily); !done)
                return done;
        }
        for (const QPair<int, QString>& user : account->users) {
            bindText(*users, 1, account.key());
            sqlite3_bind_int(*users, 2, user.first);
            bindText(*users, 3, user.second);
            if (Status done = stepDone(m_db.handle(), *users); !done)
                return done;
        }
    }
    return {};
}

Status SummaryStore::foldLog(qint64 after, qint64 upTo)
{
    const QString events
        = QStringLiteral(
              "INSERT INTO %1 (account_id, name, day, quantity, events) "
              "SELECT account_id, name, tenure_day(occurred_at), sum(quantity), count(*) FROM events "
              "WHERE seq > %2 AND seq <= %3 GROUP BY 1, 2, 3 "
              "ON CONFLICT (account_id, name, day) DO UPDATE SET "
              "quantity = quantity + excluded.quantity, events = events + excluded.events")
              .arg(table("agg_daily_events"))
              .arg(after)
              .arg(upTo);
    const QString users
        = QStringLiteral("INSERT INTO %1 (account_id, day, user_id) "
                         "SELECT DISTINCT account_id, tenure_day(occurred_at), user_id FROM events "
                         "WHERE seq > %2 AND seq <= %3 AND user_id IS NOT NULL "
                         "ON CONFLICT (account_id, day, user_id) DO NOTHING")
              .arg(table("agg_daily_users"))
              .arg(after)
              .arg(upTo);
    return execAll(m_db, { events, users });
}

Result<AccountActivity> SummaryStore::loadActivity(const QString& accountId) const
{
    AccountActivity activity;
    const Result<sqlite3_stmt*> daily
        = statement(LoadDaily,
                    QStringLiteral("SELECT name, day, quantity FROM %1 WHERE account_id = ?")
                        .arg(table("agg_daily_events")));
    if (!daily)
        return Error { daily.error() };
    bindText(*daily, 1, accountId);
    int rc;
    while ((rc = sqlite3_step(*daily)) == SQLITE_ROW)
        activity.addDaily(columnText(*daily, 0), sqlite3_column_int(*daily, 1),
                          sqlite3_column_double(*daily, 2));
    sqlite3_reset(*daily);
    if (rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    const Result<sqlite3_stmt*> users = statement(
        LoadUsers,
        QStringLiteral("SELECT day, user_id FROM %1 WHERE account_id = ?").arg(table("agg_daily_users")));
    if (!users)
        return Error { users.error() };
    bindText(*users, 1, accountId);
    while ((rc = sqlite3_step(*users)) == SQLITE_ROW)
        activity.addUser(sqlite3_column_int(*users, 0), columnText(*users, 1));
    sqlite3_reset(*users);
    if (rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    activity.finish();
    return activity;
}

Result<QStringList> SummaryStore::accountIds(const QStringList& also) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT DISTINCT account_id FROM %1").arg(table("agg_daily_events"))))
        return Error { query.lastError().text() };
    QSet<QString> ids(also.begin(), also.end());
    while (query.next())
        ids.insert(query.value(0).toString());
    QStringList sorted(ids.begin(), ids.end());
    sorted.sort();
    return sorted;
}

Status SummaryStore::writeStatus(const AccountStatus& status, qint64 computedAt, int rulesVersion)
{
    const Result<sqlite3_stmt*> query = statement(
        UpsertStatus,
        QStringLiteral(
            "INSERT INTO %1 (account_id, stage, score, band, breakdown, day, computed_at, rules_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET "
            "stage = excluded.stage, score = excluded.score, band = excluded.band, "
            "breakdown = excluded.breakdown, day = excluded.day, "
            "computed_at = excluded.computed_at, rules_version = excluded.rules_version")
            .arg(table("account_status")));
    if (!query)
        return Error { query.error() };
    const QByteArray breakdown = breakdownJson(status.breakdown);
    const QString day = isoDay(status.day);
    bindText(*query, 1, status.accountId);
    bindText(*query, 2, status.stage);
    if (status.score)
        sqlite3_bind_double(*query, 3, *status.score);
    else
        sqlite3_bind_null(*query, 3);
    bindText(*query, 4, status.band);
    sqlite3_bind_text(*query, 5, breakdown.constData(), int(breakdown.size()), SQLITE_STATIC);
    bindText(*query, 6, day);
    sqlite3_bind_int64(*query, 7, computedAt);
    sqlite3_bind_int(*query, 8, rulesVersion);
    return stepDone(m_db.handle(), *query);
}

Status SummaryStore::writeHistory(const AccountStatus& status)
{
    const Result<sqlite3_stmt*> query = statement(
        UpsertHistory,
        QStringLiteral("INSERT INTO %1 (account_id, day, stage, score, band) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (account_id, day) DO UPDATE SET stage = excluded.stage, "
                       "score = excluded.score, band = excluded.band")
            .arg(table("status_history")));
    if (!query)
        return Error { query.error() };
    const QString day = isoDay(status.day);
    bindText(*query, 1, status.accountId);
    bindText(*query, 2, day);
    bindText(*query, 3, status.stage);
    if (status.score)
        sqlite3_bind_double(*query, 4, *status.score);
    else
        sqlite3_bind_null(*query, 4);
    bindText(*query, 5, status.band);
    return stepDone(m_db.handle(), *query);
}

Result<std::optional<AccountStatus>> SummaryStore::status(const QString& accountId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT stage, score, band, breakdown, day FROM %1 WHERE account_id = ?")
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
    status.breakdown = breakdownFrom(query.value(3).toByteArray());
    status.day = DayClock::dayNumber(QDate::fromString(query.value(4).toString(), Qt::ISODate));
    return std::optional<AccountStatus>(status);
}

Result<QList<AccountStatus>> SummaryStore::history(const QString& accountId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT day, stage, score, band FROM %1 WHERE account_id = ? ORDER BY day")
                      .arg(table("status_history")));
    query.addBindValue(accountId);
    if (!query.exec())
        return Error { query.lastError().text() };
    QList<AccountStatus> rows;
    while (query.next()) {
        AccountStatus status;
        status.accountId = accountId;
        status.day = DayClock::dayNumber(QDate::fromString(query.value(0).toString(), Qt::ISODate));
        status.stage = query.value(1).toString();
        if (!query.value(2).isNull())
            status.score = query.value(2).toDouble();
        status.band = query.value(3).toString();
        rows.append(status);
    }
    return rows;
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

Status SummaryStore::createShadow(Database& db)
{
    if (Status dropped = dropShadow(db); !dropped)
        return dropped;
    return execAll(db, createStatements(QString::fromLatin1(kShadowSuffix)));
}

Status SummaryStore::dropShadow(Database& db)
{
    QStringList statements;
    for (const char* name : kTables)
        statements << QStringLiteral("DROP TABLE IF EXISTS %1%2")
                          .arg(QLatin1String(name), QLatin1String(kShadowSuffix));
    return execAll(db, statements);
}

Status SummaryStore::replaceWithShadow(Database& db)
{
    Transaction transaction(db);
    if (!transaction.isActive())
        return Error { transaction.startError() };
    QStringList statements;
    for (const char* name : kTables) {
        statements << QStringLiteral("DROP TABLE %1").arg(QLatin1String(name))
                   << QStringLiteral("ALTER TABLE %1%2 RENAME TO %1")
                          .arg(QLatin1String(name), QLatin1String(kShadowSuffix));
    }
    statements += indexStatements();
    if (Status swapped = execAll(db, statements); !swapped)
        return swapped;
    return transaction.commit();
}

} // namespace tenure
