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

    static int currentVersion();
    // The statements that make an empty database a workspace of currentVersion().
    static QStringList createStatements();

    // Prepares an empty database (refused, with a message, when it holds tables, views or
    // functions of its own): schema, roles, grants and settings, in one transaction. The signed-in
    // login needs CREATEROLE (or is a superuser) and owns what it creates.
    static Status initialise(TeamDatabase& db, const QByteArray& timeZone);
};

} // namespace tenure
