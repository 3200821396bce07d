// Prints how long a rule suggestion takes on the synthetic portfolio bench_engine uses (default:
// 100k accounts, 10M events over a year, 5% churned): RuleSuggester at 90 days, the way the
// Tuning view's Suggest Rules… and `tenure-cli tune suggest` run it, and peak RSS. The
// portfolio's churn is random, so the suggestion is expected to find nothing: the figure is
// about speed (issue #19: under 60 s on the 2-core machine).
//
//   bench_suggest [--accounts N] [--events N] [--db PATH]
#include "BenchPortfolio.h"
#include "engine/ScoringEngine.h"
#include "store/Database.h"
#include "tuning/RuleSuggester.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace tenure;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    bench::Options options(
        QStringLiteral("The rule suggestion on the synthetic portfolio bench_engine uses."), 100000,
        10000000);
    options.process(app);
    std::printf("bench_suggest: %d accounts, %lld events over 365 days, as of %s\n", options.accounts(),
                options.events(), qPrintable(bench::kToday.toString(Qt::ISODate)));
    const std::unique_ptr<Database> workspace = bench::openPortfolio(options);
    Database& db = *workspace;
    QElapsedTimer timer;
    ScoringEngine::Options engineOptions;
    engineOptions.today = bench::kToday;
    engineOptions.historyDays = 1;
    timer.start();
    if (const auto scored = ScoringEngine(db, engineOptions).run(); !scored)
        bench::fail(scored.error());
    std::printf("  engine run (aggregates ready)  %8.1f s\n", bench::seconds(timer));

    SuggestOptions suggest;
    suggest.today = bench::kToday;
    timer.start();
    qint64 lastDone = 0;
    const auto suggestion
        = RuleSuggester(db).run(bench::benchRules(), suggest, [&](qint64 done, qint64) { lastDone = done; });
    if (!suggestion)
        bench::fail(suggestion.error());
    const double took = bench::seconds(timer);
    std::printf(
        "  suggestion, 90 days            %8.2f s   (target: under 60 s; %lld candidates, %lld training "
        "cases, %lld holdout cases, %lld accounts read)\n",
        took, suggestion->candidates, suggestion->trainingCases, suggestion->holdoutCases, lastDone);
    std::printf("  verdict: %s\n", qPrintable(suggestion->summary()));
    std::printf("  peak RSS                       %8.0f MB\n", bench::peakRssMb());
    return 0;
}
