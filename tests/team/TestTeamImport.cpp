// tenure-cli import into a team workspace: the same importer as a workspace file (a CP932 export
// included), every imported row in the team in one transaction, nothing twice on a re-run,
// nothing at all from a file with a bad row, and nothing from a CSM (the server refuses).
#include "PgCluster.h"
#include "TeamTestQueries.h"
#include "TestSupport.h"
#include "team/TeamMembers.h"
#include "team/TeamService.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

using namespace tenure;
using tenure::test::PgCluster;

namespace {
QString fixture(const char* name)
{
    return QStringLiteral(TENURE_SOURCE_DIR "/tests/data/csv/") + QLatin1String(name);
}
} // namespace

class TestTeamImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        Result<std::unique_ptr<TeamDatabase>> team
            = m_cluster.createWorkspace(QStringLiteral("imports"), "Asia/Tokyo");
        QVERIFY(team.ok());
        m_team = std::move(team).value();
        TeamMembers members(*m_team);
        QVERIFY(members
                    .add(QStringLiteral("admin1"), QStringLiteral("山田 太郎"), QStringLiteral("admin"),
                         QStringLiteral("pw-a"))
                    .ok());
        QVERIFY(members
                    .add(QStringLiteral("csm1"), QStringLiteral("佐藤 花子"), QStringLiteral("csm"),
                         QStringLiteral("pw-c"))
                    .ok());
        m_url = m_cluster.location(QStringLiteral("imports"), QStringLiteral("admin1")).toUrl();
        QVERIFY(m_local.open()); // the workspace file the same imports go into, as init makes it
    }

    // The same files imported into a workspace file and into the team give the same rows.
    void importsLikeAWorkspaceFile()
    {
        const QString file = m_local.path();
        const QList<QStringList> imports {
            { QStringLiteral("accounts"), fixture("accounts-utf8-bom.csv") },
            { QStringLiteral("accounts"), fixture("accounts-ja-cp932.csv") },
            { QStringLiteral("events"), fixture("events-quoted.csv") },
            { QStringLiteral("outcomes"), fixture("outcomes.csv"), QStringLiteral("--skip-bad-rows") },
        };
        for (const QStringList& arguments : imports) {
            const test::Cli local = test::runCli({},
                                                 QStringList { QStringLiteral("import") } + arguments
                                                     + QStringList { QStringLiteral("--db"), file });
            QVERIFY2(local.code == 0, qPrintable(local.err + local.out));
            const test::Cli team = test::runCli(QStringLiteral("pw-a"),
                                                QStringList { QStringLiteral("import") } + arguments
                                                    + QStringList { QStringLiteral("--db"), m_url });
            QVERIFY2(team.code == 0, qPrintable(team.err + team.out));
            QVERIFY2(team.out.contains(QStringLiteral("Into the team workspace")), qPrintable(team.out));
        }
        std::unique_ptr<Database> local = m_local.open();
        for (const char* table : { "accounts", "events", "outcomes", "account_keys" }) {
            QSqlQuery query(local->connection());
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)))
                    && query.next());
            const qint64 expected = query.value(0).toLongLong();
            QVERIFY2(expected > 0 || QLatin1String(table) == QLatin1String("account_keys"), table);
            QCOMPARE(
                test::count(*m_team, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))),
                expected);
        }
        // Japanese names from a CP932 export arrive as written.
        QSqlQuery name(local->connection());
        QVERIFY(name.exec(QStringLiteral("SELECT name FROM accounts WHERE id = 'JP-001'")) && name.next());
        QCOMPARE(test::rows(*m_team, QStringLiteral("SELECT name FROM accounts WHERE id = 'JP-001'")),
                 QStringList { name.value(0).toString() });
        QVERIFY(name.value(0).toString().contains(QChar(0x682A))); // 株
    }

    void aReRunAddsNothing()
    {
        const qint64 events = test::count(*m_team, QStringLiteral("SELECT count(*) FROM events"));
        const test::Cli again = test::runCli(QStringLiteral("pw-a"),
                                             { QStringLiteral("import"), QStringLiteral("events"),
                                               fixture("events-quoted.csv"), QStringLiteral("--db"), m_url });
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QStringLiteral("nothing new")), qPrintable(again.out));
        QCOMPARE(test::count(*m_team, QStringLiteral("SELECT count(*) FROM events")), events);
    }

    void aBadRowImportsNothing()
    {
        const qint64 events = test::count(*m_team, QStringLiteral("SELECT count(*) FROM events"));
        const test::Cli bad = test::runCli(QStringLiteral("pw-a"),
                                           { QStringLiteral("import"), QStringLiteral("events"),
                                             fixture("events-bad.csv"), QStringLiteral("--db"), m_url });
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("events-bad.csv:")), qPrintable(bad.err)); // file:line
        QCOMPARE(test::count(*m_team, QStringLiteral("SELECT count(*) FROM events")), events);
    }

    // The server drops the importing session half-way through the log's rows, as a crash, a restart
    // or pg_terminate_backend would: nothing of the file lands; the re-run imports it whole; a third
    // run adds nothing.
    void aDroppedConnectionMidImportLosesNothing()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("events-drop.csv"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("id;account;event;time;note\n");
            for (int i = 1; i <= 60; ++i)
                out.write(QStringLiteral("drop%1;A-%2;login;2026-11-07 %3:%4;\n")
                              .arg(i)
                              .arg(1 + i % 2)
                              .arg(8 + i / 30, 2, 10, QLatin1Char('0'))
                              .arg(i % 60, 2, 10, QLatin1Char('0'))
                              .toUtf8());
        }
        const qint64 before = test::count(*m_team, QStringLiteral("SELECT count(*) FROM events"));
        QVERIFY(m_team
                    ->exec(QStringLiteral(R"(CREATE FUNCTION drop_importer() RETURNS trigger LANGUAGE plpgsql
                    AS $$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$)"))
                    .ok());
        QVERIFY(m_team
                    ->exec(QStringLiteral(
                        "CREATE TRIGGER drop_importer BEFORE INSERT ON events FOR EACH ROW "
                        "WHEN (NEW.external_id LIKE '%drop30') EXECUTE FUNCTION drop_importer()"))
                    .ok());
        const QStringList import { QStringLiteral("import"), QStringLiteral("events"), file,
                                   QStringLiteral("--db"), m_url };
        const test::Cli dropped = test::runCli(QStringLiteral("pw-a"), import);
        QCOMPARE(dropped.code, 1);
        QVERIFY2(dropped.err.contains(QStringLiteral("Nothing was imported")), qPrintable(dropped.err));
        QCOMPARE(test::count(*m_team, QStringLiteral("SELECT count(*) FROM events")), before);

        QVERIFY(m_team->exec(QStringLiteral("DROP TRIGGER drop_importer ON events")).ok());
        QVERIFY(m_team->exec(QStringLiteral("DROP FUNCTION drop_importer()")).ok());
        const test::Cli again = test::runCli(QStringLiteral("pw-a"), import);
        QVERIFY2(again.code == 0, qPrintable(again.err + again.out));
        QCOMPARE(test::count(*m_team, QStringLiteral("SELECT count(*) FROM events")), before + 60);
        QCOMPARE(test::count(*m_team,
                             QStringLiteral("SELECT count(DISTINCT external_id) FROM events WHERE "
                                            "external_id LIKE '%drop%'")),
                 60);
        const test::Cli third = test::runCli(QStringLiteral("pw-a"), import);
        QVERIFY2(third.code == 0, qPrintable(third.err));
        QCOMPARE(test::count(*m_team, QStringLiteral("SELECT count(*) FROM events")), before + 60);
    }

    void aCsmCannotImport()
    {
        const qint64 accounts = test::count(*m_team, QStringLiteral("SELECT count(*) FROM accounts"));
        const QString url = m_cluster.location(QStringLiteral("imports"), QStringLiteral("csm1")).toUrl();
        const test::Cli refused
            = test::runCli(QStringLiteral("pw-c"),
                           { QStringLiteral("import"), QStringLiteral("accounts"),
                             fixture("accounts-utf8-bom.csv"), QStringLiteral("--db"), url });
        QCOMPARE(refused.code, 1);
        // Said before the file is read, on one line: who is refused, by which role.
        QVERIFY2(refused.err.contains(QStringLiteral("Only an admin imports into the team workspace"))
                     && refused.err.contains(QStringLiteral("csm1 is a member with the csm role. Nothing was "
                                                            "imported.")),
                 qPrintable(refused.err));
        QCOMPARE(refused.err.trimmed().count(QLatin1Char('\n')), 0);
        QCOMPARE(test::count(*m_team, QStringLiteral("SELECT count(*) FROM accounts")), accounts);
        // The server refuses it all the same, and its refusal reads as a sentence too: who, by which
        // role, on one line (no SQLSTATE, no "ERROR:").
        Result<std::unique_ptr<TeamDatabase>> csm
            = m_cluster.openAs(QStringLiteral("imports"), QStringLiteral("csm1"), QStringLiteral("pw-c"));
        QVERIFY(csm.ok());
        const Result<QSqlQuery> written = (*csm)->exec(
            QStringLiteral("INSERT INTO accounts (id, name, updated_at) VALUES ('X-1', 'X', 0)"));
        QVERIFY(!written.ok());
        QVERIFY2(written.error().contains(QStringLiteral("permission denied"))
                     && written.error().contains(
                         QStringLiteral("csm1 is a member with the csm role, which may not do this")),
                 qPrintable(written.error()));
        QVERIFY2(!written.error().contains(QStringLiteral("42501"))
                     && !written.error().contains(QStringLiteral("ERROR:"))
                     && !written.error().contains(u'\n'),
                 qPrintable(written.error()));

        // Nor push a workspace in: said once, before anything is sent.
        const test::Cli push = test::runCli(QStringLiteral("pw-c"),
                                            { QStringLiteral("team"), QStringLiteral("push"),
                                              QStringLiteral("--from"), m_local.path(), url });
        QVERIFY(push.code != 0);
        QVERIFY2(push.err.contains(QStringLiteral("Only an admin moves a workspace into the team workspace")),
                 qPrintable(push.err));
        QVERIFY2(!push.err.contains(QStringLiteral("run the push again")), qPrintable(push.err));
        QCOMPARE(test::count(*m_team, QStringLiteral("SELECT count(*) FROM accounts")), accounts);
    }

    // A connector pulls into the team from the team's cursor; the cursor moves with the events, and
    // the team holds what a workspace file pulling the same connector holds.
    void pullsIntoTheTeam()
    {
        qputenv("TENURE_SECRET_MIXPANEL", "not-needed-for-a-file");
        const QString definition = connectorFile(QStringLiteral("mixpanel"));
        QVERIFY(!definition.isEmpty());
        const QString local = m_local.path();
        test::Cli added = test::runCli({},
                                       { QStringLiteral("connector"), QStringLiteral("add"), definition,
                                         QStringLiteral("--db"), local });
        QVERIFY2(added.code == 0, qPrintable(added.err));
        // The connector's definition travels to the team with a push (no secret in it).
        test::Cli pushed = test::runCli(
            QStringLiteral("pw-a"),
            { QStringLiteral("team"), QStringLiteral("push"), QStringLiteral("--from"), local, m_url });
        QVERIFY2(pushed.code == 0, qPrintable(pushed.err + pushed.out));
        QCOMPARE(
            test::count(*m_team, QStringLiteral("SELECT count(*) FROM events WHERE source = 'mixpanel'")), 0);

        test::Cli pulled
            = test::runCli(QStringLiteral("pw-a"), { QStringLiteral("pull"), QStringLiteral("--db"), m_url });
        QVERIFY2(pulled.code == 0, qPrintable(pulled.err + pulled.out));
        QVERIFY2(pulled.out.contains(QStringLiteral("Into the team workspace")), qPrintable(pulled.out));
        // In words, counted as English counts: not the tables' names.
        QVERIFY2(pulled.out.contains(QStringLiteral(" events, 1 connector cursor.")), qPrintable(pulled.out));
        QVERIFY2(!pulled.out.contains(QStringLiteral("source_state")), qPrintable(pulled.out));
        test::Cli same = test::runCli({}, { QStringLiteral("pull"), QStringLiteral("--db"), local });
        QVERIFY2(same.code == 0, qPrintable(same.err));
        std::unique_ptr<Database> db = m_local.open();
        QSqlQuery count(db->connection());
        QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM events WHERE source = 'mixpanel'"))
                && count.next());
        QVERIFY(count.value(0).toLongLong() > 0);
        QCOMPARE(
            test::count(*m_team, QStringLiteral("SELECT count(*) FROM events WHERE source = 'mixpanel'")),
            count.value(0).toLongLong());
        QCOMPARE(test::count(*m_team,
                             QStringLiteral("SELECT count(*) FROM source_state WHERE source = 'mixpanel'")),
                 1);
        // Again: from the team's cursor, nothing twice.
        test::Cli again
            = test::runCli(QStringLiteral("pw-a"), { QStringLiteral("pull"), QStringLiteral("--db"), m_url });
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QCOMPARE(
            test::count(*m_team, QStringLiteral("SELECT count(*) FROM events WHERE source = 'mixpanel'")),
            count.value(0).toLongLong());
        // ... and it says so: the staged copy's count is not passed off as new events.
        QVERIFY2(!again.out.contains(QStringLiteral("new events")), qPrintable(again.out));
        const qsizetype sent = again.out.indexOf(QStringLiteral("Into the team workspace"));
        QVERIFY2(sent >= 0 && !again.out.mid(sent).contains(QStringLiteral("events")), qPrintable(again.out));

        // The server's puller pulls as an ingest login, which reads neither accounts nor outcomes:
        // its pull stages only what a pull needs (connectors, keys, settings, cursors). With the
        // team's cursor gone, it fetches every page again, appends nothing twice and sets the cursor.
        TeamMembers members(*m_team);
        QVERIFY(members
                    .add(QStringLiteral("puller1"), QStringLiteral("puller"), QStringLiteral("ingest"),
                         QStringLiteral("pw-i"))
                    .ok());
        const qint64 before = count.value(0).toLongLong();
        QVERIFY(m_team->exec(QStringLiteral("DELETE FROM source_state WHERE source = 'mixpanel'")).ok());
        const QString puller
            = m_cluster.location(QStringLiteral("imports"), QStringLiteral("puller1")).toUrl();
        const test::Cli ingest = test::runCli(QStringLiteral("pw-i"),
                                              { QStringLiteral("pull"), QStringLiteral("--db"), puller });
        QVERIFY2(ingest.code == 0, qPrintable(ingest.err + ingest.out));
        QCOMPARE(
            test::count(*m_team, QStringLiteral("SELECT count(*) FROM events WHERE source = 'mixpanel'")),
            before);
        QCOMPARE(test::count(*m_team,
                             QStringLiteral("SELECT count(*) FROM source_state WHERE source = 'mixpanel'")),
                 1);
    }

    // The service is the team's puller too: a connector that is due is pulled on schedule, and the
    // new events are scored and published.
    void theServicePullsOnSchedule()
    {
        const QString definition = connectorFile(QStringLiteral("usage"));
        QVERIFY(!definition.isEmpty());
        qputenv("TENURE_SECRET_USAGE", "not-needed-for-a-file");
        const QString local = m_local.path();
        QVERIFY(test::runCli({},
                             { QStringLiteral("connector"), QStringLiteral("add"), definition,
                               QStringLiteral("--db"), local })
                    .code
                == 0);
        QVERIFY(test::runCli(QStringLiteral("pw-a"),
                             { QStringLiteral("team"), QStringLiteral("push"), QStringLiteral("--from"),
                               local, m_url })
                    .code
                == 0);
        QCOMPARE(test::count(*m_team, QStringLiteral("SELECT count(*) FROM events WHERE source = 'usage'")),
                 0);

        TeamService::Options options = serviceOptions(QStringLiteral("service-engine.tenure"));
        options.pullCheckSeconds = 1;
        QStringList lines;
        const std::unique_ptr<TeamService> service = startService(options, lines);
        QTRY_VERIFY2_WITH_TIMEOUT(
            test::count(*m_team, QStringLiteral("SELECT count(*) FROM events WHERE source = 'usage'")) > 0,
            qPrintable(lines.join(u'\n')), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(lines.join(u'\n').contains(QStringLiteral("Scheduled pulls added")),
                                  qPrintable(lines.join(u'\n')), 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(
            lines.filter(QStringLiteral("Scored (changes announced by the server)")).size() > 0,
            qPrintable(lines.join(u'\n')), 30000);
    }

    // The service scores when the day changes in the team's zone (Asia/Tokyo here), not this
    // machine's: midnight in Tokyo is 15:00 UTC, the same UTC day on both sides of it.
    void theServiceScoresWhenTheTeamsDayChanges()
    {
        QDateTime now(QDate(2026, 12, 7), QTime(14, 59, 0), QTimeZone::utc()); // 23:59 in Tokyo
        TeamService::Options options = serviceOptions(QStringLiteral("day-engine.tenure"));
        options.now = [&now] { return now; };
        QStringList lines;
        const std::unique_ptr<TeamService> service = startService(options, lines);
        QTRY_VERIFY2_WITH_TIMEOUT(service->isElected() && !lines.filter(QStringLiteral("Scored (")).isEmpty(),
                                  qPrintable(lines.join(u'\n')), 30000);
        QTest::qWait(1500); // a tick or more: the day has not changed in Tokyo
        QCOMPARE(lines.filter(QStringLiteral("Scored (the day changed)")).size(), 0);
        now = now.addSecs(120); // 00:01 in Tokyo on the 8th; still the 7th in UTC
        QTRY_VERIFY2_WITH_TIMEOUT(lines.filter(QStringLiteral("Scored (the day changed)")).size() == 1,
                                  qPrintable(lines.join(u'\n')), 10000);
    }

    // A server that ends the engine's sessions (a restart, a network that dropped them) leaves it
    // to take the lock back on a new session: it then listens again, on a new session too, and
    // the next new events are scored as the server announces them, not at the next interval.
    void theServiceListensAgainAfterItsSessionsEnd()
    {
        QStringList lines;
        const std::unique_ptr<TeamService> service
            = startService(serviceOptions(QStringLiteral("relisten-engine.tenure")), lines);
        QTRY_VERIFY2_WITH_TIMEOUT(service->isElected() && !lines.filter(QStringLiteral("Scored (")).isEmpty(),
                                  qPrintable(lines.join(u'\n')), 30000);
        QVERIFY(m_team
                    ->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                          "usename = 'admin1' AND pid <> pg_backend_pid()"))
                    .ok());
        QTRY_VERIFY2_WITH_TIMEOUT(!lines.filter(QStringLiteral("Elected again")).isEmpty(),
                                  qPrintable(lines.join(u'\n')), 15000);
        QTRY_VERIFY2_WITH_TIMEOUT(!lines.filter(QStringLiteral("Scored (elected again)")).isEmpty(),
                                  qPrintable(lines.join(u'\n')), 30000);
        const qsizetype announced
            = lines.filter(QStringLiteral("Scored (changes announced by the server)")).size();
        QVERIFY(importOneEvent(QStringLiteral("r1"), QStringLiteral("2026-11-06 08:00")));
        QTRY_VERIFY2_WITH_TIMEOUT(
            lines.filter(QStringLiteral("Scored (changes announced by the server)")).size() > announced,
            qPrintable(lines.join(u'\n')), 20000);

        // The listening session alone ends: the service listens on a new one, and hears the next
        // events again.
        QVERIFY(m_team
                    ->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                          "usename = 'admin1' AND query LIKE 'LISTEN%'"))
                    .ok());
        QTRY_VERIFY2_WITH_TIMEOUT(!lines.filter(QStringLiteral("Listening for changes again")).isEmpty(),
                                  qPrintable(lines.join(u'\n')), 15000);
        // Passes that scored one new event: the one imported below, not the pass that follows the
        // new session (which finds nothing new).
        const QString oneNew = QStringLiteral("Scored (changes announced by the server): 1 new event");
        const qsizetype heard = lines.filter(oneNew).size();
        QVERIFY(importOneEvent(QStringLiteral("r2"), QStringLiteral("2026-11-07 08:00")));
        QTRY_VERIFY2_WITH_TIMEOUT(lines.filter(oneNew).size() > heard, qPrintable(lines.join(u'\n')), 20000);
    }

    // An admin who is a member may push a workspace file in; the server writes the file's notes
    // (and history rows) under that member's name, so a second push matches them without their
    // authors and adds nothing, and the push says whose name they took.
    void aMembersPushAddsNothingTwice()
    {
        const test::Cli noted = test::runCli({},
                                             { QStringLiteral("actions"), QStringLiteral("account-note"),
                                               QStringLiteral("JP-001"), QStringLiteral("更新前に電話する"),
                                               QStringLiteral("--db"), m_local.path() });
        QVERIFY2(noted.code == 0, qPrintable(noted.err + noted.out));
        const QStringList push { QStringLiteral("team"), QStringLiteral("push"), QStringLiteral("--from"),
                                 m_local.path(), m_url };
        const test::Cli first = test::runCli(QStringLiteral("pw-a"), push);
        QVERIFY2(first.code == 0, qPrintable(first.err + first.out));
        QVERIFY2(first.out.contains(QStringLiteral("those pushed by admin1 are under 山田 太郎")),
                 qPrintable(first.out));
        const QString notes
            = QStringLiteral("SELECT count(*) FROM account_notes WHERE text = '更新前に電話する'");
        QCOMPARE(test::count(*m_team, notes), 1);
        QCOMPARE(
            test::rows(*m_team,
                       QStringLiteral("SELECT author FROM account_notes WHERE text = '更新前に電話する'")),
            QStringList { QStringLiteral("山田 太郎") });
        const qint64 history = test::count(*m_team, QStringLiteral("SELECT count(*) FROM action_history"));
        const test::Cli second = test::runCli(QStringLiteral("pw-a"), push);
        QVERIFY2(second.code == 0, qPrintable(second.err + second.out));
        QVERIFY2(second.out.contains(QStringLiteral(": 0 rows added.")), qPrintable(second.out));
        QCOMPARE(test::count(*m_team, notes), 1);
        QCOMPARE(test::count(*m_team, QStringLiteral("SELECT count(*) FROM action_history")), history);
        // Nor does the owner's push after it (the owner keeps a file's authors: it matches them
        // without them too).
        const test::Cli owner
            = test::runCli(PgCluster::superPassword(),
                           { QStringLiteral("team"), QStringLiteral("push"), QStringLiteral("--from"),
                             m_local.path(), m_cluster.location(QStringLiteral("imports")).toUrl() });
        QVERIFY2(owner.code == 0, qPrintable(owner.err + owner.out));
        QVERIFY2(owner.out.contains(QStringLiteral(": 0 rows added.")), qPrintable(owner.out));
        QCOMPARE(test::count(*m_team, notes), 1);
    }

