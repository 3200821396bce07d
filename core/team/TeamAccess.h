#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

namespace tenure {

class TeamDatabase;

// Who sees which accounts of a team workspace. With the workspace's setting "own accounts only"
// on, a CSM sees only the accounts whose owner is their display name, and those accounts' rows
// (events, outcomes, keys, statuses, history, actions with their history, notes): PostgreSQL's
// row-level security enforces it (TeamMigrations, schema 2), for Tenure and psql alike. Admins,
// the ingest role and the engine (an admin) always see every account.
class TeamAccess
{
    Q_DECLARE_TR_FUNCTIONS(TeamAccess)

public:
    // The setting's key in the team's `settings` (team_*: never copied into a workstation's copy).
    static constexpr const char* kOwnAccountsOnly = "team_own_accounts_only";

    static Result<bool> ownAccountsOnly(TeamDatabase& db);
    // Admins only: the server refuses anyone else.
    static Status setOwnAccountsOnly(TeamDatabase& db, bool on);
    // Whether the signed-in login sees every account (false: only its own).
    static Result<bool> seesEverything(TeamDatabase& db);
    // What the signed-in login sees, as a value that changes whenever that does: "all", or a
    // digest of the ids of the accounts it sees. A copy of the team made under one scope is not
    // brought up to date under another (TeamReadCopy starts it over).
    static Result<QString> scope(TeamDatabase& db);

    // Only members connect (TeamMigrations, schema 9), when the login that ran `team init` or
    // `team upgrade` owns the database. Empty when so; otherwise what to tell an admin: that every
    // login of the server may connect, and the statements the database's owner runs to close it.
    static Result<QString> connectAdvice(TeamDatabase& db);
};

} // namespace tenure
