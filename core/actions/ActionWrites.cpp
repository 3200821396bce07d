#include "actions/ActionWrites.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace tenure {

namespace {

constexpr auto kAuthor = "Tenure";

QString author()
{
    return QString::fromLatin1(kAuthor);
}

// The history row a cleared action gets, in the engine's words.
QString clearedDetail()
{
    return QCoreApplication::translate("ActionEngine", "the condition no longer holds");
}

Error failure(const QSqlQuery& query)
{
    return Error { query.lastError().text() };
}

// Rows bound as one JSON array, read back with json_to_recordset: a statement for all of them,
// and no value ever in a statement's text.
QString json(const QJsonArray& rows)
{
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

} // namespace

Result<ActionChanges::Counts> ActionChanges::write(QSqlDatabase target, bool team, qint64 stamp) const
{
    return team ? writeInBulk(target, stamp) : writeRows(target, stamp);
}

Result<ActionChanges::Counts> ActionChanges::writeRows(QSqlDatabase file, qint64 stamp) const
{
    Counts counts;
    QSqlQuery history(file);
    history.prepare(QStringLiteral(
        "INSERT INTO action_history (action_id, at, author, kind, detail) VALUES (?, ?, ?, ?, ?)"));
    const auto addHistory = [&](qint64 id, const QString& kind, const QString& detail) {
        history.addBindValue(id);
        history.addBindValue(stamp);
        history.addBindValue(author());
        history.addBindValue(kind);
        history.addBindValue(detail);
        return history.exec();
    };
    QSqlQuery clear(file);
    clear.prepare(QStringLiteral(
        "UPDATE actions SET status = 'done', updated_at = ? WHERE id = ? AND status <> 'done'"));
    for (const Clear& action : clears) {
        clear.addBindValue(stamp);
        clear.addBindValue(action.id);
        if (!clear.exec())
            return failure(clear);
        if (clear.numRowsAffected() == 0)
            continue;
        if (!addHistory(action.id, QStringLiteral("cleared"), clearedDetail()))
            return failure(history);
        ++counts.cleared;
    }
    QSqlQuery update(file);
    update.prepare(
        QStringLiteral("UPDATE actions SET priority = ?, reason = ?, status = CASE WHEN ? THEN 'open' "
                       "ELSE status END, updated_at = ? WHERE id = ?"));
    for (const Update& action : updates) {
        update.addBindValue(action.priority);
        update.addBindValue(QString::fromUtf8(action.reason)); // TEXT, as the readers expect
        update.addBindValue(action.wake.isValid());
        update.addBindValue(stamp);
        update.addBindValue(action.id);
        if (!update.exec())
            return failure(update);
        if (action.wake.isValid()) {
            if (!addHistory(action.id, QStringLiteral("woke"), action.wake.toString(Qt::ISODate)))
                return failure(history);
            ++counts.woke;
        }
        if (action.changed)
            ++counts.updated;
    }
    QSqlQuery rearm(file);
    rearm.prepare(QStringLiteral("UPDATE actions SET suppress = 0 WHERE status = 'done' AND suppress = 1 AND "
                                 "account_id = ? AND trigger = ?"));
    for (const auto& [account, trigger] : rearms) {
        rearm.addBindValue(account);
        rearm.addBindValue(trigger);
        if (!rearm.exec())
            return failure(rearm);
    }
    QSqlQuery insert(file);
    insert.prepare(
        QStringLiteral("INSERT INTO actions (account_id, trigger, status, priority, reason, owner, "
                       "created_at, updated_at) VALUES (?, ?, 'open', ?, ?, ?, ?, ?) RETURNING id"));
    for (const Open& action : opens) {
        insert.addBindValue(action.account);
        insert.addBindValue(action.trigger);
        insert.addBindValue(action.priority);
        insert.addBindValue(QString::fromUtf8(action.reason));
        insert.addBindValue(action.owner);
        insert.addBindValue(stamp);
        insert.addBindValue(stamp);
        if (!insert.exec() || !insert.next())
            return failure(insert);
        const qint64 id = insert.value(0).toLongLong();
        insert.finish();
        if (!addHistory(id, QStringLiteral("created"), QString::fromUtf8(action.reason)))
            return failure(history);
        ++counts.opened;
    }
    return counts;
}

Result<ActionChanges::Counts> ActionChanges::writeInBulk(QSqlDatabase team, qint64 stamp) const
{
    Counts counts;
    qint64 touched = 0; // updates the version check let through
    // Each history row's foreign-key check looks its action up. PostgreSQL caches a generic plan
    // for that lookup for the session, planned when `actions` may have been nearly empty: a scan of
    // the whole table per row, which made a first pass that opens 60,000 actions quadratic
    // (minutes). Planned for the table as it is, it is an index lookup at any size.
    QSqlQuery custom(team);
    if (!custom.exec(QStringLiteral("SET LOCAL plan_cache_mode = force_custom_plan")))
        return failure(custom);

    // Runs `sql` once per slice of `items`, the slice bound as the JSON array `rows` (its place
    // among `values` marked by a null QVariant): a few statements for the whole refresh, and the
    // JSON of one slice in memory at a time.
    const auto inSlices = [&team](const auto& items, const auto& row, const QString& sql,
                                  const QVariantList& values, const auto& done) -> Status {
        constexpr qsizetype kRowsPerStatement = 10000;
        QSqlQuery query(team);
        if (!query.prepare(sql))
            return Status { failure(query) };
        for (qsizetype from = 0; from < items.size(); from += kRowsPerStatement) {
            QJsonArray rows;
            for (qsizetype i = from; i < std::min(items.size(), from + kRowsPerStatement); ++i)
                rows.append(row(items[i]));
            for (const QVariant& value : values)
                query.addBindValue(value.isNull() ? QVariant(json(rows)) : value);
            if (!query.exec())
                return Status { failure(query) };
            done(query);
        }
        return {};
    };

    if (Status cleared = inSlices(
            clears,
            [](const Clear& action) {
                return QJsonObject { { QStringLiteral("id"), action.id },
                                     { QStringLiteral("version"), action.version } };
            },
            QStringLiteral(
                "WITH cleared AS (UPDATE actions a SET status = 'done', updated_at = ? "
                "FROM json_to_recordset(?::json) AS v(id bigint, version integer) "
                "WHERE a.id = v.id AND a.version = v.version AND a.status <> 'done' RETURNING a.id) "
                "INSERT INTO action_history (action_id, at, author, kind, detail) "
                "SELECT id, ?, ?, 'cleared', ? FROM cleared"),
            { stamp, QVariant(), stamp, author(), clearedDetail() },
            [&counts](QSqlQuery& query) { counts.cleared += query.numRowsAffected(); });
        !cleared)
        return Error { cleared.error() };
    if (Status updated = inSlices(
            updates,
            [](const Update& action) {
                return QJsonObject { { QStringLiteral("id"), action.id },
                                     { QStringLiteral("version"), action.version },
                                     { QStringLiteral("priority"), action.priority },
                                     { QStringLiteral("reason"), QString::fromUtf8(action.reason) },
                                     { QStringLiteral("changed"), action.changed },
                                     { QStringLiteral("wake"),
                                       action.wake.isValid() ? QJsonValue(action.wake.toString(Qt::ISODate))
                                                             : QJsonValue() } };
            },
            QStringLiteral(
                "WITH updated AS (UPDATE actions a SET priority = v.priority, reason = v.reason, "
                "status = CASE WHEN v.wake IS NOT NULL THEN 'open' ELSE a.status END, updated_at = ? "
                "FROM json_to_recordset(?::json) AS v(id bigint, version integer, priority double "
                "precision, reason text, changed boolean, wake text) "
                "WHERE a.id = v.id AND a.version = v.version RETURNING a.id, v.changed, v.wake), "
                "woke AS (INSERT INTO action_history (action_id, at, author, kind, detail) "
                "SELECT id, ?, ?, 'woke', wake FROM updated WHERE wake IS NOT NULL RETURNING 1) "
                "SELECT (SELECT count(*) FROM updated WHERE changed), (SELECT count(*) FROM woke), (SELECT "
                "count(*) FROM updated)"),
            { stamp, QVariant(), stamp, author() },
            [&counts, &touched](QSqlQuery& query) {
                if (query.next()) {
                    counts.updated += query.value(0).toInt();
                    counts.woke += query.value(1).toInt();
                    touched += query.value(2).toInt();
                }
                query.finish();
            });
        !updated)
        return Error { updated.error() };
    if (Status rearmed = inSlices(
            rearms,
            [](const QPair<QString, QString>& key) {
                return QJsonObject { { QStringLiteral("account_id"), key.first },
                                     { QStringLiteral("trigger"), key.second } };
            },
            QStringLiteral("UPDATE actions a SET suppress = 0 "
                           "FROM json_to_recordset(?::json) AS v(account_id text, trigger text) "
                           "WHERE a.status = 'done' AND a.suppress = 1 AND a.account_id = v.account_id "
                           "AND a.trigger = v.trigger"),
            { QVariant() }, [](QSqlQuery&) {});
        !rearmed)
        return Error { rearmed.error() };
    if (Status opened = inSlices(
            opens,
            [](const Open& action) {
                return QJsonObject { { QStringLiteral("account_id"), action.account },
                                     { QStringLiteral("trigger"), action.trigger },
                                     { QStringLiteral("priority"), action.priority },
                                     { QStringLiteral("reason"), QString::fromUtf8(action.reason) },
                                     { QStringLiteral("owner"),
                                       action.owner.isNull() ? QJsonValue() : QJsonValue(action.owner) } };
            },
            QStringLiteral(
                "WITH opened AS (INSERT INTO actions (account_id, trigger, status, priority, reason, "
                "owner, created_at, updated_at) SELECT account_id, trigger, 'open', priority, reason, "
                "owner, ?, ? FROM json_to_recordset(?::json) AS v(account_id text, trigger text, "
                "priority double precision, reason text, owner text) RETURNING id, reason) "
                "INSERT INTO action_history (action_id, at, author, kind, detail) "
                "SELECT id, ?, ?, 'created', reason FROM opened"),
            { stamp, stamp, QVariant(), stamp, author() },
            [&counts](QSqlQuery& query) { counts.opened += query.numRowsAffected(); });
        !opened)
        return Error { opened.error() };
    counts.skipped = int(clears.size() - counts.cleared + updates.size() - touched);
    return counts;
}

} // namespace tenure
