#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>

#include <memory>
#include <optional>

namespace tenure {

class Database;
class TeamDatabase;

// Reading a team workspace through a copy on this machine: the team's log and master data
// (TeamReplica), scored by the same engine (so the figures are the team's, by construction), and
// the team's actions and notes. What reads a workspace file — reports, exports, backtests — then
// reads the team's portfolio unchanged. The first refresh copies the whole log; later ones copy
// what is new. Everything is copied as the signed-in login sees it, from one snapshot: with
// own-accounts-only on, a CSM's copy holds their accounts alone (TeamAccess), and it starts over
// when the accounts the login sees change.
class TeamReadCopy
{
    Q_DECLARE_TR_FUNCTIONS(TeamReadCopy)

public:
    static Result<std::unique_ptr<Database>> refresh(TeamDatabase& team, const QString& path,
                                                     std::optional<QDate> today = std::nullopt);
    // Opens a copy made under `scope` (TeamAccess::scope: which accounts the login sees), starting
    // it over when it was made under another: its log, copied after the last seq it holds, is right
    // only for the accounts it was copied for. The desktop's copy (TeamDeskSync) opens this way too.
    static Result<std::unique_ptr<Database>> openForScope(const QString& path, const QString& scope);
    // Removes the copy at `path` (the file and its WAL; nothing may hold it open) so that it is
    // made anew: a copy made under another scope, or from the team's history before a restore
    // (TeamReplica::madeFromThisHistory).
    static Status remove(const QString& path);
    // A copy made before the team's workspace was restored from a backup starts over; `copy` is
    // then replaced by the new one, opened for `scope`. Whether it started over.
    static Result<bool> startOverIfRestored(TeamDatabase& team, std::unique_ptr<Database>& copy,
                                            const QString& scope);
};

} // namespace tenure
