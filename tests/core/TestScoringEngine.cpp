#include "TestSupport.h"
#include "demo/DemoRandom.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"
#include "engine/ScoringWorker.h"
#include "report/PortfolioTrends.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"
#include "store/WorkspaceSettings.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace tenure;

namespace {

const QDate kToday(2026, 6, 15);

ScoringEngine::Options at(const QDate& today)
{
    ScoringEngine::Options options;
    options.today = today;
    options.batchSize = 997; // odd, so batches split days and accounts
    options.accountsPerTransaction = 7;
    options.maxAttempts = 2;
    options.backoffMs = 1;
    options.eventsPerFoldPartition = 900; // rebuilds fold the log in several partitions
    options.eventsScannedInParallel = 1; // on two threads, as long logs are
    return options;
}

void fillDemo(Database& db, int accounts)
{
    QVERIFY(WorkspaceSettings(db).setTimeZone("Asia/Tokyo").ok());
    DemoGenerator::Options options;
    options.accounts = accounts;
    options.today = kToday;
    QVERIFY(DemoWorkspace::populate(db, options).ok());
}

// Every row of the read side, as text, in a stable order (computed_at left out: it is a clock).
QStringList snapshot(Database& db)
{
    QStringList rows;
    const char* queries[] = {
        "SELECT account_id, stage, score, band, breakdown, day, rules_version FROM account_status ORDER BY 1",
        "SELECT account_id, day, stage, score, band FROM status_history ORDER BY 1, 2",
        "SELECT account_id, hex(data) FROM agg_activity ORDER BY 1",
        "SELECT day, stage, band, accounts FROM history_days ORDER BY 1, 2, 3",
    };
    for (const char* sql : queries) {
        QSqlQuery query(db.connection());
        if (!query.exec(QString::fromLatin1(sql)))
            qFatal("snapshot query failed");
        while (query.next()) {
            QStringList fields;
            for (int i = 0; i < query.record().count(); ++i)
                fields << query.value(i).toString();
            rows << fields.join(QLatin1Char('|'));
        }
        rows << QStringLiteral("--");
    }
    return rows;
}

// The shipped rules, changed the way a team tuning them would: other cut-offs, other windows,
// other weights (variant 0 is the defaults).
RuleSet tuned(int variant)
{
    RuleSet rules = RuleSetJson::defaults();
    if (variant == 0)
        return rules;
    rules.bands[0].minScore = 60 + 7 * variant;
    for (Stage& stage : rules.stages) {
        for (HealthCriterion& criterion : stage.criteria) {
            criterion.measure.windowDays = std::max(1, criterion.measure.windowDays + 5 * variant - 12);
            criterion.weight += variant;
        }
    }
    return rules;
}

qint64 scalar(Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

Event makeEvent(const QString& id, const QString& account, const QString& name, qint64 ms,
                const QString& user = {})
{
    Event e;
    e.source = QStringLiteral("test");
    e.externalId = id;
    e.accountId = account;
    e.userId = user;
    e.name = name;
    e.occurredAt = ms;
    return e;
}

} // namespace

class TestScoringEngine : public QObject
{
    Q_OBJECT

private slots:
    void firstRunScoresEveryAccountAndBackfillsHistory()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 20);
        ScoringEngine engine(*db, at(kToday));
        const auto summary = engine.run();
        QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error()));
        QVERIFY(summary->rebuilt);
        QCOMPARE(summary->asOf, kToday);
        QCOMPARE(summary->rulesVersion, 1);
        QCOMPARE(summary->checkpoint, EventLog(*db).lastSeq());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM account_status")), 20);
        // History runs from each account's first event to today, one row a day.
        QSqlQuery spans(db->connection());
        QVERIFY(spans.exec(QStringLiteral(
            "SELECT account_id, min(day), max(day), count(*) FROM status_history GROUP BY 1")));
        int accounts = 0;
        while (spans.next()) {
            ++accounts;
            const QDate first = QDate::fromString(spans.value(1).toString(), Qt::ISODate);
            QCOMPARE(QDate::fromString(spans.value(2).toString(), Qt::ISODate), kToday);
            QCOMPARE(spans.value(3).toLongLong(), first.daysTo(kToday) + 1);
            QVERIFY(first >= kToday.addDays(-365));
        }
        QCOMPARE(accounts, 20);
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
        ScoringEngine engine(*db, at(kToday));
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
                ScoringEngine engine(*db, at(today));
                const auto summary = engine.run();
                QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error()));
                lastRun = today;
                today = today.addDays(random.between(0, 4));
            }
            const QStringList incremental = snapshot(*db);
            ScoringEngine engine(*db, at(lastRun));
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

    // A rebuild spills the log's partitions to temporary files; where it cannot (no usable
    // temporary folder), it reads the log once per partition instead, to the same summaries.
    void rebuildWithoutTemporaryFilesGivesTheSameSummaries()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 300);
        // Two partitions of about 150 accounts each: enough for the fold's tables to grow.
        ScoringEngine::Options options = at(kToday);
        options.eventsPerFoldPartition = EventLog(*db).count() / 2 + 1;
        options.historyDays = 30;
        QVERIFY(ScoringEngine(*db, options).rebuild().ok());
        const QStringList spilled = snapshot(*db);
        const QByteArray tmp = qgetenv("TMPDIR");
        // A file where the folder should be: nothing can be created in it, even by root.
        qputenv("TMPDIR",
                test::writeFile(workspace.dirObject(), QStringLiteral("not-a-folder"), "x").toLocal8Bit());
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("reading the log once per partition")));
        const auto rebuilt = ScoringEngine(*db, options).rebuild();
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
        QVERIFY(scalar(*db, QStringLiteral("SELECT sum(events) FROM event_segments")) == demoEvents + 300);

        ScoringEngine::Options options = at(kToday);
        options.eventsPerFoldPartition = EventLog(*db).count() / 3 + 1; // the spill, in two halves
        options.historyDays = 20;
        QVERIFY(ScoringEngine(*db, options).run().ok()); // the first run folds the rows in batches
        options.batchSize = 1;
        QVERIFY(ScoringEngine(*db, options).run().ok());
        const QStringList incremental = snapshot(*db);

        for (const qint64 parallelFrom : { qint64(1), qint64(1) << 40 }) { // two threads, or this one
            options.eventsScannedInParallel = parallelFrom;
            const auto rebuilt = ScoringEngine(*db, options).rebuild();
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
        const auto reread = ScoringEngine(*db, options).rebuild();
        QVERIFY2(reread.ok(), reread.ok() ? "" : qPrintable(reread.error()));
        QCOMPARE(snapshot(*db), incremental);
    }

    // The overview reads one day of every account from the packed months; the status_history
    // view, which unpacks every row, must give the same bands and the same score drops.
    void portfolioTrendsMatchTheHistoryView()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 120);
        ScoringEngine::Options options = at(kToday);
        options.historyDays = 120;
        QVERIFY(ScoringEngine(*db, options).rebuild().ok());
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
    }

    void failingBatchKeepsCheckpointAndSummariesConsistent()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 6);
        QVERIFY(SourceStore(*db).ensure(QStringLiteral("test"), QStringLiteral("csv")).ok());
        QVERIFY(ScoringEngine(*db, at(kToday)).run().ok());
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
        const auto failed = ScoringEngine(*db, at(kToday)).run();
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
        const auto recovered = ScoringEngine(*db, at(kToday)).run();
        QVERIFY(recovered.ok());
        QCOMPARE(recovered->events, 2);
        QVERIFY(!recovered->allAccountsChanged);
        QCOMPARE(recovered->changedAccounts,
                 (QSet<QString> { QStringLiteral("A-00001"), QStringLiteral("A-00004") }));
        const QStringList incremental = snapshot(*db);
        QVERIFY(ScoringEngine(*db, at(kToday)).rebuild().ok());
        QCOMPARE(snapshot(*db), incremental);
    }

    void windowsSlideWhenTheDayChanges()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 6);
        QVERIFY(ScoringEngine(*db, at(kToday)).run().ok());
        const auto now = SummaryStore(*db).status(QStringLiteral("A-00001"));
        // Sixty days on with no new events, activity windows have emptied.
        const auto later = ScoringEngine(*db, at(kToday.addDays(60))).run();
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

    void ruleChangeRebuildsAndSwapsAtomically()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        fillDemo(*db, 40);
        QVERIFY(ScoringEngine(*db, at(kToday)).run().ok());
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
            const auto result = ScoringEngine(*own, at(kToday)).run();
            if (result)
                summary = result.value();
            else
                error = result.error();
            done = true;
        });
        writer->start();
        auto reader = workspace.open(Database::Mode::ReadOnly);
        QSet<qint64> seen;
        while (!done) {
            const qint64 total = scalar(*reader, QStringLiteral("SELECT count(*) FROM account_status"));
            if (total >= 0) {
                QCOMPARE(total, 40);
                seen.insert(scalar(
                    *reader, QStringLiteral("SELECT count(*) FROM account_status WHERE rules_version = 2")));
            }
        }
        writer->wait();
        delete writer;
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(summary.rebuilt);
        QCOMPARE(summary.rulesVersion, 2);
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
        ScoringEngine engine(*db, at(kToday)); // one engine throughout, as the app keeps it
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

        const auto rebuilt = ScoringEngine(*db, at(kToday)).rebuild();
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
        QVERIFY(ScoringEngine(*db, at(kToday)).run().ok());
        QVERIFY(WorkspaceSettings(*db).setTimeZone("America/Los_Angeles").ok());
        const auto moved = ScoringEngine(*db, at(kToday)).run();
        QVERIFY2(moved.ok(), moved.ok() ? "" : qPrintable(moved.error()));
        QVERIFY(moved->rebuilt);
        QCOMPARE(moved->events, EventLog(*db).count());
        const QStringList inLosAngeles = snapshot(*db);

        // The same summaries as a workspace that was in Los Angeles from the start.
        test::TempWorkspace other;
        auto fresh = other.open();
        fillDemo(*fresh, 30);
        QVERIFY(WorkspaceSettings(*fresh).setTimeZone("America/Los_Angeles").ok());
        QVERIFY(ScoringEngine(*fresh, at(kToday)).run().ok());
        QCOMPARE(snapshot(*fresh), inLosAngeles);
        // And a run after that is incremental again.
        const auto again = ScoringEngine(*db, at(kToday)).run();
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
        QVERIFY(ScoringEngine(*db, at(kToday)).run().ok());
        QVERIFY(RuleStore(*db).save(tuned(1), QStringLiteral("test")).ok());
        bool overtaken = false;
        const auto result = ScoringEngine(*db, at(kToday)).run([&](const QString&, qint64 done, qint64) {
            if (overtaken || done == 0)
                return;
            overtaken = true;
            auto other = workspace.open(); // the other process: it moved the checkpoint on
            QVERIFY(
                SummaryStore(*other).setState(QStringLiteral("checkpoint"), QStringLiteral("999999")).ok());
        });
        QVERIFY(overtaken);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QLatin1String("another process")), qPrintable(result.error()));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM account_status WHERE rules_version = 2")),
                 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_next'")),
                 0);
        const auto again = ScoringEngine(*db, at(kToday)).run();
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error()));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM account_status WHERE rules_version = 2")),
                 30);
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
        QVERIFY(ScoringEngine(*db, at(kToday)).run().ok());
        const QStringList before = snapshot(*db);
        if (newRules)
            QVERIFY(RuleStore(*db).save(tuned(2), QStringLiteral("test")).ok());
        std::atomic_bool cancel = false;
        const auto cancelOnProgress = [&](const QString&, qint64 done, qint64) { cancel = done > 0; };
        ScoringEngine engine(*db, at(kToday));
        const auto result
            = newRules ? engine.run(cancelOnProgress, &cancel) : engine.rebuild(cancelOnProgress, &cancel);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QLatin1String("cancelled")), qPrintable(result.error()));
        QCOMPARE(snapshot(*db), before);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_next'")),
                 0);
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
};

QTEST_GUILESS_MAIN(TestScoringEngine)
#include "TestScoringEngine.moc"
