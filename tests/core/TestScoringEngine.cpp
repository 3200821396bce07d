#include "EngineFixtures.h"
#include "demo/DemoRandom.h"
#include "engine/DayClock.h"
#include "engine/SummaryStore.h"
#include "pipeline/ScoringWorker.h"
#include "report/PortfolioTrends.h"
#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/SourceStore.h"
#include "store/WithWorkspace.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QThread>
#include <QTimer>

using namespace tenure;
using namespace tenure::engine_test;

// ScoringEngine's incremental passes: new events, a new day, failures, and the worker thread.
class TestScoringEngine : public QObject
{
    Q_OBJECT

private slots:
    void firstRunScoresEveryAccountAndBackfillsHistory()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 20);
        ScoringEngine engine(*db, at(kToday), small());
        const auto summary = engine.run();
        QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error()));
        QVERIFY(summary->rebuilt);
        QCOMPARE(summary->asOf, kToday);
        QCOMPARE(summary->rulesVersion, 1);
        QCOMPARE(summary->checkpoint, EventLog(*db).lastSeq());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM account_status")), 20);
        // History runs from each account's signup or first event, whichever is earlier, at most
        // back to the first of the month 400 days back, to today, one row a day.
        const QDate window(kToday.addDays(-399).year(), kToday.addDays(-399).month(), 1);
        QHash<QString, QDate> firstEvents;
        {
            DayClock clock(WorkspaceSettings(*db).timeZone());
            QSqlQuery events(db->connection());
            QVERIFY(events.exec(
                QStringLiteral("SELECT account_id, min(occurred_at) FROM events GROUP BY account_id")));
            while (events.next())
                firstEvents.insert(events.value(0).toString(),
                                   DayClock::date(clock.dayOf(events.value(1).toLongLong())));
        }
        QSqlQuery spans(db->connection());
        QVERIFY(spans.exec(QStringLiteral(
            "SELECT account_id, min(day), max(day), count(*) FROM status_history GROUP BY 1")));
        int accounts = 0, beforeTheirEvents = 0;
        while (spans.next()) {
            ++accounts;
            const QString id = spans.value(0).toString();
            const QDate first = QDate::fromString(spans.value(1).toString(), Qt::ISODate);
            QDate begins = firstEvents.value(id, kToday);
            if (const QDate signup = AccountStore(*db).find(id).value_or(Account()).signupDate;
                signup.isValid())
                begins = std::min(begins, signup);
            QCOMPARE(first, std::max(begins, window));
            beforeTheirEvents += first < firstEvents.value(id, kToday);
            QCOMPARE(QDate::fromString(spans.value(2).toString(), Qt::ISODate), kToday);
            QCOMPARE(spans.value(3).toLongLong(), first.daysTo(kToday) + 1);
        }
        QCOMPARE(accounts, 20);
        QVERIFY2(beforeTheirEvents > 0, "the demo has accounts that signed up before their first event");
        // Nothing new: a second run changes nothing.
        const QStringList before = snapshot(*db);
        const auto again = engine.run();
        QVERIFY(again.ok());
        QVERIFY(!again->rebuilt);
        QCOMPARE(again->events, 0);
        QCOMPARE(snapshot(*db), before);
    }

    void historyMatchesPointInTimeEvaluation()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 12);
        ScoringEngine engine(*db, at(kToday), small());
        QVERIFY(engine.run().ok());
        SummaryStore summaries(*db);
        int compared = 0;
        for (const Account& account : AccountStore(*db).all().value()) {
            const auto history = summaries.history(account.id);
            QVERIFY(history.ok());
            for (qsizetype i = 0; i < history->size(); i += 3) {
                const AccountStatus& stored = history->at(i);
                const auto fresh = engine.evaluate(account.id, DayClock::date(stored.day));
                QVERIFY(fresh.ok());
                if (!stored.sameOutcome(fresh.value()))
                    QFAIL(qPrintable(
                        QStringLiteral("%1 on %2: history %3/%4 but evaluation %5/%6")
                            .arg(account.id, DayClock::date(stored.day).toString(Qt::ISODate), stored.stage)
                            .arg(stored.score.value_or(-1))
                            .arg(fresh->stage)
                            .arg(fresh->score.value_or(-1))));
                ++compared;
            }
            const auto current = summaries.status(account.id);
            QVERIFY2(current.ok(), current.ok() ? "" : qPrintable(current.error()));
            QVERIFY2(current->has_value(), qPrintable(account.id));
            QVERIFY(current->value().sameOutcome(engine.evaluate(account.id, kToday).value()));
            QCOMPARE(current->value().breakdown.size(),
                     engine.evaluate(account.id, kToday)->breakdown.size());
        }
        QVERIFY(compared > 500);
    }

    void incrementalEqualsRebuildOnRandomData()
    {
        for (std::uint64_t seed : { 1u, 2u, 3u }) {
            test::TempWorkspace workspace;
            auto db = workspace.open();
            QVERIFY(WorkspaceSettings(*db).setTimeZone("Europe/Paris").ok());
            QVERIFY(SourceStore(*db).ensure(QStringLiteral("test"), QStringLiteral("csv")).ok());
            DemoRandom random(seed);
            QList<Account> accounts;
            for (int a = 0; a < 8; ++a) {
                Account account;
                account.id = QStringLiteral("A%1").arg(a);
                account.name = account.id;
                account.seats = random.between(0, 6);
                account.signupDate = kToday.addDays(-random.between(0, 120));
                account.renewalDate = kToday.addDays(random.between(-10, 200));
                account.plan = random.chance(0.2) ? QStringLiteral("Trial") : QStringLiteral("Pro");
                accounts << account;
            }
            QVERIFY(AccountStore(*db).upsert(accounts).ok());
            const QStringList names { QStringLiteral("login"), QStringLiteral("report_created"),
                                      QStringLiteral("invite_sent"), QStringLiteral("support_ticket") };
            QDate today = kToday.addDays(-40);
            QDate lastRun;
            int id = 0;
            for (int step = 0; step < 12; ++step) {
                QList<Event> events;
                const int n = random.between(0, 150);
                for (int i = 0; i < n; ++i) {
                    // Mostly recent, some late arrivals from the past, a few from "the future".
                    const int back = random.chance(0.15) ? random.between(20, 90) : random.between(-2, 6);
                    const qint64 ms = test::utcMs(today.year(), today.month(), today.day(), 0)
                        - qint64(back) * 86400000 + qint64(random.between(0, 86399)) * 1000;
                    const QString account
                        = random.chance(0.05) ? QStringLiteral("UNKNOWN") : random.pick(accounts).id;
                    events << makeEvent(QString::number(random.chance(0.05) ? std::max(0, id - 1) : id++),
                                        account, random.pick(names), ms,
                                        random.chance(0.8) ? QStringLiteral("u%1").arg(random.between(1, 5))
                                                           : QString());
                }
                QVERIFY(EventLog(*db).append(events).ok());
                if (step == 4 || step == 9) { // a team tunes the rules: re-scored from the aggregates
                    QVERIFY(RuleStore(*db).save(tuned(step == 4 ? 1 : 2), QStringLiteral("test")).ok());
                }
                if (step == 7) { // the CRM changes under the engine's feet
                    Outcome churn;
                    churn.accountId = accounts.at(2).id;
                    churn.kind = Outcome::Kind::Churned;
                    churn.date = today.addDays(-3);
                    churn.source = QStringLiteral("crm");
                    churn.externalId = QStringLiteral("c1");
                    QVERIFY(AccountStore(*db).addOutcomes(QList<Outcome> { churn }).ok());
                }
                ScoringEngine engine(*db, at(today), small());
                const auto summary = engine.run();
                QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error()));
                lastRun = today;
                today = today.addDays(random.between(0, 4));
            }
            const QStringList incremental = snapshot(*db);
            ScoringEngine engine(*db, at(lastRun), small());
            QVERIFY(engine.rebuild().ok());
            const QStringList rebuilt = snapshot(*db);
            if (incremental != rebuilt) {
                const QSet<QString> a(incremental.begin(), incremental.end());
                const QSet<QString> b(rebuilt.begin(), rebuilt.end());
                qWarning() << "only incremental:" << QStringList((a - b).values()).mid(0, 10);
                qWarning() << "only rebuild:" << QStringList((b - a).values()).mid(0, 10);
                QFAIL(qPrintable(
                    QStringLiteral("seed %1: incremental and rebuilt summaries differ").arg(seed)));
            }
        }
    }

    // The overview reads one day of every account from the packed months; the status_history
    // view, which unpacks every row, must give the same bands and the same score drops.
    void portfolioTrendsMatchTheHistoryView()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 120);
        ScoringEngine::Options options = at(kToday);
        const ScoringEngine::Tuning tuning = small();
        options.historyDays = 120;
        QVERIFY(ScoringEngine(*db, options, tuning).rebuild().ok());
        const auto trends = PortfolioTrends::load(*db, kToday, 4, 30, 5);
        QVERIFY2(trends.ok(), trends.ok() ? "" : qPrintable(trends.error()));
        QCOMPARE(trends->months.size(), 4);
        qint64 counted = 0;
        for (const PortfolioTrends::Month& month : trends->months) {
            QSqlQuery byDay(db->connection());
            byDay.prepare(
                QStringLiteral("SELECT band, count(*) FROM status_history WHERE day = ? GROUP BY band"));
            byDay.addBindValue(month.day.toString(Qt::ISODate));
            QVERIFY(byDay.exec());
            QMap<QString, qint64> expected;
            while (byDay.next())
                expected.insert(byDay.value(0).toString(), byDay.value(1).toLongLong());
            QCOMPARE(month.accountsByBand, expected);
            for (qint64 n : month.accountsByBand)
                counted += n;
        }
        QVERIFY(counted > 200);
        QSqlQuery drops(db->connection());
        drops.prepare(
            QStringLiteral("SELECT h.account_id, h.score, s.score FROM status_history h JOIN account_status "
                           "s USING (account_id) "
                           "WHERE h.day = ? AND h.score > s.score ORDER BY h.score - s.score DESC LIMIT 5"));
        drops.addBindValue(kToday.addDays(-30).toString(Qt::ISODate));
        QVERIFY(drops.exec());
        qsizetype i = 0;
        for (; drops.next(); ++i) {
            QVERIFY(i < trends->drops.size());
            QCOMPARE(trends->drops[i].before - trends->drops[i].now,
                     drops.value(1).toDouble() - drops.value(2).toDouble());
        }
        QCOMPARE(trends->drops.size(), i);
        QVERIFY(i > 0);

        // Without the daily counts (a CSM's copy of a team workspace), the same months from the
        // accounts' history.
        QSqlQuery forget(db->connection());
        QVERIFY(forget.exec(QStringLiteral("DELETE FROM history_days")));
        const auto fromHistory = PortfolioTrends::load(*db, kToday, 4, 30, 5);
        QVERIFY2(fromHistory.ok(), fromHistory.ok() ? "" : qPrintable(fromHistory.error()));
        QCOMPARE(fromHistory->months.size(), trends->months.size());
        for (qsizetype m = 0; m < trends->months.size(); ++m) {
            QCOMPARE(fromHistory->months[m].day, trends->months[m].day);
            QCOMPARE(fromHistory->months[m].accountsByBand, trends->months[m].accountsByBand);
        }
    }

    void failingBatchKeepsCheckpointAndSummariesConsistent()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 6);
        QVERIFY(SourceStore(*db).ensure(QStringLiteral("test"), QStringLiteral("csv")).ok());
        QVERIFY(ScoringEngine(*db, at(kToday), small()).run().ok());
        const QStringList before = snapshot(*db);
        const qint64 checkpoint
            = scalar(*db, QStringLiteral("SELECT value FROM engine_state WHERE key = 'checkpoint'"));

        // A real fault inside the batch: the database refuses one account's status.
        QSqlQuery trigger(db->connection());
        QVERIFY(trigger.exec(QStringLiteral(
            "CREATE TRIGGER poison BEFORE UPDATE ON account_status WHEN NEW.account_id = 'A-00004' "
            "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")));
        const qint64 noon = test::utcMs(2026, 6, 15, 3);
        QVERIFY(EventLog(*db)
                    .append(QList<Event> { makeEvent(QStringLiteral("n1"), QStringLiteral("A-00001"),
                                                     QStringLiteral("login"), noon, QStringLiteral("x")),
                                           makeEvent(QStringLiteral("n2"), QStringLiteral("A-00004"),
                                                     QStringLiteral("login"), noon) })
                    .ok());
        const auto failed = ScoringEngine(*db, at(kToday), small()).run();
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().contains(QLatin1String("failed after 2 attempts")),
                 qPrintable(failed.error()));
        QVERIFY2(failed.error().contains(QLatin1String("disk on fire")), qPrintable(failed.error()));
        QVERIFY2(failed.error().contains(QString::number(checkpoint + 1)),
                 qPrintable(failed.error())); // names the events
        QCOMPARE(scalar(*db, QStringLiteral("SELECT value FROM engine_state WHERE key = 'checkpoint'")),
                 checkpoint);
        QCOMPARE(snapshot(*db), before); // A-00001 was in the same batch: its summaries did not move either

        QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER poison")));
        const auto recovered = ScoringEngine(*db, at(kToday), small()).run();
        QVERIFY(recovered.ok());
        QCOMPARE(recovered->events, 2);
        QVERIFY(!recovered->allAccountsChanged);
        QCOMPARE(recovered->changedAccounts,
                 (QSet<QString> { QStringLiteral("A-00001"), QStringLiteral("A-00004") }));
        const QStringList incremental = snapshot(*db);
        QVERIFY(ScoringEngine(*db, at(kToday), small()).rebuild().ok());
        QCOMPARE(snapshot(*db), incremental);
    }

    // Two engines on one file (two windows, or the app and a scheduled `tenure-cli score`): each
    // reads a batch of events before it takes the write lock, so the other may fold the same
    // events in between. Each event must still count once.
    void twoEnginesOnOneFileCountEachEventOnce()
    {
        test::TempWorkspace workspace;
        auto first = workspace.open();
        auto second = workspace.open();
        fillDemo(*first, 6);
        QVERIFY(SourceStore(*first).ensure(QStringLiteral("test"), QStringLiteral("csv")).ok());
        QVERIFY(ScoringEngine(*first, at(kToday), small()).run().ok());
        QList<Event> events;
        for (int i = 0; i < 3000; ++i)
            events << makeEvent(QStringLiteral("two-%1").arg(i),
                                QStringLiteral("A-%1").arg(1 + i % 6, 5, 10, QLatin1Char('0')),
                                i % 2 ? QStringLiteral("login") : QStringLiteral("report_created"),
                                test::utcMs(2026, 6, 1 + i % 14, i % 24), QStringLiteral("u%1").arg(i % 5));
        QVERIFY(EventLog(*first).append(events).ok());

        // The second engine's first batch commits; before it reads its next one, the first engine
        // folds in everything. The second then reads events the first has already counted.
        qint64 foldedByFirst = -1;
        ScoringEngine::Progress interleave = [&](const QString&, qint64, qint64) {
            if (foldedByFirst >= 0)
                return;
            const auto other = ScoringEngine(*first, at(kToday), small()).run();
            QVERIFY2(other.ok(), other.ok() ? "" : qPrintable(other.error()));
            foldedByFirst = other->events;
        };
        const auto folded = ScoringEngine(*second, at(kToday), small()).run(interleave);
        QVERIFY2(folded.ok(), folded.ok() ? "" : qPrintable(folded.error()));
        QVERIFY(foldedByFirst > 0);
        QCOMPARE(folded->events + foldedByFirst, qint64(events.size()));
        QCOMPARE(scalar(*first, QStringLiteral("SELECT value FROM engine_state WHERE key = 'checkpoint'")),
                 EventLog(*first).lastSeq());

        const QStringList incremental = snapshot(*first);
        QVERIFY(ScoringEngine(*first, at(kToday), small()).rebuild().ok());
        QCOMPARE(snapshot(*first), incremental);
    }

    // The same on a new day, when every account is scored again from its stored aggregates, a
    // chunk read ahead of the one being stored: the other engine folds events in between.
    void twoEnginesOnOneFileOnANewDayStoreNoOlderStatus()
    {
        test::TempWorkspace workspace;
        auto first = workspace.open();
        auto second = workspace.open();
        fillDemo(*first, 40);
        QVERIFY(SourceStore(*first).ensure(QStringLiteral("test"), QStringLiteral("csv")).ok());
        QVERIFY(ScoringEngine(*first, at(kToday), small()).run().ok());
        const QDate tomorrow = kToday.addDays(1);
        QStringList ids;
        for (const Account& account : AccountStore(*first).all().value())
            ids << account.id;
        QCOMPARE(ids.size(), 40);

        bool interleaved = false;
        ScoringEngine::Progress interleave = [&](const QString&, qint64 done, qint64) {
            if (interleaved || done == 0)
                return;
            interleaved = true;
            QList<Event> events;
            for (int i = 0; i < 600; ++i) // every account, so the chunk read ahead has some
                events << makeEvent(QStringLiteral("day-%1").arg(i), ids.at(i % ids.size()),
                                    QStringLiteral("login"), test::utcMs(2026, 6, 15, i % 24),
                                    QStringLiteral("u%1").arg(i % 3));
            QVERIFY(EventLog(*first).append(events).ok());
            const auto other = ScoringEngine(*first, at(tomorrow), small()).run();
            QVERIFY2(other.ok(), other.ok() ? "" : qPrintable(other.error()));
            QCOMPARE(other->events, qint64(events.size()));
        };
        const auto scored = ScoringEngine(*second, at(tomorrow), small()).run(interleave);
        QVERIFY2(scored.ok(), scored.ok() ? "" : qPrintable(scored.error()));
        QVERIFY(interleaved);
        QVERIFY(scored->allAccountsChanged);

        const QStringList incremental = snapshot(*first);
        QVERIFY(ScoringEngine(*first, at(tomorrow), small()).rebuild().ok());
        QCOMPARE(snapshot(*first), incremental);
    }

    // A re-score that meets stored aggregates it cannot decode stops and names the account; the
    // live summaries stay as they were and no shadow table is left behind.
    void unreadableAggregatesStopARescoreAndKeepTheLiveSummaries()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 40);
        QVERIFY(ScoringEngine(*db, at(kToday), small()).run().ok());
        QSqlQuery damage(db->connection());
        QVERIFY(
            damage.exec(QStringLiteral("SELECT account_id FROM agg_activity ORDER BY 1 LIMIT 1 OFFSET 20")));
        QVERIFY(damage.next());
        const QString victim = damage.value(0).toString();
        QVERIFY(damage.prepare(QStringLiteral("UPDATE agg_activity SET data = x'ff' WHERE account_id = ?")));
        damage.addBindValue(victim);
        QVERIFY(damage.exec());
        QCOMPARE(damage.numRowsAffected(), 1);
        const QStringList damaged = snapshot(*db);

        QVERIFY(RuleStore(*db).save(tuned(1), QStringLiteral("test")).ok());
        const auto rescored = ScoringEngine(*db, at(kToday), small()).run();
        QVERIFY(!rescored.ok());
        QVERIFY2(rescored.error().contains(QStringLiteral("unreadable")) && rescored.error().contains(victim),
                 qPrintable(rescored.error()));
        QCOMPARE(snapshot(*db), damaged);
        QCOMPARE(scalar(*db,
                        QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name LIKE '%\\_next' "
                                       "ESCAPE '\\'")),
                 0);
    }

    void windowsSlideWhenTheDayChanges()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 6);
        QVERIFY(ScoringEngine(*db, at(kToday), small()).run().ok());
        const auto now = SummaryStore(*db).status(QStringLiteral("A-00001"));
        // Sixty days on with no new events, activity windows have emptied.
        const auto later = ScoringEngine(*db, at(kToday.addDays(60)), small()).run();
        QVERIFY(later.ok());
        QCOMPARE(later->events, 0);
        QCOMPARE(later->accounts, 6);
        const auto then = SummaryStore(*db).status(QStringLiteral("A-00001"));
        QVERIFY(then->value().score < now->value().score);
        QCOMPARE(scalar(*db,
                        QStringLiteral(
                            "SELECT count(*) FROM status_history WHERE account_id = 'A-00001' AND day > '%1'")
                            .arg(kToday.toString(Qt::ISODate))),
                 60);
    }

    void workerReportsBySignalsWhileTheEventLoopRuns()
    {
        test::TempWorkspace workspace;
        fillDemo(*workspace.open(), 60);
        ScoringWorker worker(workspace.path(), at(kToday));
        QSignalSpy finished(&worker, &ScoringWorker::finished);
        QSignalSpy progress(&worker, &ScoringWorker::progress);
        QSignalSpy failed(&worker, &ScoringWorker::failed);
        QSignalSpy changed(&worker, &ScoringWorker::accountsChanged);
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(5);
        worker.requestRebuild();
        QVERIFY(finished.wait(120000));
        QCOMPARE(failed.count(), 0);
        QVERIFY(progress.count() > 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(1).toBool(), true); // a rebuild changes everyone
        QVERIFY2(ticks > 3, qPrintable(QString::number(ticks))); // the caller's event loop kept turning
        const auto summary = finished.first().first().value<ScoringEngine::Summary>();
        QVERIFY(summary.rebuilt);
        QCOMPARE(summary.accounts, 60);
        qint64 counted = 0;
        for (const SummaryStore::Count& count : finished.first().at(1).value<QList<SummaryStore::Count>>())
            counted += count.accounts;
        QCOMPARE(counted, 60);
    }

    // Closing a workspace while passes are queued (F5, a rules save, an import) stops the pass
    // under way and starts none of the others: the window waits for one cancelled pass at most.
    void destroyingTheWorkerStartsNoQueuedPass()
    {
        test::TempWorkspace workspace;
        fillDemo(*workspace.open(), 60);
        std::atomic_int started = 0;
        std::atomic_int rebuilds = 0;
        {
            ScoringWorker worker(workspace.path(), at(kToday));
            connect(
                &worker, &ScoringWorker::started, this,
                [&](bool rebuild) {
                    ++started;
                    rebuilds += rebuild ? 1 : 0;
                },
                Qt::DirectConnection);
            worker.requestRun();
            worker.requestRebuild();
            worker.requestRebuild();
        }
        QVERIFY2(started <= 1, qPrintable(QString::number(started)));
        QCOMPARE(rebuilds.load(), 0);
    }

    // The customer list keeps a read-only connection open (KeptReadConnection) that may outlive
    // the worker's: the file alone, as a user copies it, must still hold what the worker wrote.
    void workerLeavesTheFileWholeWhenAReaderOutlivesIt()
    {
        test::TempWorkspace workspace;
        fillDemo(*workspace.open(), 20);
        KeptReadConnection reader;
        QVERIFY(reader.run(workspace.path(), [](Database&) {}));
        {
            ScoringWorker worker(workspace.path(), at(kToday));
            QSignalSpy finished(&worker, &ScoringWorker::finished);
            worker.requestRun();
            QVERIFY(finished.wait(120000));
        }
        const QString alone = workspace.dir() + QStringLiteral("/alone.tenure");
        QVERIFY(QFile::copy(workspace.path(), alone));
        reader.close();
        const std::unique_ptr<Database> copy = Database::open(alone, Database::Mode::ReadOnly).value();
        QCOMPARE(scalar(*copy, QStringLiteral("SELECT count(*) FROM account_status")), 20);
    }

    // Scoring yields to the GUI thread: on Linux the worker's thread runs at a higher nice value
    // than the thread that made it (read from /proc, as `top -H` shows it).
    void workerRunsBelowTheCallersPriority()
    {
#ifndef Q_OS_LINUX
        QSKIP("thread nice values are read from Linux's /proc");
#else
        const auto niceOf = [](const QString& task) {
            QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(task));
            if (!stat.open(QIODevice::ReadOnly))
                return -100;
            // After "pid (comm) ", the fields from the state on; nice is the 19th field overall.
            const QByteArray line = stat.readAll();
            const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
            return fields.value(19 - 3).toInt();
        };
        const auto tasksNamed = [](const QByteArray& name) {
            QStringList found;
            for (const QString& task :
                 QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
                if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name)
                    found << task;
            }
            return found;
        };
        test::TempWorkspace workspace;
        fillDemo(*workspace.open(), 20);
        ScoringWorker worker(workspace.path(), at(kToday));
        QSignalSpy finished(&worker, &ScoringWorker::finished);
        worker.requestRun();
        QVERIFY(finished.wait(120000));
        const int callers = niceOf(QString::number(QCoreApplication::applicationPid()));
        if (callers >= 19)
            QSKIP("the test runs at the lowest priority already");
        // The worker's thread, and the threads it started itself (they inherit its name on Linux).
        const QStringList scoring = tasksNamed("scoring");
        QVERIFY(!scoring.isEmpty());
        for (const QString& task : scoring)
            QCOMPARE_GT(niceOf(task), callers);
        // The engine's pool, which scores the chunks: its threads were started from the worker's.
        int pooledBelow = 0;
        for (const QString& task : tasksNamed("Thread (pooled)"))
            pooledBelow += niceOf(task) > callers ? 1 : 0;
        QCOMPARE_GE(pooledBelow, 1);
#endif
    }
};

QTEST_GUILESS_MAIN(TestScoringEngine)
#include "TestScoringEngine.moc"
