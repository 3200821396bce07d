#include "TestSupport.h"
#include "engine/DayClock.h"
#include "engine/SummaryStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    // The engine's breakdown, written directly, is the JSON that QJsonObject would give.
    void breakdownMatchesQtJson()
    {
        QList<CriterionResult> breakdown {
            { QStringLiteral("logins"), QStringLiteral("ログイン \"30 days\""), QVariant(12.0),
              QStringLiteral(">= 20"), 6.5, 20 },
            { QStringLiteral("renewal"), QStringLiteral("Days to renewal"), QVariant(),
              QStringLiteral("<= 90"), 0, 10 },
            { QStringLiteral("plan"), QStringLiteral("Plan"), QVariant(QStringLiteral("Pro")),
              QStringLiteral("= Pro"), 5, 5 },
            { QStringLiteral("flag"), QStringLiteral("Flag"), QVariant(true), QStringLiteral("= true"),
              1.0 / 3, 1 },
        };
        QJsonArray expected;
        for (const CriterionResult& c : breakdown) {
            expected.append(QJsonObject { { QStringLiteral("id"), c.id },
                                          { QStringLiteral("label"), c.label },
                                          { QStringLiteral("observed"), QJsonValue::fromVariant(c.observed) },
                                          { QStringLiteral("threshold"), c.threshold },
                                          { QStringLiteral("earned"), c.earned },
                                          { QStringLiteral("possible"), c.possible } });
        }
        const QByteArray written = SummaryStore::breakdownJson(breakdown);
        QCOMPARE(QJsonDocument::fromJson(written).array(), expected);
        QCOMPARE(written, QJsonDocument(expected).toJson(QJsonDocument::Compact)); // even byte for byte
        QCOMPARE(SummaryStore::breakdownJson({}), QByteArray("[]"));
    }

    void statusReadsBackAsWritten()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        SummaryStore store(*db);
        AccountStatus status;
        status.accountId = QStringLiteral("A-1");
        status.day = DayClock::dayNumber(QDate(2026, 6, 15));
        status.stage = QStringLiteral("renewal");
        status.score = 71.5;
        status.band = QStringLiteral("Good");
        status.lastActiveDay = status.day - 3;
        status.breakdown = { { QStringLiteral("logins"), QStringLiteral("Logins"), QVariant(12.0),
                               QStringLiteral(">= 20"), 6.5, 20 } };
        QVERIFY(store.writeStatus(status, 1000, 3).ok());
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
        QCOMPARE(back.breakdown.first().earned, 6.5);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT rules_version FROM account_status")), 3);
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
