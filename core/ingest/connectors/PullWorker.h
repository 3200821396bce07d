#pragma once

#include "ingest/connectors/PullRunner.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace tenure {

class Database;

// Runs connector pulls on a thread of its own, with its own connection to the workspace, one
// connector after another. Pulls are requested on demand (one connector or all) or for those
// whose interval has passed; progress, results and errors come back by signals, so the GUI
// thread never waits on the network. Secrets are read from the keychain on the worker thread.
class PullWorker : public QObject
{
    Q_OBJECT

public:
    explicit PullWorker(QString workspacePath, QObject* parent = nullptr);
    ~PullWorker() override;

    // Queues a pull of `connector`, or of every connector when it is empty.
    void requestPull(const QString& connector = {});
    // Queues the connectors whose interval_minutes have passed since their last complete run.
    void requestDuePulls();
    // Cancels the pull that is running and drops the queued ones; committed pages stay.
    void cancel();
    bool isBusy() const { return m_busy; }

    // Whether a connector with this state is due at `now`.
    static bool isDue(const ConnectorConfig& config, const QJsonObject& state, const QDateTime& now);

signals:
    void started(const QString& connector);
    void progress(const QString& connector, int pages, qint64 inserted);
    void finished(const QString& connector, const tenure::PullRunner::Report& report);
    void failed(const QString& connector, const QString& message);
    // No pull is running or queued any more.
    void idle();

private:
    void work(const QString& connector, bool onlyDue);
    bool ensureOpen();

    QString m_path;
    QThread m_thread;
    QObject* m_context; // lives on m_thread
    std::unique_ptr<Database> m_db; // opened and closed on m_thread
    PullRunner* m_runner = nullptr; // the running pull, on m_thread
    std::atomic_bool m_busy = false;
    std::atomic_int m_generation = 0; // cancel() drops requests queued before it
};

} // namespace tenure
