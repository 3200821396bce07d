// A team workspace restored from a backup, as docs/team.md tells (pg_dump, the database dropped
// and created again, pg_restore): the log's numbers count again from the backup's, for other
// events, and so do the publications'. The engine's working copy, a desktop's copy and the copy
// that reports read were made from the history before the restore: each notices it, starts over
// and ends holding what the team holds now.
#include "PgCluster.h"
#include "TeamDemo.h"
#include "TeamTestQueries.h"
#include "TestSupport.h"
#include "store/Database.h"
#include "team/TeamDeskSync.h"
#include "team/TeamEngine.h"
#include "team/TeamReadCopy.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace tenure;
using tenure::test::kAsOf;
using tenure::test::PgCluster;

namespace {
const QString kTeam = QStringLiteral("restored");

// Every row of a query on a workspace file, as "field|field|…" (as test::rows gives the team's).
QStringList fileRows(const QString& path, const QString& sql)
{
    std::unique_ptr<Database> file = Database::open(path, Database::Mode::ReadOnly).value();
    return test::localRows(*file, sql);
}

const QString kEventKeys
    = QStringLiteral("SELECT source, external_id FROM events ORDER BY source, external_id");
const QString kStatuses
    = QStringLiteral("SELECT account_id, stage, band, score FROM account_status ORDER BY account_id");
} // namespace

class TestTeamRestore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        const QString made = test::makeDemoTeam(m_cluster, m_local, kTeam,
                                                { { QStringLiteral("kenta"), QStringLiteral("鈴木 健太"),
                                                    QStringLiteral("csm"), QStringLiteral("pw-k") } },
                                                {}, kAsOf);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        TeamEngine::Options options;
        options.replicaPath = enginePath();
        options.engine.today = kAsOf;
        m_engine
            = std::make_unique<TeamEngine>(m_cluster.location(kTeam), options, PgCluster::superPassword());
        QVERIFY(m_engine->tryElect().value());
        QVERIFY(m_engine->runPass().ok());
        m_desk = std::make_unique<TeamDeskSync>(m_cluster.location(kTeam, QStringLiteral("kenta")),
                                                QStringLiteral("pw-k"), deskPath());
        QSignalSpy ready(m_desk.get(), &TeamDeskSync::ready);
        QSignalSpy failed(m_desk.get(), &TeamDeskSync::failed);
        m_desk->start();
        QVERIFY2(ready.count() == 1, qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(readCopy().isEmpty());
    }

    // A backup, events appended after it and copied everywhere, then the backup restored and other
    // events appended, more of them: the log's last numbers are the copies' again, for other events.
    void aCopyMadeBeforeARestoreStartsOver()
    {
        const QString backup = m_local.dir() + QStringLiteral("/before.dump");
        QString error;
        QVERIFY2(m_cluster.dump(kTeam, backup, &error), qPrintable(error));
        QVERIFY(append(QStringLiteral("lost-"), 5).isEmpty());
        QVERIFY(m_engine->runPass().ok());
        m_desk->refreshNow(TeamDeskSync::Everything);
        QVERIFY(readCopy().isEmpty());
        for (const QString& copy : { enginePath(), deskPath(), readPath() })
            QVERIFY2(fileRows(copy, kEventKeys).join(u'\n').contains(QStringLiteral("lost-5")),
                     qPrintable(copy));
        const qint64 copiedUpTo = top();

        QVERIFY2(m_cluster.restore(kTeam, backup, &error), qPrintable(error));
        QVERIFY(append(QStringLiteral("kept-"), 8).isEmpty());
        QVERIFY(top() > copiedUpTo); // the copies' last numbers are in the log again

        // The engine's sessions ended with the database: elected again, its pass starts over.
        QVERIFY(m_engine->tryElect().value());
        const Result<TeamEngine::Pass> pass = m_engine->runPass();
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QVERIFY(pass->startedOver);
        m_desk->refreshNow(TeamDeskSync::Everything);
        QVERIFY(readCopy().isEmpty());

        std::unique_ptr<TeamDatabase> team = m_cluster.open(kTeam).value();
        const QStringList teamKeys = test::rows(*team, kEventKeys);
        QVERIFY(teamKeys.join(u'\n').contains(QStringLiteral("kept-8")));
        QVERIFY(!teamKeys.join(u'\n').contains(QStringLiteral("lost-")));
        for (const QString& copy : { enginePath(), deskPath(), readPath() })
            QCOMPARE(fileRows(copy, kEventKeys), teamKeys);
        QCOMPARE(fileRows(deskPath(), kStatuses), test::rows(*team, kStatuses));
        QVERIFY(!m_engine->runPass().value().startedOver); // once
        // Once for the other copies too: a mark left in each outlives their next sync.
        const QString mark = QStringLiteral("SELECT value FROM settings WHERE key = 'test_mark'");
        for (const QString& copy : { deskPath(), readPath() })
            QVERIFY(test::writeOutsideTenure(copy,
                                             { QStringLiteral("INSERT INTO settings (key, value) VALUES "
                                                              "('test_mark', 'kept')") })
                        .isEmpty());
        m_desk->refreshNow(TeamDeskSync::Everything);
        QVERIFY(readCopy().isEmpty());
        for (const QString& copy : { deskPath(), readPath() })
            QCOMPARE(fileRows(copy, mark), QStringList { QStringLiteral("kept") });
        // The desktop's new copy knows who signed in, for a start while the server is away.
        QCOMPARE(
            fileRows(deskPath(), QStringLiteral("SELECT value FROM settings WHERE key = 'team_desk_member'")),
            QStringList { QStringLiteral("鈴木 健太") });
    }

    // The log as it was, but a publication after the backup (new rules) taken back by the restore:
    // the engine publishes again under the same number, and a desktop that held the number's
    // scores from before takes them whole instead of nothing.
    void aPublicationTakenBackByARestoreIsCopiedWhole()
    {
        const QString backup = m_local.dir() + QStringLiteral("/rules.dump");
        QString error;
        QVERIFY2(m_cluster.dump(kTeam, backup, &error), qPrintable(error));
        {
            std::unique_ptr<TeamDatabase> team = m_cluster.open(kTeam).value();
            const QString newest = test::rows(*team,
                                              QStringLiteral("SELECT definition::text FROM rule_sets "
                                                             "ORDER BY version DESC LIMIT 1"))
                                       .value(0);
            QVERIFY(newest.contains(QStringLiteral("\"Good\"")));
            QVERIFY(team->exec(QStringLiteral("INSERT INTO rule_sets (version, name, definition, created_at, "
                                              "author) SELECT max(version) + 1, 'great', CAST(? AS json), "
                                              "0, 'test' FROM rule_sets"),
                               { QString(newest).replace(QStringLiteral("\"Good\""),
                                                         QStringLiteral("\"Great\"")) })
                        .ok());
        }
        QVERIFY(m_engine->runPass().ok());
        m_desk->refreshNow(TeamDeskSync::Everything);
        const QString great = QStringLiteral("SELECT count(*) FROM account_status WHERE band = 'Great'");
        QVERIFY(fileRows(deskPath(), great).value(0).toInt() > 0);
        const QString number = QStringLiteral("SELECT value FROM settings WHERE key = 'team_publication'");
        const QString held = fileRows(deskPath(), number).value(0);

        QVERIFY2(m_cluster.restore(kTeam, backup, &error), qPrintable(error));
        QVERIFY(m_engine->tryElect().value());
        const Result<TeamEngine::Pass> pass = m_engine->runPass();
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QVERIFY(!pass->startedOver); // the log is the one copied
        std::unique_ptr<TeamDatabase> team = m_cluster.open(kTeam).value();
        QCOMPARE(QString::number(test::count(*team,
                                             QStringLiteral("SELECT value::bigint FROM engine_state "
                                                            "WHERE key = 'publication'"))),
                 held); // the same number as the desktop's, for other scores
        m_desk->refreshNow(TeamDeskSync::Everything);
        QCOMPARE(fileRows(deskPath(), great).value(0).toInt(), 0);
        QCOMPARE(fileRows(deskPath(), kStatuses), test::rows(*team, kStatuses));
    }

    void cleanupTestCase()
    {
        m_desk.reset();
        m_engine.reset();
    }

