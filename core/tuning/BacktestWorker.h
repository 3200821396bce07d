#pragma once

#include "tuning/Backtest.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace tenure {

// Runs backtests on a thread of its own, with its own read connection to the workspace;
// progress and the reports (one per rule set, in the order given) come back by signals.
class BacktestWorker : public QObject
{
    Q_OBJECT

public:
    explicit BacktestWorker(QString workspacePath, QObject* parent = nullptr);
    ~BacktestWorker() override;

    void start(const QList<tenure::RuleSet>& ruleSets, const tenure::BacktestOptions& options);
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_running; }

signals:
    void progress(qint64 done, qint64 total);
    void finished(const QList<tenure::BacktestReport>& reports);
    void failed(const QString& message);

private:
    void work(const QList<RuleSet>& ruleSets, const BacktestOptions& options);

    QString m_path;
    QThread m_thread;
    QObject* m_context; // lives on m_thread
    std::atomic_bool m_cancel = false;
    std::atomic_bool m_running = false;
};

} // namespace tenure

Q_DECLARE_METATYPE(tenure::BacktestReport)
