#include "team/TeamReadCopy.h"

#include "engine/ScoringEngine.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"
#include "team/TeamAccess.h"
#include "team/TeamDatabase.h"
#include "team/TeamReplica.h"

#include <QFile>
#include <QLockFile>
#include <QScopeGuard>

namespace tenure {

namespace {

const QString kTeamScope = QStringLiteral("team_scope");
const QString kTeamSeq = QStringLiteral("team_seq");

} // namespace

Result<std::unique_ptr<Database>> TeamReadCopy::openForScope(const QString& path, const QString& scope)
{
    Result<std::unique_ptr<Database>> copy = Database::open(path, Database::Mode::ReadWrite);
    if (!copy)
        return Error { tr("Cannot open this machine's copy of the team workspace: %1").arg(copy.error()) };
    // The log is copied after the last seq the copy holds: that holds only while the login sees the
    // same accounts. When it sees others (own-accounts-only switched, accounts reassigned or added),
    // older events of accounts it now sees would be missed and those of accounts it no longer sees
    // kept: the copy starts over.
    {
        WorkspaceSettings settings(**copy);
        // A new copy is empty; one made before schema 2 knows no scope, and saw every account.
        QString madeUnder = settings.value(kTeamScope);
        if (madeUnder.isEmpty())
            madeUnder = settings.value(kTeamSeq).isEmpty() ? scope : QStringLiteral("all");
        if (madeUnder != scope) {
            copy->reset();
            if (Status removed = remove(path); !removed)
                return Error { removed.error() };
            copy = Database::open(path, Database::Mode::ReadWrite);
            if (!copy)
                return Error {
                    tr("Cannot open this machine's copy of the team workspace: %1").arg(copy.error())
                };
        }
    }
    if (Status set = WorkspaceSettings(**copy).setValue(kTeamScope, scope); !set)
        return Error { set.error() };
    return copy;
}

Status TeamReadCopy::remove(const QString& path)
{
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        if (QFile::exists(path + suffix) && !QFile::remove(path + suffix))
            return Error { tr("Cannot start this machine's copy of the team workspace (%1) over: %2")
                               .arg(path + suffix, tr("the file cannot be removed")) };
    }
    return {};
}

Result<bool> TeamReadCopy::startOverIfRestored(TeamDatabase& team, std::unique_ptr<Database>& copy,
                                               const QString& scope)
{
    Result<bool> same = TeamReplica(team, *copy).madeFromThisHistory();
    if (!same)
        return Error { same.error() };
    if (*same)
        return false;
    const QString path = copy->path();
    copy.reset();
    if (Status removed = remove(path); !removed)
        return Error { removed.error() };
    Result<std::unique_ptr<Database>> anew = openForScope(path, scope);
    if (!anew)
        return Error { anew.error() };
    copy = std::move(anew).value();
    return true;
}

Result<std::unique_ptr<Database>> TeamReadCopy::refresh(TeamDatabase& team, const QString& path,
                                                        std::optional<QDate> today)
{
    // Two readers on this machine (two reports at once) take turns rather than score one file together.
    QLockFile lock(path + QStringLiteral(".lock"));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(120000))
        return Error { tr("This machine's copy of the team workspace (%1) is busy; try again.").arg(path) };

    // One snapshot of the team for the whole copy: the accounts this login sees, their log, actions
    // and notes agree with one another even while an admin reassigns accounts or switches
    // own-accounts-only. Read-only: it ends with a rollback.
    if (Status begun = team.begin(); !begun)
        return Error { begun.error() };
    auto end = qScopeGuard([&team] { team.rollback(); });
    if (Result<QSqlQuery> snapshot
        = team.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
        !snapshot)
        return Error { snapshot.error() };
    Result<QString> scope = TeamAccess::scope(team);
    if (!scope)
        return Error { scope.error() };

    Result<std::unique_ptr<Database>> copy = openForScope(path, *scope);
    if (!copy)
        return Error { copy.error() };
    if (Result<bool> restarted = startOverIfRestored(team, *copy, *scope); !restarted)
        return Error { restarted.error() };

    TeamReplica replica(team, **copy, true); // in the snapshot begun above
    if (Result<TeamReplica::Pull> pulled = replica.pull(); !pulled)
        return Error { pulled.error() };
    ScoringEngine::Options options;
    options.today = today;
    if (Result<ScoringEngine::Summary> scored = ScoringEngine(**copy, options).run(); !scored)
        return Error { tr("Cannot score the copy of the team workspace: %1").arg(scored.error()) };
    if (Result<qint64> actions = replica.pullActions(); !actions)
        return Error { actions.error() };
    return copy;
}

} // namespace tenure
