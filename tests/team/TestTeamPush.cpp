// `team push`: a workspace file moves into a team workspace whole, idempotently, all or nothing
// per group of tables; and the CLI works on a team workspace (init, members, push, stats).
#include "PgCluster.h"
#include "TestSupport.h"
#include "actions/ActionStore.h"
#include "demo/DemoWorkspace.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"
#include "team/TeamDatabase.h"
#include "team/TeamMembers.h"
#include "team/TeamPush.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace tenure;
using tenure::test::PgCluster;

namespace {

qint64 localCount(Database& db, const QString& table)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& arguments, const QString& password = {}, const QString& cacheHome = {})
{
    QProcess process;
    QProcessEnvironment environment = test::programEnvironment();
    if (!password.isEmpty())
        environment.insert(QStringLiteral("PGPASSWORD"), password);
    if (!cacheHome.isEmpty())
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TENURE_BIN_DIR "/tenure-cli"), arguments);
    process.waitForFinished(300000);
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
             QString::fromUtf8(process.readAllStandardOutput()),
             QString::fromUtf8(process.readAllStandardError()) };
}

const QStringList kTables { QStringLiteral("sources"),        QStringLiteral("accounts"),
                            QStringLiteral("account_keys"),   QStringLiteral("outcomes"),
                            QStringLiteral("events"),         QStringLiteral("source_state"),
                            QStringLiteral("rule_sets"),      QStringLiteral("actions"),
                            QStringLiteral("action_history"), QStringLiteral("account_notes") };

} // namespace

