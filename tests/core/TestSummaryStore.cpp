#include "TestSupport.h"
#include "engine/DayClock.h"
#include "engine/Evaluator.h"
#include "engine/SummaryStore.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"

#include <QLocale>
#include <QSqlQuery>
#include <QTest>

using namespace tenure;

namespace {

qint64 scalar(Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
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
};

QTEST_GUILESS_MAIN(TestSummaryStore)
#include "TestSummaryStore.moc"
