// TeamReplica's copy of the team's action queue: the actions, their history and the account notes.
#include "store/Database.h"
#include "store/Transaction.h"
#include "store/WorkspaceSettings.h"
#include "team/TeamCopyRows.h"
#include "team/TeamDatabase.h"
#include "team/TeamReplica.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tenure {

namespace {

// The oldest transaction that was still running on the server when the copy last read the queue
// (pg_snapshot_xmin of that read's snapshot): every row written since was written in it or in a
// later one (TeamMigrations, schema 6), so the next copy reads only those rows.
const QString kActionsWrittenFrom = QStringLiteral("team_actions_written_from");

struct Table
{
    const char* name;
    const char* select; // the team's columns, in the copy's order
    const char* order; // the order the rows are written to the copy in
    const char* columns; // the copy's
    const char* kinds; // see teamcopy::copyRows
};

const Table kTables[] = {
    { "actions",
      "id, account_id, trigger, status, priority, reason, owner, snoozed_until, suppress, created_at, "
      "updated_at FROM actions",
      // Closed actions first: a trigger's new action never meets the copy's open one it replaced
      // (one live action per account and trigger, in the copy as on the server).
      " ORDER BY status <> 'done', id",
      "id, account_id, trigger, status, priority, reason, owner, snoozed_until, suppress, created_at, "
      "updated_at",
      "itttrtttiii" },
    { "action_history", "id, action_id, at, author, kind, detail FROM action_history", "",
      "id, action_id, at, author, kind, detail", "iiittt" },
    { "account_notes", "id, account_id, at, author, text FROM account_notes", "",
      "id, account_id, at, author, text", "itittt" },
};

// INSERT of a team row into the copy; a row the copy holds already is brought up to date.
QString upsert(const char* table, const QString& columns)
{
    const QStringList names = columns.split(QStringLiteral(", "));
    QStringList marks, updates;
    for (const QString& name : names) {
        marks << QStringLiteral("?");
        if (name != QLatin1String("id"))
            updates << QStringLiteral("%1 = excluded.%1").arg(name);
    }
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (id) DO UPDATE SET %4")
        .arg(QLatin1String(table), columns, marks.join(QStringLiteral(", ")),
             updates.join(QStringLiteral(", ")));
}

} // namespace

Result<qint64> TeamReplica::pullActions(ActionsCopy how)
{
    WorkspaceSettings settings(m_local);
    bool known = false;
    const quint64 from = settings.value(kActionsWrittenFrom).toULongLong(&known);

    Transaction transaction(m_local);
    if (!transaction.startError().isEmpty())
        return Error { transaction.startError() };
    const auto failed = [this](const QString& why) -> Result<qint64> {
        endSnapshot();
        return Error {
            tr("Cannot copy the team's actions from %1: %2").arg(m_team.location().display(), why)
        };
    };
    // One snapshot for the three: an action the engine opens meanwhile comes with its history.
    if (Status begun = beginSnapshot(); !begun)
        return Error { begun.error() };
    Result<QSqlQuery> horizon = m_team.exec(QStringLiteral(
        "SELECT pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text FROM pg_current_snapshot() AS s"));
    if (!horizon || !horizon->next())
        return failed(horizon ? horizon->lastError().text() : horizon.error());
    const QString oldestRunning = horizon->value(0).toString();
    // A server whose transactions count from lower than the copy's mark (the workspace restored
    // into a new cluster) would hide every change from it: copy it all again.
    const bool whole = how == ActionsCopy::Whole || !known || from > horizon->value(1).toULongLong();
    horizon->finish();
    const auto copy = [&](bool all) -> Result<qint64> {
        if (all) {
            for (const char* sql :
                 { "DELETE FROM action_history", "DELETE FROM actions", "DELETE FROM account_notes" }) {
                if (Status done = teamcopy::localExec(m_local, QString::fromLatin1(sql)); !done)
                    return Error { done.error() };
            }
        }
        // `from` is a number this code formats: nothing of the data enters the statement.
        const QString since = all ? QString() : QStringLiteral(" WHERE written_in >= '%1'::xid8").arg(from);
        qint64 rows = 0;
        for (const Table& table : kTables) {
            Result<qint64> copied = teamcopy::copyRows(
                m_team, m_local,
                QStringLiteral("SELECT ") + QLatin1String(table.select) + since + QLatin1String(table.order),
                upsert(table.name, QLatin1String(table.columns)), table.kinds);
            if (!copied)
                return copied;
            rows += *copied;
        }
        return rows;
    };
    Result<qint64> rows = copy(whole);
    if (!rows)
        return failed(rows.error());
    if (!whole) {
        // A row deleted on the server, or gone out of this member's sight without a write to it,
        // leaves no newer row to say so: a copy that no longer counts as the team's is made whole
        // again, in the same snapshot.
        Result<bool> same = sameActionCounts();
        if (!same)
            return failed(same.error());
        if (!*same) {
            rows = copy(true);
            if (!rows)
                return failed(rows.error());
        }
    }
    endSnapshot(); // read only: nothing to keep
    if (Status set = settings.setValue(kActionsWrittenFrom, oldestRunning); !set)
        return Error { set.error() };
    if (Status committed = transaction.commit(); !committed)
        return Error { committed.error() };
    return *rows;
}

Result<bool> TeamReplica::sameActionCounts()
{
    for (const Table& table : kTables) {
        const QString count = QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table.name));
        Result<QVariant> theirs = m_team.scalar(count);
        if (!theirs)
            return Error { theirs.error() };
        QSqlQuery mine(m_local.connection());
        if (!mine.exec(count) || !mine.next())
            return Error { mine.lastError().text() };
        if (mine.value(0).toLongLong() != theirs->toLongLong())
            return false;
    }
    return true;
}

} // namespace tenure
