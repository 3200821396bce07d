// Prints the health-score engine's figures on a synthetic portfolio (default: 100k accounts,
// 10M events over a year), beside the obvious alternative measured in the same run: the default
// rules written as one SQL query over the same events; and the re-score after a rules change.
//
// With Node and bench/duckdb's package installed (npm ci there), DuckDB runs the same query too.
//
//   bench_engine [--accounts N] [--events N] [--backfill-days N] [--db PATH]
//                [--only rebuild|backfill|rescore] [--duckdb-runs N]
#include "BenchDuckDb.h"
#include "BenchPortfolio.h"
#include "actions/ActionEngine.h"
#include "demo/DemoRandom.h"
#include "engine/ScoringEngine.h"
#include "engine/SummaryStore.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"
#include "store/WorkspaceSettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace tenure;
using bench::kDayMs;
using bench::kToday;
using bench::peakRssMb;
using bench::seconds;

namespace {

// The default rule set as one SQL query over the raw events: what a data-savvy team would write.
QString sqlFormulation()
{
    return QStringLiteral(R"SQL(
WITH w AS (
  SELECT account_id,
    sum(CASE WHEN name = 'login' AND occurred_at >= :d30 THEN quantity ELSE 0 END) AS logins30,
    sum(CASE WHEN name = 'login' AND occurred_at >= :d60 AND occurred_at < :d30 THEN quantity ELSE 0 END) AS loginsPrev30,
    sum(CASE WHEN name = 'report_created' AND occurred_at >= :d30 THEN quantity ELSE 0 END) AS reports30,
    sum(CASE WHEN name = 'report_created' AND occurred_at >= :d14 THEN quantity ELSE 0 END) AS reports14,
    sum(CASE WHEN name = 'invite_sent' AND occurred_at >= :d30 THEN quantity ELSE 0 END) AS invites30,
    sum(CASE WHEN name = 'integration_sync' AND occurred_at >= :d14 THEN quantity ELSE 0 END) AS sync14,
    sum(CASE WHEN name = 'support_ticket' AND occurred_at >= :d30 THEN quantity ELSE 0 END) AS tickets30,
    count(DISTINCT CASE WHEN occurred_at >= :d30 THEN user_id END) AS users30,
    count(DISTINCT CASE WHEN occurred_at >= :d14 THEN user_id END) AS users14,
    count(DISTINCT CASE WHEN occurred_at >= :d7 THEN user_id END) AS users7,
    max(occurred_at) AS lastAt
  FROM events WHERE occurred_at < :end GROUP BY account_id),
m AS (
  SELECT a.id, a.seats,
    coalesce(w.logins30, 0) AS logins30, coalesce(w.loginsPrev30, 0) AS loginsPrev30,
    coalesce(w.reports30, 0) AS reports30, coalesce(w.reports14, 0) AS reports14,
    coalesce(w.invites30, 0) AS invites30, coalesce(w.sync14, 0) AS sync14, coalesce(w.tickets30, 0) AS tickets30,
    coalesce(w.users30, 0) AS users30, coalesce(w.users14, 0) AS users14, coalesce(w.users7, 0) AS users7,
    CASE WHEN w.lastAt IS NULL THEN NULL ELSE (:endDay - 1) - (w.lastAt / 86400000) END AS recency,
    CASE
      WHEN EXISTS (SELECT 1 FROM outcomes o WHERE o.account_id = a.id AND o.kind = 'churned' AND o.occurred_on <= :day) THEN 'churned'
      WHEN a.plan = 'Trial' OR json_extract(a.attributes, '$.is_trial') = 1 THEN 'trial'
      WHEN julianday(:day) - julianday(a.signup_date) <= 60 THEN 'onboarding'
      WHEN julianday(a.renewal_date) - julianday(:day) BETWEEN 0 AND 90 THEN 'renewal'
      ELSE 'adoption' END AS stage
  FROM accounts a LEFT JOIN w ON w.account_id = a.id),
s AS (
  SELECT id, stage,
    CASE WHEN seats > 0 THEN 1.0 * users30 / seats END AS share30,
    CASE WHEN seats > 0 THEN 1.0 * users14 / seats END AS share14,
    CASE WHEN seats > 0 THEN 1.0 * users7 / seats END AS share7,
    CASE WHEN seats > 0 THEN 1.0 * logins30 / seats END AS loginsPerSeat,
    CASE WHEN loginsPrev30 = 0 THEN (CASE WHEN logins30 = 0 THEN NULL ELSE 100 END)
         ELSE (logins30 - loginsPrev30) * 100.0 / loginsPrev30 END AS trend,
    recency, reports30, reports14, invites30, sync14, tickets30
  FROM m),
lin AS (SELECT s.*,
    max(0, min(1, (coalesce(share30, -1e9) - 0.05) / 0.45)) AS fActive30,
    max(0, min(1, coalesce(share14, -1e9) / 0.4)) AS fActive14,
    max(0, min(1, coalesce(share7, -1e9) / 0.5)) AS fActive7,
    max(0, min(1, coalesce(loginsPerSeat, -1e9) / 4)) AS fLogins,
    coalesce(max(0, min(1, (trend + 50) / 50)), 0) AS fTrend,
    CASE WHEN recency IS NULL THEN 0 ELSE max(0, min(1, (recency - 14) / -12.0)) END AS fRecency,
    max(0, min(1, (tickets30 - 5) / -5.0)) AS fTickets,
    CASE WHEN reports30 >= 5 THEN 1 WHEN reports30 >= 1 THEN 0.4 ELSE 0 END AS fReports30
  FROM s),
scored AS (SELECT id, stage,
    CASE stage
      WHEN 'churned' THEN NULL
      WHEN 'trial' THEN round((40 * fActive7 + 30 * (CASE WHEN invites30 >= 3 THEN 1 WHEN invites30 >= 1 THEN 0.5 ELSE 0 END)
                         + 30 * (reports14 >= 1)) * 1000.0 / 100) / 10.0
      WHEN 'onboarding' THEN round((40 * fActive14 + 20 * (invites30 >= 2) + 20 * (sync14 >= 1)
                         + 20 * (CASE WHEN reports30 >= 5 THEN 1 WHEN reports30 >= 1 THEN 0.5 ELSE 0 END)) * 1000.0 / 100) / 10.0
      WHEN 'renewal' THEN round((30 * fActive30 + 25 * fTrend + 20 * fRecency + 10 * fTickets + 15 * fReports30) * 1000.0 / 100) / 10.0
      ELSE round((30 * fActive30 + 20 * fLogins + 20 * fTrend + 10 * fRecency + 10 * fReports30 + 10 * fTickets) * 1000.0 / 100) / 10.0
    END AS score
  FROM lin)
SELECT id, stage, score, CASE WHEN score IS NULL THEN '' WHEN score >= 70 THEN 'Good' WHEN score >= 40 THEN 'Normal' ELSE 'Bad' END
FROM scored)SQL");
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IONBF, 0); // figures appear as they are measured, even into a file
    bench::Options benchOptions(
        QStringLiteral("The health-score engine on a synthetic portfolio, beside the same "
                       "rules as one SQL query."),
        100000, 10000000);
    QCommandLineParser& parser = benchOptions.parser();
    parser.addOption({ QStringLiteral("backfill-days"), QStringLiteral("History days to back-fill."),
                       QStringLiteral("n"), QStringLiteral("365") });
    parser.addOption({ QStringLiteral("only"),
                       QStringLiteral("Measure only the rebuild (with the SQL query and the re-score), only "
                                      "the back-fill, or only a re-score of a workspace scored before."),
                       QStringLiteral("part") });
    parser.addOption({ QStringLiteral("duckdb-runs"),
                       QStringLiteral("Times DuckDB runs the rules query (its fastest run counts)."),
                       QStringLiteral("n"), QStringLiteral("1") });
    benchOptions.process(app);
    const QString only = parser.value(QStringLiteral("only"));
    if (!only.isEmpty() && only != QLatin1String("rebuild") && only != QLatin1String("backfill")
        && only != QLatin1String("rescore"))
        bench::fail(QStringLiteral("--only takes rebuild, backfill or rescore, not \"%1\"").arg(only));
    const bool measureRebuild = only.isEmpty() || only == QLatin1String("rebuild");
    const bool measureBackfill = only.isEmpty() || only == QLatin1String("backfill");
    const bool measureRescoreOnly = only == QLatin1String("rescore"); // of an already scored workspace
    const int accounts = benchOptions.accounts();
    const qint64 events = benchOptions.events();
    const int backfillDays
        = int(std::min<qint64>(bench::positiveValue(parser, QStringLiteral("backfill-days")), 400));
    std::printf("bench_engine: %d accounts, %lld events, as of %s, back-fill %d days\n", accounts, events,
                qPrintable(kToday.toString(Qt::ISODate)), backfillDays);
    const std::unique_ptr<Database> workspace = bench::openPortfolio(benchOptions);
    Database& db = *workspace;
    QElapsedTimer timer;
    // The rules the SQL below spells out (bench-rules.json), saved as the newest version.
    (void)RuleStore(db).save(bench::benchRules(), QStringLiteral("bench"));

