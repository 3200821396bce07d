// After a scoring pass that re-scored some accounts only, or a rebuild that changed some accounts'
// results only, the action queue's refresh looks at those accounts only, and leaves the queue exactly as a
// refresh of every account would; anything else that changed (the day, the rules, the action rules, the
// accounts, a refresh not stamped) makes it look at every account again.
#include "TestSupport.h"
#include "actions/ActionEngine.h"
#include "actions/ActionStore.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"
#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/EventLog.h"
#include "store/WorkspaceSettings.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace tenure;

namespace {
const QDate kToday(2026, 11, 25);

// Every action as the queue holds it, without its id and times: what a CSM sees.
QStringList actionsOf(Database& db)
{
    QSqlQuery query(db.connection());
    if (!query.exec(
            QStringLiteral("SELECT account_id, trigger, status, priority, reason, suppress, owner FROM "
                           "actions ORDER BY account_id, trigger, status, created_at")))
        qFatal("cannot read the actions");
    QStringList rows;
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < 7; ++i)
            row << query.value(i).toString();
        rows << row.join(u'|');
    }
    return rows;
}
} // namespace

class TestActionScope : public QObject
{
    Q_OBJECT

    test::TempWorkspace m_workspace;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ScoringEngine> m_engine;

    qint64 scalar(const QString& sql)
    {
        QSqlQuery query(m_db->connection());
        if (!query.exec(sql) || !query.next())
            qFatal("query failed: %s", qPrintable(sql));
        return query.value(0).toLongLong();
    }

    ScoringEngine::Summary pass()
    {
        const Result<ScoringEngine::Summary> summary = m_engine->run();
        if (!summary)
            qFatal("scoring failed: %s", qPrintable(summary.error()));
        return summary.value();
    }

    ActionEngine::Summary refresh(const ActionEngine::Scope& scope, const ActionRules& rules = {})
    {
        const Result<ActionEngine::Summary> summary = ActionEngine(*m_db, rules).refresh(kToday, scope);
        if (!summary)
            qFatal("refresh failed: %s", qPrintable(summary.error()));
        return summary.value();
    }

    // A copy of the workspace as it is now, under `name`, for everyAccountOn().
    QString copyNow(const QString& name)
    {
        const QString copy = m_workspace.dir() + QLatin1Char('/') + name;
        QSqlQuery vacuum(m_db->connection());
        if (!vacuum.exec(QStringLiteral("VACUUM INTO '%1'").arg(copy)))
            qFatal("cannot copy the workspace: %s", qPrintable(vacuum.lastError().text()));
        return copy;
    }

    // A refresh of every account on `copy` (copyNow), and the actions it leaves there: what a
    // scoped refresh of the workspace must leave too.
    std::pair<ActionEngine::Summary, QStringList> everyAccountOn(const QString& copy)
    {
        Result<std::unique_ptr<Database>> other = Database::open(copy);
        if (!other)
            qFatal("cannot open the copy: %s", qPrintable(other.error()));
        const Result<ActionEngine::Summary> whole = ActionEngine(**other, ActionRules()).refresh(kToday);
        if (!whole || !whole->everyAccount)
            qFatal("the copy's refresh of every account failed");
        return { whole.value(), actionsOf(**other) };
    }

