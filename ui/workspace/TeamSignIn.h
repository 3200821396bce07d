#pragma once

#include "team/TeamDatabase.h"
#include "team/TeamLocation.h"

#include <QCoreApplication>

#include <memory>

namespace tenure {

// How a desktop reaches the team workspace it shows, for the views that read or write the server
// directly (the action queue): where it is, who signed in, and the password typed in the
// connection dialog (held in memory only; empty when the keychain, ~/.pgpass or PGPASSWORD
// provide it).
struct TeamSignIn
{
    TeamLocation location;
    QString password;
    QString member; // the signed-in member's display name: the `owner` of their accounts
    QString role; // admin, csm or ingest

    // A connection of the calling (worker) thread's own.
    Result<std::unique_ptr<TeamDatabase>> open() const
    {
        return TeamDatabase::open(location, TeamDatabase::Purpose::Use, password);
    }
};

} // namespace tenure
