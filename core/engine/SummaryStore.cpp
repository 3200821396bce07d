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

Status exec(QSqlQuery& query)
{
    if (!query.exec())
        return Error { query.lastError().databaseText().isEmpty() ? query.lastError().text()
                                                                  : query.lastError().databaseText() };
    return {};
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

QVariant scoreValue(const std::optional<double>& score)
{
    return score ? QVariant(*score) : QVariant(QMetaType::fromType<double>());
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

QSqlQuery& SummaryStore::statement(Statement which, const QString& sql) const
{
    std::optional<QSqlQuery>& slot = m_statements[which];
    if (!slot) {
        slot.emplace(m_db.connection());
        slot->setForwardOnly(true);
        slot->prepare(sql);
    }
    return *slot;
}

Status SummaryStore::addAggregates(const AggregateBatch& batch)
{
    QSqlQuery& daily = statement(
        UpsertDaily,
        QStringLiteral("INSERT INTO %1 (account_id, name, day, quantity, events) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (account_id, name, day) DO UPDATE SET "
                       "quantity = quantity + excluded.quantity, events = events + excluded.events")
            .arg(table("agg_daily_events")));
    QSqlQuery& users = statement(InsertUser,
                                 QStringLiteral("INSERT INTO %1 (account_id, day, user_id) VALUES (?, ?, ?) "
                                                "ON CONFLICT (account_id, day, user_id) DO NOTHING")
                                     .arg(table("agg_daily_users")));
    for (auto account = batch.cbegin(); account != batch.cend(); ++account) {
        for (auto cell = account->daily.cbegin(); cell != account->daily.cend(); ++cell) {
            daily.bindValue(0, account.key());
            daily.bindValue(1, cell.key().first);
            daily.bindValue(2, cell.key().second);
            daily.bindValue(3, cell.value().first);
            daily.bindValue(4, cell.value().second);
            if (Status done = exec(daily); !done)
                return done;
        }
        for (const QPair<int, QString>& user : account->users) {
            users.bindValue(0, account.key());
            users.bindValue(1, user.first);
            users.bindValue(2, user.second);
            if (Status done = exec(users); !done)
                return done;
        }
    }
    return {};
}

Result<AccountActivity> SummaryStore::loadActivity(const QString& accountId) const
{
    AccountActivity activity;
    QSqlQuery& daily = statement(LoadDaily,
                                 QStringLiteral("SELECT name, day, quantity FROM %1 WHERE account_id = ?")
                                     .arg(table("agg_daily_events")));
    daily.bindValue(0, accountId);
    if (!daily.exec())
        return Error { daily.lastError().text() };
    while (daily.next())
        activity.addDaily(daily.value(0).toString(), daily.value(1).toInt(), daily.value(2).toDouble());
    daily.finish();
    QSqlQuery& users = statement(
        LoadUsers,
        QStringLiteral("SELECT day, user_id FROM %1 WHERE account_id = ?").arg(table("agg_daily_users")));
    users.bindValue(0, accountId);
    if (!users.exec())
        return Error { users.lastError().text() };
    while (users.next())
        activity.addUser(users.value(0).toInt(), users.value(1).toString());
    users.finish();
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
    QSqlQuery& query = statement(
        UpsertStatus,
        QStringLiteral(
            "INSERT INTO %1 (account_id, stage, score, band, breakdown, day, computed_at, "
            "rules_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET "
            "stage = excluded.stage, score = excluded.score, band = excluded.band, "
            "breakdown = excluded.breakdown, day = excluded.day, "
            "computed_at = excluded.computed_at, rules_version = excluded.rules_version")
            .arg(table("account_status")));
    query.bindValue(0, status.accountId);
    query.bindValue(1, status.stage);
    query.bindValue(2, scoreValue(status.score));
    query.bindValue(3, status.band);
    query.bindValue(4, QString::fromUtf8(breakdownJson(status.breakdown)));
    query.bindValue(5, isoDay(status.day));
    query.bindValue(6, computedAt);
    query.bindValue(7, rulesVersion);
    return exec(query);
}

Status SummaryStore::writeHistory(const AccountStatus& status)
{
    QSqlQuery& query = statement(
        UpsertHistory,
        QStringLiteral("INSERT INTO %1 (account_id, day, stage, score, band) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (account_id, day) DO UPDATE SET stage = excluded.stage, "
                       "score = excluded.score, band = excluded.band")
            .arg(table("status_history")));
    query.bindValue(0, status.accountId);
    query.bindValue(1, isoDay(status.day));
    query.bindValue(2, status.stage);
    query.bindValue(3, scoreValue(status.score));
    query.bindValue(4, status.band);
    return exec(query);
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
    return exec(query);
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
