// The team's action queue: worked by CSMs on the server under their own names, announced to every
// desktop, and a simultaneous edit turned into a message instead of a silent overwrite.
#include "PgCluster.h"
#include "TestSupport.h"
#include "actions/ActionStore.h"
#include "demo/DemoWorkspace.h"
#include "store/Database.h"
#include "team/TeamDatabase.h"
#include "team/TeamEngine.h"
#include "team/TeamMembers.h"
#include "team/TeamPush.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QTest>

using namespace tenure;
using tenure::test::PgCluster;

namespace {
const QDate kAsOf(2026, 11, 30);
}

class TestTeamActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        std::unique_ptr<Database> local = m_local.open();
        DemoGenerator::Options options;
        options.accounts = 40;
        options.days = 90;
        options.today = kAsOf;
        QVERIFY(DemoWorkspace::populate(*local, options).ok());
        Result<std::unique_ptr<TeamDatabase>> team
            = m_cluster.createWorkspace(QStringLiteral("queue"), "UTC");
        QVERIFY(team.ok());
        QVERIFY(TeamPush(*local, **team).run().ok());
        TeamMembers members(**team);
        QVERIFY(members
                    .add(QStringLiteral("misaki"), QStringLiteral("高橋 美咲"), QStringLiteral("csm"),
                         QStringLiteral("pw-m"))
                    .ok());
        QVERIFY(members
                    .add(QStringLiteral("hanako"), QStringLiteral("佐藤 花子"), QStringLiteral("csm"),
                         QStringLiteral("pw-h"))
                    .ok());
        TeamEngine::Options engineOptions;
        engineOptions.replicaPath = m_local.dir() + QStringLiteral("/replica.tenure");
        engineOptions.engine.today = kAsOf;
        TeamEngine engine(m_cluster.location(QStringLiteral("queue")), engineOptions,
                          PgCluster::superPassword());
        QVERIFY(engine.tryElect().value());
        Result<TeamEngine::Pass> pass = engine.runPass();
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QVERIFY2(pass->actions.open >= 3, "the demo opens actions");
    }

    void csmsWorkTheQueueUnderTheirNames()
    {
        Result<std::unique_ptr<TeamDatabase>> misaki
            = m_cluster.openAs(QStringLiteral("queue"), QStringLiteral("misaki"), QStringLiteral("pw-m"));
        QVERIFY(misaki.ok());
        Result<std::unique_ptr<TeamDatabase>> desk = m_cluster.open(QStringLiteral("queue"));
        QVERIFY(desk.ok());
        QSqlDriver* driver = (*desk)->connection().driver();
        QVERIFY(driver->subscribeToNotification(QStringLiteral("tenure_actions")));
        QSignalSpy announced(driver, &QSqlDriver::notification);

        ActionStore store((*misaki)->connection());
        Result<QList<Action>> queue = store.queue();
        QVERIFY(queue.ok());
        QVERIFY(!queue->isEmpty());
        const Action first = queue->first();
        QCOMPARE(first.version, 1);
        QVERIFY(
            store.markDone(first.id, (*misaki)->member()->displayName, QStringLiteral("QBR booked")).ok());

        const std::optional<Action> done = store.find(first.id);
        QVERIFY(done);
        QCOMPARE(done->status, QStringLiteral("done"));
        QCOMPARE(done->version, 2);
        QCOMPARE(done->updatedBy, QStringLiteral("高橋 美咲"));
        Result<QList<ActionEvent>> history = store.history(first.id);
        QVERIFY(history.ok());
        QCOMPARE(history->last().author, QStringLiteral("高橋 美咲"));
        QCOMPARE((*desk)
                     ->scalar(QStringLiteral(
                                  "SELECT login FROM action_history WHERE action_id = ? ORDER BY id DESC "
                                  "LIMIT 1"),
                              { first.id })
                     ->toString(),
                 QStringLiteral("misaki"));
        QVERIFY(announced.wait(5000) || !announced.isEmpty());
        QCOMPARE(announced.first().at(0).toString(), QStringLiteral("tenure_actions"));
    }

    void aSimultaneousEditGetsAMessage()
    {
        Result<std::unique_ptr<TeamDatabase>> misaki
            = m_cluster.openAs(QStringLiteral("queue"), QStringLiteral("misaki"), QStringLiteral("pw-m"));
        Result<std::unique_ptr<TeamDatabase>> hanako
            = m_cluster.openAs(QStringLiteral("queue"), QStringLiteral("hanako"), QStringLiteral("pw-h"));
        QVERIFY(misaki.ok() && hanako.ok());
        ActionStore mine((*misaki)->connection());
        ActionStore theirs((*hanako)->connection());
        // Both see the same action.
        const Action seen = theirs.queue().value().first();
        QCOMPARE(mine.find(seen.id)->version, seen.version);
        const Status done = mine.markDone(seen.id, QStringLiteral("高橋 美咲"));
        QVERIFY2(done.ok(), qPrintable(done.error()));
        // Hanako acts on what she saw: refused, with who did what and when.
        const Status late
            = theirs.snooze(seen.id, kAsOf.addDays(7), QStringLiteral("佐藤 花子"), {}, seen.version);
        QVERIFY(!late.ok());
        QVERIFY2(late.error().startsWith(QStringLiteral("Done by 高橋 美咲 at ")), qPrintable(late.error()));
        const std::optional<Action> after = theirs.find(seen.id);
        QCOMPARE(after->status, QStringLiteral("done"));
        QCOMPARE(after->updatedBy, QStringLiteral("高橋 美咲"));
        // Reassigning what she sees now works.
        const Action next = theirs.queue().value().first();
        QVERIFY(
            theirs.reassign(next.id, QStringLiteral("高橋 美咲"), QStringLiteral("佐藤 花子"), next.version)
                .ok());
        QCOMPARE(mine.find(next.id)->owner, QStringLiteral("高橋 美咲"));
    }

    void theCommandLineWorksTheTeamQueue()
    {
        const QString url = m_cluster.location(QStringLiteral("queue"), QStringLiteral("hanako")).toUrl();
        const auto cli = [](const QStringList& arguments, const QString& password) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("PGPASSWORD"), password);
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(TENURE_BIN_DIR "/tenure-cli"), arguments);
            process.waitForFinished(60000);
            return std::make_tuple(process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                                   QString::fromUtf8(process.readAllStandardError()));
        };
        auto [code, out, err]
            = cli({ QStringLiteral("actions"), QStringLiteral("--db"), url }, QStringLiteral("pw-h"));
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY2(out.contains(QStringLiteral("last changed by 佐藤 花子")), qPrintable(out));
        const QString id = out.section(QLatin1Char('\n'), 0, 0).trimmed().section(QLatin1Char(' '), 0, 0);
        std::tie(code, out, err) = cli({ QStringLiteral("actions"), QStringLiteral("note"), id,
                                         QStringLiteral("電話しました"), QStringLiteral("--author"),
                                         QStringLiteral("somebody else"), QStringLiteral("--db"), url },
                                       QStringLiteral("pw-h"));
        QVERIFY2(code == 0, qPrintable(err));
        std::tie(code, out, err)
            = cli({ QStringLiteral("actions"), QStringLiteral("show"), id, QStringLiteral("--db"), url },
                  QStringLiteral("pw-h"));
        QVERIFY2(code == 0, qPrintable(err));
        // The author is the signed-in member, whatever --author says.
        QVERIFY2(out.contains(QStringLiteral("佐藤 花子")) && out.contains(QStringLiteral("電話しました")),
                 qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("somebody else")), qPrintable(out));
    }

private:
    PgCluster m_cluster;
    test::TempWorkspace m_local;
};

QTEST_GUILESS_MAIN(TestTeamActions)
#include "TestTeamActions.moc"
