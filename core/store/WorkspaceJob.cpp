#include "store/WorkspaceJob.h"

#include <QElapsedTimer>
#include <QScopeGuard>

namespace tenure {

WorkspaceJob::WorkspaceJob(QString workspacePath, const QString& threadName, Database::Mode mode,
                           QObject* parent)
    : QObject(parent)
    , m_path(std::move(workspacePath))
    , m_mode(mode)
    , m_context(new QObject)
{
    m_thread.setObjectName(threadName);
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

WorkspaceJob::~WorkspaceJob()
{
    stopAndWait();
}

void WorkspaceJob::stopAndWait()
{
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void WorkspaceJob::startQueued(std::function<void()> task)
{
    m_cancel = false;
    m_running = true;
    QMetaObject::invokeMethod(m_context, std::move(task), Qt::QueuedConnection);
}

void WorkspaceJob::setWorkspace(Opener open, std::function<void()> close)
{
    m_open = std::move(open);
    m_close = std::move(close);
}

Status WorkspaceJob::onWorkspace(const std::function<void(Database&, const Progress&)>& body)
{
    QElapsedTimer sinceLast;
    sinceLast.start();
    const Progress throttled = [this, &sinceLast](qint64 done, qint64 total) {
        if (done == total || sinceLast.elapsed() >= 100) {
            sinceLast.restart();
            emit progress(done, total);
        }
    };
    if (m_open) {
        const auto closed = qScopeGuard([this] {
            if (m_close)
                m_close();
        });
        Result<Database*> db = m_open();
        if (!db)
            return Error { db.error() };
        body(**db, throttled);
        return {};
    }
    Result<std::unique_ptr<Database>> db = Database::open(m_path, m_mode);
    if (!db)
        return Error { db.error() };
    body(**db, throttled);
    return {}; // the connection closes here, on the job's thread, before anyone opens the file again
}

} // namespace tenure
