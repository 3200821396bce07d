#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QStringList>

namespace tenure {

class TeamDatabase;

// The team workspace's schema in PostgreSQL: the same logical tables as a workspace file (the
// append-only log, master data, rules, the CSMs' actions and notes, the engine's read side), the
// team's members, and the three group roles whose privileges PostgreSQL enforces:
//   tenure_admin  — rules, connectors, imports, settings, members, and the engine's read side;
//   tenure_csm    — reads everything; writes actions, action history, notes and outcomes;
//   tenure_ingest — appends to the log and moves connector cursors.
// No role may UPDATE, DELETE or TRUNCATE `events`: privileges say so, and a trigger says it again
// for the table's owner.
class TeamSchema
{
    Q_DECLARE_TR_FUNCTIONS(TeamSchema)

public:
    static constexpr const char* kApplication = "tenure-team";
    static constexpr const char* kRoles[] = { "tenure_admin", "tenure_csm", "tenure_ingest" };
    // Advisory locks (pg_advisory_*): appenders to the log hold kLogLock for their transaction, so
    // sequence numbers commit in order; the elected engine holds kEngineLock for its session.
    static constexpr qint64 kLogLock = 0x54454e554c4f47; // "TENULOG"
    static constexpr qint64 kEngineLock = 0x54454e55454e47; // "TENUENG"

    // The newest schema: version 1 plus every forward migration (TeamMigrations).
    static int currentVersion();
    // The tables, functions and policies of a workspace of currentVersion(): version 1's, then
    // every migration's, in order.
    static QStringList createStatements();

    // Prepares an empty database (refused, with a message, when it holds tables, views or
    // functions of its own): schema version 1, roles, grants and settings, then every migration
    // up to `version`, in one transaction. The signed-in login needs CREATEROLE (or is a
    // superuser) and owns what it creates. An older `version` is for the migrations' tests.
    static Status initialise(TeamDatabase& db, const QByteArray& timeZone, int version = currentVersion());

    // Brings a workspace of an older schema to currentVersion(), in one transaction, and returns
    // the version it was at (the same as currentVersion() when there was nothing to do). Only the
    // tables' owner (the login that ran `team init`, or a superuser) may: the migrations change
    // tables. Open the database with TeamDatabase::Purpose::Upgrade.
    static Result<int> upgrade(TeamDatabase& db);

private:
    // Applies the migrations after `from` up to `to` and records `to`, inside the caller's transaction.
    static Status migrate(TeamDatabase& db, int from, int to);
};

} // namespace tenure
