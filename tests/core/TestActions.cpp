#include "TestSupport.h"
#include "actions/ActionEngine.h"
#include "actions/ActionStore.h"
#include "actions/ReasonFacts.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"
#include "engine/StatusHistory.h"
#include "store/AccountStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <cmath>
#include <limits>

using namespace tenure;

namespace {
const QDate kToday(2026, 11, 25);
}

class TestActions : public QObject
{
    Q_OBJECT

    test::TempWorkspace m_workspace;
    std::unique_ptr<Database> m_db;

    ActionEngine::Summary refresh(const QDate& today = kToday, const ActionRules& rules = {})
    {
        const Result<ActionEngine::Summary> summary = ActionEngine(*m_db, rules).refresh(today);
        if (!summary)
            qFatal("refresh failed: %s", qPrintable(summary.error()));
        return summary.value();
    }

    qint64 scalar(const QString& sql)
    {
        QSqlQuery query(m_db->connection());
        if (!query.exec(sql) || !query.next())
            qFatal("query failed: %s", qPrintable(sql));
        return query.value(0).toLongLong();
    }

    // Each scored account's score by id: today's, or on `day` (from the history).
    QHash<QString, double> scores(const QDate& day = {})
    {
        QSqlQuery query(m_db->connection());
        const QString from = day.isValid() ? StatusHistory::onDay(day) : QStringLiteral("account_status");
        if (!query.exec(QStringLiteral("SELECT account_id, score FROM %1 WHERE score IS NOT NULL").arg(from)))
            qFatal("query failed: %s", qPrintable(query.lastError().text()));
        QHash<QString, double> byAccount;
        while (query.next())
            byAccount.insert(query.value(0).toString(), query.value(1).toDouble());
        return byAccount;
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
        QVERIFY(ScoringEngine(*m_db, scoring).rebuild().ok());
    }

    // Triggers open one action per account and trigger, in priority order, with reasons in words.
    void triggersOpenDeduplicatedActions()
    {
        const ActionEngine::Summary first = refresh();
        QVERIFY(first.opened > 0);
        QCOMPARE(first.open, first.opened);
        const QList<Action> queue = ActionStore(*m_db).queue().value();
        QCOMPARE(queue.size(), first.open);
        // The top of a long queue is its first actions, and the size counts all of them.
        QCOMPARE(ActionStore(*m_db).queueSize().value(), qint64(first.open));
        const QList<Action> top = ActionStore(*m_db).queue({}, false, 3).value();
        QCOMPARE(top.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(top[i].id, queue[i].id);
        QSet<QPair<QString, QString>> keys;
        for (qsizetype i = 0; i < queue.size(); ++i) {
            QVERIFY(!keys.contains({ queue[i].accountId, queue[i].trigger }));
            keys.insert({ queue[i].accountId, queue[i].trigger });
            if (i > 0)
                QVERIFY(queue[i - 1].priority >= queue[i].priority);
            QVERIFY(queue[i].priority >= 0 && queue[i].priority <= 100);
            QVERIFY(!queue[i].reason.isEmpty());
        }
        // Every account in the worst band has a bad_band action that says so.
        QSqlQuery bad(m_db->connection());
        QVERIFY(bad.exec(QStringLiteral("SELECT account_id FROM account_status WHERE band = 'Bad'")));
        int badAccounts = 0;
        while (bad.next()) {
            ++badAccounts;
            QVERIFY(keys.contains({ bad.value(0).toString(), QStringLiteral("bad_band") }));
        }
        QVERIFY(badAccounts > 0);
        for (const Action& action : queue)
            if (action.trigger == QLatin1String("bad_band"))
                QVERIFY2(action.reason.startsWith(QLatin1String("Bad in ")), qPrintable(action.reason));

        // Refreshing again opens nothing new, and rewrites no reason (the same facts, the same bytes).
        const ActionEngine::Summary again = refresh();
        QCOMPARE(again.opened, 0);
        QCOMPARE(again.updated, 0);
        // Only an inactive account's reason says how long it has been silent.
        QSqlQuery reasons(m_db->connection());
        QVERIFY(reasons.exec(QStringLiteral("SELECT trigger, reason FROM actions")));
        int silent = 0;
        while (reasons.next()) {
            const bool inactive = reasons.value(0).toString() == QLatin1String("inactive");
            QCOMPARE(reasons.value(1).toString().contains(QLatin1String("\"silent_days\":")), inactive);
            silent += inactive;
        }
        QVERIFY(silent > 0);
        QCOMPARE(again.open, first.open);
    }

    // A reason states a score's change to a tenth, as the customer page shows scores: the score
    // now against the score of the window's first day.
    void aScoreChangeIsStatedToATenth()
    {
        refresh();
        const QHash<QString, double> now = scores();
        const QHash<QString, double> then = scores(kToday.addDays(-ActionRules().dropWindowDays));
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(
            QStringLiteral("SELECT account_id, reason FROM actions WHERE reason LIKE '%\"drop\":%'")));
        int checked = 0, fractions = 0;
        while (query.next()) {
            const QString account = query.value(0).toString();
            const double drop = QJsonDocument::fromJson(query.value(1).toByteArray())
                                    .object()
                                    .value(QLatin1String("drop"))
                                    .toDouble();
            QVERIFY(now.contains(account) && then.contains(account));
            QCOMPARE(drop, std::round((then[account] - now[account]) * 10) / 10);
            ++checked;
            fractions += drop != std::round(drop);
        }
        QVERIFY(checked > 0);
        QVERIFY2(fractions > 0, "no score changed by a fraction: the test shows nothing");
    }

