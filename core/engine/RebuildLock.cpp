#include "engine/RebuildLock.h"

#include <QFileInfo>

namespace tenure {

QString RebuildLock::lockPath(const QString& workspacePath)
{
    return workspacePath + QStringLiteral(".rebuild.lock");
}

Result<RebuildLock> RebuildLock::take(const QString& workspacePath, const ScoringEngine::Progress& progress,
                                      const std::atomic_bool* cancel)
{
    RebuildLock taken;
    if (workspacePath.isEmpty() || workspacePath == QLatin1String(":memory:"))
        return taken;
    auto lock = std::make_unique<QLockFile>(lockPath(workspacePath));
    // A rebuild can take minutes: the lock is stale only when its process is gone, not by its age.
    lock->setStaleLockTime(0);
    bool said = false;
    while (!lock->tryLock(200)) {
        if (lock->error() != QLockFile::LockFailedError)
            return Error { tr("Cannot lock %1 for the rebuild: %2")
                               .arg(QFileInfo(lockPath(workspacePath)).absoluteFilePath(),
                                    lock->error() == QLockFile::PermissionError
                                        ? tr("its folder cannot be written to")
                                        : tr("the lock file cannot be read or written")) };
        if (cancel && cancel->load())
            return Error { tr("Scoring was cancelled.") };
        if (!said && progress) {
            said = true;
            qint64 pid = 0;
            QString host;
            QString application;
            lock->getLockInfo(&pid, &host, &application);
            progress(tr("Waiting for another rebuild of this workspace (%1, process %2)")
                         .arg(application.isEmpty() ? tr("another program") : application)
                         .arg(pid),
                     0, -1);
        }
    }
    taken.m_lock = std::move(lock);
    return taken;
}

} // namespace tenure