    ScoringEngine::Options options;
    options.today = kToday;
    options.historyDays = 1;
    if (measureRebuild) {
        // One engine throughout, as the app's scoring worker keeps one: it loads the accounts
        // once and again only when they change.
        ScoringEngine engine(db, options);
        // Folding and scoring alternate (the log is folded a partition at a time): sum each phase.
        struct Rebuilt
        {
            ScoringEngine::Summary summary;
            double seconds = 0;
            QHash<QString, double> phases;
            long pageFaults = 0; // first touches of memory: costly on a virtual machine
        };
        const auto timedRebuild = [&timer](ScoringEngine& scoring) {
            Rebuilt result;
            rusage before {};
            getrusage(RUSAGE_SELF, &before);
            QString phase;
            double phaseStart = 0;
            timer.start();
            const auto rebuilt = scoring.rebuild([&](const QString& now, qint64, qint64) {
                if (now == phase)
                    return;
                const double at = seconds(timer);
                if (!phase.isEmpty())
                    result.phases[phase] += at - phaseStart;
                phase = now;
                phaseStart = at;
            });
            if (!rebuilt)
                bench::fail(rebuilt.error());
            result.seconds = seconds(timer);
            result.phases[phase] += result.seconds - phaseStart;
            result.summary = *rebuilt;
            rusage after {};
            getrusage(RUSAGE_SELF, &after);
            result.pageFaults = after.ru_minflt - before.ru_minflt;
            return result;
        };
        const auto phase = [](const Rebuilt& rebuilt, const char* name) {
            return rebuilt.phases.value(QString::fromLatin1(name));
        };
        const Rebuilt first = timedRebuild(engine);
        const double engineSeconds = first.seconds;
        std::printf(
            "  full rebuild from the log      %8.1f s   (%lld events, %lld accounts; reading the log %.1f s, "
            "scoring and storing %.1f s; %ld page faults)\n",
            engineSeconds, first.summary.events, first.summary.accounts, phase(first, "Folding in events"),
            phase(first, "Scoring accounts"), first.pageFaults);

        const qint64 endDay = kToday.toJulianDay() - 2440588 + 1;
        QSqlQuery sql(db.connection());
        sql.setForwardOnly(true);
        timer.start();
        sql.prepare(sqlFormulation());
        for (int window : { 7, 14, 30, 60 })
            sql.bindValue(QStringLiteral(":d%1").arg(window), (endDay - window) * kDayMs);
        sql.bindValue(QStringLiteral(":end"), endDay * kDayMs);
        sql.bindValue(QStringLiteral(":endDay"), endDay);
        sql.bindValue(QStringLiteral(":day"), kToday.toString(Qt::ISODate));
        if (!sql.exec())
            bench::fail(QStringLiteral("SQL formulation failed: %1").arg(sql.lastError().text()));
        QHash<QString, QString> sqlResult;
        while (sql.next())
            sqlResult.insert(sql.value(0).toString(),
                             sql.value(1).toString() + QLatin1Char('/') + sql.value(3).toString());
        const double sqlSeconds = seconds(timer);
        sql.finish(); // no statement left open: it would keep the write-ahead log from starting over
        int differ = 0;
        QSqlQuery engineRows(db.connection());
        engineRows.exec(QStringLiteral("SELECT account_id, stage, coalesce(band, '') FROM account_status"));
        while (engineRows.next()) {
            if (sqlResult.value(engineRows.value(0).toString())
                != engineRows.value(1).toString() + QLatin1Char('/') + engineRows.value(2).toString())
                ++differ;
        }
        std::printf("  same rules as one SQL query    %8.1f s   (%d of %lld accounts differ in stage/band)\n",
                    sqlSeconds, differ, qlonglong(sqlResult.size()));
        std::printf("  full rebuild speed-up over SQL %8.2f x\n", sqlSeconds / engineSeconds);

        // A team tunes the rules: the same rules saved as a new version make the engine score every
        // account again, from the aggregates it keeps (they do not depend on the rules).
        (void)RuleStore(db).save(bench::benchRules(), QStringLiteral("bench"));
        timer.start();
        const auto rescored = engine.run();
        if (!rescored)
            bench::fail(rescored.error());
        const double rescoreSeconds = seconds(timer);
        differ = 0;
        engineRows.exec(QStringLiteral("SELECT account_id, stage, coalesce(band, '') FROM account_status"));
        while (engineRows.next()) {
            if (sqlResult.value(engineRows.value(0).toString())
                != engineRows.value(1).toString() + QLatin1Char('/') + engineRows.value(2).toString())
                ++differ;
        }
        std::printf(
            "  re-score after a rules change  %8.1f s   (%lld accounts from the stored aggregates, %lld "
            "events read; %d differ from SQL)\n",
            rescoreSeconds, rescored->accounts, rescored->events, differ);
        engineRows.finish();
        std::printf("  re-score speed-up over SQL     %8.2f x\n", sqlSeconds / rescoreSeconds);

        // The rebuild again by the same engine, as Rebuild Summaries from the Log runs it in the
        // app: the engine has its accounts and rules loaded already, as DuckDB has its tables.
        const Rebuilt again = timedRebuild(engine);
        const double warmSeconds = again.seconds;
        std::printf(
            "  full rebuild, engine running   %8.1f s   (the same engine again: accounts and rules "
            "loaded, as in the app; reading the log %.1f s, scoring and storing %.1f s; %ld page faults)\n",
            warmSeconds, phase(again, "Folding in events"), phase(again, "Scoring accounts"),
            again.pageFaults);

        // Before the incremental rounds below, which add events neither query has seen.
        QString skipped;
        const std::optional<bench::DuckDbFigures> duck = bench::runDuckDb(
            db, kToday, int(bench::positiveValue(parser, QStringLiteral("duckdb-runs"))), skipped);
        if (duck) {
            std::printf("  same rules in DuckDB %s   %8.1f s   (2 threads, in memory; %lld of %lld accounts "
                        "differ in stage/band; loading its tables from CSV %.1f s, exporting them %.1f s)\n",
                        qPrintable(duck->version), duck->querySeconds, duck->differ, duck->accounts,
                        duck->loadSeconds, duck->exportSeconds);
            std::printf("  full rebuild vs DuckDB         %8.2f x   (engine running: %.2f x)\n",
                        duck->querySeconds / engineSeconds, duck->querySeconds / warmSeconds);
            std::printf("  re-score vs DuckDB             %8.2f x\n", duck->querySeconds / rescoreSeconds);
        } else {
            std::printf("  DuckDB: skipped (%s)\n", qPrintable(skipped));
        }

        // The action queue after the rebuild: every account's triggers, as after any full pass.
        const ActionRules triggers;
        timer.start();
        const auto queued = ActionEngine(db, triggers).refresh(kToday);
        if (!queued)
            bench::fail(queued.error());
        std::printf("  action queue, every account    %8.0f ms  (%lld accounts; %d actions open)\n",
                    seconds(timer) * 1000, queued->accountsChecked, queued->open);

        std::vector<double> latencies;
        std::vector<double> queueLatencies;
        qint64 queueChecked = 0;
        int queueWhole = 0;
        DemoRandom random(7);
        const qint64 todayMs = (endDay - 1) * kDayMs + 12 * 3600000;
        for (int round = 0; round < 20; ++round) {
            QList<Event> batch;
            for (int i = 0; i < 1000; ++i) {
                Event e;
                e.source = QStringLiteral("bench");
                e.externalId = QStringLiteral("inc-%1-%2-%3")
                                   .arg(QDateTime::currentMSecsSinceEpoch())
                                   .arg(round)
                                   .arg(i);
                e.accountId
                    = QStringLiteral("B%1").arg(random.between(0, accounts - 1), 6, 10, QLatin1Char('0'));
                e.userId = QStringLiteral("u1");
                e.name = QStringLiteral("login");
                e.occurredAt = todayMs;
                batch << e;
            }
            timer.start();
            if (!EventLog(db).append(batch))
                bench::fail(QStringLiteral("incremental run failed"));
            const auto pass = engine.run();
            if (!pass)
                bench::fail(QStringLiteral("incremental run failed: %1").arg(pass.error()));
            latencies.push_back(seconds(timer) * 1000);
            // The queue follows, as the app's scoring worker has it follow every pass.
            timer.start();
            const auto followed = ActionEngine(db, triggers).refresh(kToday, ActionEngine::scopeOf(*pass));
            if (!followed)
                bench::fail(followed.error());
            queueLatencies.push_back(seconds(timer) * 1000);
            queueChecked += followed->accountsChecked;
            queueWhole += followed->everyAccount ? 1 : 0;
        }
        std::printf(
            "  incremental, 1,000 new events  p50 %6.0f ms   p99 %6.0f ms   (append + statuses updated, "
            "20 runs)\n",
            bench::percentile(latencies, 0.5), bench::percentile(latencies, 0.99));
        // A refresh of every account after them finds nothing the scoped ones missed.
        timer.start();
        const auto whole = ActionEngine(db, triggers).refresh(kToday);
        if (!whole)
            bench::fail(whole.error());
        const double wholeMs = seconds(timer) * 1000;
        std::printf("  its action queue refresh       p50 %6.0f ms   p99 %6.0f ms   (%lld accounts a pass on "
                    "average, "
                    "%d of 20 of every account)\n",
                    bench::percentile(queueLatencies, 0.5), bench::percentile(queueLatencies, 0.99),
                    queueChecked / 20, queueWhole);
        std::printf(
            "  then every account's again     %8.0f ms  (%d actions opened, updated or cleared by it: 0 "
            "expected)\n",
            wholeMs, whole->opened + whole->updated + whole->cleared + whole->woke);
    }
    if (measureRescoreOnly) {
        (void)RuleStore(db).save(bench::benchRules(), QStringLiteral("bench"));
        timer.start();
        const auto rescored = ScoringEngine(db, options).run();
        if (!rescored)
            bench::fail(rescored.error());
        std::printf("  re-score after a rules change  %8.1f s   (%lld accounts, %lld events read)\n",
                    seconds(timer), rescored->accounts, rescored->events);
    }
    if (measureBackfill) {
        options.historyDays = backfillDays;
        timer.start();
        const auto history = ScoringEngine(db, options).rebuild();
        if (!history)
            bench::fail(history.error());
        std::printf("  rebuild with %3d-day back-fill %8.1f s   (%lld history rows)\n", backfillDays,
                    seconds(timer), history->historyRows);
    }
    std::printf("  peak RSS                       %8.0f MB\n", peakRssMb());
    return 0;
}
