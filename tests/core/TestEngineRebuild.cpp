#include "EngineFixtures.h"
#include "engine/RebuildLock.h"
#include "engine/SummaryStore.h"
#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/SourceStore.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QThread>

using namespace tenure;
using namespace tenure::engine_test;

// ScoringEngine's rebuilds and re-scores: whole new summaries, swapped in at once, equal to what
// the incremental passes give.
class TestEngineRebuild : public QObject
{
    Q_OBJECT

private slots:
    // A rebuild spills the log's partitions to temporary files; where it cannot (no usable
    // temporary folder), it reads the log once per partition instead, to the same summaries.
    void rebuildWithoutTemporaryFilesGivesTheSameSummaries()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 300);
        // Two partitions of about 150 accounts each: enough for the fold's tables to grow.
        ScoringEngine::Options options = at(kToday);
        ScoringEngine::Tuning tuning = small();
        tuning.eventsPerFoldPartition = EventLog(*db).count() / 2 + 1;
        options.historyDays = 30;
        QVERIFY(ScoringEngine(*db, options, tuning).rebuild().ok());
        const QStringList spilled = snapshot(*db);
        const QByteArray tmp = qgetenv("TMPDIR");
        // A file where the folder should be: nothing can be created in it, even by root.
        qputenv("TMPDIR",
                test::writeFile(workspace.dirObject(), QStringLiteral("not-a-folder"), "x").toLocal8Bit());
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("reading the log once per partition")));
        const auto rebuilt = ScoringEngine(*db, options, tuning).rebuild();
        if (tmp.isEmpty())
            qunsetenv("TMPDIR");
        else
            qputenv("TMPDIR", tmp);
        QVERIFY2(rebuilt.ok(), rebuilt.ok() ? "" : qPrintable(rebuilt.error()));
        QCOMPARE(snapshot(*db), spilled);
    }

    // A rebuild reads the log through its segments, and reads the rows where none covers them (an
    // older workspace's events, rows written by other means); a damaged segment makes it read the
    // rows instead. Each way gives the summaries that incremental runs over the rows gave.
    void rebuildReadsTheRowsNoSegmentCovers()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 120);
        const qint64 demoEvents = EventLog(*db).count();
        // Rows without a segment, between segments and at the end.
        QVERIFY(SourceStore(*db).ensure(QStringLiteral("test"), QStringLiteral("csv")).ok());
        auto insertRows = [&](int from, int count) {
            QSqlQuery insert(db->connection());
            insert.prepare(
                QStringLiteral("INSERT INTO events (source, external_id, account_id, user_id, name, "
                               "occurred_at, quantity, received_at) VALUES ('test', ?, ?, ?, ?, ?, "
                               "?, 0)"));
            for (int i = from; i < from + count; ++i) {
                insert.addBindValue(QStringLiteral("raw-%1").arg(i));
                insert.addBindValue(i % 3 ? QStringLiteral("A-%1").arg(1 + i % 5, 5, 10, QLatin1Char('0'))
                                          : QStringLiteral("株式会社ローカル"));
                insert.addBindValue(i % 4 ? QVariant(QStringLiteral("raw-user-%1").arg(i % 7))
                                          : QVariant(QMetaType::fromType<QString>()));
                insert.addBindValue(i % 2 ? QStringLiteral("login") : QStringLiteral("report_created"));
                insert.addBindValue(test::utcMs(2026, 6, 1 + i % 14, i % 24));
                insert.addBindValue(i % 5 ? 1.0 : 2.5);
                if (!insert.exec())
                    qFatal("%s", qPrintable(insert.lastError().text()));
            }
        };
        insertRows(0, 400);
        QList<Event> later;
        for (int i = 0; i < 300; ++i)
            later << makeEvent(QStringLiteral("late-%1").arg(i), QStringLiteral("A-00002"),
                               QStringLiteral("login"), test::utcMs(2026, 6, 2 + i % 12, i % 24),
                               QStringLiteral("late-user-%1").arg(i % 4));
        QVERIFY(EventLog(*db).append(later).ok());
        insertRows(400, 250);
        QCOMPARE(EventLog(*db).count(), demoEvents + 950);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(events) FROM event_segments")), demoEvents + 300);

        ScoringEngine::Options options = at(kToday);
        ScoringEngine::Tuning tuning = small();
        tuning.eventsPerFoldPartition = EventLog(*db).count() / 3 + 1; // the spill, in two halves
        options.historyDays = 20;
        QVERIFY(ScoringEngine(*db, options, tuning).run().ok()); // the first run folds the rows in batches
        tuning.batchSize = 1;
        QVERIFY(ScoringEngine(*db, options, tuning).run().ok());
        const QStringList incremental = snapshot(*db);

        for (const qint64 parallelFrom : { qint64(1), qint64(1) << 40 }) { // two threads, or this one
            tuning.eventsScannedInParallel = parallelFrom;
            const auto rebuilt = ScoringEngine(*db, options, tuning).rebuild();
            QVERIFY2(rebuilt.ok(), rebuilt.ok() ? "" : qPrintable(rebuilt.error()));
            QCOMPARE(rebuilt->events, demoEvents + 950);
            QCOMPARE(snapshot(*db), incremental);
        }

        // A damaged segment (the append-only trigger set aside to damage it).
        QSqlQuery damage(db->connection());
        QVERIFY(damage.exec(QStringLiteral("DROP TRIGGER event_segments_no_update")));
        QVERIFY(damage.exec(QStringLiteral(
            "UPDATE event_segments SET data = substr(data, 1, length(data) - 3) WHERE first_seq = "
            "(SELECT max(first_seq) FROM event_segments)")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("segment from event \\d+ is damaged")));
        const auto reread = ScoringEngine(*db, options, tuning).rebuild();
        QVERIFY2(reread.ok(), reread.ok() ? "" : qPrintable(reread.error()));
        QCOMPARE(snapshot(*db), incremental);
    }

    void ruleChangeRebuildsAndSwapsAtomically()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 40);
        QVERIFY(ScoringEngine(*db, at(kToday), small()).run().ok());
        const qint64 goodBefore
            = scalar(*db, QStringLiteral("SELECT count(*) FROM account_status WHERE band = 'Good'"));
        QVERIFY(goodBefore > 0);

        RuleSet strict = RuleSetJson::defaults();
        strict.bands[0].minScore = 101 - 1; // only a perfect score is Good now
        QCOMPARE(RuleStore(*db).save(strict, QStringLiteral("test")).value(), 2);

        // A reader sees the old summaries or the new ones, never a mixture.
        std::atomic_bool done = false;
        ScoringEngine::Summary summary;
        QString error;
        QThread* writer = QThread::create([&] {
            auto own = workspace.open();
            const auto result = ScoringEngine(*own, at(kToday), small()).run();
            if (result)
                summary = result.value();
            else
                error = result.error();
            done = true;
        });
        // Opened first, so that it reads while the writer is still at work.
        auto reader = workspace.open(Database::Mode::ReadOnly);
        writer->start();
        QSet<qint64> totals;
        QSet<qint64> seen;
        int readsWhileWriting = 0;
        while (!done) {
            const qint64 total = scalar(*reader, QStringLiteral("SELECT count(*) FROM account_status"));
            const qint64 v2 = scalar(
                *reader, QStringLiteral("SELECT count(*) FROM account_status WHERE rules_version = 2"));
            if (total < 0 || v2 < 0 || done)
                continue; // a read that failed, or may have ended after the writer: proves nothing
            totals.insert(total); // checked once the writer is joined: a failure here would leave it running
            seen.insert(v2);
            ++readsWhileWriting;
        }
        writer->wait();
        delete writer;
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(summary.rebuilt);
        QCOMPARE(summary.rulesVersion, 2);
        // A reader that saw nothing would prove nothing.
        QVERIFY2(readsWhileWriting > 0, "the reader never read while the rules change was scored");
        QCOMPARE(totals, QSet<qint64> { 40 });
        for (qint64 v2 : seen)
            QVERIFY2(v2 == 0 || v2 == 40, qPrintable(QString::number(v2)));
        QVERIFY(scalar(*db, QStringLiteral("SELECT count(*) FROM account_status WHERE band = 'Good'"))
                < goodBefore);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_next'")),
                 0);
        QCOMPARE(
            scalar(*db,
                   QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'account_status_band'")),
            1);
    }

    // New rules leave the aggregates alone: the accounts are scored again from them, not from the
    // log, to the summaries a rebuild from the log gives.
    void ruleChangeRescoresFromTheAggregates()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 60);
        ScoringEngine engine(*db, at(kToday), small()); // one engine throughout, as the app keeps it
        // Freed pages are not zeroed (Debian's default), or each swap writes the old summaries again.
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA secure_delete")), 2);
        QVERIFY(engine.run().ok());
        const auto aggregates = [&db] {
            QSqlQuery query(db->connection());
            QStringList rows;
            query.exec(QStringLiteral("SELECT account_id, hex(data) FROM agg_activity ORDER BY 1"));
            while (query.next())
                rows << query.value(0).toString() + query.value(1).toString();
            return rows;
        };
        const QStringList aggregatesBefore = aggregates();
        QCOMPARE(aggregatesBefore.size(), 60);
        QVERIFY(RuleStore(*db).save(tuned(1), QStringLiteral("test")).ok());
        const auto rescored = engine.run();
        QVERIFY2(rescored.ok(), rescored.ok() ? "" : qPrintable(rescored.error()));
        QVERIFY(rescored->rebuilt);
        QVERIFY(rescored->rescored);
        QCOMPARE(rescored->events, 0); // the log was not read
        QCOMPARE(rescored->accounts, 60);
        QCOMPARE(rescored->rulesVersion, 2);
        const QStringList afterRescore = snapshot(*db);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM account_status WHERE rules_version = 2")),
                 60);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_next'")),
                 0);

        const auto rebuilt = ScoringEngine(*db, at(kToday), small()).rebuild();
        QVERIFY(rebuilt.ok());
        QVERIFY(!rebuilt->rescored);
        QCOMPARE(rebuilt->events, EventLog(*db).count());
        QCOMPARE(snapshot(*db), afterRescore);
        QCOMPARE(aggregates(), aggregatesBefore); // the re-score left them alone, and they were right
    }

    // The aggregates hold days of the workspace's zone: when the setting changes, the next run
    // folds the log again instead of re-scoring days of the old zone.
    void timeZoneChangeRebuildsFromTheLog()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 30); // Asia/Tokyo
        QVERIFY(ScoringEngine(*db, at(kToday), small()).run().ok());
        QVERIFY(WorkspaceSettings(*db).setTimeZone("America/Los_Angeles").ok());
        const auto moved = ScoringEngine(*db, at(kToday), small()).run();
        QVERIFY2(moved.ok(), moved.ok() ? "" : qPrintable(moved.error()));
        QVERIFY(moved->rebuilt);
        QCOMPARE(moved->events, EventLog(*db).count());
        const QStringList inLosAngeles = snapshot(*db);

        // The same summaries as a workspace that was in Los Angeles from the start.
        test::TempWorkspace other;
        auto fresh = other.open();
        fillDemo(*fresh, 30);
        QVERIFY(WorkspaceSettings(*fresh).setTimeZone("America/Los_Angeles").ok());
        QVERIFY(ScoringEngine(*fresh, at(kToday), small()).run().ok());
        QCOMPARE(snapshot(*fresh), inLosAngeles);
        // And a run after that is incremental again.
        const auto again = ScoringEngine(*db, at(kToday), small()).run();
        QVERIFY(again.ok());
        QVERIFY(!again->rebuilt);
    }

    // Should another engine (tenure-cli beside the app) fold events in while the accounts are
    // re-scored, the re-score is out of date: it is not swapped in, and the next pass starts over.
    void rescoreOvertakenByAnotherWriterIsNotSwappedIn()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 30);
        QVERIFY(ScoringEngine(*db, at(kToday), small()).run().ok());
        QVERIFY(RuleStore(*db).save(tuned(1), QStringLiteral("test")).ok());
        bool overtaken = false;
        const auto result
            = ScoringEngine(*db, at(kToday), small()).run([&](const QString&, qint64 done, qint64) {
                  if (overtaken || done == 0)
                      return;
                  overtaken = true;
                  auto other = workspace.open(); // the other process: it moved the checkpoint on
                  QVERIFY(SummaryStore(*other)
                              .setState(QStringLiteral("checkpoint"), QStringLiteral("999999"))
                              .ok());
              });
        QVERIFY(overtaken);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QLatin1String("another process")), qPrintable(result.error()));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM account_status WHERE rules_version = 2")),
                 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_next'")),
                 0);
        const auto again = ScoringEngine(*db, at(kToday), small()).run();
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error()));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM account_status WHERE rules_version = 2")),
                 30);
    }

    // Two engines rebuilding one file at once (`tenure-cli score --full` beside the app) take
    // turns: the second waits, saying so, until the first has swapped its shadow tables in, rather
    // than dropping them under it and filling the same ones. Both succeed, to the summaries one
    // rebuild gives, and no shadow table is left. After new rules, the second finds the accounts
    // re-scored with them by the first and does not score them all again.
    void twoRebuildsOfOneFileTakeTurns_data()
    {
        QTest::addColumn<bool>("newRules");
        QTest::newRow("rebuild from the log") << false;
        QTest::newRow("re-score with new rules") << true;
    }
    void twoRebuildsOfOneFileTakeTurns()
    {
        QFETCH(bool, newRules);
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 60);
        QVERIFY(ScoringEngine(*db, at(kToday), small()).rebuild().ok());
        if (newRules) {
            QVERIFY(RuleStore(*db).save(tuned(1), QStringLiteral("test")).ok());
            QVERIFY(ScoringEngine(*db, at(kToday), small()).run().ok());
        }
        const QStringList once = snapshot(*db);
        if (newRules)
            QVERIFY(RuleStore(*db).save(tuned(2), QStringLiteral("test")).ok());
        // A rebuild, or the pass that re-scores after new rules.
        auto pass = [newRules](ScoringEngine& engine, const ScoringEngine::Progress& progress) {
            return newRules ? engine.run(progress) : engine.rebuild(progress);
        };

        std::atomic_bool firstInside = false; // the first engine is filling its shadow
        std::atomic_bool secondWaits = false; // the second said it waits for the first
        std::atomic_bool secondEnded = false;
        QString firstError = QStringLiteral("did not run");
        std::unique_ptr<QThread> first(QThread::create([&] {
            auto own = workspace.open(); // a connection of the first engine's thread
            ScoringEngine engine(*own, at(kToday), small());
            const auto rebuilt = pass(engine, [&](const QString& phase, qint64 done, qint64) {
                if (firstInside || done == 0 || !phase.contains(QLatin1String("Scoring")))
                    return;
                firstInside = true;
                // Half-way through its shadow: the second engine starts its rebuild now.
                for (int waited = 0; !secondWaits && !secondEnded && waited < 3000; ++waited)
                    QThread::msleep(10);
            });
            firstError = rebuilt.ok() ? QString() : rebuilt.error();
        }));
        first->start();
        QTRY_VERIFY_WITH_TIMEOUT(firstInside || first->isFinished(), 30000);
        QVERIFY(firstInside);
        QString said;
        ScoringEngine engine(*db, at(kToday), small());
        qint64 saidTotal = 0;
        const auto second = pass(engine, [&](const QString& phase, qint64, qint64 total) {
            if (phase.startsWith(QLatin1String("Waiting"))) {
                said = phase;
                saidTotal = total; // a message, no amount: what tenure-cli score prints
                secondWaits = true;
            }
        });
        secondEnded = true;
        QVERIFY(first->wait(30000));
        QVERIFY2(firstError.isEmpty(), qPrintable(firstError));
        QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error()));
        QVERIFY2(said.contains(QLatin1String("another rebuild of this workspace"))
                     && said.contains(QString::number(QCoreApplication::applicationPid())),
                 qPrintable(said));
        QCOMPARE(saidTotal, -1);
        QCOMPARE(second->rescored, false);
        if (newRules) {
            QCOMPARE(
                scalar(*db, QStringLiteral("SELECT count(*) FROM account_status WHERE rules_version = 3")),
                60);
        } else {
            QCOMPARE(snapshot(*db), once);
        }
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_next'")),
                 0);
        QVERIFY(!QFile::exists(RebuildLock::lockPath(db->path())));
    }

    // Cancelled midway, a rebuild from the log or a re-score after new rules leaves the old
    // summaries as they were, and no shadow table behind.
    void cancelledRebuildKeepsTheOldSummaries_data()
    {
        QTest::addColumn<bool>("newRules");
        QTest::newRow("rebuild from the log") << false;
        QTest::newRow("re-score with new rules") << true;
    }
    void cancelledRebuildKeepsTheOldSummaries()
    {
        QFETCH(bool, newRules);
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 30);
        QVERIFY(ScoringEngine(*db, at(kToday), small()).run().ok());
        const QStringList before = snapshot(*db);
        if (newRules)
            QVERIFY(RuleStore(*db).save(tuned(2), QStringLiteral("test")).ok());
        std::atomic_bool cancel = false;
        const auto cancelOnProgress = [&](const QString&, qint64 done, qint64) { cancel = done > 0; };
        ScoringEngine engine(*db, at(kToday), small());
        const auto result
            = newRules ? engine.run(cancelOnProgress, &cancel) : engine.rebuild(cancelOnProgress, &cancel);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QLatin1String("cancelled")), qPrintable(result.error()));
        QCOMPARE(snapshot(*db), before);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_next'")),
                 0);
    }

    // The history's window slides with the days: the passes drop the months it leaves, whole (a
    // window begins on the first of its month), and keep the days a rebuild writes.
    void theHistorysWindowLeavesWholeMonths()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 12);
        const auto on = [](const QDate& today) {
            ScoringEngine::Options options = at(today);
            options.historyDays = 40;
            return options;
        };
        const auto firstDay = [&](const char* table) {
            return scalarText(*db, QStringLiteral("SELECT min(day) FROM %1").arg(QLatin1String(table)));
        };
        QVERIFY(ScoringEngine(*db, on(kToday), small()).run().ok()); // 15 June: from 7 May's month
        QCOMPARE(firstDay("status_history"), QStringLiteral("2026-05-01"));
        QCOMPARE(firstDay("history_days"), QStringLiteral("2026-05-01"));
        QVERIFY(SourceStore(*db).ensure(QStringLiteral("test"), QStringLiteral("csv")).ok());
        QDate day = kToday;
        int id = 0;
        for (const int step : { 3, 9, 14, 10 }) { // to 21 July: from 12 June's month
            day = day.addDays(step);
            // Events of the day, and late ones from before the window, for a few accounts.
            QList<Event> events;
            for (const char* account : { "A-00001", "A-00004", "A-00007" })
                for (const int back : { 0, 0, 1, 55 })
                    events << makeEvent(
                        QStringLiteral("slide-%1").arg(id++), QLatin1String(account), QStringLiteral("login"),
                        test::utcMs(day.year(), day.month(), day.day(), 3) - back * 86400000LL,
                        QStringLiteral("u1"));
            QVERIFY(EventLog(*db).append(events).ok());
            if (step == 14) // and new rules, the accounts re-scored from their aggregates
                QVERIFY(RuleStore(*db).save(tuned(1), QStringLiteral("test")).ok());
            const auto pass = ScoringEngine(*db, on(day), small()).run();
            QVERIFY2(pass.ok(), pass.ok() ? "" : qPrintable(pass.error()));
        }
        QCOMPARE(day, QDate(2026, 7, 21));
        QCOMPARE(firstDay("status_history"), QStringLiteral("2026-06-01"));
        QCOMPARE(firstDay("history_days"), QStringLiteral("2026-06-01"));
        QVERIFY(scalar(*db, QStringLiteral("SELECT count(*) FROM history_months WHERE month < '2026-06'"))
                == 0);
        const QStringList passes = snapshot(*db);
        const auto rebuilt = ScoringEngine(*db, on(day), small()).rebuild();
        QVERIFY2(rebuilt.ok(), rebuilt.ok() ? "" : qPrintable(rebuilt.error()));
        QCOMPARE(snapshot(*db), passes);
        QCOMPARE(rebuilt->changedAccounts, QSet<QString>());
        QCOMPARE(rebuilt->historyDroppedAccounts, QSet<QString>());
    }

    // An account that signed up and has no events yet (a trial never begun) has its days without
    // use from its signup on, whether passes kept them day by day or a rebuild wrote them at once:
    // a rebuild of the same log changes nothing of it. An account with neither an event nor a
    // signup date starts on the day it was first scored, which a rebuild cannot know: it names it.
    void anAccountWithoutEventsHasItsHistoryFromItsSignup()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 12);
        Account signed_;
        signed_.id = QStringLiteral("Q-SIGNED");
        signed_.name = QStringLiteral("試用 株式会社");
        signed_.plan = QStringLiteral("Trial");
        signed_.signupDate = kToday.addDays(-30);
        signed_.renewalDate = kToday.addDays(5);
        Account unknown;
        unknown.id = QStringLiteral("Q-UNKNOWN");
        unknown.name = unknown.id;
        QVERIFY(AccountStore(*db).upsert(QList<Account> { signed_, unknown }).ok());
        const auto days = [&](const QString& id) {
            return QStringLiteral("%1..%2: %3")
                .arg(scalarText(*db,
                                QStringLiteral("SELECT min(day) FROM status_history WHERE account_id = '%1'")
                                    .arg(id)),
                     scalarText(*db,
                                QStringLiteral("SELECT max(day) FROM status_history WHERE account_id = '%1'")
                                    .arg(id)))
                .arg(scalar(
                    *db,
                    QStringLiteral("SELECT count(*) FROM status_history WHERE account_id = '%1'").arg(id)));
        };
        QVERIFY(ScoringEngine(*db, at(kToday), small()).run().ok());
        QCOMPARE(days(signed_.id), QStringLiteral("2026-05-16..2026-06-15: 31"));
        QCOMPARE(days(unknown.id), QStringLiteral("2026-06-15..2026-06-15: 1"));
        for (int day = 1; day <= 2; ++day)
            QVERIFY(ScoringEngine(*db, at(kToday.addDays(day)), small()).run().ok());
        QCOMPARE(days(signed_.id), QStringLiteral("2026-05-16..2026-06-17: 33"));
        QCOMPARE(days(unknown.id), QStringLiteral("2026-06-15..2026-06-17: 3"));

        const auto rebuilt = ScoringEngine(*db, at(kToday.addDays(2)), small()).rebuild();
        QVERIFY2(rebuilt.ok(), rebuilt.ok() ? "" : qPrintable(rebuilt.error()));
        QVERIFY(!rebuilt->allAccountsChanged);
        QCOMPARE(rebuilt->changedAccounts, QSet<QString> { unknown.id });
        QCOMPARE(days(signed_.id), QStringLiteral("2026-05-16..2026-06-17: 33"));
        QCOMPARE(days(unknown.id), QStringLiteral("2026-06-17..2026-06-17: 1"));

        // A workspace scored by a Tenure that began histories at the first event (its stamp of the
        // accounts without the engine's format): the next pass re-scores every account.
        QSqlQuery older(db->connection());
        older.prepare(QStringLiteral("UPDATE engine_state SET value = ? WHERE key = 'master_stamp'"));
        older.addBindValue(AccountStore(*db).masterDataStamp());
        QVERIFY(older.exec() && older.numRowsAffected() == 1);
        const auto upgraded = ScoringEngine(*db, at(kToday.addDays(2)), small()).run();
        QVERIFY2(upgraded.ok(), upgraded.ok() ? "" : qPrintable(upgraded.error()));
        QVERIFY(upgraded->allAccountsChanged);
        QCOMPARE(days(signed_.id), QStringLiteral("2026-05-16..2026-06-17: 33"));
    }
};

QTEST_GUILESS_MAIN(TestEngineRebuild)
#include "TestEngineRebuild.moc"