private:
    QString enginePath() const { return m_local.dir() + QStringLiteral("/engine.tenure"); }
    QString deskPath() const { return m_local.dir() + QStringLiteral("/desk.tenure"); }
    QString readPath() const { return m_local.dir() + QStringLiteral("/read.tenure"); }

    // The copy reports read, refreshed; empty when all went well.
    QString readCopy()
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.open(kTeam);
        if (!team)
            return team.error();
        Result<std::unique_ptr<Database>> copy = TeamReadCopy::refresh(**team, readPath(), kAsOf);
        return copy ? QString() : copy.error();
    }

    qint64 top()
    {
        std::unique_ptr<TeamDatabase> team = m_cluster.open(kTeam).value();
        return test::count(*team, QStringLiteral("SELECT max(seq) FROM events"));
    }

    // Appends `events` events of the first account, their ids `prefix` and a number.
    QString append(const QString& prefix, int events)
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.open(kTeam);
        if (!team)
            return team.error();
        Result<QSqlQuery> added = (*team)->exec(
            QStringLiteral(
                "INSERT INTO events (source, external_id, account_id, name, occurred_at, received_at) "
                "SELECT (SELECT min(source) FROM events), ? || n, (SELECT min(id) FROM accounts), "
                "'login', ?, ? FROM generate_series(1, ?) AS n"),
            { prefix, QDateTime(kAsOf, QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch(),
              QDateTime(kAsOf, QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch(), events });
        return added ? QString() : added.error();
    }

    PgCluster m_cluster;
    test::TempWorkspace m_local;
    std::unique_ptr<TeamEngine> m_engine;
    std::unique_ptr<TeamDeskSync> m_desk;
};

QTEST_GUILESS_MAIN(TestTeamRestore)
#include "TestTeamRestore.moc"
