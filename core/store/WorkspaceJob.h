#pragma once

#include "store/Database.h"
#include "util/Result.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <optional>

namespace tenure {

// Long work on a workspace (an import, a backtest, a rule suggestion) on a thread of its own, with
// its own connection opened and closed there for each run (read-only, or read-write for work that
// writes); progress, cancel and failure the same way for each. A subclass declares its own `finished` signal
// and starts its work with queue(): what the work returns goes to `deliver` on the job's thread, once the
// connection is closed (emit `finished` there; a queued connection brings it to the receiver's thread).
class WorkspaceJob : public QObject
{
    Q_OBJECT

public:
    ~WorkspaceJob() override; // stopAndWait(), if the subclass has not

    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_running; }

signals:
    void progress(qint64 done, qint64 total); // at most every 100 ms, and when done
    void failed(const QString& message);

protected:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    WorkspaceJob(QString workspacePath, const QString& threadName, Database::Mode mode, QObject* parent);

    // A workspace the runs go to instead of the file at the path (an import into a team workspace
    // goes to a staged copy of it: ingest/ImportWorker): `open` runs on the job's thread before each
    // run's work, `close` after it, whatever became of the work.
    using Opener = std::function<Result<Database*>()>;
    void setWorkspace(Opener open, std::function<void()> close);

    // Cancels the work under way and waits for it; work queued and not started never runs. A
    // subclass calls it first thing in its destructor: `deliver` may emit the subclass's signal
    // until then.
    void stopAndWait();

    // `prepare`, when given, runs on the job's thread before the workspace is opened (reading a
    // file the work needs); its failure is reported and the workspace is not opened.
    template <typename T>
    void queue(
        std::function<Result<T>(Database& db, const Progress& progress, const std::atomic_bool* cancel)> work,
        std::function<void(T&& result)> deliver, std::function<Status()> prepare = {})
    {
        startQueued(
            [this, work = std::move(work), deliver = std::move(deliver), prepare = std::move(prepare)] {
                if (prepare) {
                    if (const Status prepared = prepare(); !prepared) {
                        m_running = false;
                        emit failed(prepared.error());
                        return;
                    }
                }
                std::optional<Result<T>> result;
                const Status opened = onWorkspace(
                    [&](Database& db, const Progress& progress) { result = work(db, progress, &m_cancel); });
                m_running = false;
                if (!opened)
                    emit failed(opened.error());
                else if (!*result)
                    emit failed(result->error());
                else
                    deliver(std::move(*result).value());
            });
    }

private:
    void startQueued(std::function<void()> task);
    // Opens the workspace, runs `body` with a throttled progress, and closes it.
    Status onWorkspace(const std::function<void(Database&, const Progress&)>& body);

    QString m_path;
    Database::Mode m_mode;
    Opener m_open;
    std::function<void()> m_close;
    QThread m_thread;
    QObject* m_context; // lives on m_thread
    std::atomic_bool m_cancel = false;
    std::atomic_bool m_running = false;
};

} // namespace tenure