private:
    // Imports one new login event (`id`, at `time`) into the team as admin1: true when it landed.
    bool importOneEvent(const QString& id, const QString& time) const
    {
        const QString file = test::writeFile(
            m_local.dirObject(), id + QStringLiteral(".csv"),
            QStringLiteral("id;account;event;time\n%1;A-1;login;%2\n").arg(id, time).toUtf8());
        const test::Cli imported = test::runCli(
            QStringLiteral("pw-a"),
            { QStringLiteral("import"), QStringLiteral("events"), file, QStringLiteral("--db"), m_url });
        if (imported.code != 0 || imported.out.contains(QStringLiteral("nothing new")))
            qWarning("the import failed: %s", qPrintable(imported.err + imported.out));
        return imported.code == 0 && !imported.out.contains(QStringLiteral("nothing new"));
    }

    // A service's options for the tests: standing by a second at a time, scoring what the server
    // announces a tenth of a second after it, hourly otherwise, pulling nothing on its own; its
    // engine's copy `replica` beside the local workspace.
    TeamService::Options serviceOptions(const QString& replica) const
    {
        TeamService::Options options;
        options.standbySeconds = 1;
        options.pullCheckSeconds = 0;
        options.intervalMinutes = 60;
        options.debounceMs = 100;
        options.engine.replicaPath = m_local.dir() + QLatin1Char('/') + replica;
        return options;
    }
    // The team's service signed in as admin1, started, its log lines collected in `lines`.
    std::unique_ptr<TeamService> startService(const TeamService::Options& options, QStringList& lines)
    {
        auto service = std::make_unique<TeamService>(
            m_cluster.location(QStringLiteral("imports"), QStringLiteral("admin1")), options,
            QStringLiteral("pw-a"));
        connect(service.get(), &TeamService::log, this, [&lines](const QString& line) { lines << line; });
        service->start();
        return service;
    }

    // A Mixpanel connector reading the shipped export file, written next to the local workspace;
    // empty when the file cannot be written.
    QString connectorFile(const QString& name) const
    {
        const QString definition = m_local.dir() + QStringLiteral("/%1.json").arg(name);
        QFile file(definition);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        const QUrl data = QUrl::fromLocalFile(
            QStringLiteral(TENURE_SOURCE_DIR "/tests/data/connectors/mixpanel-export.jsonl"));
        file.write(QJsonDocument(QJsonObject { { QStringLiteral("name"), name },
                                               { QStringLiteral("kind"), QStringLiteral("mixpanel") },
                                               { QStringLiteral("url"), data.toString() } })
                       .toJson());
        return definition;
    }

    PgCluster m_cluster;
    std::unique_ptr<TeamDatabase> m_team;
    QString m_url;
    test::TempWorkspace m_local;
};

QTEST_GUILESS_MAIN(TestTeamImport)
#include "TestTeamImport.moc"