    // Done leaves the queue and keeps its history; the trigger stays quiet while it still fires.
    void doneLeavesTheQueueAndKeepsHistory()
    {
        ActionStore store(*m_db);
        const Action top = store.queue().value().first();
        QVERIFY(store.markDone(top.id, QStringLiteral("yuki"), QStringLiteral("QBR booked")));
        const QList<Action> queue = store.queue().value();
        QVERIFY(std::none_of(queue.begin(), queue.end(), [&](const Action& a) { return a.id == top.id; }));
        const QList<ActionEvent> history = store.history(top.id).value();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].kind, QStringLiteral("created"));
        QCOMPARE(history[1].kind, QStringLiteral("done"));
        QCOMPARE(history[1].author, QStringLiteral("yuki"));
        QCOMPARE(history[1].detail, QStringLiteral("QBR booked"));
        QCOMPARE(refresh().opened, 0); // still firing, but marked done: no new action
        QVERIFY(!store.markDone(top.id, QStringLiteral("yuki"))); // done already
        QVERIFY(!store.markDone(999999, QStringLiteral("yuki")));
    }

    void snoozedActionsWakeUpOnTheirDay()
    {
        ActionStore store(*m_db);
        const Action action = store.queue().value().first();
        QVERIFY(store.snooze(action.id, kToday.addDays(7), QStringLiteral("yuki")));
        auto queued = [&](bool withSnoozed) {
            const QList<Action> queue = store.queue({}, withSnoozed).value();
            return std::any_of(queue.begin(), queue.end(),
                               [&](const Action& a) { return a.id == action.id; });
        };
        QVERIFY(!queued(false));
        QVERIFY(queued(true));
        QCOMPARE(refresh(kToday.addDays(6)).woke, 0);
        QVERIFY(!queued(false));
        QCOMPARE(refresh(kToday.addDays(7)).woke, 1);
        QVERIFY(queued(false));
        QCOMPARE(store.history(action.id).value().last().kind, QStringLiteral("woke"));
        refresh(); // back to the real day
    }

    void reassignAndNotes()
    {
        ActionStore store(*m_db);
        const Action action = store.queue().value().first();
        QVERIFY(store.reassign(action.id, QStringLiteral("佐藤 花子"), QStringLiteral("lead")));
        QCOMPARE(store.find(action.id)->owner, QStringLiteral("佐藤 花子"));
        QCOMPARE(store.queue(QStringLiteral("佐藤 花子")).value().first().id, action.id);
        QVERIFY(!store.reassign(action.id, QStringLiteral("  "), QStringLiteral("lead")));
        QVERIFY(store.addNote(action.id, QStringLiteral("佐藤 花子"), QStringLiteral("電話しました")));
        QVERIFY(store.addAccountNote(action.accountId, QStringLiteral("佐藤 花子"),
                                     QStringLiteral("次回は QBR")));
        const QList<AccountNote> notes = store.accountNotes(action.accountId).value();
        QCOMPARE_GE(notes.size(), 2);
        QStringList texts;
        for (const AccountNote& note : notes)
            texts << note.text;
        QVERIFY(texts.contains(QStringLiteral("電話しました"))
                && texts.contains(QStringLiteral("次回は QBR")));

        // A snooze is a note only when the CSM wrote one, and then says it was a snooze.
        const Action other = store.queue().value().last();
        QVERIFY(store.snooze(other.id, kToday.addDays(5), QStringLiteral("yuki")));
        QVERIFY(
            store.snooze(action.id, kToday.addDays(9), QStringLiteral("yuki"), QStringLiteral("QBR 後に")));
        QStringList after;
        for (const AccountNote& note :
             store.accountNotes(other.accountId).value() + store.accountNotes(action.accountId).value())
            after << note.text;
        const QString snoozed = QStringLiteral("Snoozed until %1: QBR 後に")
                                    .arg(QLocale().toString(kToday.addDays(9), QLocale::ShortFormat));
        QVERIFY2(after.contains(snoozed), qPrintable(after.join(u'|')));
        for (const QString& text : std::as_const(after))
            QVERIFY2(!text.startsWith(kToday.addDays(5).toString(Qt::ISODate)), qPrintable(after.join(u'|')));
        const Status unknown
            = store.addAccountNote(QStringLiteral("nope"), QStringLiteral("x"), QStringLiteral("y"));
        QVERIFY(!unknown);
        QVERIFY(unknown.error().contains(QLatin1String("nope")));
    }

    // Actions are user data: a full rebuild of the summaries keeps every one and its history.
    void rebuildingSummariesKeepsActions()
    {
        const qint64 actions = scalar(QStringLiteral("SELECT count(*) FROM actions"));
        const qint64 history = scalar(QStringLiteral("SELECT count(*) FROM action_history"));
        ScoringEngine::Options scoring;
        scoring.today = kToday;
        QVERIFY(ScoringEngine(*m_db, scoring).rebuild().ok());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM actions")), actions);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM action_history")), history);
        QCOMPARE(refresh().opened, 0);
    }

    // A condition that clears closes its action; when it fires again a new one opens.
    void clearedConditionsCloseAndRearm()
    {
        ActionRules strict;
        strict.inactiveDays = 1000; // nobody is that inactive: every inactive action clears
        const qint64 inactive = scalar(
            QStringLiteral("SELECT count(*) FROM actions WHERE trigger = 'inactive' AND status <> 'done'"));
        QVERIFY(inactive > 0);
        // Inactive accounts whose action a CSM marked done (quiet while the condition holds).
        const qint64 quiet
            = scalar(QStringLiteral("SELECT count(DISTINCT account_id) FROM actions WHERE trigger = "
                                    "'inactive' AND status = 'done' AND suppress = 1"));
        const ActionEngine::Summary cleared = refresh(kToday, strict);
        QVERIFY(cleared.cleared >= inactive);
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT count(*) FROM actions WHERE trigger = 'inactive' AND status <> 'done'")),
                 0);
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT count(*) FROM actions WHERE trigger = 'inactive' AND suppress = 1")),
                 0);
        // Firing again, every inactive account gets an action, the quiet ones included.
        const ActionEngine::Summary reopened = refresh();
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT count(*) FROM actions WHERE trigger = 'inactive' AND status <> 'done'")),
                 inactive + quiet);
        QVERIFY(reopened.opened >= inactive + quiet);
    }

    // The engine writes reasons without QJsonDocument (ReasonFacts): the same bytes, or every
    // stored reason would differ from the one called for and the queue would be rewritten.
    void reasonFactsMatchQJsonDocument()
    {
        const QStringList texts { QStringLiteral("Bad"),
                                  QStringLiteral("要注意"),
                                  QStringLiteral("say \"hi\""),
                                  QStringLiteral("back\\slash/"),
                                  QStringLiteral("tab\tnew\nline\r\b\f"),
                                  QStringLiteral("bell\x07 nul") + QChar(0) + QChar(0x1f) + QChar(0x7f),
                                  QStringLiteral("emoji \U0001F600 and \u2028"),
                                  QString() };
        const QList<double> doubles { 0,           -0.0,
                                      1,           -25,
                                      480000,      1234567.5,
                                      0.1,         1e21,
                                      1.2e7,       3.14159265358979,
                                      1e-7,        -1e300,
                                      2e15,        99999999999999999.0,
                                      0x1p64,      0x1p64 - 2048,
                                      -0x1p63,     std::numeric_limits<double>::infinity(),
                                      std::nan("") };
        const QList<qint64> integers { 0, 1, -1, 45, 2147483647, -2147483648LL, 9007199254740993LL };
        const char* const keys[]
            = { "window_days", "band", "arr", "stage", "silent_days", "currency", "drop", "renewal_days" };
        QRandomGenerator random(20261206);
        ReasonFacts::Texts cache;
        for (int round = 0; round < 2000; ++round) {
            QJsonObject object;
            ReasonFacts facts(cache);
            for (const char* key : keys) {
                switch (random.bounded(4)) {
                case 0:
                    break; // not in this reason
                case 1: {
                    const QString text = texts[random.bounded(texts.size())];
                    object.insert(QLatin1String(key), text);
                    facts.addText(QLatin1String(key), text);
                    break;
                }
                case 2: {
                    const qint64 value = integers[random.bounded(integers.size())];
                    object.insert(QLatin1String(key), value);
                    facts.addInteger(QLatin1String(key), value);
                    break;
                }
                default: {
                    const double value = round % 2 ? doubles[random.bounded(doubles.size())]
                                                   : std::round(random.generateDouble() * 2e6 - 1e6) / 8;
                    object.insert(QLatin1String(key), value);
                    facts.addDouble(QLatin1String(key), value);
                }
                }
            }
            QCOMPARE(facts.json(), QJsonDocument(object).toJson(QJsonDocument::Compact));
        }
    }

    // The weights decide the order: with ARR alone, the larger ARR (same currency) comes first.
    void weightsDecideThePriority()
    {
        ActionRules arrOnly;
        arrOnly.bandWeight = arrOnly.renewalWeight = arrOnly.dropWeight = 0;
        arrOnly.arrWeight = 1;
        refresh(kToday, arrOnly);
        const QList<Action> queue = ActionStore(*m_db).queue().value();
        AccountStore accounts(*m_db);
        for (qsizetype i = 1; i < queue.size(); ++i) {
            const Account a = accounts.find(queue[i - 1].accountId).value();
            const Account b = accounts.find(queue[i].accountId).value();
            if (a.currency == b.currency && a.arr && b.arr && a.id != b.id)
                QVERIFY(queue[i - 1].priority >= queue[i].priority);
        }
        // Each priority is 100 × ARR / the largest ARR in the same currency.
        double largest = 0;
        const Account top = accounts.find(queue.first().accountId).value();
        for (const Account& account : accounts.all().value())
            if (account.currency == top.currency && account.arr)
                largest = std::max(largest, *account.arr);
        QVERIFY(top.arr.has_value() && largest > 0);
        QCOMPARE(queue.first().priority, std::round(1000 * *top.arr / largest) / 10);

        const Result<ActionRules> bad
            = ActionRules::fromJson(QJsonDocument::fromJson(R"({"weights": {"band": -1}})").object());
        QVERIFY(!bad);
        QVERIFY(bad.error().startsWith(QLatin1String("weights.band")));
        QVERIFY(!ActionRules::fromJson(
            QJsonDocument::fromJson(R"({"weights": {"band": 0, "arr": 0, "renewal": 0, "drop": 0}})")
                .object()));
        QVERIFY(arrOnly.save(*m_db));
        QCOMPARE(ActionRules::load(*m_db).arrWeight, 1.0);
        QCOMPARE(ActionRules::load(*m_db).bandWeight, 0.0);
    }

    // The score-drop trigger reads the figure the reason states: a fall of at least its points, to
    // a tenth. Its points are set to a fall some account states rounded up (its score fell a little
    // less), which must fire. (Last: it changes the action rules.)
    void theScoreDropTriggerReadsTheReasonsFigure()
    {
        ActionRules rules;
        const QHash<QString, double> now = scores();
        const QHash<QString, double> then = scores(kToday.addDays(-rules.dropWindowDays));
        rules.scoreDropPoints = 0;
        for (auto at = now.cbegin(); at != now.cend() && rules.scoreDropPoints == 0; ++at) {
            const double fell = then.value(at.key(), at.value()) - at.value();
            const double stated = std::round(fell * 10) / 10;
            if (stated >= 1 && fell < stated)
                rules.scoreDropPoints = stated;
        }
        QVERIFY2(rules.scoreDropPoints > 0, "no account's fall is stated rounded up");
        refresh(kToday, rules);

        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT account_id FROM actions WHERE trigger = 'score_drop' AND "
                                          "status = 'open'")));
        QSet<QString> dropped;
        while (query.next())
            dropped.insert(query.value(0).toString());
        // Every account whose fall, to a tenth, reaches the points has the action, and only those.
        QSet<QString> fell;
        for (auto at = now.cbegin(); at != now.cend(); ++at)
            if (then.contains(at.key())
                && std::round((then[at.key()] - at.value()) * 10) / 10 >= rules.scoreDropPoints)
                fell.insert(at.key());
        QVERIFY(!fell.isEmpty());
        QCOMPARE(dropped, fell);
    }
};

QTEST_GUILESS_MAIN(TestActions)
#include "TestActions.moc"