class TestTeamPush : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        // A small demo portfolio, scored (rules, actions), with a CSM's work on it.
        std::unique_ptr<Database> db = m_local.open();
        QVERIFY(db);
        DemoGenerator::Options options;
        options.accounts = 30;
        options.days = 90;
        options.today = QDate(2026, 11, 30);
        QVERIFY(DemoWorkspace::populate(*db, options).ok());
        db.reset();
        const Run scored = cli({ QStringLiteral("--db"), m_local.path(), QStringLiteral("score"),
                                 QStringLiteral("--as-of"), QStringLiteral("2026-11-30") });
        QVERIFY2(scored.code == 0, qPrintable(scored.err));
        db = m_local.open();
        ActionStore actions(*db);
        Result<QList<Action>> queue = actions.queue();
        QVERIFY(queue.ok());
        QVERIFY2(queue->size() >= 2, "the demo opens actions");
        QVERIFY(actions.markDone(queue->at(0).id, QStringLiteral("高橋 美咲"), QStringLiteral("QBR booked"))
                    .ok());
        QVERIFY(
            actions.addNote(queue->at(1).id, QStringLiteral("佐藤 花子"), QStringLiteral("called, no answer"))
                .ok());
        QVERIFY(actions
                    .addAccountNote(queue->at(1).accountId, QStringLiteral("佐藤 花子"),
                                    QStringLiteral("予算の見直し中"))
                    .ok());
        for (const QString& table : kTables)
            m_localCounts.insert(table, localCount(*db, table));
        QVERIFY(m_localCounts.value(QStringLiteral("events")) > 1000);
        QVERIFY(m_localCounts.value(QStringLiteral("action_history")) >= 2);
    }

    void pushMovesEverythingOnceInOrder()
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(QStringLiteral("push"));
        QVERIFY2(team.ok(), qPrintable(team.ok() ? QString() : team.error()));
        std::unique_ptr<Database> local = m_local.open(Database::Mode::ReadOnly);
        Result<TeamPush::Report> report = TeamPush(*local, **team).run();
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error()));
        QHash<QString, TeamPush::TableCount> byTable;
        for (const TeamPush::TableCount& table : report->tables)
            byTable.insert(table.table, table);
        for (const QString& table : kTables) {
            QVERIFY2(byTable.contains(table), qPrintable(table));
            QCOMPARE(byTable[table].source, m_localCounts[table]);
            QCOMPARE(byTable[table].added, m_localCounts[table]);
            QCOMPARE((*team)->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table))->toLongLong(),
                     m_localCounts[table]);
        }
        // The log keeps its order: the team's seq walks the events as the file's did.
        QSqlQuery localOrder(local->connection());
        QVERIFY(
            localOrder.exec(QStringLiteral("SELECT source || '/' || external_id FROM events ORDER BY seq")));
        Result<QSqlQuery> teamOrder
            = (*team)->exec(QStringLiteral("SELECT source || '/' || external_id FROM events ORDER BY seq"));
        QVERIFY(teamOrder.ok());
        qint64 rows = 0;
        while (localOrder.next()) {
            QVERIFY(teamOrder->next());
            if (localOrder.value(0) != teamOrder->value(0))
                QFAIL(qPrintable(QStringLiteral("row %1: %2 != %3")
                                     .arg(rows)
                                     .arg(localOrder.value(0).toString(), teamOrder->value(0).toString())));
            ++rows;
        }
        QVERIFY(!teamOrder->next());
        // History follows its action; Japanese survives.
        QCOMPARE(
            (*team)
                ->scalar(QStringLiteral("SELECT count(*) FROM action_history h JOIN actions a ON a.id = "
                                        "h.action_id WHERE h.author = '高橋 美咲' AND a.status = 'done'"))
                ->toInt(),
            1);
        QCOMPARE((*team)->scalar(QStringLiteral("SELECT text FROM account_notes"))->toString(),
                 QStringLiteral("予算の見直し中"));

        // A second push adds nothing.
        Result<TeamPush::Report> again = TeamPush(*local, **team).run();
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error()));
        QCOMPARE(again->added(), 0);
        for (const QString& table : kTables)
            QCOMPARE((*team)->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table))->toLongLong(),
                     m_localCounts[table]);
    }

    void aFailedGroupIsRolledBackWholeAndAPushAgainFinishes()
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(QStringLiteral("pushfail"));
        QVERIFY(team.ok());
        std::unique_ptr<Database> local = m_local.open(Database::Mode::ReadOnly);
        QSqlQuery victim(local->connection());
        QVERIFY(
            victim.exec(QStringLiteral("SELECT external_id FROM events ORDER BY seq LIMIT 1 OFFSET 500")));
        QVERIFY(victim.next());
        // The server fails the 501st event mid-way through the log's group.
        QVERIFY((*team)
                    ->exec(QStringLiteral(R"(CREATE FUNCTION fail_one() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$)"))
                    .ok());
        QVERIFY((*team)
                    ->exec(QStringLiteral("CREATE TRIGGER fail_one BEFORE INSERT ON events FOR EACH ROW WHEN "
                                          "(NEW.external_id = '%1') EXECUTE FUNCTION fail_one()")
                               .arg(victim.value(0).toString()))
                    .ok());
        Result<TeamPush::Report> failed = TeamPush(*local, **team).run();
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().contains(QStringLiteral("event log")), qPrintable(failed.error()));
        QVERIFY2(failed.error().contains(QStringLiteral("disk full (simulated)")),
                 qPrintable(failed.error()));
        QCOMPARE((*team)->scalar(QStringLiteral("SELECT count(*) FROM events"))->toLongLong(), 0);
        QCOMPARE((*team)->scalar(QStringLiteral("SELECT count(*) FROM source_state"))->toLongLong(), 0);
        // The group before it stayed.
        QCOMPARE((*team)->scalar(QStringLiteral("SELECT count(*) FROM accounts"))->toLongLong(),
                 m_localCounts[QStringLiteral("accounts")]);

        QVERIFY((*team)->exec(QStringLiteral("DROP TRIGGER fail_one ON events")).ok());
        Result<TeamPush::Report> finished = TeamPush(*local, **team).run();
        QVERIFY2(finished.ok(), qPrintable(finished.ok() ? QString() : finished.error()));
        for (const QString& table : kTables)
            QCOMPARE((*team)->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table))->toLongLong(),
                     m_localCounts[table]);
    }

    void aDroppedConnectionLosesNothing()
    {
        Result<std::unique_ptr<TeamDatabase>> admin = m_cluster.createWorkspace(QStringLiteral("dropped"));
        QVERIFY(admin.ok());
        std::unique_ptr<Database> local = m_local.open(Database::Mode::ReadOnly);
        QSqlQuery victim(local->connection());
        QVERIFY(
            victim.exec(QStringLiteral("SELECT external_id FROM events ORDER BY seq LIMIT 1 OFFSET 700")));
        QVERIFY(victim.next());
        // The server drops the pushing session in the middle of the log's group, as a crash, a
        // restart or pg_terminate_backend would.
        QVERIFY((*admin)
                    ->exec(QStringLiteral(R"(CREATE FUNCTION drop_me() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$)"))
                    .ok());
        QVERIFY((*admin)
                    ->exec(QStringLiteral("CREATE TRIGGER drop_me BEFORE INSERT ON events FOR EACH ROW WHEN "
                                          "(NEW.external_id = '%1') EXECUTE FUNCTION drop_me()")
                               .arg(victim.value(0).toString()))
                    .ok());
        {
            Result<std::unique_ptr<TeamDatabase>> pusher = m_cluster.open(QStringLiteral("dropped"));
            QVERIFY(pusher.ok());
            Result<TeamPush::Report> failed = TeamPush(*local, **pusher).run();
            QVERIFY(!failed.ok());
            QVERIFY2(failed.error().contains(QStringLiteral("event log")), qPrintable(failed.error()));
        }
        QCOMPARE((*admin)->scalar(QStringLiteral("SELECT count(*) FROM events"))->toLongLong(), 0);
        QCOMPARE((*admin)->scalar(QStringLiteral("SELECT count(*) FROM accounts"))->toLongLong(),
                 m_localCounts[QStringLiteral("accounts")]);

        // Run again on a new connection: complete, nothing doubled.
        QVERIFY((*admin)->exec(QStringLiteral("DROP TRIGGER drop_me ON events")).ok());
        Result<std::unique_ptr<TeamDatabase>> again = m_cluster.open(QStringLiteral("dropped"));
        QVERIFY(again.ok());
        Result<TeamPush::Report> finished = TeamPush(*local, **again).run();
        QVERIFY2(finished.ok(), qPrintable(finished.ok() ? QString() : finished.error()));
        for (const QString& table : kTables)
            QCOMPARE((*admin)->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table))->toLongLong(),
                     m_localCounts[table]);
    }

    void theCommandLineWorksOnATeamWorkspace()
    {
        QString error;
        QVERIFY(m_cluster.createDatabase(QStringLiteral("viacli"), &error));
        const QString url = m_cluster.location(QStringLiteral("viacli")).toUrl();
        const QString password = PgCluster::superPassword();
        QTemporaryDir dir;
        const QString teamFile = dir.filePath(QStringLiteral("office.tenure-team"));
        // A --save path that cannot be written stops init before the database is touched.
        const QString nowhere = dir.filePath(QStringLiteral("none/office.tenure-team"));
        Run run
            = cli({ QStringLiteral("team"), QStringLiteral("init"), url, QStringLiteral("--save"), nowhere },
                  password);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cannot write")), qPrintable(run.err));
        QVERIFY2(!run.out.contains(QStringLiteral("is ready")), qPrintable(run.out));
        run = cli({ QStringLiteral("team"), QStringLiteral("init"), url, QStringLiteral("--time-zone"),
                    QStringLiteral("Asia/Tokyo"), QStringLiteral("--save"), teamFile },
                  password);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(QFile::exists(teamFile));
        // The next command as it can be pasted: with the file just written.
        QVERIFY2(run.out.contains(
                     QStringLiteral("--password-stdin --db %1\n").arg(QDir::toNativeSeparators(teamFile))),
                 qPrintable(run.out));
        // Init refuses to run twice.
        run = cli({ QStringLiteral("team"), QStringLiteral("init"), url }, password);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("already")), qPrintable(run.err));
        // A failed init leaves an earlier location file of the same name as it was.
        QFile saved(teamFile);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray before = saved.readAll();
        saved.close();
        run = cli({ QStringLiteral("team"), QStringLiteral("init"),
                    m_cluster.location(QStringLiteral("nosuchdb")).toUrl(), QStringLiteral("--save"),
                    teamFile },
                  password);
        QCOMPARE(run.code, 1);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), before);
        saved.close();

        run = cli({ QStringLiteral("team"), QStringLiteral("add-member"), QStringLiteral("takahashi"),
                    QStringLiteral("--name"), QStringLiteral("高橋 美咲"), QStringLiteral("--role"),
                    QStringLiteral("csm"), QStringLiteral("--db"), teamFile },
                  password);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        // Without --password-stdin, said: the login has no password of Tenure's.
        QVERIFY2(run.err.contains(QStringLiteral("Note: no password was given")), qPrintable(run.err));
        run = cli({ QStringLiteral("team"), QStringLiteral("add-member"), QStringLiteral("x"),
                    QStringLiteral("--name"), QStringLiteral("X"), QStringLiteral("--role"),
                    QStringLiteral("owner"), QStringLiteral("--db"), teamFile },
                  password);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("not a role")), qPrintable(run.err));
        run = cli({ QStringLiteral("team"), QStringLiteral("list"), QStringLiteral("--db"), teamFile },
                  password);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("高橋 美咲")), qPrintable(run.out));
        // --db before the command name, as every command takes it.
        run = cli({ QStringLiteral("--db"), teamFile, QStringLiteral("team"), QStringLiteral("list") },
                  password);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("高橋 美咲")), qPrintable(run.out));

        run = cli(
            { QStringLiteral("team"), QStringLiteral("push"), QStringLiteral("--from"), m_local.path(), url },
            password);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("rows added")), qPrintable(run.out));

        run = cli({ QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--db"), teamFile },
                  password);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject stats = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(stats.value(QStringLiteral("events")).toInteger(), m_localCounts[QStringLiteral("events")]);
        QCOMPARE(stats.value(QStringLiteral("accounts")).toInteger(),
                 m_localCounts[QStringLiteral("accounts")]);
        QCOMPARE(stats.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Asia/Tokyo"));

        // A wrong password: one line that names the server and the cause, not the password.
        run = cli({ QStringLiteral("stats"), QStringLiteral("--db"), url },
                  QStringLiteral("not-the-password"));
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("refused the password")), qPrintable(run.err));
        QVERIFY(!run.err.contains(QStringLiteral("not-the-password")));
    }

    void readingCommandsReadTheTeamThroughACopy()
    {
        Result<std::unique_ptr<TeamDatabase>> team
            = m_cluster.createWorkspace(QStringLiteral("reading"), "UTC");
        QVERIFY(team.ok());
        {
            std::unique_ptr<Database> local = m_local.open(Database::Mode::ReadOnly);
            QVERIFY((*team)
                        ->exec(QStringLiteral("UPDATE settings SET value = ? WHERE key = 'time_zone'"),
                               { QVariant(QString::fromUtf8(WorkspaceSettings(*local).timeZone().id())) })
                        .ok());
            QVERIFY(TeamPush(*local, **team).run().ok());
        }
        const QString url = m_cluster.location(QStringLiteral("reading")).toUrl();
        const QString password = PgCluster::superPassword();
        QTemporaryDir cache;
        // The file scored as of today, as the copy will be.
        Run run = cli({ QStringLiteral("--db"), m_local.path(), QStringLiteral("score") });
        QVERIFY2(run.code == 0, qPrintable(run.err));

        const QString fileCsv = cache.filePath(QStringLiteral("file.csv"));
        const QString teamCsv = cache.filePath(QStringLiteral("team.csv"));
        run = cli({ QStringLiteral("--db"), m_local.path(), QStringLiteral("export"),
                    QStringLiteral("customers"), QStringLiteral("--csv"), fileCsv });
        QVERIFY2(run.code == 0, qPrintable(run.err));
        run = cli({ QStringLiteral("--db"), url, QStringLiteral("export"), QStringLiteral("customers"),
                    QStringLiteral("--csv"), teamCsv },
                  password, cache.path());
        QVERIFY2(run.code == 0, qPrintable(run.err));
        // The copy is read in one snapshot of the team, begun and ended once: the server has nothing
        // to warn about ("there is already a transaction in progress").
        QVERIFY2(!run.err.contains(QLatin1String("WARNING")), qPrintable(run.err));
        QFile a(fileCsv), b(teamCsv);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QByteArray fileBytes = a.readAll();
        QVERIFY(fileBytes.count('\n') > 30);
        QCOMPARE(b.readAll(), fileBytes);

        const QStringList backtest { QStringLiteral("backtest"), QStringLiteral("--as-of"),
                                     QStringLiteral("2026-11-30"), QStringLiteral("--json") };
        run = cli(QStringList { QStringLiteral("--db"), m_local.path() } + backtest);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject fileBacktest = QJsonDocument::fromJson(run.out.toUtf8()).object();
        run = cli(QStringList { QStringLiteral("--db"), url } + backtest, password, cache.path());
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject teamBacktest = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY(fileBacktest.contains(QStringLiteral("auc")));
        QCOMPARE(teamBacktest.value(QStringLiteral("auc")), fileBacktest.value(QStringLiteral("auc")));
        QCOMPARE(teamBacktest.value(QStringLiteral("per_band")),
                 fileBacktest.value(QStringLiteral("per_band")));

        const QString pdf = cache.filePath(QStringLiteral("report.pdf"));
        run = cli({ QStringLiteral("--db"), url, QStringLiteral("report"), QStringLiteral("--portfolio"),
                    QStringLiteral("--pdf"), pdf },
                  password, cache.path());
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(QFileInfo(pdf).size() > 1000);
    }

    // A member removed since keeps no copy of the team's data: the next command that reads the team
    // is refused, and removes this machine's copy.
    void aRemovedMembersCopyIsRemoved()
    {
        Result<std::unique_ptr<TeamDatabase>> owner = m_cluster.open(QStringLiteral("reading"));
        QVERIFY(owner.ok());
        QVERIFY(TeamMembers(**owner)
                    .add(QStringLiteral("aya"), QStringLiteral("中村 彩"), QStringLiteral("csm"),
                         QStringLiteral("pw-a"))
                    .ok());
        const QString url = m_cluster.location(QStringLiteral("reading"), QStringLiteral("aya")).toUrl();
        QTemporaryDir cache;
        const auto copies = [&] {
            QStringList found;
            QDirIterator it(cache.path(), { QStringLiteral("*.tenure*") }, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                found << it.next();
            return found;
        };
        Run run = cli({ QStringLiteral("--db"), url, QStringLiteral("export"), QStringLiteral("customers"),
                        QStringLiteral("--csv"), cache.filePath(QStringLiteral("aya.csv")) },
                      QStringLiteral("pw-a"), cache.path());
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(!copies().isEmpty(), "the export read the team through a copy on this machine");

        QVERIFY(TeamMembers(**owner).remove(QStringLiteral("aya")).ok());
        run = cli({ QStringLiteral("--db"), url, QStringLiteral("export"), QStringLiteral("customers"),
                    QStringLiteral("--csv"), cache.filePath(QStringLiteral("again.csv")) },
                  QStringLiteral("pw-a"), cache.path());
        QVERIFY(run.code != 0);
        QVERIFY2(run.err.contains(QStringLiteral("\"aya\" is not a member")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("This machine's copies of the team's data were removed.")),
                 qPrintable(run.err));
        QVERIFY2(copies().isEmpty(), qPrintable(copies().join(QLatin1Char(' '))));
        // Nothing left to remove: the refusal alone.
        run = cli({ QStringLiteral("--db"), url, QStringLiteral("report"), QStringLiteral("--portfolio"),
                    QStringLiteral("--pdf"), cache.filePath(QStringLiteral("r.pdf")) },
                  QStringLiteral("pw-a"), cache.path());
        QVERIFY(run.code != 0);
        QVERIFY2(!run.err.contains(QStringLiteral("removed")), qPrintable(run.err));
    }

private:
    PgCluster m_cluster;
    test::TempWorkspace m_local;
    QHash<QString, qint64> m_localCounts;
};

QTEST_GUILESS_MAIN(TestTeamPush)
#include "TestTeamPush.moc"