    // Events on kToday for `accounts`, `each` apiece.
    void append(const QStringList& accounts, int each, const QString& tag)
    {
        QList<Event> events;
        const qint64 noon = QDateTime(kToday, QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        for (const QString& account : accounts)
            for (int i = 0; i < each; ++i) {
                Event e;
                e.source = QStringLiteral("demo");
                e.externalId = QStringLiteral("%1-%2-%3").arg(tag, account).arg(i);
                e.accountId = account;
                e.userId = QStringLiteral("u1");
                e.name = QStringLiteral("login");
                e.occurredAt = noon + i;
                events << e;
            }
        QVERIFY(EventLog(*m_db).append(events).ok());
    }

private slots:
    void initTestCase()
    {
        m_db = m_workspace.open();
        DemoGenerator::Options options;
        options.accounts = 60;
        options.today = kToday;
        QVERIFY(DemoWorkspace::populate(*m_db, options).ok());
        ScoringEngine::Options scoring;
        scoring.today = kToday;
        m_engine = std::make_unique<ScoringEngine>(*m_db, scoring);
        QVERIFY(m_engine->rebuild().ok());
        const ActionEngine::Summary first = refresh(ActionEngine::Scope());
        QVERIFY(first.everyAccount && first.opened > 0);
    }

    // The actions marked done and quiet are read by account (schema 11), not by scanning every
    // done action: the refresh's read of a pass's accounts, and the re-arming of one.
    void quietActionsAreReadByAccount()
    {
        const auto plan = [&](const QString& sql) {
            QSqlQuery query(m_db->connection());
            if (!query.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql))
                return query.lastError().text();
            QStringList steps;
            while (query.next())
                steps << query.value(3).toString();
            return steps.join(QLatin1String("; "));
        };
        const QString read = plan(QStringLiteral(
            "SELECT DISTINCT a.account_id, a.trigger FROM json_each('[\"A-00001\"]') AS j JOIN actions a "
            "ON a.account_id = j.value WHERE a.status = 'done' AND a.suppress = 1"));
        QVERIFY2(read.contains(QLatin1String("INDEX actions_quiet (account_id=?)")), qPrintable(read));
        const QString rearm = plan(
            QStringLiteral("UPDATE actions SET suppress = 0 WHERE status = 'done' AND suppress = 1 AND "
                           "account_id = 'A-00001' AND trigger = 'inactive'"));
        QVERIFY2(rearm.contains(QLatin1String("INDEX actions_quiet (account_id=? AND trigger=?)")),
                 qPrintable(rearm));
    }

