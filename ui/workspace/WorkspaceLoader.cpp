#include "workspace/WorkspaceLoader.h"

#include "Async.h"
#include "store/Database.h"

#include <QtConcurrent/QtConcurrentRun>

namespace tenure {

WorkspaceLoader::WorkspaceLoader(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const Result<WorkspaceStats> result = m_watcher.result();
        if (result)
            emit loaded(m_path, result.value());
        else
            emit failed(m_path, result.error());
    });
}

WorkspaceLoader::~WorkspaceLoader()
{
    m_watcher.waitForFinished();
}

void WorkspaceLoader::load(const QString& path)
{
    m_watcher.waitForFinished();
    m_path = path;
    m_watcher.setFuture(QtConcurrent::run(workPool(), [path]() -> Result<WorkspaceStats> {
        Result<std::unique_ptr<Database>> db = Database::open(path, Database::Mode::ReadWrite);
        if (!db) {
            // A read-only workspace can still be looked at.
            db = Database::open(path, Database::Mode::ReadOnly);
            if (!db)
                return Error { db.error() };
        }
        return WorkspaceStats::load(*db.value());
    }));
}

} // namespace tenure
