#include "team/TeamReadCopy.h"

#include "engine/ScoringEngine.h"
#include "store/Database.h"
#include "team/TeamDatabase.h"
#include "team/TeamReplica.h"

#include <QLockFile>

namespace tenure {

Result<std::unique_ptr<Database>> TeamReadCopy::refresh(TeamDatabase& team, const QString& path,
                                                        std::optional<QDate> today)
{
    // Two readers on this machine (two reports at once) take turns rather than score one file together.
    QLockFile lock(path + QStringLiteral(".lock"));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(120000))
        return Error { tr("This machine's copy of the team workspace (%1) is busy; try again.").arg(path) };
    Result<std::unique_ptr<Database>> copy = Database::open(path, Database::Mode::ReadWrite);
    if (!copy)
        return Error { tr("Cannot open this machine's copy of the team workspace: %1").arg(copy.error()) };
    TeamReplica replica(team, **copy);
    if (Result<TeamReplica::Pull> pulled = replica.pull(); !pulled)
        return Error { pulled.error() };
    ScoringEngine::Options options;
    options.today = today;
    if (Result<ScoringEngine::Summary> scored = ScoringEngine(**copy, options).run(); !scored)
        return Error { tr("Cannot score the copy of the team workspace: %1").arg(scored.error()) };
    if (Status actions = replica.pullActions(); !actions)
        return Error { actions.error() };
    return copy;
}

} // namespace tenure
