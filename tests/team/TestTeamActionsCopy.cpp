// A desktop's copy of the team's action queue follows it by the rows written since its last copy
// (TeamReplica::pullActions), and misses none of them: not even those of a transaction that
// commits after a later one was copied. Its customer list follows the statuses it takes.
#include "PgCluster.h"
#include "TeamDemo.h"
#include "TestSupport.h"
#include "actions/ActionStore.h"
#include "customers/CustomerList.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"
#include "team/TeamDatabase.h"
#include "team/TeamEngine.h"
#include "team/TeamReplica.h"

#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace tenure;
using tenure::test::kAsOf;
using tenure::test::PgCluster;

namespace {

// One column of one action in a database (the copy or the team's).
QString actionValue(QSqlDatabase db, qint64 id, const QString& column)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT %1 FROM actions WHERE id = ?").arg(column));
    query.addBindValue(id);
    return query.exec() && query.next() ? query.value(0).toString() : QStringLiteral("<none>");
}

qint64 count(QSqlDatabase db, const QString& table)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) && query.next()
        ? query.value(0).toLongLong()
        : -1;
}

} // namespace

class TestTeamActionsCopy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        int open = 0;
        const QString made = test::makeDemoTeam(
            m_cluster, m_engine, QStringLiteral("copy"),
            { { QStringLiteral("misaki"), test::kMisaki, QStringLiteral("csm"), QStringLiteral("pw-m") } },
            {}, kAsOf, &open);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        QVERIFY2(open >= 3, "the demo opens actions");
        Result<std::unique_ptr<TeamDatabase>> team
            = m_cluster.openAs(QStringLiteral("copy"), QStringLiteral("misaki"), QStringLiteral("pw-m"));
        QVERIFY(team.ok());
        m_team = std::move(team).value();
        m_copy = m_desk.open();
        QVERIFY(m_copy);
        Result<TeamReplica::Pull> pulled = TeamReplica(*m_team, *m_copy).pull(); // as a desktop does first
        QVERIFY2(pulled.ok(), qPrintable(pulled.ok() ? QString() : pulled.error()));
    }

    // An outcome corrected on the server (its amount and note, in psql, say) reaches the copy with
    // its next pull: the master data's fingerprint covers every column the copy takes.
    void aCorrectedOutcomeReachesTheCopy()
    {
        Result<std::unique_ptr<TeamDatabase>> super = m_cluster.open(QStringLiteral("copy"));
        QVERIFY(super.ok());
        QSqlQuery seen(m_copy->connection());
        QVERIFY(seen.exec(QStringLiteral("SELECT id FROM outcomes ORDER BY id LIMIT 1")) && seen.next());
        const qint64 id = seen.value(0).toLongLong();
        seen.finish();
        QVERIFY(
            (*super)
                ->exec(QStringLiteral("UPDATE outcomes SET amount = 4321.5, note = '訂正済み' WHERE id = ?"),
                       { id })
                .ok());
        Result<TeamReplica::Pull> pulled = TeamReplica(*m_team, *m_copy).pull();
        QVERIFY2(pulled.ok(), qPrintable(pulled.ok() ? QString() : pulled.error()));
        QSqlQuery corrected(m_copy->connection());
        QVERIFY(corrected.prepare(QStringLiteral("SELECT amount, note FROM outcomes WHERE id = ?")));
        corrected.addBindValue(id);
        QVERIFY(corrected.exec() && corrected.next());
        QCOMPARE(corrected.value(0).toDouble(), 4321.5);
        QCOMPARE(corrected.value(1).toString(), QStringLiteral("訂正済み"));
    }

    void theFirstCopyIsWholeAndTheNextOnlyWhatChanged()
    {
        TeamReplica replica(*m_team, *m_copy);
        Result<qint64> first = replica.pullActions();
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error()));
        const QSqlDatabase team = m_team->connection();
        const qint64 whole = count(team, QStringLiteral("actions"))
            + count(team, QStringLiteral("action_history")) + count(team, QStringLiteral("account_notes"));
        QCOMPARE(*first, whole);
        QCOMPARE(count(m_copy->connection(), QStringLiteral("actions")),
                 count(team, QStringLiteral("actions")));
        QCOMPARE(replica.pullActions().value(), 0); // nothing written since

        // Misaki marks an action done: the action and its history row come, nothing else.
        ActionStore store(m_team->connection());
        const QList<Action> queue = store.queue().value();
        QVERIFY(!queue.isEmpty());
        const Action& action = queue.first();
        QVERIFY(store.markDone(action.id, test::kMisaki, QStringLiteral("called"), action.version).ok());
        QCOMPARE(replica.pullActions().value(), 2);
        QCOMPARE(actionValue(m_copy->connection(), action.id, QStringLiteral("status")),
                 QStringLiteral("done"));
        QCOMPARE(count(m_copy->connection(), QStringLiteral("action_history")),
                 count(team, QStringLiteral("action_history")));
    }

    // A transaction that began before the copy read the queue, and commits after, is copied the
    // next time: the copy remembers the oldest transaction still running when it read, not the
    // newest row it saw.
    void aTransactionThatCommitsLateIsNotMissed()
    {
        Result<std::unique_ptr<TeamDatabase>> slow = m_cluster.open(QStringLiteral("copy"));
        Result<std::unique_ptr<TeamDatabase>> quick = m_cluster.open(QStringLiteral("copy"));
        QVERIFY(slow.ok() && quick.ok());
        QSqlQuery ids(m_team->connection());
        QVERIFY(ids.exec(QStringLiteral("SELECT id FROM actions ORDER BY id LIMIT 2")));
        QVERIFY(ids.next());
        const qint64 early = ids.value(0).toLongLong();
        QVERIFY(ids.next());
        const qint64 late = ids.value(0).toLongLong();
        ids.finish();

        TeamReplica replica(*m_team, *m_copy);
        QVERIFY(replica.pullActions().ok());
        QVERIFY((*slow)->begin().ok());
        QVERIFY((*slow)
                    ->exec(QStringLiteral("UPDATE actions SET owner = 'slow writer' WHERE id = ?"), { early })
                    .ok());
        QVERIFY((*quick)
                    ->exec(QStringLiteral("UPDATE actions SET owner = 'quick writer' WHERE id = ?"), { late })
                    .ok());
        QCOMPARE(replica.pullActions().value(), 1);
        QCOMPARE(actionValue(m_copy->connection(), late, QStringLiteral("owner")),
                 QStringLiteral("quick writer"));
        QVERIFY(actionValue(m_copy->connection(), early, QStringLiteral("owner"))
                != QLatin1String("slow writer"));

        QVERIFY((*slow)->commit().ok());
        QVERIFY(replica.pullActions().value() >= 1);
        QCOMPARE(actionValue(m_copy->connection(), early, QStringLiteral("owner")),
                 QStringLiteral("slow writer"));
    }

    // A trigger's new action reaches the copy while the copy still holds the open action it
    // replaced (one live action per account and trigger): the closed one is written first.
    void aNewActionMeetsTheOneItReplaced()
    {
        TeamReplica replica(*m_team, *m_copy);
        QVERIFY(replica.pullActions().ok());
        Result<std::unique_ptr<TeamDatabase>> owner = m_cluster.open(QStringLiteral("copy"));
        QVERIFY(owner.ok());
        QSqlQuery open((*owner)->connection());
        QVERIFY(open.exec(QStringLiteral("SELECT id, account_id, trigger FROM actions WHERE status = 'open' "
                                         "ORDER BY id LIMIT 1"))
                && open.next());
        const qint64 old = open.value(0).toLongLong();
        const QString account = open.value(1).toString();
        const QString trigger = open.value(2).toString();
        open.finish();
        QVERIFY(
            (*owner)->exec(QStringLiteral("UPDATE actions SET status = 'done' WHERE id = ?"), { old }).ok());
        Result<QVariant> made = (*owner)->scalar(
            QStringLiteral("INSERT INTO actions (account_id, trigger, status, priority, reason, created_at, "
                           "updated_at) VALUES (?, ?, 'open', 1, '{}', 0, 0) RETURNING id"),
            { account, trigger });
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error()));
        // The closed one written again after: the server now keeps it behind the new one.
        QVERIFY((*owner)->exec(QStringLiteral("UPDATE actions SET owner = 'x' WHERE id = ?"), { old }).ok());

        Result<qint64> copied = replica.pullActions();
        QVERIFY2(copied.ok(), qPrintable(copied.ok() ? QString() : copied.error()));
        QCOMPARE(actionValue(m_copy->connection(), old, QStringLiteral("status")), QStringLiteral("done"));
        QCOMPARE(actionValue(m_copy->connection(), made->toLongLong(), QStringLiteral("status")),
                 QStringLiteral("open"));
    }

    // A row deleted on the server leaves no newer row to say so: the copy sees its counts differ
    // and copies the queue whole.
    void aRowDeletedOnTheServerLeavesTheCopy()
    {
        Result<std::unique_ptr<TeamDatabase>> owner = m_cluster.open(QStringLiteral("copy"));
        QVERIFY(owner.ok());
        Result<QVariant> note = (*owner)->scalar(QStringLiteral(
            "INSERT INTO account_notes (account_id, at, author, text) SELECT account_id, 1, 'x', "
            "'deleted by hand' FROM actions LIMIT 1 RETURNING id"));
        QVERIFY2(note.ok() && !note->isNull(), qPrintable(note.ok() ? QString() : note.error()));
        TeamReplica replica(*m_team, *m_copy);
        QVERIFY(replica.pullActions().ok());
        const QString copied
            = QStringLiteral("SELECT count(*) FROM account_notes WHERE text = 'deleted by hand'");
        QSqlQuery inCopy(m_copy->connection());
        QVERIFY(inCopy.exec(copied) && inCopy.next());
        QCOMPARE(inCopy.value(0).toInt(), 1);
        inCopy.finish();
        QVERIFY((*owner)->exec(QStringLiteral("DELETE FROM account_notes WHERE id = ?"), { *note }).ok());
        QVERIFY(replica.pullActions().ok());
        QVERIFY(inCopy.exec(copied) && inCopy.next());
        QCOMPARE(inCopy.value(0).toInt(), 0);
        QCOMPARE(count(m_copy->connection(), QStringLiteral("account_notes")),
                 count(m_team->connection(), QStringLiteral("account_notes")));
    }

    // A client cannot hide a row from the copies by naming an old transaction itself.
    void theServerSaysWhichTransactionWrote()
    {
        TeamReplica replica(*m_team, *m_copy);
        QVERIFY(replica.pullActions().ok());
        QSqlQuery query(m_team->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT id FROM actions ORDER BY id DESC LIMIT 1"))
                && query.next());
        const qint64 id = query.value(0).toLongLong();
        query.finish();
        const QString pastNote = QStringLiteral(
            "INSERT INTO account_notes (account_id, at, author, text, written_in) "
            "SELECT account_id, 1, 'x', 'a note from the past', '1'::xid8 FROM actions WHERE id = ?");
        // A CSM may not even name it (schema 9: a CSM writes a note's text, not what the server
        // stamps); the owner, who may, is overruled by the server.
        Result<QSqlQuery> note = m_team->exec(pastNote, { id });
        QVERIFY(!note.ok());
        QVERIFY2(note.error().contains(QStringLiteral("permission denied")), qPrintable(note.error()));
        Result<std::unique_ptr<TeamDatabase>> owner = m_cluster.open(QStringLiteral("copy"));
        QVERIFY(owner.ok());
        note = (*owner)->exec(pastNote, { id });
        QVERIFY2(note.ok(), qPrintable(note.ok() ? QString() : note.error()));
        QCOMPARE(replica.pullActions().value(), 1);
        QSqlQuery copied(m_copy->connection());
        QVERIFY(copied.exec(
            QStringLiteral("SELECT count(*) FROM account_notes WHERE text = 'a note from the past'")));
        QVERIFY(copied.next());
        QCOMPARE(copied.value(0).toInt(), 1);
    }

    // A copy whose mark is ahead of the server's transactions (the workspace restored into a new
    // cluster, which counts them from lower) takes the whole queue again instead of nothing.
    void aServerThatCountsFromLowerIsCopiedWhole()
    {
        TeamReplica replica(*m_team, *m_copy);
        QVERIFY(replica.pullActions().ok());
        QVERIFY(WorkspaceSettings(*m_copy)
                    .setValue(QStringLiteral("team_actions_written_from"), QStringLiteral("999999999999"))
                    .ok());
        const QSqlDatabase team = m_team->connection();
        QCOMPARE(replica.pullActions().value(),
                 count(team, QStringLiteral("actions")) + count(team, QStringLiteral("action_history"))
                     + count(team, QStringLiteral("account_notes")));
        QCOMPARE(replica.pullActions().value(), 0);
    }

    // Changed leaves alone a row the team did not write since; Whole makes every row the team's.
    void aWholeCopyMakesEveryRowTheTeams()
    {
        TeamReplica replica(*m_team, *m_copy);
        QVERIFY(replica.pullActions().ok());
        QSqlQuery first(m_copy->connection());
        QVERIFY(first.exec(QStringLiteral("SELECT min(id) FROM actions")) && first.next());
        const qint64 id = first.value(0).toLongLong();
        first.finish();
        const QString teams = actionValue(m_team->connection(), id, QStringLiteral("reason"));
        QSqlQuery stale(m_copy->connection());
        QVERIFY(stale.exec(QStringLiteral("UPDATE actions SET reason = 'stale' WHERE id = %1").arg(id)));
        QCOMPARE(replica.pullActions().value(), 0);
        QCOMPARE(actionValue(m_copy->connection(), id, QStringLiteral("reason")), QStringLiteral("stale"));
        QVERIFY(replica.pullActions(TeamReplica::ActionsCopy::Whole).ok());
        QCOMPARE(actionValue(m_copy->connection(), id, QStringLiteral("reason")), teams);
    }

    // The customer list of a desktop's copy (as the Customers view holds it) is read again when
    // the copy takes statuses: not for a publication that changes none (a rebuild with the same
    // results), nor for each sync of a team with no publication yet.
    void theListIsReadAgainOnlyWhenTheCopyTakesStatuses()
    {
        Result<std::unique_ptr<TeamDatabase>> unscored
            = m_cluster.createWorkspace(QStringLiteral("unscored"), "UTC");
        QVERIFY(unscored.ok());
        test::TempWorkspace early;
        std::unique_ptr<Database> empty = early.open();
        for (int sync = 0; sync < 2; ++sync) {
            const Result<qint64> none = TeamReplica(**unscored, *empty).pullStatuses();
            QVERIFY2(none.ok(), qPrintable(none.ok() ? QString() : none.error()));
            QCOMPARE(none.value(), 0);
        }
        QCOMPARE(WorkspaceSettings(*empty).value(WorkspaceSettings::kTeamStatusesChanged), QString());

        // The engine of the demo team, again: its first pass publishes every account's results
        // (another engine object published the last), which the copy takes whole.
        TeamEngine::Options options;
        options.replicaPath = m_engine.dir() + QStringLiteral("/engine.tenure"); // makeDemoTeam's
        options.engine.today = kAsOf;
        TeamEngine engine(m_cluster.location(QStringLiteral("copy")), options, PgCluster::superPassword());
        QVERIFY(engine.tryElect().value());
        Result<TeamEngine::Pass> pass = engine.runPass();
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QVERIFY(TeamReplica(*m_team, *m_copy).pullStatuses().ok());
        CustomerList list;
        const auto listed = [&] { // the accounts the list shows with a score
            const Result<CustomerQuery::Page> page = list.run(CustomerQuery(), *m_copy, kAsOf);
            if (!page || page->total != 40)
                return -1;
            return int(std::count_if(page->rows.begin(), page->rows.end(),
                                     [](const CustomerRow& row) { return row.score.has_value(); }));
        };
        const int scored = listed();
        QVERIFY2(scored > 0, qPrintable(QString::number(scored)));
        QCOMPARE(list.loads(), 1);
        // A status the server lost (by hand), which the engine's rebuild publishes again, alone:
        // the copy takes it, and the list is read again.
        Result<std::unique_ptr<TeamDatabase>> super = m_cluster.open(QStringLiteral("copy"));
        QVERIFY(super.ok());
        QVERIFY((*super)
                    ->exec(QStringLiteral("DELETE FROM account_status WHERE account_id = (SELECT "
                                          "min(account_id) FROM account_status)"))
                    .ok());
        pass = engine.runPass(true);
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QCOMPARE(pass->statusesPublished, 1);
        QCOMPARE(TeamReplica(*m_team, *m_copy).pullStatuses().value(), 1);
        QCOMPARE(listed(), scored);
        QCOMPARE(list.loads(), 2);
        // Another rebuild changes nothing: a publication with no account's rows, which the copy
        // holds without the list being read again.
        const QString held = WorkspaceSettings(*m_copy).value(WorkspaceSettings::kTeamPublication);
        pass = engine.runPass(true);
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QVERIFY(pass->published);
        QCOMPARE(pass->statusesPublished, 0);
        QCOMPARE(TeamReplica(*m_team, *m_copy).pullStatuses().value(), 0);
        QVERIFY(WorkspaceSettings(*m_copy).value(WorkspaceSettings::kTeamPublication) != held);
        QCOMPARE(listed(), scored);
        QCOMPARE(list.loads(), 2);
        // The team's statuses gone (by hand, under a new publication number): the copy, made
        // whole, takes none and drops its own, and the list shows no scores.
        QVERIFY((*super)->exec(QStringLiteral("DELETE FROM account_status")).ok());
        QVERIFY((*super)
                    ->exec(QStringLiteral("UPDATE engine_state SET value = (value::bigint + 1)::text "
                                          "WHERE key = 'publication'"))
                    .ok());
        QCOMPARE(TeamReplica(*m_team, *m_copy).pullStatuses().value(), 0);
        QCOMPARE(listed(), 0);
        QCOMPARE(list.loads(), 3);
    }

private:
    PgCluster m_cluster;
    test::TempWorkspace m_engine;
    test::TempWorkspace m_desk;
    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<Database> m_copy;
};

QTEST_GUILESS_MAIN(TestTeamActionsCopy)
#include "TestTeamActionsCopy.moc"
