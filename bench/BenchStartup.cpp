// Prints how fast the desktop app starts on a large workspace (default: 100k accounts, 10M
// events over the year up to today, generated as for bench_engine unless --db names an existing
// one): the wall
// time from launching `tenure` to its window turning its event loop (interactive), to the
// workspace loaded, to the first scoring pass landed; the longest stall of the event loop in that
// time; and the app's peak RSS. Targets (issue #5): cold start under 1.5 s, RSS under 500 MB.
//
//   bench_startup [--db PATH] [--runs N] [--accounts N] [--events N]
#include "BenchPortfolio.h"
#include "engine/ScoringEngine.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"
#include "store/Database.h"
#include "store/SourceStore.h"
#include "store/WorkspaceSettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>

#include <algorithm>
#include <cstdio>

using namespace tenure;

namespace {

struct Run
{
    double wallInteractiveMs = -1; // launch to the "interactive" line, measured from outside
    QHash<QString, double> figures; // what the app printed
};

// The page cache emptied, when this process may (root on Linux): a truly cold start.
bool dropCaches()
{
    QFile drop(QStringLiteral("/proc/sys/vm/drop_caches"));
    return drop.open(QIODevice::WriteOnly) && drop.write("3\n") == 2;
}

Run launch(const QString& app, const QString& db)
{
    Run run;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("DISPLAY"))
        && !environment.contains(QStringLiteral("WAYLAND_DISPLAY")))
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    QElapsedTimer wall;
    wall.start();
    process.start(app, { QStringLiteral("--db"), db, QStringLiteral("--measure-startup") });
    QByteArray pending;
    while (process.state() != QProcess::NotRunning || process.bytesAvailable() > 0) {
        process.waitForReadyRead(20);
        pending += process.readAllStandardOutput();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QList<QByteArray> parts = pending.left(end).split(' ');
            pending.remove(0, end + 1);
            if (parts.size() != 2)
                continue;
            if (parts[0] == "interactive_ms")
                run.wallInteractiveMs = wall.nsecsElapsed() / 1e6;
            run.figures.insert(QString::fromLatin1(parts[0]), parts[1].toDouble());
        }
        if (wall.elapsed() > 30 * 60 * 1000)
            bench::fail(QStringLiteral("the app did not finish its first scoring pass in 30 minutes"));
    }
    return run;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values[values.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    bench::Options options(QStringLiteral("How fast the desktop app starts on a large workspace."), 100000,
                           10000000);
    QCommandLineParser& parser = options.parser();
    parser.addOption({ QStringLiteral("runs"), QStringLiteral("Measured launches."), QStringLiteral("n"),
                       QStringLiteral("5") });
    options.process(application);
    const int runs = int(std::min<qint64>(bench::positiveValue(parser, QStringLiteral("runs")), 1000));
    QString path;
    {
        const std::unique_ptr<Database> db = bench::openPortfolio(options, QDate::currentDate());
        path = db->path();
        std::printf("bench_startup: %s\n", qPrintable(path));
    }
    const QString app = QCoreApplication::applicationDirPath() + QStringLiteral("/tenure");
    // A first launch brings the summaries up to today (a new day re-scores every account); the
    // measured launches then start as a CSM's morning does, from a workspace scored yesterday
    // or earlier today.
    std::printf("  warm-up launch (scores the workspace up to today)... ");
    const Run warmUp = launch(app, path);
    if (!warmUp.figures.contains(QStringLiteral("scored_ms")))
        bench::fail(
            QStringLiteral("%1 reported no first scoring pass: is it built beside this benchmark?").arg(app));
    std::printf("%.1f s\n", warmUp.figures.value(QStringLiteral("scored_ms"), -1) / 1000.0);

    QList<double> wall, interactive, loaded, scored, stall, rss;
    bool cold = true;
    for (int i = 0; i < runs; ++i) {
        cold = dropCaches() && cold;
        const Run run = launch(app, path);
        if (run.wallInteractiveMs < 0)
            bench::fail(QStringLiteral("%1 never reported an interactive window").arg(app));
        wall << run.wallInteractiveMs;
        interactive << run.figures.value(QStringLiteral("interactive_ms"), -1);
        loaded << run.figures.value(QStringLiteral("loaded_ms"), -1);
        scored << run.figures.value(QStringLiteral("scored_ms"), -1);
        stall << run.figures.value(QStringLiteral("longest_stall_ms"), -1);
        rss << run.figures.value(QStringLiteral("peak_rss_mb"), -1);
    }
    std::printf("  %d launches, page cache %s before each\n", runs,
                cold ? "dropped (cold)" : "kept (warm: this process may not drop it)");
    std::printf("  launch to interactive window   p50 %6.0f ms  max %6.0f ms  (target < 1500 ms)\n",
                median(wall), *std::max_element(wall.begin(), wall.end()));
    std::printf("  main() to interactive          p50 %6.0f ms\n", median(interactive));
    std::printf("  main() to workspace loaded     p50 %6.0f ms\n", median(loaded));
    std::printf("  main() to first scoring pass   p50 %6.0f ms\n", median(scored));
    std::printf("  longest event-loop stall       p50 %6.0f ms  max %6.0f ms\n", median(stall),
                *std::max_element(stall.begin(), stall.end()));
    std::printf("  peak RSS of the app            p50 %6.0f MB  max %6.0f MB  (target < 500 MB)\n",
                median(rss), *std::max_element(rss.begin(), rss.end()));
    return 0;
}
