#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>

namespace tenure {

// Runs `work` on the thread pool and hands its result to `done` on `context`'s thread (the GUI
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
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace tenure