    // Events for a few accounts: the silent ones among them wake up (their "inactive" actions
    // clear), the others' reasons and priorities move. The scoped refresh leaves the same queue as
    // a refresh of every account, on a copy of the same workspace.
    void aPassRefreshesItsAccountsOnly()
    {
        QStringList silent;
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT account_id FROM actions WHERE trigger = 'inactive' AND "
                                          "status = 'open' ORDER BY account_id")));
        while (query.next())
            silent << query.value(0).toString();
        query.finish();
        QVERIFY2(silent.size() >= 2, "the demo has silent accounts with an open action");
        QStringList touched { silent.at(0), silent.at(1) };
        QVERIFY(query.exec(QStringLiteral("SELECT id FROM accounts ORDER BY id LIMIT 5 OFFSET 20")));
        while (query.next())
            touched << query.value(0).toString();
        query.finish();
        // A CSM's work the refresh must respect: the first silent account's action done (quiet while
        // its trigger fires; its events now clear the trigger, which re-arms it), and an action of an
        // account with no new events snoozed until today (it wakes today, whatever its account).
        ActionStore store(*m_db);
        QVERIFY(query.exec(QStringLiteral("SELECT id FROM actions WHERE account_id = '%1' AND trigger = "
                                          "'inactive' AND status = 'open'")
                               .arg(silent.at(0)))
                && query.next());
        QVERIFY(store.markDone(query.value(0).toLongLong(), QStringLiteral("CSM"), QStringLiteral("called"))
                    .ok());
        query.finish();
        QVERIFY(query.exec(
                    QStringLiteral("SELECT id, account_id FROM actions WHERE status = 'open' AND account_id "
                                   "NOT IN ('%1') ORDER BY id DESC LIMIT 1")
                        .arg(touched.join(QStringLiteral("', '"))))
                && query.next());
        const qint64 snoozed = query.value(0).toLongLong();
        query.finish();
        QVERIFY(store.snooze(snoozed, kToday.addDays(1), QStringLiteral("CSM"), QString()).ok());
        QSqlQuery due(m_db->connection());
        QVERIFY(due.exec(QStringLiteral("UPDATE actions SET snoozed_until = '%1' WHERE id = %2")
                             .arg(kToday.toString(Qt::ISODate))
                             .arg(snoozed)));
        append(touched, 40, QStringLiteral("scope"));
        const ScoringEngine::Summary scored = pass();
        QVERIFY(!scored.allAccountsChanged);
        QCOMPARE(scored.changedAccounts, QSet<QString>(touched.cbegin(), touched.cend()));

        const QString copy = copyNow(QStringLiteral("copy.tenure"));
        const ActionEngine::Summary scoped = refresh(ActionEngine::scopeOf(scored));
        QVERIFY(!scoped.everyAccount);
        QCOMPARE(scoped.accountsChecked, qint64(touched.size()) + 1); // and the snoozed action's account
        QVERIFY2(scoped.cleared >= 1, "the second silent account's inactive action clears");
        QCOMPARE(scoped.woke, 1);
        QCOMPARE(store.find(snoozed)->status, QStringLiteral("open"));
        QCOMPARE(scalar(QStringLiteral("SELECT suppress FROM actions WHERE account_id = '%1' AND trigger = "
                                       "'inactive'")
                            .arg(silent.at(0))),
                 0); // re-armed

        const auto [whole, actions] = everyAccountOn(copy);
        QCOMPARE(whole.accountsChecked, AccountStore(*m_db).count());
        QCOMPARE(actionsOf(*m_db), actions);
        QCOMPARE(scoped.open, whole.open);

        // A pass with nothing new checks nobody, and a refresh of every account then changes nothing.
        const ActionEngine::Summary idle = refresh(ActionEngine::scopeOf(pass()));
        QVERIFY(!idle.everyAccount);
        QCOMPARE(idle.accountsChecked, 0);
        const ActionEngine::Summary after = refresh(ActionEngine::Scope());
        QCOMPARE(after.opened + after.updated + after.cleared + after.woke, 0);
    }

    // Whatever else changed since the queue's last refresh, a pass's refresh looks at every account.
    void anythingElseLooksAtEveryAccount()
    {
        // Each part of the stamp, the pass's scope kept as it was: another day, new rules, changed
        // accounts.
        append({ QStringLiteral("A-00003") }, 2, QStringLiteral("parts"));
        const ActionEngine::Scope scope = ActionEngine::scopeOf(pass());
        QVERIFY(!scope.everyAccount);
        QVERIFY(ActionEngine(*m_db, ActionRules()).refresh(kToday.addDays(1), scope)->everyAccount);
        // The queue is tomorrow's now: back on kToday every account's again, then the pass's own.
        QVERIFY(refresh(ActionEngine::scopeOf(pass())).everyAccount);
        append({ QStringLiteral("A-00003") }, 2, QStringLiteral("parts-again"));
        QVERIFY(!refresh(ActionEngine::scopeOf(pass())).everyAccount);
        append({ QStringLiteral("A-00003") }, 2, QStringLiteral("parts-rules"));
        const ActionEngine::Scope beforeRules = ActionEngine::scopeOf(pass());
        const Result<RuleStore::Active> active = RuleStore(*m_db).active();
        QVERIFY(active.ok() && RuleStore(*m_db).save(active->rules, QStringLiteral("again")).ok());
        QVERIFY(refresh(beforeRules).everyAccount);
        QVERIFY(pass().allAccountsChanged); // the engine re-scores with them
        QVERIFY(refresh(ActionEngine::Scope()).everyAccount);
        append({ QStringLiteral("A-00003") }, 2, QStringLiteral("parts-accounts"));
        const ActionEngine::Scope beforeAccounts = ActionEngine::scopeOf(pass());
        Account renamed = AccountStore(*m_db).find(QStringLiteral("A-00004")).value();
        renamed.owner = QStringLiteral("高橋 美咲");
        QVERIFY(AccountStore(*m_db).upsert(std::span<const Account>(&renamed, 1)).ok());
        QVERIFY(refresh(beforeAccounts).everyAccount);
        QVERIFY(pass().allAccountsChanged);
        QVERIFY(refresh(ActionEngine::Scope()).everyAccount);
        // Events folded in by another engine between the pass and the refresh: theirs are not the
        // pass's accounts.
        append({ QStringLiteral("A-00003") }, 2, QStringLiteral("race-mine"));
        const ActionEngine::Scope raced = ActionEngine::scopeOf(pass());
        append({ QStringLiteral("A-00005") }, 2, QStringLiteral("race-other"));
        ScoringEngine::Options options;
        options.today = kToday;
        QVERIFY(ScoringEngine(*m_db, options).run().ok());
        QVERIFY(refresh(raced).everyAccount);

        // The action rules.
        append({ QStringLiteral("A-00001") }, 3, QStringLiteral("rules"));
        ActionRules quieter;
        quieter.inactiveDays = 30;
        QVERIFY(refresh(ActionEngine::scopeOf(pass()), quieter).everyAccount);
        append({ QStringLiteral("A-00001") }, 3, QStringLiteral("rules-again"));
        QVERIFY(!refresh(ActionEngine::scopeOf(pass()), quieter).everyAccount);
        // The accounts: the engine re-scores every account itself.
        Account account = AccountStore(*m_db).all().value().first();
        account.arr = account.arr.value_or(0) + 1000;
        QVERIFY(AccountStore(*m_db).upsert(std::span<const Account>(&account, 1)).ok());
        const ScoringEngine::Summary master = pass();
        QVERIFY(master.allAccountsChanged);
        QVERIFY(refresh(ActionEngine::scopeOf(master), quieter).everyAccount);
        // A team's working copy that took the team's accounts anew, keeping their count and newest
        // change (an account removed, another added with an older change): the pass after it
        // re-scores everyone, and if that pass's refresh never ran, the next pass's looks at everyone.
        // As TeamReplica takes them: the fingerprint kept, the engine's stamp of them forgotten.
        QVERIFY(WorkspaceSettings(*m_db)
                    .setValue(WorkspaceSettings::kTeamMasterFingerprint, QStringLiteral("team-accounts-2"))
                    .ok());
        QSqlQuery copied(m_db->connection());
        QVERIFY(copied.exec(QStringLiteral("DELETE FROM engine_state WHERE key = 'master_stamp'")));
        QVERIFY(pass().allAccountsChanged); // and its refresh never runs
        append({ QStringLiteral("A-00001") }, 3, QStringLiteral("copy"));
        const ActionEngine::Scope afterCopy = ActionEngine::scopeOf(pass());
        QVERIFY(!afterCopy.everyAccount);
        QVERIFY(refresh(afterCopy, quieter).everyAccount);
        append({ QStringLiteral("A-00001") }, 3, QStringLiteral("copy-again"));
        QVERIFY(!refresh(ActionEngine::scopeOf(pass()), quieter).everyAccount);
        // A refresh that left no stamp (it failed, or a CSM changed an action it meant to change).
        append({ QStringLiteral("A-00001") }, 3, QStringLiteral("stamp"));
        QSqlQuery forget(m_db->connection());
        QVERIFY(forget.exec(QStringLiteral("DELETE FROM engine_state WHERE key = 'action_queue'")));
        QVERIFY(refresh(ActionEngine::scopeOf(pass()), quieter).everyAccount);
        // Events folded in by another engine on the same file since the queue's refresh.
        append({ QStringLiteral("A-00001") }, 3, QStringLiteral("other"));
        ScoringEngine::Options scoring;
        scoring.today = kToday;
        QVERIFY(ScoringEngine(*m_db, scoring).run().ok()); // its queue is not refreshed
        append({ QStringLiteral("A-00002") }, 3, QStringLiteral("mine"));
        const ScoringEngine::Summary mine = pass();
        QCOMPARE(mine.changedAccounts, QSet<QString> { QStringLiteral("A-00002") });
        QVERIFY(refresh(ActionEngine::scopeOf(mine), quieter).everyAccount);
    }

    // A rebuild from the log names the accounts whose results it changed: of the same log, none,
    // and the queue looks at nobody's; with today's first events for a few accounts, theirs, and
    // the queue is left as a refresh of every account leaves it. A rebuild under new rules changes
    // everyone's.
    void aRebuildRefreshesTheAccountsItChanged()
    {
        QVERIFY(refresh(ActionEngine::Scope()).everyAccount);
        const auto rebuild = [&] {
            const Result<ScoringEngine::Summary> summary = m_engine->rebuild();
            if (!summary)
                qFatal("rebuild failed: %s", qPrintable(summary.error()));
            return summary.value();
        };
        const ScoringEngine::Summary same = rebuild();
        QVERIFY(same.rebuilt && !same.allAccountsChanged);
        QCOMPARE(same.changedAccounts, QSet<QString>());
        const qint64 due = scalar(QStringLiteral("SELECT count(DISTINCT account_id) FROM actions WHERE "
                                                 "status = 'snoozed' AND snoozed_until <= '%1'")
                                      .arg(kToday.toString(Qt::ISODate)));
        const ActionEngine::Summary none = refresh(ActionEngine::scopeOf(same));
        QVERIFY(!none.everyAccount);
        QCOMPARE(none.accountsChecked, due);
        QCOMPARE(none.opened + none.updated + none.cleared, 0);

        QStringList notYetToday;
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT account_id FROM account_status WHERE score IS NOT NULL AND "
                                          "last_active < '%1' ORDER BY account_id LIMIT 3")
                               .arg(kToday.toString(Qt::ISODate))));
        while (query.next())
            notYetToday << query.value(0).toString();
        query.finish();
        QVERIFY2(notYetToday.size() == 3, "the demo has scored accounts not yet active today");
        append(notYetToday, 5, QStringLiteral("rebuild"));
        const ScoringEngine::Summary touched = rebuild();
        QVERIFY(!touched.allAccountsChanged);
        QCOMPARE(touched.changedAccounts, QSet<QString>(notYetToday.cbegin(), notYetToday.cend()));
        const QString copy = copyNow(QStringLiteral("rebuilt.tenure"));
        const ActionEngine::Summary scoped = refresh(ActionEngine::scopeOf(touched));
        QVERIFY(!scoped.everyAccount);
        QCOMPARE(scoped.accountsChecked, notYetToday.size() + due);
        QCOMPARE(actionsOf(*m_db), everyAccountOn(copy).second);

        // A rebuild whose own refresh did not happen (the window closed, the refresh failed) left
        // the stamp of the summaries it replaced, at the same checkpoint: the next pass's refresh
        // looks at every account, whatever the rebuild changed. Here a status tampered with, which
        // the rebuild puts right.
        QSqlQuery tamper(m_db->connection());
        QVERIFY(tamper.exec(QStringLiteral("UPDATE account_status SET last_active = '2020-01-01' WHERE "
                                           "account_id = (SELECT min(account_id) FROM account_status)")));
        const ScoringEngine::Summary unseen = rebuild();
        QCOMPARE(unseen.changedAccounts.size(), 1);
        append({ QStringLiteral("A-00007") }, 2, QStringLiteral("after-unseen"));
        QVERIFY(refresh(ActionEngine::scopeOf(pass())).everyAccount);
        const Result<RuleStore::Active> active = RuleStore(*m_db).active();
        QVERIFY(active.ok() && RuleStore(*m_db).save(active->rules, QStringLiteral("rebuild")).ok());
        const ScoringEngine::Summary renewed = rebuild();
        QVERIFY(renewed.allAccountsChanged);
        QVERIFY(refresh(ActionEngine::scopeOf(renewed)).everyAccount);

        // A rebuild whose back-fill starts after the day the score-drop trigger reads (10 days of
        // history, a window of 30) did not compare that day: the accounts that had history before
        // its first day (all but those without events) are looked at too, and the queue is as a
        // refresh of every account leaves it.
        ScoringEngine::Options shortHistory;
        shortHistory.today = kToday;
        shortHistory.historyDays = 10;
        // The passes with that window first (another window re-scores every account; one shorter
        // than four weeks keeps its first month whole).
        const Result<ScoringEngine::Summary> shortPass = ScoringEngine(*m_db, shortHistory).run();
        QVERIFY(shortPass.ok() && shortPass->allAccountsChanged);
        QVERIFY(refresh(ActionEngine::Scope()).everyAccount);
        const Result<ScoringEngine::Summary> shorter = ScoringEngine(*m_db, shortHistory).rebuild();
        QVERIFY(shorter.ok() && !shorter->allAccountsChanged);
        QCOMPARE(shorter->historyComparedFrom, kToday.addDays(-9));
        QVERIFY(ActionRules().dropWindowDays > 9);
        QVERIFY2(shorter->historyDroppedAccounts.size() > 40,
                 qPrintable(QString::number(shorter->historyDroppedAccounts.size())));
        const QString before = copyNow(QStringLiteral("shorter.tenure"));
        const ActionEngine::Summary widened = refresh(ActionEngine::scopeOf(*shorter));
        QVERIFY(!widened.everyAccount);
        QVERIFY(widened.accountsChecked >= shorter->historyDroppedAccounts.size());
        QCOMPARE(actionsOf(*m_db), everyAccountOn(before).second);
    }
};

QTEST_GUILESS_MAIN(TestActionScope)
#include "TestActionScope.moc"
