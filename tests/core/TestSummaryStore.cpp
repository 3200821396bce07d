#include "TestSupport.h"
#include "engine/DayClock.h"
#include "engine/Evaluator.h"
#include "engine/SummaryStore.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"

#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace tenure;

namespace {

qint64 scalar(Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

void execOrDie(Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql))
        qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
}

} // namespace

// The engine's read side: aggregates, statuses, engine state, and the shadow tables a rebuild
// fills and swaps in.
class TestSummaryStore : public QObject
{
    Q_OBJECT

private slots:
    // A status reads back as written; its breakdown's words come from the rules version it names.
    void statusReadsBackAsWritten()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        RuleSet rules = RuleSetJson::defaults(QLocale(QLocale::English));
        auto scored = std::find_if(rules.stages.begin(), rules.stages.end(),
                                   [](const Stage& stage) { return !stage.criteria.isEmpty(); });
        QVERIFY(scored != rules.stages.end());
        scored->criteria.first().label = QStringLiteral("Logins");
        const HealthCriterion& criterion = scored->criteria.first();
        const Result<int> version = RuleStore(*db).save(rules, QStringLiteral("test"));
        QVERIFY2(version.ok(), qPrintable(version.ok() ? QString() : version.error()));
        SummaryStore store(*db);
        AccountStatus status;
        status.accountId = QStringLiteral("A-1");
        status.day = DayClock::dayNumber(QDate(2026, 6, 15));
        status.stage = scored->id;
        status.score = 71.5;
        status.band = QStringLiteral("Good");
        status.lastActiveDay = status.day - 3;
        status.breakdown = { { criterion.id, criterion.label, QVariant(12.0),
                               Evaluator::describe(criterion.scoring), 6.5, criterion.weight } };
        QVERIFY(store.writeStatus(status, 1000, *version).ok());
        const auto read = store.status(QStringLiteral("A-1"));
        QVERIFY(read.ok());
        QVERIFY(read->has_value());
        const AccountStatus& back = read->value();
        QCOMPARE(back.day, status.day);
        QCOMPARE(back.stage, status.stage);
        QCOMPARE(back.score, status.score);
        QCOMPARE(back.band, status.band);
        QCOMPARE(back.lastActiveDay, status.lastActiveDay);
        QCOMPARE(back.breakdown.size(), 1);
        QCOMPARE(back.breakdown.first().label, QStringLiteral("Logins"));
        QCOMPARE(back.breakdown.first().threshold, Evaluator::describe(criterion.scoring));
        QCOMPARE(back.breakdown.first().possible, criterion.weight);
        QCOMPARE(back.breakdown.first().earned, 6.5);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT rules_version FROM account_status")), *version);
        // The row holds what was measured, not the rules' words.
        QCOMPARE(
            scalar(*db,
                   QStringLiteral("SELECT count(*) FROM account_status WHERE breakdown LIKE '%Logins%'")),
            0);
        const auto missing = store.status(QStringLiteral("A-2"));
        QVERIFY(missing.ok());
        QVERIFY(!missing->has_value());
    }

    // A shadow replaces what its scope covers at once; a re-score's shadow of the scores is
    // refused once the live checkpoint moved past the one it copied.
    void shadowSwapsInWholeOrNotAtAll()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        SummaryStore live(*db);
        QVERIFY(live.setState(QStringLiteral("checkpoint"), QStringLiteral("5")).ok());
        QVERIFY(live.saveActivity(QStringLiteral("A-1"), QByteArray("\x01", 1)).ok());

        QVERIFY(SummaryStore::createShadow(*db, SummaryStore::Scope::Scores).ok());
        {
            SummaryStore shadow(*db, QString::fromLatin1(SummaryStore::kShadowSuffix));
            QCOMPARE(shadow.state(QStringLiteral("checkpoint")), QStringLiteral("5")); // copied
            QVERIFY(shadow.setState(QStringLiteral("rules_version"), QStringLiteral("2")).ok());
        }
        QVERIFY(SummaryStore::replaceWithShadow(*db, SummaryStore::Scope::Scores).ok());
        QCOMPARE(SummaryStore(*db).state(QStringLiteral("rules_version")), QStringLiteral("2"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM agg_activity")), 1); // not in scope
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_next'")),
                 0);

        QVERIFY(SummaryStore::createShadow(*db, SummaryStore::Scope::Scores).ok());
        {
            SummaryStore shadow(*db, QString::fromLatin1(SummaryStore::kShadowSuffix));
            QVERIFY(shadow.setState(QStringLiteral("rules_version"), QStringLiteral("3")).ok());
        }
        QVERIFY(SummaryStore(*db).setState(QStringLiteral("checkpoint"), QStringLiteral("6")).ok());
        QVERIFY(!SummaryStore::replaceWithShadow(*db, SummaryStore::Scope::Scores).ok());
        QCOMPARE(SummaryStore(*db).state(QStringLiteral("rules_version")), QStringLiteral("2"));
        QVERIFY(SummaryStore::dropShadow(*db).ok());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_next'")),
                 0);
    }

    // A swap names the accounts whose results differ between the live tables and the shadow (a
    // status, a month of history, a row on one side only), when the state they depend on is the
    // same on both sides; else it compares nothing. The state's other keys survive it.
    void aSwapNamesTheAccountsItChanges()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        const auto exec = [&](const QString& sql) { execOrDie(*db, sql); };
        const auto fill = [&](const QString& suffix) {
            exec(QStringLiteral("INSERT OR REPLACE INTO engine_state%1 VALUES ('checkpoint', '7'), "
                                "('rules_version', '2')")
                     .arg(suffix));
            for (int i = 1; i <= 5; ++i) {
                exec(QStringLiteral("INSERT INTO account_status%1 VALUES ('A-%2', 'adoption', 70.5, 'Good', "
                                    "'[]', '2026-06-15', 1000, 2, '2026-06-14')")
                         .arg(suffix)
                         .arg(i));
                exec(QStringLiteral("INSERT INTO history_months%1 VALUES ('A-%2', '2026-06', "
                                    "'[[\"adoption\",\"Good\"]]', '[null,[0,70.5]]')")
                         .arg(suffix)
                         .arg(i));
            }
        };
        fill(QString());
        QVERIFY(SummaryStore(*db).setState(QStringLiteral("action_queue"), QStringLiteral("stamp")).ok());
        const QString next = QString::fromLatin1(SummaryStore::kShadowSuffix);
        QVERIFY(SummaryStore::createShadow(*db).ok());
        fill(next);
        exec(
            QStringLiteral("UPDATE account_status%1 SET band = 'Normal' WHERE account_id = 'A-1'").arg(next));
        exec(QStringLiteral("UPDATE history_months%1 SET days = '[null,[0,69.5]]' WHERE account_id = 'A-2'")
                 .arg(next));
        exec(QStringLiteral("DELETE FROM account_status%1 WHERE account_id = 'A-3'").arg(next));
        exec(QStringLiteral("INSERT INTO history_months%1 VALUES ('A-4', '2026-05', '[]', '[]')").arg(next));
        exec(QStringLiteral("INSERT INTO history_months VALUES ('A-7', '2026-04', '[]', '[]')")); // live only
        exec(QStringLiteral("UPDATE account_status%1 SET computed_at = 2000 WHERE account_id = 'A-5'")
                 .arg(next));
        exec(QStringLiteral("UPDATE engine_state%1 SET value = '9' WHERE key = 'checkpoint'").arg(next));
        SummaryStore::SwapChanges changes;
        changes.sameState = { QStringLiteral("rules_version") };
        QVERIFY(SummaryStore::replaceWithShadow(*db, SummaryStore::Scope::Everything, &changes).ok());
        QVERIFY(changes.compared);
        QCOMPARE(changes.accounts,
                 (QSet<QString> { QStringLiteral("A-1"), QStringLiteral("A-2"), QStringLiteral("A-3"),
                                  QStringLiteral("A-4"), QStringLiteral("A-7") }));
        QCOMPARE(changes.liveCheckpoint, 7);
        QCOMPARE(changes.shadowCheckpoint, 9);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM account_status")), 4); // swapped in
        // The state's keys that are not the engine's stay; the engine's are the shadow's.
        QCOMPARE(SummaryStore(*db).state(QStringLiteral("action_queue")), QStringLiteral("stamp"));
        QCOMPARE(SummaryStore(*db).state(QStringLiteral("checkpoint")), QStringLiteral("9"));

        // Other rules in the shadow: every account may have moved, and nothing is compared.
        QVERIFY(SummaryStore::createShadow(*db).ok());
        fill(next);
        exec(QStringLiteral("UPDATE engine_state%1 SET value = '3' WHERE key = 'rules_version'").arg(next));
        SummaryStore::SwapChanges unlike;
        unlike.sameState = { QStringLiteral("rules_version") };
        QVERIFY(SummaryStore::replaceWithShadow(*db, SummaryStore::Scope::Everything, &unlike).ok());
        QVERIFY(!unlike.compared);
        QVERIFY(unlike.accounts.isEmpty());
    }

    // A rebuild writes the history from its back-fill's first day: the days before it are not
    // compared, in the first month nor in the months before; a day after it is. The accounts whose
    // live history held days before it are named apart.
    void aSwapComparesTheHistoryFromADay()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        const auto exec = [&](const QString& sql) { execOrDie(*db, sql); };
        const QString next = QString::fromLatin1(SummaryStore::kShadowSuffix);
        QVERIFY(SummaryStore::createShadow(*db).ok());
        for (const QString& suffix : { QString(), next }) {
            exec(QStringLiteral("INSERT OR REPLACE INTO engine_state%1 VALUES ('checkpoint', '7')")
                     .arg(suffix));
            for (int i = 1; i <= 5; ++i)
                exec(QStringLiteral("INSERT INTO history_months%1 VALUES ('A-%2', '2026-06', "
                                    "'[[\"adoption\",\"Good\"]]', '[null,[0,70.5]]')")
                         .arg(suffix)
                         .arg(i));
        }
        exec(QStringLiteral("INSERT OR REPLACE INTO engine_state VALUES ('generation', 'g1')"));
        exec(QStringLiteral("INSERT INTO history_months VALUES ('A-1', '2026-04', '[]', '[[0,1]]')"));
        exec(QStringLiteral(
                 "UPDATE history_months%1 SET days = '[[0,99.0],[0,70.5]]' WHERE account_id = 'A-2'")
                 .arg(next)); // 1 June
        exec(QStringLiteral("UPDATE history_months%1 SET days = '[null,[0,71.5]]' WHERE account_id = 'A-3'")
                 .arg(next)); // 2 June
        exec(QStringLiteral("INSERT INTO history_months%1 VALUES ('A-4', '2026-07', "
                            "'[[\"adoption\",\"Good\"]]', '[[0,70.5]]')")
                 .arg(next));
        exec(QStringLiteral(
            "UPDATE history_months SET days = '[null,[0,70.5],null]' WHERE account_id = 'A-5'"));
        exec(QStringLiteral("UPDATE history_months SET days = '[[0,50],[0,70.5]]' WHERE account_id = 'A-2'"));
        SummaryStore::SwapChanges changes;
        changes.historyFrom = QDate(2026, 6, 2);
        QVERIFY(SummaryStore::replaceWithShadow(*db, SummaryStore::Scope::Everything, &changes).ok());
        QVERIFY(changes.compared);
        QCOMPARE(changes.accounts, (QSet<QString> { QStringLiteral("A-3"), QStringLiteral("A-4") }));
        QCOMPARE(changes.liveGeneration, QStringLiteral("g1"));
        // The accounts whose live history held a day before it, which the swap drops.
        QCOMPARE(changes.historyBefore, (QSet<QString> { QStringLiteral("A-1"), QStringLiteral("A-2") }));
    }
};

QTEST_GUILESS_MAIN(TestSummaryStore)
#include "TestSummaryStore.moc"
