#pragma once

#include "engine/ScoringEngine.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QLockFile>

#include <atomic>
#include <memory>

namespace tenure {

// One rebuild at a time on a workspace file. A rebuild fills shadow tables of one name ("_next")
// and swaps them in; a second engine on the same file (`tenure-cli score --full` beside the app,
// a report's engine beside the window's) would drop the first one's shadow and fill the same
// tables. The second waits instead, until the first has swapped its shadow in: a lock file beside
// the workspace (QLockFile: a lock left by a process that died is taken over), held from before
// the shadow is made until it is swapped in or dropped.
class RebuildLock
{
    Q_DECLARE_TR_FUNCTIONS(RebuildLock)

public:
    // Takes the lock for the workspace at `workspacePath`, waiting while another engine holds it
    // (saying so once through `progress`, with a total of -1) until it is free or `cancel` is set. No lock is
    // needed for an in-memory database (an empty path or ":memory:").
    static Result<RebuildLock> take(const QString& workspacePath, const ScoringEngine::Progress& progress,
                                    const std::atomic_bool* cancel);
    // The lock file of the workspace at `workspacePath`.
    static QString lockPath(const QString& workspacePath);

private:
    RebuildLock() = default;
    std::unique_ptr<QLockFile> m_lock; // unlocked when it goes
};

} // namespace tenure
