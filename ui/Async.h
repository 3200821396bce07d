#pragma once

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
