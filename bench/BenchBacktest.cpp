// Prints the backtest's figures on the synthetic portfolio bench_engine uses (default: 100k
// accounts, 10M events over a year, 5% churned): the time to backtest the default rules at
// horizons of 30, 60 and 90 days, the time to compare two rule sets side by side (what the
// Tuning view's what-if does), and peak RSS.
//
//   bench_backtest [--accounts N] [--events N] [--db PATH]
#include "BenchPortfolio.h"
#include "engine/ScoringEngine.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"
#include "store/Database.h"
#include "store/SourceStore.h"
#include "store/WorkspaceSettings.h"
#include "tuning/Backtest.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace tenure;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    bench::Options options(QStringLiteral("The backtest on the synthetic portfolio bench_engine uses."),
                           100000, 10000000);
    options.process(app);
    const int accounts = options.accounts();
    const qint64 events = options.events();
    std::printf("bench_backtest: %d accounts, %lld events over 365 days, as of %s\n", accounts, events,
                qPrintable(bench::kToday.toString(Qt::ISODate)));
    const std::unique_ptr<Database> workspace = bench::openPortfolio(options);
    Database& db = *workspace;
    QElapsedTimer timer;
    ScoringEngine::Options engineOptions;
    engineOptions.today = bench::kToday;
    engineOptions.historyDays = 1;
    timer.start();
    const auto scored = ScoringEngine(db, engineOptions).run();
    if (!scored)
        bench::fail(scored.error());
    std::printf("  engine run (aggregates ready)  %8.1f s\n", bench::seconds(timer));

    const RuleSet active = bench::benchRules();
    double total = 0;
    for (int horizon : { 30, 60, 90 }) {
        BacktestOptions backtest;
        backtest.today = bench::kToday;
        backtest.horizonDays = horizon;
        timer.start();
        const auto reports = Backtest(db).run({ active }, backtest);
        if (!reports)
            bench::fail(reports.error());
        const double took = bench::seconds(timer);
        total += took;
        const BacktestReport& r = reports->constFirst();
        std::printf("  backtest, %2d-day horizon       %8.2f s   (%lld cases, %lld churned, AUC %.3f)\n",
                    horizon, took, r.cases, r.churned, r.auc.value_or(-1));
    }
    std::printf("  three horizons together        %8.2f s   (target: under 30 s)\n", total);

    RuleSet candidate = active;
    candidate.name = QStringLiteral("candidate");
    for (Band& band : candidate.bands)
        band.minScore = std::max(0.0, band.minScore - 10);
    BacktestOptions backtest;
    backtest.today = bench::kToday;
    timer.start();
    const auto both = Backtest(db).run({ active, candidate }, backtest);
    if (!both)
        bench::fail(both.error());
    std::printf("  what-if: active and candidate  %8.2f s   (90 days, both rule sets on the same cases)\n",
                bench::seconds(timer));
    std::printf("  peak RSS                       %8.0f MB\n", bench::peakRssMb());
    return 0;
}
