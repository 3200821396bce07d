// The team's action queue after each pass: the actions of the accounts a pass re-scored, or a
// rebuild changed, are all a refresh looks at, on the server as in a workspace file; read through
// the server's own index of the quiet ones.
#include "PgCluster.h"
#include "TeamDemo.h"
#include "TeamTestQueries.h"
#include "TestSupport.h"
#include "store/Database.h"
#include "team/TeamDatabase.h"
#include "team/TeamEngine.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace tenure;
using tenure::test::PgCluster;

using tenure::test::kAsOf;

class TestTeamActionScope : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        int open = 0;
        const QString made
            = test::makeDemoTeam(m_cluster, m_local, QStringLiteral("queue"), {}, {}, kAsOf, &open);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        QVERIFY2(open >= 3, "the demo opens actions");
    }

    // The actions marked done and quiet are read through their own index on the server too (team
    // schema 10): the plan PostgreSQL makes when it may not read the whole table.
    void quietActionsAreReadByAccount()
    {
        Result<std::unique_ptr<TeamDatabase>> owner = m_cluster.open(QStringLiteral("queue"));
        QVERIFY(owner.ok());
        QVERIFY((*owner)->exec(QStringLiteral("SET enable_seqscan = off")).ok());
        QSqlQuery plan((*owner)->connection());
        QVERIFY2(plan.exec(QStringLiteral(
                     "EXPLAIN SELECT DISTINCT a.account_id, a.trigger FROM json_array_elements_text("
                     "'[\"A-00001\"]'::json) AS j(value) JOIN actions a ON a.account_id = j.value "
                     "WHERE a.status = 'done' AND a.suppress = 1")),
                 qPrintable(plan.lastError().text()));
        QStringList steps;
        while (plan.next())
            steps << plan.value(0).toString();
        QVERIFY((*owner)->exec(QStringLiteral("RESET enable_seqscan")).ok());
        // The quiet actions alone (PostgreSQL may read all of them, as few as they are), not every
        // done action by status.
        QVERIFY2(steps.join(u' ').contains(QLatin1String("using actions_quiet on actions")),
                 qPrintable(steps.join(u'\n')));
    }

    // A refresh whose changes the version check partly left (a CSM changed those actions
    // meanwhile) still lands the rest, and leaves a stamp no pass matches: the next refresh looks at
    // every account. After that, a pass's refresh looks at its accounts only, on the server as in a
    // file, and so does a rebuild's: none of the same log.
    void aRefreshLooksAtThePassesAccountsOnly()
    {
        Result<std::unique_ptr<TeamDatabase>> owner = m_cluster.open(QStringLiteral("queue"));
        QVERIFY(owner.ok());
        // Every change of priority or reason is left, as if a CSM had changed each action first.
        QVERIFY(
            (*owner)
                ->exec(QStringLiteral(
                    "CREATE FUNCTION test_leave() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; "
                    "END $$"))
                .ok());
        QVERIFY((*owner)
                    ->exec(QStringLiteral(
                        "CREATE TRIGGER test_leave BEFORE UPDATE ON actions FOR EACH ROW WHEN "
                        "(OLD.reason IS DISTINCT FROM NEW.reason) EXECUTE FUNCTION test_leave()"))
                    .ok());
        std::unique_ptr<TeamEngine> elected
            = engineOn(kAsOf.addDays(3)); // a new day: every reason's silent days move
        QVERIFY(elected);
        TeamEngine& engine = *elected;
        Result<TeamEngine::Pass> left = engine.runPass();
        QVERIFY2(left.ok(), qPrintable(left.ok() ? QString() : left.error()));
        QVERIFY(left->actions.everyAccount && left->actions.skipped > 0);
        QCOMPARE((*owner)
                     ->scalar(QStringLiteral("SELECT value FROM engine_state WHERE key = 'action_queue'"))
                     ->toString(),
                 QStringLiteral("none"));
        QVERIFY((*owner)->exec(QStringLiteral("DROP TRIGGER test_leave ON actions")).ok());

        const auto addEvents = [&](const QString& tag) {
            const QStringList accounts
                = test::rows(**owner, QStringLiteral("SELECT id FROM accounts ORDER BY id LIMIT 2"));
            const qint64 at = QDateTime(kAsOf.addDays(3), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();
            for (const QString& account : accounts)
                for (int i = 0; i < 3; ++i)
                    if (!(*owner)
                             ->exec(QStringLiteral(
                                        "INSERT INTO events (source, external_id, account_id, user_id, "
                                        "name, occurred_at, received_at) VALUES ('demo', ?, ?, 'u', "
                                        "'login', ?, ?)"),
                                    { QVariant(QStringLiteral("%1-%2-%3").arg(tag, account).arg(i)),
                                      QVariant(account), QVariant(at + i), QVariant(at) })
                             .ok())
                        return false;
            return true;
        };
        QVERIFY(addEvents(QStringLiteral("after-none")));
        Result<TeamEngine::Pass> whole = engine.runPass();
        QVERIFY2(whole.ok(), qPrintable(whole.ok() ? QString() : whole.error()));
        QVERIFY(whole->actions.everyAccount);
        QCOMPARE(whole->actions.skipped, 0);
        QVERIFY2(whole->actions.updated > 0, "the reasons left before are written now");
        QVERIFY(addEvents(QStringLiteral("scoped")));
        Result<TeamEngine::Pass> scoped = engine.runPass();
        QVERIFY2(scoped.ok(), qPrintable(scoped.ok() ? QString() : scoped.error()));
        QVERIFY(!scoped->actions.everyAccount);
        QCOMPARE(scoped->actions.accountsChecked, 2);
        // A rebuild of the same log looks only at the actions of the accounts whose results it
        // changed: here a few churned accounts without events, whose statuses of earlier days the
        // passes on those days kept and a rebuild does not write (it starts their history today).
        Result<TeamEngine::Pass> again = engine.runPass(true);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error()));
        QVERIFY(again->summary.rebuilt && !again->summary.allAccountsChanged);
        QVERIFY(!again->actions.everyAccount);
        QCOMPARE(again->actions.accountsChecked, qint64(again->summary.changedAccounts.size()));
        QVERIFY2(again->summary.changedAccounts.size() < 5,
                 qPrintable(QString::number(again->summary.changedAccounts.size())));
        QCOMPARE(
            again->actions.opened + again->actions.updated + again->actions.cleared + again->actions.woke, 0);
        // Events for two accounts, then a rebuild: at most theirs (those whose results moved).
        QVERIFY(addEvents(QStringLiteral("rebuilt")));
        Result<TeamEngine::Pass> rebuilt = engine.runPass(true);
        QVERIFY2(rebuilt.ok(), qPrintable(rebuilt.ok() ? QString() : rebuilt.error()));
        QVERIFY(!rebuilt->actions.everyAccount);
        QVERIFY(rebuilt->actions.accountsChecked <= 2);
    }

private:
    // The team's engine, elected, on makeDemoTeam's working copy, as of `today`; null if not elected.
    std::unique_ptr<TeamEngine> engineOn(const QDate& today)
    {
        return test::demoEngine(m_cluster, m_local, QStringLiteral("queue"), today);
    }

    PgCluster m_cluster;
    test::TempWorkspace m_local;
};

QTEST_GUILESS_MAIN(TestTeamActionScope)
#include "TestTeamActionScope.moc"
