#include "engine/RebuildLock.h"

#include <QFileInfo>
#include <QSysInfo>

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
            // A process on another machine (a workspace on a shared folder, which SQLite does not
            // support) is never judged gone: its host is named, for its lock file to be removed.
            const QString who = host.isEmpty() || host == QSysInfo::machineHostName()
                ? tr("%1, process %2")
                      .arg(application.isEmpty() ? tr("another program") : application)
                      .arg(pid)
                : tr("%1, process %2 on %3")
                      .arg(application.isEmpty() ? tr("another program") : application)
                      .arg(pid)
                      .arg(host);
            progress(tr("Waiting for another rebuild of this workspace (%1)").arg(who), 0, -1);
        }
    }
    taken.m_lock = std::move(lock);
    return taken;
}

} // namespace tenure
