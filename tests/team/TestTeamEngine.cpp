// The team's engine: elected by an advisory lock, scoring a copy of the team's log with the same
// ScoringEngine a workspace file uses, publishing results identical to the file's, fenced, and
// announced with NOTIFY; `tenure-cli serve` hands over to a standby when killed.
#include "PgCluster.h"
#include "TeamTestQueries.h"
#include "TestSupport.h"
#include "actions/ActionEngine.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "team/TeamDatabase.h"
#include "team/TeamEngine.h"
#include "team/TeamMembers.h"
#include "team/TeamPublisher.h"
#include "team/TeamPush.h"
#include "team/TeamReplica.h"
#include "team/TeamSchema.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTimeZone>

#include <span>
#include <thread>

using namespace tenure;
using tenure::test::PgCluster;

namespace {

const QDate kAsOf(2026, 11, 30);

// Every account's status and every history row, as text lines, from either backend.
using test::localRows;

QStringList teamRows(TeamDatabase& db, const QString& sql)
{
    return test::rows(db, sql);
}

const QString kStatuses
    = QStringLiteral("SELECT account_id, stage, score, band, day, rules_version, last_active, "
                     "breakdown FROM account_status ORDER BY account_id");
const QString kHistory = QStringLiteral("SELECT account_id, day, stage, score, band FROM status_history "
                                        "ORDER BY account_id, day");
const QString kActions
    = QStringLiteral("SELECT account_id, trigger, status, priority, reason, owner FROM actions "
                     "ORDER BY account_id, trigger");
const QString kDays
    = QStringLiteral("SELECT day, stage, band, accounts FROM history_days ORDER BY day, stage, band");

// Empty when the two lists agree, else where they first differ.
QString difference(const QStringList& team, const QStringList& local, const char* what)
{
    if (local.isEmpty())
        return QStringLiteral("%1: no local rows").arg(QLatin1String(what));
    if (team.size() != local.size())
        return QStringLiteral("%1: %2 team rows, %3 local rows")
            .arg(QLatin1String(what))
            .arg(team.size())
            .arg(local.size());
    for (qsizetype i = 0; i < team.size(); ++i) {
        if (team[i] != local[i])
            return QStringLiteral("%1, row %2:\n team:  %3\n local: %4")
                .arg(QLatin1String(what))
                .arg(i)
                .arg(team[i].left(300), local[i].left(300));
    }
    return {};
}

#define COMPARE_ROWS(team, local, what)                                                                      \
    do {                                                                                                     \
        const QString differs = difference(team, local, what);                                               \
        QVERIFY2(differs.isEmpty(), qPrintable(differs));                                                    \
    } while (false)

} // namespace

class TestTeamEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        std::unique_ptr<Database> db = m_local.open();
        DemoGenerator::Options options;
        options.accounts = 40;
        options.days = 120;
        options.today = kAsOf;
        QVERIFY(DemoWorkspace::populate(*db, options).ok());
        ScoringEngine::Options engine;
        engine.today = kAsOf;
        const Result<ScoringEngine::Summary> scored = ScoringEngine(*db, engine).run();
        QVERIFY2(scored.ok(), qPrintable(scored.ok() ? QString() : scored.error()));
    }

    void theTeamScoresAsTheFileDoes()
    {
        std::unique_ptr<TeamDatabase> team = pushedWorkspace(QStringLiteral("engine"));
        QVERIFY(team);
        std::unique_ptr<Database> local = m_local.open();

        TeamEngine engine(m_cluster.location(QStringLiteral("engine")), options(QStringLiteral("a")),
                          PgCluster::superPassword());
        Result<bool> elected = engine.tryElect();
        QVERIFY2(elected.ok() && elected.value(), qPrintable(elected.ok() ? QString() : elected.error()));

        // Listen as a desktop would.
        Result<std::unique_ptr<TeamDatabase>> desk = m_cluster.open(QStringLiteral("engine"));
        QVERIFY(desk.ok());
        QSqlDriver* driver = (*desk)->connection().driver();
        QVERIFY(driver->subscribeToNotification(QStringLiteral("tenure_statuses")));
        QSignalSpy announced(driver, &QSqlDriver::notification);

        Result<TeamEngine::Pass> pass = engine.runPass();
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QCOMPARE(pass->eventsPulled,
                 localRows(*local, QStringLiteral("SELECT count(*) FROM events")).value(0).toLongLong());
        QCOMPARE(pass->statusesPublished, 40);

        COMPARE_ROWS(teamRows(*team, kStatuses), localRows(*local, kStatuses), "account_status");
        COMPARE_ROWS(teamRows(*team, kHistory), localRows(*local, kHistory), "status_history");
        COMPARE_ROWS(teamRows(*team, kDays), localRows(*local, kDays), "history_days");
        // The team's queue is the file's queue.
        QVERIFY(pass->actions.opened > 0);
        QVERIFY(ActionEngine(*local, ActionRules::load(*local)).refresh(kAsOf).ok());
        COMPARE_ROWS(teamRows(*team, kActions), localRows(*local, kActions), "actions");
        QCOMPARE(teamRows(*team, QStringLiteral("SELECT DISTINCT updated_by FROM actions")),
                 QStringList { PgCluster::superuser() });
        QVERIFY(announced.wait(5000) || !announced.isEmpty());
        QCOMPARE(announced.first().at(0).toString(), QStringLiteral("tenure_statuses"));
        // A desktop's copy takes the publication whole the first time, then is up to date.
        test::TempWorkspace deskCopy;
        std::unique_ptr<Database> copy = deskCopy.open();
        Result<qint64> pulled = TeamReplica(**desk, *copy).pullStatuses();
        QVERIFY2(pulled.ok(), qPrintable(pulled.ok() ? QString() : pulled.error()));
        QCOMPARE(pulled.value(), 40);
        COMPARE_ROWS(teamRows(*team, kStatuses), localRows(*copy, kStatuses), "the desktop's statuses");
        COMPARE_ROWS(teamRows(*team, kHistory), localRows(*copy, kHistory), "the desktop's history");
        COMPARE_ROWS(teamRows(*team, kDays), localRows(*copy, kDays), "the desktop's days");
        QCOMPARE(TeamReplica(**desk, *copy).pullStatuses().value(), 0);

        // New events reach the team: the next pass folds them in, as the file's engine does.
        QVERIFY(team->exec(QStringLiteral("BEGIN")).ok());
        QVERIFY(
            team->exec(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), { QVariant(TeamSchema::kLogLock) })
                .ok());
        const QStringList accounts
            = teamRows(*team, QStringLiteral("SELECT id FROM accounts ORDER BY id LIMIT 3"));
        qint64 at = QDateTime(kAsOf.addDays(-1), QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        for (const QString& account : accounts) {
            for (int i = 0; i < 5; ++i) {
                const QString id = QStringLiteral("late-%1-%2").arg(account).arg(i);
                QVERIFY(team->exec(QStringLiteral(
                                       "INSERT INTO events (source, external_id, account_id, user_id, name, "
                                       "occurred_at, received_at) VALUES ('demo', ?, ?, 'u-late', "
                                       "'report_created', ?, ?)"),
                                   { QVariant(id), QVariant(account), QVariant(at + i), QVariant(at) })
                            .ok());
                EncodedEvent event;
                event.source = "demo";
                event.externalId = id.toUtf8();
                event.accountId = account.toUtf8();
                event.userId = "u-late";
                event.name = "report_created";
                event.occurredAt = at + i;
                m_late.push_back(event);
            }
        }
        QVERIFY(team->exec(QStringLiteral("COMMIT")).ok());
        QVERIFY(EventLog(*local).append(std::span<const EncodedEvent>(m_late.data(), m_late.size())).ok());
        ScoringEngine::Options engineOptions;
        engineOptions.today = kAsOf;
        QVERIFY(ScoringEngine(*local, engineOptions).run().ok());

        pass = engine.runPass();
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QCOMPARE(pass->eventsPulled, 15);
        COMPARE_ROWS(teamRows(*team, kStatuses), localRows(*local, kStatuses),
                     "account_status after new events");
        COMPARE_ROWS(teamRows(*team, kHistory), localRows(*local, kHistory),
                     "status_history after new events");
        QVERIFY(ActionEngine(*local, ActionRules::load(*local)).refresh(kAsOf).ok());
        COMPARE_ROWS(teamRows(*team, kActions), localRows(*local, kActions), "actions after new events");
        // The desktop's copy takes only the accounts the new events changed, and matches again.
        pulled = TeamReplica(**desk, *copy).pullStatuses();
        QVERIFY2(pulled.ok(), qPrintable(pulled.ok() ? QString() : pulled.error()));
        QCOMPARE(pulled.value(), accounts.size());
        COMPARE_ROWS(teamRows(*team, kStatuses), localRows(*copy, kStatuses), "the desktop's statuses after");
        COMPARE_ROWS(teamRows(*team, kHistory), localRows(*copy, kHistory), "the desktop's history after");
        COMPARE_ROWS(teamRows(*team, kDays), localRows(*copy, kDays), "the desktop's days after");
        // A status the server lost without a newer publication (by hand here) makes the copy whole.
        QVERIFY(team->exec(QStringLiteral("UPDATE engine_state SET value = (value::bigint + 1)::text "
                                          "WHERE key = 'publication'"))
                    .ok());
        QVERIFY(team->exec(QStringLiteral("DELETE FROM account_status WHERE account_id = (SELECT "
                                          "min(account_id) FROM account_status)"))
                    .ok());
        pulled = TeamReplica(**desk, *copy).pullStatuses();
        QVERIFY2(pulled.ok(), qPrintable(pulled.ok() ? QString() : pulled.error()));
        QCOMPARE(pulled.value(), 39);
        COMPARE_ROWS(teamRows(*team, kStatuses), localRows(*copy, kStatuses),
                     "the desktop's statuses, whole");
        // A rebuild publishes every account's results, of which it writes what differs from the
        // team's: the status lost by hand (no other changed). The copy takes that one.
        pass = engine.runPass(true);
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QCOMPARE(pass->statusesPublished, 1);
        QVERIFY(pass->published);
        QCOMPARE(TeamReplica(**desk, *copy).pullStatuses().value(), 1);
        // A pass with nothing new (the service's timer) publishes nothing: the team's publication
        // stays the same, so no desktop copies anything.
        const QString latest = QStringLiteral("SELECT value FROM engine_state WHERE key = 'publication'");
        const QVariant before = team->scalar(latest).value();
        pass = engine.runPass();
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QVERIFY(!pass->published);
        QCOMPARE(team->scalar(latest).value(), before);
        COMPARE_ROWS(teamRows(*team, kStatuses), localRows(*copy, kStatuses),
                     "the desktop's statuses, rebuilt");

        // Exactly one engine: a second one stands by until the first is gone.
        TeamEngine second(m_cluster.location(QStringLiteral("engine")), options(QStringLiteral("b")),
                          PgCluster::superPassword());
        elected = second.tryElect();
        QVERIFY(elected.ok());
        QVERIFY(!elected.value());
        Result<QString> holder = TeamEngine::describeHolder(*team);
        QVERIFY(holder.ok());
        QVERIFY2(holder->contains(PgCluster::superuser()), qPrintable(holder.value()));
        // A CSM does not see another login's address or start: the holder is named without them,
        // not as "local socket (Tenure, connected )".
        QVERIFY(TeamMembers(*team)
                    .add(QStringLiteral("watcher"), QStringLiteral("Watcher"), QStringLiteral("csm"),
                         QStringLiteral("pw-w"))
                    .ok());
        Result<std::unique_ptr<TeamDatabase>> csm
            = m_cluster.openAs(QStringLiteral("engine"), QStringLiteral("watcher"), QStringLiteral("pw-w"));
        QVERIFY(csm.ok());
        Result<QString> seen = TeamEngine::describeHolder(**csm);
        QVERIFY(seen.ok());
        QVERIFY2(seen->startsWith(PgCluster::superuser()), qPrintable(seen.value()));
        QVERIFY2(!seen->contains(QLatin1String("connected")) && !seen->contains(QLatin1String("socket")),
                 qPrintable(seen.value()));
        QVERIFY(!second.runPass().ok());
    }

    void anEngineThatLostTheLockCannotPublish()
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.open(QStringLiteral("engine"));
        QVERIFY(team.ok());
        std::unique_ptr<Database> local = m_local.open();
        TeamPublisher::Publication publication;
        publication.asOf = kAsOf;
        const Result<qint64> published = TeamPublisher(*local, **team, 999999).publish(publication);
        QVERIFY(!published.ok());
        QVERIFY2(published.error().contains(QStringLiteral("no longer holds")),
                 qPrintable(published.error()));
        // ...and wrote nothing.
        QCOMPARE((*team)->scalar(QStringLiteral("SELECT count(*) FROM account_status"))->toInt(), 40);
    }

    void aDroppedPublicationLeavesTheLastResults()
    {
        std::unique_ptr<TeamDatabase> team = pushedWorkspace(QStringLiteral("drop"));
        QVERIFY(team);
        std::unique_ptr<Database> local = m_local.open();
        TeamEngine engine(m_cluster.location(QStringLiteral("drop")), options(QStringLiteral("drop")),
                          PgCluster::superPassword());
        QVERIFY(engine.tryElect().value());
        QVERIFY(engine.runPass().ok());
        // A status changed by hand, which the rebuild below writes again.
        const QString changed = teamRows(*team, kStatuses).value(20).section(QLatin1Char('|'), 0, 0);
        QVERIFY(team->exec(QStringLiteral("UPDATE account_status SET score = -1 WHERE account_id = ?"),
                           { changed })
                    .ok());
        const QStringList published = teamRows(*team, kStatuses);

        // The engine's session is dropped in the middle of publishing a rebuild.
        QVERIFY(team->exec(QStringLiteral(R"(CREATE FUNCTION drop_me() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$)"))
                    .ok());
        QVERIFY(team->exec(QStringLiteral(
                               "CREATE TRIGGER drop_me BEFORE INSERT ON account_status FOR EACH ROW WHEN "
                               "(NEW.account_id = ?) EXECUTE FUNCTION drop_me()")
                               .replace(QLatin1Char('?'), QStringLiteral("'%1'").arg(changed)))
                    .ok());
        Result<TeamEngine::Pass> dropped = engine.runPass(true);
        QVERIFY(!dropped.ok());
        // Readers still see every result of the last pass, whole.
        COMPARE_ROWS(teamRows(*team, kStatuses), published, "account_status after a dropped publication");

        QVERIFY(team->exec(QStringLiteral("DROP TRIGGER drop_me ON account_status")).ok());
        // The publication ran on the session holding the engine lock: its end was the end of the
        // election too. The engine notices, and is elected again (nobody else stands by).
        Result<bool> elected = engine.tryElect();
        QVERIFY2(elected.ok() && elected.value(), qPrintable(elected.ok() ? QString() : elected.error()));
        Result<TeamEngine::Pass> again = engine.runPass(true);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error()));
        COMPARE_ROWS(teamRows(*team, kStatuses), localRows(*local, kStatuses),
                     "account_status after the rerun");
    }

    // Rule versions never change on the server, but the engine's copy may hold others under the
    // same numbers (it made the defaults before the team had rules): when the team's replace
    // them, the engine scores every account again with the team's.
    void rulesTheTeamReplacedAreScoredAgain()
    {
        std::unique_ptr<TeamDatabase> team = pushedWorkspace(QStringLiteral("rules"));
        QVERIFY(team);
        std::unique_ptr<Database> local = m_local.open();
        TeamEngine engine(m_cluster.location(QStringLiteral("rules")), options(QStringLiteral("rules")),
                          PgCluster::superPassword());
        QVERIFY(engine.tryElect().value());
        Result<TeamEngine::Pass> pass = engine.runPass();
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        const QString good = QStringLiteral("SELECT count(*) FROM account_status WHERE band = '%1'");
        QVERIFY(team->scalar(good.arg(QStringLiteral("Good")))->toInt() > 0);

        // The team's newest version, under its own number, now names its best band otherwise.
        const QStringList newest = teamRows(
            *team,
            QStringLiteral("SELECT version, definition::text FROM rule_sets ORDER BY version DESC LIMIT 1"));
        QCOMPARE(newest.size(), 1);
        const QString version = newest.first().section(QLatin1Char('|'), 0, 0);
        QString definition = newest.first().section(QLatin1Char('|'), 1);
        QVERIFY(definition.contains(QStringLiteral("\"Good\"")));
        definition.replace(QStringLiteral("\"Good\""), QStringLiteral("\"Great\""));
        QVERIFY(
            team->exec(QStringLiteral("UPDATE rule_sets SET definition = CAST(? AS json) WHERE version = ?"),
                       { definition, version.toInt() })
                .ok());
        pass = engine.runPass();
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QCOMPARE(team->scalar(good.arg(QStringLiteral("Good")))->toInt(), 0);
        QVERIFY(team->scalar(good.arg(QStringLiteral("Great")))->toInt() > 0);
    }

    void aCopyOfAnotherDatabaseStartsOver()
    {
        // The engine's copy of "engine" knows the log up to its last seq; a database prepared
        // anew under the same name starts its numbers over: the copy must not go on from its own,
        // it is made anew from the new database (which holds no event).
        Result<std::unique_ptr<TeamDatabase>> fresh
            = m_cluster.createWorkspace(QStringLiteral("engine"), "UTC");
        QVERIFY(fresh.ok());
        TeamEngine engine(m_cluster.location(QStringLiteral("engine")), options(QStringLiteral("a")),
                          PgCluster::superPassword());
        QVERIFY(engine.tryElect().value());
        const Result<TeamEngine::Pass> pass = engine.runPass();
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QVERIFY(pass->startedOver);
        QCOMPARE(pass->eventsPulled, 0);
        QSqlQuery events(engine.replica()->connection());
        QVERIFY(events.exec(QStringLiteral("SELECT count(*) FROM events")) && events.next());
        QCOMPARE(events.value(0).toInt(), 0);
        QVERIFY(!engine.runPass().value().startedOver);
    }

    void aStandbyServiceTakesOverFromAKilledEngine()
    {
        Result<std::unique_ptr<TeamDatabase>> team
            = m_cluster.createWorkspace(QStringLiteral("served"), "UTC");
        QVERIFY(team.ok());
        std::unique_ptr<Database> local = m_local.open(Database::Mode::ReadOnly);
        QVERIFY(TeamPush(*local, **team).run().ok());
        const QString url = m_cluster.location(QStringLiteral("served")).toUrl();

        QProcess first;
        QProcess second;
        startServe(first, url, QStringLiteral("first"));
        QVERIFY(waitFor(first, QStringLiteral("Scored (elected)"), 60000));
        startServe(second, url, QStringLiteral("second"));
        QVERIFY(waitFor(second, QStringLiteral("Standing by"), 30000));
        QCOMPARE((*team)->scalar(QStringLiteral("SELECT count(*) FROM account_status"))->toInt(), 40);
        const QString before
            = (*team)
                  ->scalar(QStringLiteral("SELECT value FROM engine_state WHERE key = 'published_at'"))
                  ->toString();

        // kill -9: no clean stop, the server ends the session and frees the lock.
        first.kill();
        first.waitForFinished();
        QElapsedTimer takeover;
        takeover.start();
        QVERIFY(waitFor(second, QStringLiteral("Scored (elected)"), 60000));
        QVERIFY2(takeover.elapsed() < 60000, "a standby takes over within a minute");
        QCOMPARE((*team)->scalar(QStringLiteral("SELECT count(*) FROM account_status"))->toInt(), 40);
        QVERIFY((*team)
                    ->scalar(QStringLiteral("SELECT value FROM engine_state WHERE key = 'published_at'"))
                    ->toString()
                != before);
        QCOMPARE((*team)
                     ->scalar(QStringLiteral("SELECT value FROM engine_state WHERE key = 'team_seq'"))
                     ->toLongLong(),
                 (*team)->scalar(QStringLiteral("SELECT max(seq) FROM events"))->toLongLong());

        // New events are scored on the server's announcement, not on a timer.
        QVERIFY(
            (*team)
                ->exec(
                    QStringLiteral("INSERT INTO events (source, external_id, account_id, name, occurred_at, "
                                   "received_at) VALUES ('demo', 'announced-1', ?, 'login', ?, 0)"),
                    { QVariant(teamRows(**team, QStringLiteral("SELECT id FROM accounts ORDER BY id LIMIT 1"))
                                   .value(0)),
                      QVariant(
                          QDateTime(kAsOf.addDays(-1), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch()) })
                .ok());
        QVERIFY(
            waitFor(second, QStringLiteral("Scored (changes announced by the server): 1 new event,"), 30000));
        // The line says where the pass spent its time, for whoever reads the journal.
        QTRY_VERIFY2(
            QRegularExpression(
                QStringLiteral(
                    R"(1 new event,[^\n]*\(\d+\.\d\d s: copying the log \d+\.\d\d s, )"
                    R"(scoring \d+\.\d\d s, publishing \d+\.\d\d s, the action queue \d+\.\d\d s\)\.)"))
                .match(m_output[&second])
                .hasMatch(),
            qPrintable(m_output[&second]));

        // SIGTERM: a clean stop, which says what it hands on (a standby holds no lock).
        QProcess third;
        startServe(third, url, QStringLiteral("third"));
        QVERIFY(waitFor(third, QStringLiteral("Standing by"), 30000));
        for (QProcess* process : { &third, &second }) {
            process->terminate();
            QVERIFY(process->waitForFinished(30000));
            QCOMPARE(process->exitStatus(), QProcess::NormalExit);
            QCOMPARE(process->exitCode(), 0);
        }
        QVERIFY2(m_output[&third].contains(QStringLiteral("Stopping: this process stood by")),
                 qPrintable(m_output[&third]));
        QVERIFY2(m_output[&second].contains(QStringLiteral("Stopping: the engine lock is released")),
                 qPrintable(m_output[&second]));
    }

    // A copy's pull reads the master data, the rules and the log in one snapshot: a source added
    // (with its first events) between its reads comes with its events at the next pull, instead of
    // the copy refusing the events as from an unknown source and moving on past them for good.
    void aSourceAddedMidPullComesWithItsEvents()
    {
        std::unique_ptr<TeamDatabase> team = pushedWorkspace(QStringLiteral("midpull"));
        QVERIFY(team);
        test::TempWorkspace copyFile;
        // On a thread of its own, with connections of its own (a QSqlDatabase stays on its thread).
        const auto pull = [&](Result<TeamReplica::Pull>& into) {
            Result<std::unique_ptr<TeamDatabase>> reader = m_cluster.open(QStringLiteral("midpull"));
            std::unique_ptr<Database> copy = copyFile.open();
            into = reader ? TeamReplica(**reader, *copy).pull()
                          : Result<TeamReplica::Pull>(Error { reader.error() });
        };
        const auto pullOnce = [&] {
            Result<TeamReplica::Pull> pulled = Error { QStringLiteral("not run") };
            std::thread(pull, std::ref(pulled)).join();
            return pulled;
        };
        Result<TeamReplica::Pull> first = pullOnce();
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error()));
        QVERIFY(first->events > 0);

        // The rule sets are held: the next pull has read the master data and waits for them.
        Result<std::unique_ptr<TeamDatabase>> watch = m_cluster.open(QStringLiteral("midpull"));
        QVERIFY(watch.ok());
        QVERIFY(team->exec(QStringLiteral("BEGIN")).ok());
        QVERIFY(team->exec(QStringLiteral("LOCK TABLE rule_sets IN ACCESS EXCLUSIVE MODE")).ok());
        Result<TeamReplica::Pull> second = Error { QStringLiteral("not run") };
        std::thread puller(pull, std::ref(second));
        auto release = qScopeGuard([&] { // a failed check below must not leave the pull waiting
            (void)team->exec(QStringLiteral("ROLLBACK"));
            puller.join();
        });
        QTRY_VERIFY_WITH_TIMEOUT(
            (*watch)->scalar(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = "
                                            "'Lock' AND datname = current_database()"))
                    .value()
                    .toInt()
                == 1,
            20000);
        // Meanwhile a new source and its first events reach the team.
        QVERIFY(team->exec(QStringLiteral("INSERT INTO sources (name, kind, config, created_at) "
                                          "VALUES ('crm-two', 'csv', '{}', 0)"))
                    .ok());
        QVERIFY(
            team->exec(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), { QVariant(TeamSchema::kLogLock) })
                .ok());
        const QString account = teamRows(*team, QStringLiteral("SELECT min(id) FROM accounts")).value(0);
        const qint64 at = QDateTime(kAsOf.addDays(-2), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        for (int i = 0; i < 3; ++i)
            QVERIFY(team->exec(QStringLiteral("INSERT INTO events (source, external_id, account_id, user_id, "
                                              "name, occurred_at, received_at) VALUES ('crm-two', ?, ?, "
                                              "'u-two', 'report_created', ?, ?)"),
                               { QVariant(QStringLiteral("two-%1").arg(i)), QVariant(account),
                                 QVariant(at + i), QVariant(at) })
                        .ok());
        QVERIFY(team->exec(QStringLiteral("COMMIT")).ok());
        release.dismiss();
        puller.join();
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error()));
        QVERIFY2(second->rejected == 0, qPrintable(second->firstRejection));

        Result<TeamReplica::Pull> third = pullOnce();
        QVERIFY2(third.ok(), qPrintable(third.ok() ? QString() : third.error()));
        QVERIFY2(third->rejected == 0, qPrintable(third->firstRejection));
        QVERIFY(third->masterDataReplaced);
        std::unique_ptr<Database> copy = copyFile.open();
        QCOMPARE(localRows(*copy, QStringLiteral("SELECT count(*) FROM events WHERE source = 'crm-two'")),
                 QStringList { QStringLiteral("3") });
        QCOMPARE(localRows(*copy, QStringLiteral("SELECT count(*) FROM events")),
                 teamRows(*team, QStringLiteral("SELECT count(*) FROM events")));
    }

