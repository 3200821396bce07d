#include "team/TeamPublisher.h"

#include "store/Database.h"
#include "store/SqliteStatement.h"
#include "team/PgCopy.h"
#include "team/TeamDatabase.h"
#include "team/TeamSchema.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <utility>

namespace tenure {

namespace {
// How long the team keeps a publication's stamp. A copy whose publication is older copies the
// scores whole, as it would after a restore; so it would anyway, since the engine publishes every
// account's scores again each day.
constexpr qint64 kStampsKeptMs = 2 * 24 * 3600 * 1000LL;
} // namespace

namespace {
const QString kLocalStatusColumns = QStringLiteral(
    "account_id, stage, score, band, breakdown, day, computed_at, rules_version, last_active");
const QString kStatusColumns = kLocalStatusColumns + QStringLiteral(", publication");
const QString kMonthColumns = QStringLiteral("account_id, month, legend, days, publication");
} // namespace

TeamPublisher::TeamPublisher(Database& local, TeamDatabase& team, int lockHolderPid)
    : m_local(local)
    , m_team(team)
    , m_lockHolderPid(lockHolderPid)
{
}

Result<qint64> TeamPublisher::stageTable(const QString& table, const QString& columns,
                                         const QString& localSelect, const QVariantList& values)
{
    // Read on SQLite's own handle: a publication copies every account's history (1.4M rows at
    // 100k accounts and 400 days), where a QVariant for each value cost more than the copy.
    QStringList texts; // bound without a copy: outlive the statement
    Result<SqliteStatement> local
        = SqliteStatement::prepare(m_local.handle(), localSelect.toUtf8().constData());
    if (!local)
        return Error { local.error() };
    for (int i = 0; i < values.size(); ++i) {
        switch (values[i].typeId()) {
        case QMetaType::QString:
            local->bind(i + 1, texts.emplace_back(values[i].toString()));
            break;
        case QMetaType::Int:
        case QMetaType::LongLong:
            local->bind(i + 1, values[i].toLongLong());
            break;
        default:
            return Error {
                QStringLiteral("TeamPublisher: cannot bind a %1").arg(QLatin1String(values[i].typeName()))
            };
        }
    }
    // PostgreSQL refuses COPY FROM into a table under row-level security (TeamMigrations) to every
    // login the policies apply to, the engine's admin login among them: the rows go into a
    // temporary table of the transaction, then in with one INSERT that the policies check.
    const QString staging = QStringLiteral("pg_temp.publish_") + table; // never a table of the schema
    if (Result<QSqlQuery> made = m_team.exec(
            QStringLiteral("CREATE TEMP TABLE publish_%1 ON COMMIT DROP AS SELECT %2 FROM %1 WITH NO DATA")
                .arg(table, columns));
        !made)
        return Error { made.error() };
    PgCopy copy(m_team.handle());
    if (Status started = copy.start(QStringLiteral("COPY %1 (%2) FROM STDIN").arg(staging, columns));
        !started)
        return Error { started.error() };
    return copy.copyAll(local->get());
}

Result<qint64> TeamPublisher::copyTable(const QString& table, const QString& columns,
                                        const QString& localSelect, const QVariantList& values)
{
    Result<qint64> copied = stageTable(table, columns, localSelect, values);
    if (!copied)
        return copied;
    const QString staging = QStringLiteral("pg_temp.publish_") + table;
    if (Result<QSqlQuery> moved
        = m_team.exec(QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3").arg(table, columns, staging));
        !moved)
        return Error { moved.error() };
    if (Result<QSqlQuery> dropped = m_team.exec(QStringLiteral("DROP TABLE %1").arg(staging)); !dropped)
        return Error { dropped.error() };
    return copied;
}

Result<TeamPublisher::Changes> TeamPublisher::replaceChanged(const QVariantList& values)
{
    Changes changes;
    Result<qint64> staged
        = stageTable(QStringLiteral("account_status"), kStatusColumns,
                     QStringLiteral("SELECT %1, ? FROM account_status").arg(kLocalStatusColumns), values);
    if (!staged)
        return Error { staged.error() };
    changes.total = staged.value();
    if (Result<qint64> months
        = stageTable(QStringLiteral("history_months"), kMonthColumns,
                     QStringLiteral("SELECT account_id, month, legend, days, ? FROM history_months"), values);
        !months)
        return Error { months.error() };
    // Statistics for the comparison's plan (autovacuum never analyses temporary tables).
    if (Result<QSqlQuery> analysed = m_team.exec(
            QStringLiteral("ANALYZE pg_temp.publish_account_status, pg_temp.publish_history_months"));
        !analysed)
        return Error { analysed.error() };
    // The accounts whose status or months differ from the team's, or that one side lacks; when
    // they were computed, and in which publication, aside.
    if (Result<QSqlQuery> changed = m_team.exec(QStringLiteral(R"(
            CREATE TEMP TABLE publish_changed ON COMMIT DROP AS
            SELECT coalesce(n.account_id, o.account_id) AS account_id
            FROM pg_temp.publish_account_status n FULL JOIN account_status o ON o.account_id = n.account_id
            WHERE n.account_id IS NULL OR o.account_id IS NULL
               OR (n.stage, n.score, n.band, n.breakdown, n.day, n.rules_version, n.last_active)
                  IS DISTINCT FROM (o.stage, o.score, o.band, o.breakdown, o.day, o.rules_version, o.last_active)
            UNION
            SELECT coalesce(n.account_id, o.account_id)
            FROM pg_temp.publish_history_months n
                 FULL JOIN history_months o ON o.account_id = n.account_id AND o.month = n.month
            WHERE n.account_id IS NULL OR o.account_id IS NULL OR (n.legend, n.days) IS DISTINCT FROM (o.legend, o.days))"));
        !changed)
        return Error { changed.error() };
    Result<QVariant> count = m_team.scalar(QStringLiteral("SELECT count(*) FROM pg_temp.publish_changed"));
    if (!count)
        return Error { count.error() };
    changes.accounts = count->toLongLong();
    // Every row of a changed account is written again, with this publication's number: a desktop
    // replaces an account's rows by the newer ones. When many changed (a new day, new rules), all
    // rows are, without picking them out, and desktops copy them all (publication_everything).
    changes.most = changes.accounts * 5 > changes.total;
    const QString which = changes.most
        ? QString()
        : QStringLiteral(" WHERE account_id IN (SELECT account_id FROM pg_temp.publish_changed)");
    for (const auto& [table, columns] : { std::pair { QStringLiteral("account_status"), kStatusColumns },
                                          std::pair { QStringLiteral("history_months"), kMonthColumns } }) {
        if (Result<QSqlQuery> deleted = m_team.exec(QStringLiteral("DELETE FROM %1").arg(table) + which);
            !deleted)
            return Error { deleted.error() };
        Result<QSqlQuery> written = m_team.exec(
            QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM pg_temp.publish_%1").arg(table, columns)
            + which);
        if (!written)
            return Error { written.error() };
        if (table == QLatin1String("account_status"))
            changes.statuses = written->numRowsAffected();
    }
    return changes;
}

Result<qint64> TeamPublisher::publish(const Publication& publication)
{
    const auto failed = [this](const QString& why) -> Result<qint64> {
        m_team.rollback();
        return Error { tr("Cannot publish the scores to %1: %2").arg(m_team.location().display(), why) };
    };
    if (Status begun = m_team.begin(); !begun)
        return Error { begun.error() };
    // The fence: only the session holding the engine lock publishes.
    Result<QVariant> holds = m_team.scalar(
        QStringLiteral(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = ? AND objid = ? "
            "AND objsubid = 1 AND granted AND pid = ?)"),
        { qint64(quint64(TeamSchema::kEngineLock) >> 32),
          qint64(quint64(TeamSchema::kEngineLock) & 0xffffffffu), m_lockHolderPid });
    if (!holds)
        return failed(holds.error());
    if (!holds->toBool())
        return failed(tr("this engine no longer holds the team's engine lock (another engine took over)."));

    // This publication's number: the rows it writes carry it, so that desktops copy only those.
    Result<QVariant> last = m_team.scalar(QStringLiteral(
        "SELECT coalesce((SELECT value::bigint FROM engine_state WHERE key = 'publication'), 0)"));
    if (!last)
        return failed(last.error());
    const qint64 number = last->toLongLong() + 1;
    // Its stamp: a server restored from a backup numbers its publications again from the backup's,
    // and a copy that holds one of the same number from before tells them apart by the stamp.
    const QString stamp = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (Result<QSqlQuery> stamped = m_team.exec(
            QStringLiteral("INSERT INTO publications (number, stamp, published_at) VALUES (?, ?, ?)"),
            { number, stamp, now });
        !stamped)
        return failed(stamped.error());
    if (Result<QSqlQuery> pruned
        = m_team.exec(QStringLiteral("DELETE FROM publications WHERE published_at < ? AND number < ?"),
                      { now - kStampsKeptMs, number });
        !pruned)
        return failed(pruned.error());

    const QString accountsJson
        = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(QStringList(publication.accounts.begin(),
                                                                                 publication.accounts.end())))
                                .toJson(QJsonDocument::Compact));
    QVariantList values { number };
    QString onlyThese;
    if (!publication.everything) {
        // Bound as one JSON array on both sides: no id enters a statement's text.
        values << accountsJson;
        onlyThese = QStringLiteral(" WHERE account_id IN (SELECT value FROM json_each(?))");
        for (const char* table : { "account_status", "history_months" }) {
            if (Result<QSqlQuery> deleted = m_team.exec(
                    QStringLiteral(
                        "DELETE FROM %1 WHERE account_id IN (SELECT json_array_elements_text(?::json))")
                        .arg(QLatin1String(table)),
                    { accountsJson });
                !deleted)
                return failed(deleted.error());
        }
    }
    if (Result<QSqlQuery> deleted = m_team.exec(QStringLiteral("DELETE FROM history_days")); !deleted)
        return failed(deleted.error());

    bool replacedMost = publication.everything;
    Result<qint64> statuses = 0;
    if (publication.everything) {
        Result<Changes> changes = replaceChanged(values);
        if (!changes)
            return failed(changes.error());
        statuses = changes->statuses;
        replacedMost = changes->most;
    } else {
        statuses = copyTable(
            QStringLiteral("account_status"), kStatusColumns,
            QStringLiteral("SELECT %1, ? FROM account_status").arg(kLocalStatusColumns) + onlyThese, values);
        if (!statuses)
            return failed(statuses.error());
        if (Result<qint64> months = copyTable(
                QStringLiteral("history_months"), kMonthColumns,
                QStringLiteral("SELECT account_id, month, legend, days, ? FROM history_months") + onlyThese,
                values);
            !months)
            return failed(months.error());
    }
    if (Result<qint64> days
        = copyTable(QStringLiteral("history_days"), QStringLiteral("day, stage, band, accounts"),
                    QStringLiteral("SELECT day, stage, band, accounts FROM history_days"), {});
        !days)
        return failed(days.error());

    QList<QPair<QString, QString>> state {
        { QStringLiteral("publication"), QString::number(number) },
        { QStringLiteral("team_seq"), QString::number(publication.teamSeq) },
        { QStringLiteral("as_of"), publication.asOf.toString(Qt::ISODate) },
        { QStringLiteral("rules_version"), QString::number(publication.rulesVersion) },
        { QStringLiteral("published_at"), QString::number(QDateTime::currentMSecsSinceEpoch()) },
    };
    // A desktop takes the rows numbered after its copy's, in place of its rows of the same accounts
    // (TeamReplica::pullStatuses); when most accounts changed, it takes them all at once.
    if (replacedMost)
        state.append({ QStringLiteral("publication_everything"), QString::number(number) });
    for (const auto& [key, value] : state) {
        if (Result<QSqlQuery> set
            = m_team.exec(QStringLiteral("INSERT INTO engine_state (key, value) VALUES (?, ?) "
                                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                          { key, value });
            !set)
            return failed(set.error());
    }
    const QJsonObject payload { { QStringLiteral("as_of"), publication.asOf.toString(Qt::ISODate) },
                                { QStringLiteral("rules_version"), publication.rulesVersion },
                                { QStringLiteral("team_seq"), publication.teamSeq },
                                { QStringLiteral("accounts"), statuses.value() },
                                { QStringLiteral("everything"), publication.everything } };
    if (Result<QSqlQuery> notified
        = m_team.exec(QStringLiteral("SELECT pg_notify('tenure_statuses', ?)"),
                      { QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)) });
        !notified)
        return failed(notified.error());
    if (Status committed = m_team.commit(); !committed)
        return failed(committed.error());
    m_stamp = stamp;
    return statuses.value();
}

} // namespace tenure
