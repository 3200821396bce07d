#pragma once

#include "store/WithWorkspace.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>
#include <QSaveFile>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

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
        m_thread.start([this] { m_connection.close(); });
        m_thread.waitForDone();
    }
    KeptReader(const KeptReader&) = delete;
    KeptReader& operator=(const KeptReader&) = delete;

    // Runs `work(Database&)` on the reader's thread, on the workspace at `path`; the future holds
    // what withWorkspace() would return.
    template <typename Work> auto run(const QString& path, Work work)
    {
        return QtConcurrent::run(&m_thread, [this, path, work = std::move(work)]() mutable {
            return m_connection.run(path, work);
        });
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
