// The team's action queue: worked by CSMs on the server under their own names, announced to every
// desktop, and a simultaneous edit turned into a message instead of a silent overwrite.
#include "PgCluster.h"
#include "TeamDemo.h"
#include "TeamTestQueries.h"
#include "TestSupport.h"
#include "actions/ActionStore.h"
#include "actions/ActionWrites.h"
#include "store/Database.h"
#include "team/TeamDatabase.h"
#include "team/TeamEngine.h"
#include "team/TeamMembers.h"

#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace tenure;
using tenure::test::PgCluster;

using tenure::test::kAsOf;

class TestTeamActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        int open = 0;
        const QString made = test::makeDemoTeam(m_cluster, m_local, QStringLiteral("queue"),
                                                { { QStringLiteral("misaki"), QStringLiteral("高橋 美咲"),
                                                    QStringLiteral("csm"), QStringLiteral("pw-m") },
                                                  { QStringLiteral("hanako"), QStringLiteral("佐藤 花子"),
                                                    QStringLiteral("csm"), QStringLiteral("pw-h") } },
                                                {}, kAsOf, &open);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        QVERIFY2(open >= 3, "the demo opens actions");
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
        auto [code, out, err]
            = cli({ QStringLiteral("actions"), QStringLiteral("--db"), url }, QStringLiteral("pw-h"));
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY2(out.contains(QStringLiteral("last changed by 佐藤 花子")), qPrintable(out));
        // The first action under the two header lines.
        const QString id = out.section(QLatin1Char('\n'), 2, 2).trimmed().section(QLatin1Char(' '), 0, 0);
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
        // An owner is a member's name: anybody else is refused, with the members named.
        std::tie(code, out, err)
            = cli({ QStringLiteral("actions"), QStringLiteral("reassign"), id, QStringLiteral("--to"),
                    QStringLiteral("Nobody Here"), QStringLiteral("--db"), url },
                  QStringLiteral("pw-h"));
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("not a member of the team"))
                     && err.contains(QStringLiteral("佐藤 花子")),
                 qPrintable(err));
        std::tie(code, out, err)
            = cli({ QStringLiteral("actions"), QStringLiteral("reassign"), id, QStringLiteral("--to"),
                    QStringLiteral("佐藤 花子"), QStringLiteral("--db"), url },
                  QStringLiteral("pw-h"));
        QVERIFY2(code == 0, qPrintable(err));
    }

    // The author of a history row, a note or a rule set is the member's display name of the login
    // that wrote it, whatever the client sends: a CSM in psql cannot write as a colleague.
    void theServerSaysWhoWrote()
    {
        Result<std::unique_ptr<TeamDatabase>> misaki
            = m_cluster.openAs(QStringLiteral("queue"), QStringLiteral("misaki"), QStringLiteral("pw-m"));
        QVERIFY(misaki.ok());
        const Action action = ActionStore((*misaki)->connection()).queue().value().first();
        Result<QSqlQuery> forged = (*misaki)->exec(
            QStringLiteral("INSERT INTO action_history (action_id, at, author, kind, detail) "
                           "VALUES (?, 1, ?, 'note', 'forged?') RETURNING author, login"),
            { action.id, QStringLiteral("佐藤 花子") });
        QVERIFY2(forged.ok(), qPrintable(forged.ok() ? QString() : forged.error()));
        QVERIFY(forged->next());
        QCOMPARE(forged->value(0).toString(), QStringLiteral("高橋 美咲"));
        QCOMPARE(forged->value(1).toString(), QStringLiteral("misaki"));
        Result<QSqlQuery> note = (*misaki)->exec(
            QStringLiteral(
                "INSERT INTO account_notes (account_id, at, author, text) VALUES (?, 1, ?, 'forged?') "
                "RETURNING author"),
            { action.accountId, QStringLiteral("佐藤 花子") });
        QVERIFY2(note.ok(), qPrintable(note.ok() ? QString() : note.error()));
        QVERIFY(note->next());
        QCOMPARE(note->value(0).toString(), QStringLiteral("高橋 美咲"));
        // Nor afterwards: an UPDATE keeps the writer's name (where the login may update at all).
        Result<QSqlQuery> renamed = (*misaki)->exec(
            QStringLiteral("UPDATE account_notes SET author = ? WHERE text = 'forged?' RETURNING author"),
            { QStringLiteral("佐藤 花子") });
        if (renamed.ok()) {
            while (renamed->next())
                QCOMPARE(renamed->value(0).toString(), QStringLiteral("高橋 美咲"));
        }
        // The workspace's owner, not a member, keeps the authors it moves in (team push does).
        Result<std::unique_ptr<TeamDatabase>> owner = m_cluster.open(QStringLiteral("queue"));
        QVERIFY(owner.ok());
        QCOMPARE(
            test::rows(**owner,
                       QStringLiteral("INSERT INTO account_notes (account_id, at, author, text) "
                                      "VALUES (?, 2, 'Yuki (from a file)', 'moved in') RETURNING author"),
                       { action.accountId }),
            QStringList { QStringLiteral("Yuki (from a file)") });
    }

    // The engine's refresh of priorities and reasons leaves an action's version, and who changed it
    // last, alone: a CSM's change on the version shown just before a pass lands. A change of status
    // by the engine (clearing an action) still moves the version.
    void anEnginePassDoesNotRefuseACsmsChange()
    {
        Result<std::unique_ptr<TeamDatabase>> misaki
            = m_cluster.openAs(QStringLiteral("queue"), QStringLiteral("misaki"), QStringLiteral("pw-m"));
        Result<std::unique_ptr<TeamDatabase>> owner = m_cluster.open(QStringLiteral("queue"));
        QVERIFY(misaki.ok() && owner.ok());
        ActionStore store((*misaki)->connection());
        const QList<Action> before = store.queue().value();
        QVERIFY(!before.isEmpty());
        // A pass a day later: silent days grow, so reasons and priorities are refreshed.
        std::unique_ptr<TeamEngine> elected = engineOn(kAsOf.addDays(1));
        QVERIFY(elected);
        TeamEngine& engine = *elected;
        Result<TeamEngine::Pass> pass = engine.runPass();
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        int refreshed = 0;
        std::optional<Action> target;
        for (const Action& was : before) {
            const std::optional<Action> now = store.find(was.id);
            QVERIFY(now);
            if (now->status != was.status) {
                QVERIFY2(now->version > was.version, "a change of status moves the version");
                continue;
            }
            if (now->facts == was.facts && now->priority == was.priority)
                continue;
            ++refreshed;
            QCOMPARE(now->version, was.version);
            QCOMPARE(now->updatedBy, was.updatedBy);
            QCOMPARE(now->updatedAt, was.updatedAt);
            if (!target && now->status != QLatin1String("done"))
                target = was;
        }
        QVERIFY2(refreshed > 0 && target, "the pass refreshed an open action's priority or reason");
        // Misaki acts on the version she saw before the pass.
        const Status done = store.markDone(target->id, QStringLiteral("高橋 美咲"), QStringLiteral("called"),
                                           target->version);
        QVERIFY2(done.ok(), qPrintable(done.error()));
        QCOMPARE(store.find(target->id)->status, QStringLiteral("done"));
        QCOMPARE(store.find(target->id)->version, target->version + 1);
    }

    // The engine writes a refresh to a team workspace in a few statements (ActionChanges), to a
    // file row by row: the same changes leave the same queue and history on both.
    void bulkWritesMatchAFilesRowWrites()
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(QStringLiteral("writes"));
        QVERIFY2(team.ok(), qPrintable(team.ok() ? QString() : team.error()));
        test::TempWorkspace local;
        std::unique_ptr<Database> file = local.open();
        QSqlDatabase pg = (*team)->connection();
        QSqlDatabase lite = file->connection();
        const auto write = [](QSqlDatabase db, bool onTeam, const ActionChanges& changes) {
            if (!db.transaction())
                return Result<ActionChanges::Counts>(Error { db.lastError().text() });
            Result<ActionChanges::Counts> counts = changes.write(db, onTeam, qint64(1780000000000));
            if (!counts || !db.commit()) {
                db.rollback();
                return counts ? Result<ActionChanges::Counts>(Error { db.lastError().text() }) : counts;
            }
            return counts;
        };
        const auto compareCounts = [](const ActionChanges::Counts& a, const ActionChanges::Counts& b) {
            return QStringLiteral("%1 %2 %3 %4").arg(a.opened).arg(a.updated).arg(a.cleared).arg(a.woke)
                == QStringLiteral("%1 %2 %3 %4").arg(b.opened).arg(b.updated).arg(b.cleared).arg(b.woke);
        };

        ActionChanges opening;
        opening.opens = {
            { QStringLiteral("A-1"), QStringLiteral("bad_band"), QStringLiteral("高橋 美咲"), 80.5,
              "{\"band\":\"Bad\",\"stage\":\"導入\"}" },
            { QStringLiteral("A-2"), QStringLiteral("inactive"), QString(), 40, "{\"silent_days\":30}" },
            { QStringLiteral("A-4"), QStringLiteral("score_drop"), QStringLiteral(""), 33.3, "{}" },
            { QStringLiteral("A-5"), QStringLiteral("score_drop"), QStringLiteral("佐藤 花子"), 0.1, "{}" },
            { QStringLiteral("A-3"), QStringLiteral("renewal_risk"), QStringLiteral("O'Brien; DROP"), 10,
              "{\"renewal_days\":12,\"note\":\"\\\"quoted\\\" \\\\ 'x'\"}" },
        };
        for (bool onTeam : { true, false }) {
            Result<ActionChanges::Counts> counts = write(onTeam ? pg : lite, onTeam, opening);
            QVERIFY2(counts.ok(), qPrintable(counts.ok() ? QString() : counts.error()));
            QCOMPARE(counts->opened, 5);
        }
        // A-2 snoozed until a day that has come; A-3 marked done and quiet while it fires.
        for (QSqlDatabase db : { pg, lite }) {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE actions SET status = 'snoozed', snoozed_until = "
                                          "'2026-06-01' WHERE account_id = 'A-2'")));
            QVERIFY(q.exec(
                QStringLiteral("UPDATE actions SET status = 'done', suppress = 1 WHERE account_id = 'A-3'")));
        }
        const auto idAndVersion = [](QSqlDatabase db, const QString& account, bool onTeam) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT id, %1 FROM actions WHERE account_id = ?")
                          .arg(onTeam ? QStringLiteral("version") : QStringLiteral("0")));
            q.addBindValue(account);
            return q.exec() && q.next() ? std::pair { q.value(0).toLongLong(), q.value(1).toInt() }
                                        : std::pair { qint64(-1), -1 };
        };
        std::optional<ActionChanges::Counts> teamCounts;
        for (bool onTeam : { true, false }) {
            QSqlDatabase db = onTeam ? pg : lite;
            const auto [first, firstVersion] = idAndVersion(db, QStringLiteral("A-1"), onTeam);
            const auto [second, secondVersion] = idAndVersion(db, QStringLiteral("A-2"), onTeam);
            QVERIFY(first > 0 && second > 0);
            ActionChanges refresh;
            refresh.clears = { { first, firstVersion } };
            refresh.updates
                = { { second, secondVersion, 55.5, "{\"silent_days\":31}", true, QDate(2026, 6, 1) } };
            refresh.rearms = { { QStringLiteral("A-3"), QStringLiteral("renewal_risk") } };
            Result<ActionChanges::Counts> counts = write(db, onTeam, refresh);
            QVERIFY2(counts.ok(), qPrintable(counts.ok() ? QString() : counts.error()));
            QCOMPARE(counts->cleared, 1);
            QCOMPARE(counts->updated, 1);
            QCOMPARE(counts->woke, 1);
            if (onTeam)
                teamCounts = *counts;
            else
                QVERIFY(compareCounts(*teamCounts, *counts));
        }
        const auto queue = [](QSqlDatabase db) {
            QStringList rows;
            QSqlQuery q(db);
            q.exec(QStringLiteral(
                "SELECT account_id, trigger, status, priority, reason, coalesce(owner, '<none>'), "
                "suppress FROM actions ORDER BY account_id"));
            while (q.next())
                rows << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                            .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                 QString::number(q.value(3).toDouble()), q.value(4).toString(),
                                 q.value(5).toString(), q.value(6).toString());
            QSqlQuery h(db);
            h.exec(QStringLiteral("SELECT a.account_id, h.kind, h.detail, h.author FROM action_history h "
                                  "JOIN actions a ON a.id = h.action_id ORDER BY a.account_id, h.id"));
            while (h.next())
                rows << QStringLiteral("history %1|%2|%3|%4")
                            .arg(h.value(0).toString(), h.value(1).toString(), h.value(2).toString(),
                                 h.value(3).toString());
            return rows;
        };
        const QStringList onServer = queue(pg);
        QCOMPARE(onServer, queue(lite));
        QVERIFY2(
            onServer.contains(QStringLiteral("A-1|bad_band|done|80.5|{\"band\":\"Bad\",\"stage\":\"導入\"}|"
                                             "高橋 美咲|0")),
            qPrintable(onServer.join(QLatin1Char('\n'))));
        QVERIFY(onServer.contains(QStringLiteral("A-2|inactive|open|55.5|{\"silent_days\":31}|<none>|0")));
        QVERIFY(onServer.contains(QStringLiteral("history A-2|woke|2026-06-01|Tenure")));
        QVERIFY(
            onServer.contains(QStringLiteral("history A-1|cleared|the condition no longer holds|Tenure")));
        QVERIFY(onServer.contains(QStringLiteral(
            "A-3|renewal_risk|done|10|{\"renewal_days\":12,\"note\":\"\\\"quoted\\\" \\\\ 'x'\"}|"
            "O'Brien; DROP|0")));
    }

    // Every write of a refresh lands only on the version the engine read: an action a CSM changed
    // meanwhile is left as the CSM left it, with no history row of the engine's.
    void theEngineLeavesAnActionChangedMeanwhile()
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(QStringLiteral("stale"));
        QVERIFY(team.ok());
        QSqlDatabase pg = (*team)->connection();
        ActionChanges opening;
        opening.opens = { { QStringLiteral("A-2"), QStringLiteral("inactive"), QString(), 55.5, "{}" } };
        QVERIFY(pg.transaction());
        QCOMPARE(opening.write(pg, true, 1).value().opened, 1);
        QVERIFY(pg.commit());
        QSqlQuery read(pg);
        QVERIFY(read.exec(QStringLiteral("SELECT id, version FROM actions WHERE account_id = 'A-2'"))
                && read.next());
        const qint64 id = read.value(0).toLongLong();
        const int seen = read.value(1).toInt();
        read.finish();
        // A CSM snoozes it after the engine read it.
        QSqlQuery csm(pg);
        QVERIFY(csm.exec(QStringLiteral("UPDATE actions SET status = 'snoozed', snoozed_until = '2026-07-01' "
                                        "WHERE account_id = 'A-2'")));
        QVERIFY(read.exec(QStringLiteral("SELECT count(*) FROM action_history")) && read.next());
        const int historyBefore = read.value(0).toInt();
        read.finish();
        ActionChanges stale;
        stale.clears = { { id, seen } };
        stale.updates = { { id, seen, 99, "{\"x\":1}", true, QDate(2026, 6, 1) } };
        QVERIFY(pg.transaction());
        Result<ActionChanges::Counts> counts = stale.write(pg, true, qint64(1780000000000));
        QVERIFY2(counts.ok(), qPrintable(counts.ok() ? QString() : counts.error()));
        QVERIFY(pg.commit());
        QCOMPARE(counts->cleared, 0);
        QCOMPARE(counts->updated, 0);
        QCOMPARE(counts->woke, 0);
        // Both left changes are counted: the queue's next refresh then looks at every account.
        QCOMPARE(counts->skipped, 2);
        QVERIFY(
            read.exec(QStringLiteral("SELECT status, priority, (SELECT count(*) FROM action_history) FROM "
                                     "actions WHERE id = ")
                      + QString::number(id))
            && read.next());
        QCOMPARE(read.value(0).toString(), QStringLiteral("snoozed"));
        QCOMPARE(read.value(1).toDouble(), 55.5);
        QCOMPARE(read.value(2).toInt(), historyBefore);
    }

    // More changes than one statement takes go in slices, each counted.
    void manyChangesGoInSlices()
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(QStringLiteral("slices"));
        QVERIFY(team.ok());
        QSqlDatabase pg = (*team)->connection();
        ActionChanges opening;
        for (int i = 0; i < 10001; ++i)
            opening.opens.append(
                { QStringLiteral("S-%1").arg(i), QStringLiteral("bad_band"), QString(), 1, "{}" });
        QVERIFY(pg.transaction());
        QCOMPARE(opening.write(pg, true, 1).value().opened, 10001);
        QVERIFY(pg.commit());
        ActionChanges clearing;
        QSqlQuery ids(pg);
        QVERIFY(ids.exec(QStringLiteral("SELECT id, version FROM actions")));
        while (ids.next())
            clearing.clears.append({ ids.value(0).toLongLong(), ids.value(1).toInt() });
        QCOMPARE(clearing.clears.size(), 10001);
        QVERIFY(pg.transaction());
        QCOMPARE(clearing.write(pg, true, 2).value().cleared, 10001);
        QVERIFY(pg.commit());
        QSqlQuery history(pg);
        QVERIFY(
            history.exec(QStringLiteral("SELECT count(*) FILTER (WHERE kind = 'created'), count(*) FILTER "
                                        "(WHERE kind = 'cleared') FROM action_history")));
        QVERIFY(history.next());
        QCOMPARE(history.value(0).toInt(), 10001);
        QCOMPARE(history.value(1).toInt(), 10001);
    }

    // The queue's triggers and weights are the team's: read by anyone, set by an admin, applied by
    // the engine from its next pass.
    void theTeamsActionRulesAreSetFromTheCommandLine()
    {
        Result<std::unique_ptr<TeamDatabase>> owner = m_cluster.open(QStringLiteral("queue"));
        QVERIFY(owner.ok());
        QVERIFY(TeamMembers(**owner)
                    .add(QStringLiteral("kenji"), QStringLiteral("伊藤 健二"), QStringLiteral("admin"),
                         QStringLiteral("pw-k"))
                    .ok());
        const auto url = [this](const char* login) {
            return m_cluster.location(QStringLiteral("queue"), QLatin1String(login)).toUrl();
        };
        auto [code, out, err] = cli(
            { QStringLiteral("actions"), QStringLiteral("rules"), QStringLiteral("--db"), url("hanako") },
            QStringLiteral("pw-h"));
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY2(out.contains(QStringLiteral("\"inactive_days\": 14")), qPrintable(out));
        const QString file = test::writeFile(m_local.dirObject(), QStringLiteral("action-rules.json"),
                                             R"({"triggers": {"inactive_days": 1}})");
        const QStringList set { QStringLiteral("actions"), QStringLiteral("rules"), QStringLiteral("--set"),
                                file, QStringLiteral("--db") };
        std::tie(code, out, err) = cli(set + QStringList { url("hanako") }, QStringLiteral("pw-h"));
        QVERIFY(code != 0);
        QVERIFY2(err.contains(QStringLiteral("hanako is a member with the csm role")), qPrintable(err));
        std::tie(code, out, err) = cli(set + QStringList { url("kenji") }, QStringLiteral("pw-k"));
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY2(out.contains(QStringLiteral("saved to the team workspace")), qPrintable(out));
        std::tie(code, out, err) = cli(
            { QStringLiteral("actions"), QStringLiteral("rules"), QStringLiteral("--db"), url("hanako") },
            QStringLiteral("pw-h"));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("\"inactive_days\": 1\\b"))),
                 qPrintable(out));
        // A day after the demo's last events every account has been silent a day: with the new rules
        // the engine's next pass opens "inactive" actions the default (14 days) would not.
        std::unique_ptr<TeamEngine> elected = engineOn(kAsOf.addDays(2));
        QVERIFY(elected);
        TeamEngine& engine = *elected;
        Result<TeamEngine::Pass> pass = engine.runPass();
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        const Result<QVariant> quiet = (*owner)->scalar(
            QStringLiteral("SELECT count(*) FROM actions WHERE trigger = 'inactive' AND status <> 'done' AND "
                           "CAST(CAST(reason AS json)->>'silent_days' AS integer) < 14"));
        QVERIFY2(quiet.ok() && quiet->toInt() > 0,
                 qPrintable(quiet.ok() ? quiet->toString() : quiet.error()));
    }

private:
    // The team's engine, elected, on makeDemoTeam's working copy, as of `today`; null if not elected.
    std::unique_ptr<TeamEngine> engineOn(const QDate& today)
    {
        return test::demoEngine(m_cluster, m_local, QStringLiteral("queue"), today);
    }

    static std::tuple<int, QString, QString> cli(const QStringList& arguments, const QString& password)
    {
        QProcess process;
        QProcessEnvironment environment = test::programEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), password);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TENURE_BIN_DIR "/tenure-cli"), arguments);
        process.waitForFinished(60000);
        return std::make_tuple(process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                               QString::fromUtf8(process.readAllStandardError()));
    }

    PgCluster m_cluster;
    test::TempWorkspace m_local;
};

QTEST_GUILESS_MAIN(TestTeamActions)
#include "TestTeamActions.moc"