private:
    // A team workspace holding the fixture's file, pushed, counting days in the file's zone.
    std::unique_ptr<TeamDatabase> pushedWorkspace(const QString& name)
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(name, "UTC");
        if (!team)
            return nullptr;
        std::unique_ptr<Database> local = m_local.open();
        const QString zone
            = localRows(*local, QStringLiteral("SELECT value FROM settings WHERE key = 'time_zone'"))
                  .value(0);
        if (!(*team)
                 ->exec(QStringLiteral("UPDATE settings SET value = (?) WHERE key = 'time_zone'"), { zone })
                 .ok()
            || !TeamPush(*local, **team).run().ok())
            return nullptr;
        return std::move(team).value();
    }

    TeamEngine::Options options(const QString& name) const
    {
        TeamEngine::Options options;
        options.replicaPath = m_local.dir() + QStringLiteral("/replica-%1.tenure").arg(name);
        options.engine.today = kAsOf;
        return options;
    }

    void startServe(QProcess& process, const QString& url, const QString& name)
    {
        QProcessEnvironment environment = test::programEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), PgCluster::superPassword());
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        connect(&process, &QProcess::readyRead, this,
                [this, &process] { m_output[&process] += QString::fromUtf8(process.readAll()); });
        process.start(QStringLiteral(TENURE_BIN_DIR "/tenure-cli"),
                      { QStringLiteral("serve"), QStringLiteral("--db"), url, QStringLiteral("--standby"),
                        QStringLiteral("1"), QStringLiteral("--replica"),
                        m_local.dir() + QStringLiteral("/serve-%1.tenure").arg(name) });
        QVERIFY(process.waitForStarted());
    }

    bool waitFor(QProcess& process, const QString& text, int ms)
    {
        QElapsedTimer timer;
        timer.start();
        const qsizetype from = m_seen.value(&process);
        while (timer.elapsed() < ms) {
            const qsizetype at = m_output[&process].indexOf(text, from);
            if (at >= 0) {
                m_seen[&process] = at + text.size();
                return true;
            }
            QTest::qWait(100);
        }
        qWarning().noquote() << "waited for" << text << "in:\n" << m_output[&process];
        return false;
    }

    PgCluster m_cluster;
    test::TempWorkspace m_local;
    std::vector<EncodedEvent> m_late;
    QHash<QProcess*, QString> m_output;
    QHash<QProcess*, qsizetype> m_seen;
};

QTEST_GUILESS_MAIN(TestTeamEngine)
#include "TestTeamEngine.moc"
