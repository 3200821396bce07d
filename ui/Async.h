#pragma once

#include "store/WithWorkspace.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QSaveFile>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <future>
#include <memory>
#include <type_traits>

namespace tenure {

// The pool the views' background work runs on. Not Qt's global pool: Qt's raster painting uses
// that one to fill large areas in parallel, and a view's long query there would stall painting.
inline QThreadPool* workPool()
{
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool;
        p->setObjectName(QStringLiteral("tenure-work"));
        p->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        // The work still running when the application ends finishes first (what is queued is
        // dropped): a query ending after Qt's SQL connections and statics are gone would crash.
        qAddPostRoutine([] {
            workPool()->clear();
            workPool()->waitForDone();
        });
        return p;
    }();
    return pool;
}

// Runs `work` on workPool() and hands its result to `done` on `context`'s thread (the GUI
// thread), unless `context` is gone by then. For the small reads and writes of the views (a rule
// file, a save) that must not run on the GUI thread.
template <typename Work, typename Done> void runAsync(QObject* context, Work work, Done done)
{
    using T = std::invoke_result_t<Work>;
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(workPool(), std::move(work)));
}

// A view's own reader thread, with a read-only connection to the workspace kept on it
// (KeptReadConnection): the view's queries run one after another there, each starting with the
// pages the last one read. For a view that queries again on every keystroke (the customer list).
// The connection is closed on that thread when the reader goes.
class KeptReader
{
public:
    explicit KeptReader(const QString& name)
    {
        m_thread.setObjectName(name);
        m_thread.setMaxThreadCount(1);
        m_thread.setExpiryTimeout(-1); // the one thread stays: the connection belongs to it
    }
    ~KeptReader()
    {
        close();
        m_thread.waitForDone();
    }
    KeptReader(const KeptReader&) = delete;
    KeptReader& operator=(const KeptReader&) = delete;

    // Runs `work(Database&)` on the reader's thread, on the workspace at `path`; the future holds
    // what withWorkspace() would return. The task belongs to no future: waiting for the future
    // never runs it on the waiting thread (as QtConcurrent::run's would, were it still queued),
    // so the connection is only ever used on the reader's thread.
    template <typename Work> QFuture<detail::WorkResult<Work>> run(const QString& path, Work work)
    {
        auto promise = std::make_shared<QPromise<detail::WorkResult<Work>>>();
        QFuture<detail::WorkResult<Work>> future = promise->future();
        promise->start();
        m_thread.start([this, path, work = std::move(work), promise]() mutable {
            promise->addResult(m_connection.run(path, work));
            promise->finish();
        });
        return future;
    }

    // Closes the connection on the reader's thread, after the queries queued before, and waits:
    // before the workspace's writer closes, so that the writer is the last connection to the
    // file and leaves it whole, the log copied in and removed.
    void close()
    {
        std::promise<void> closed;
        m_thread.start([this, &closed] {
            m_connection.close();
            closed.set_value();
        });
        closed.get_future().wait();
    }

private:
    QThreadPool m_thread;
    KeptReadConnection m_connection; // used on m_thread only
};

// Writes `bytes` to `path` all or nothing (QSaveFile) off the GUI thread, then hands `done` the
// error in words, or an empty string.
template <typename Done>
void writeFileAsync(QObject* context, const QString& path, const QByteArray& bytes, Done done)
{
    runAsync(
        context,
        [path, bytes]() -> QString {
            QSaveFile out(path);
            if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
                return QCoreApplication::translate("tenure::Async", "Cannot write %1: %2")
                    .arg(path, out.errorString());
            return {};
        },
        std::move(done));
}

} // namespace tenure
