#pragma once

#include "store/WorkspaceJob.h"
#include "tuning/Backtest.h"

namespace tenure {

// Runs backtests on a thread of its own, with its own read connection to the workspace;
// progress and the reports (one per rule set, in the order given) come back by signals.
class BacktestWorker : public WorkspaceJob
{
    Q_OBJECT

public:
    explicit BacktestWorker(QString workspacePath, QObject* parent = nullptr);
    ~BacktestWorker() override;

    void start(const QList<tenure::RuleSet>& ruleSets, const tenure::BacktestOptions& options);

signals:
    void finished(const QList<tenure::BacktestReport>& reports);
};

} // namespace tenure

Q_DECLARE_METATYPE(tenure::BacktestReport)
