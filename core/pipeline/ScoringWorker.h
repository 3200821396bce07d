#pragma once

#include "engine/ScoringEngine.h"
#include "engine/SummaryStore.h" // SummaryStore::Count, in finished()

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace tenure {

// Runs the ScoringEngine on a thread of its own, with its own connection to the workspace, and
// after each pass refreshes the action queue (ActionEngine) from the new statuses: the pipeline
// that follows new data, above both the engine and the actions (core/README.md).
// Requests are queued; progress, results and errors come back by signals, so the GUI thread
// never waits for scoring. cancel() may be called from any thread.
class ScoringWorker : public QObject
{
    Q_OBJECT

public:
    explicit ScoringWorker(QString workspacePath, ScoringEngine::Options options = {},
                           QObject* parent = nullptr);
    ~ScoringWorker() override;

    // Each call queues one pass on the worker thread; passes run one after another.
    void requestRun();
    void requestRebuild();
    void cancel() { m_cancel = true; }
    bool isBusy() const { return m_busy; }

signals:
    void started(bool rebuild);
    void progress(const QString& phase, qint64 done, qint64 total);
    // `counts`: accounts per stage and band after the pass, read on the worker thread.
    void finished(const tenure::ScoringEngine::Summary& summary,
                  const QList<tenure::SummaryStore::Count>& counts);
    void failed(const QString& message);
    // Whose status a pass re-computed; `all` when every account's may have moved (then `ids` is empty).
    void accountsChanged(const QStringList& ids, bool all);

private:
    void work(bool rebuild);

    QString m_path;
    ScoringEngine::Options m_options;
    QThread m_thread;
    QObject* m_context; // lives on m_thread: queued calls run there
    // Opened on m_thread at the first pass and kept: the engine caches what it loaded.
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ScoringEngine> m_engine;
    std::atomic_bool m_cancel = false;
    // Set once, by the destructor: the pass under way stops and the passes queued behind it never
    // start (a new pass clears m_cancel, never this), so destroying the worker waits for one
    // cancelled pass at most.
    std::atomic_bool m_stopping = false;
    std::atomic_bool m_busy = false;
};

} // namespace tenure

Q_DECLARE_METATYPE(tenure::ScoringEngine::Summary)
Q_DECLARE_METATYPE(tenure::SummaryStore::Count)
