#include "tuning/BacktestWorker.h"

namespace tenure {

BacktestWorker::BacktestWorker(QString workspacePath, QObject* parent)
    : WorkspaceJob(std::move(workspacePath), QStringLiteral("backtest"), Database::Mode::ReadOnly, parent)
{
    qRegisterMetaType<QList<tenure::BacktestReport>>();
}

BacktestWorker::~BacktestWorker()
{
    stopAndWait();
}

void BacktestWorker::start(const QList<RuleSet>& ruleSets, const BacktestOptions& options)
{
    queue<QList<BacktestReport>>(
        [ruleSets, options](Database& db, const Progress& progress, const std::atomic_bool* cancel) {
            return Backtest(db).run(ruleSets, options, progress, cancel);
        },
        [this](QList<BacktestReport>&& reports) { emit finished(reports); });
}

} // namespace tenure
