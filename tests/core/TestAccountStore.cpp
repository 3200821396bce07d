#include "TestSupport.h"
#include "store/AccountStore.h"

#include <QSqlQuery>
#include <QTest>

using namespace tenure;

namespace {

Account makeAccount(const QString& id, const QString& name)
{
    Account account;
    account.id = id;
    account.name = name;
    account.owner = QStringLiteral("佐藤 花子");
    account.plan = QStringLiteral("Pro");
    account.arr = 1200000;
    account.currency = QStringLiteral("JPY");
    account.seats = 12;
    account.signupDate = QDate(2024, 4, 1);
    account.renewalDate = QDate(2027, 4, 1);
    account.attributes.insert(QStringLiteral("industry"), QStringLiteral("Retail"));
    return account;
}

Outcome makeOutcome(const QString& account, const QString& id, Outcome::Kind kind = Outcome::Kind::Churned)
{
    Outcome outcome;
    outcome.accountId = account;
    outcome.kind = kind;
    outcome.date = QDate(2026, 5, 1);
    outcome.amount = 1000;
    outcome.source = QStringLiteral("crm.csv");
    outcome.externalId = id;
    return outcome;
}

} // namespace

class TestAccountStore : public QObject
{
    Q_OBJECT

private slots:
    void upsertInsertsThenUpdates()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        AccountStore store(*db);
        QList<Account> accounts { makeAccount(QStringLiteral("A-1"), QStringLiteral("株式会社さくら")),
                                  makeAccount(QStringLiteral("A-2"), QStringLiteral("Northwind")) };
        accounts[1].seats.reset();
        accounts[1].renewalDate = QDate();
        QVERIFY(store.upsert(accounts).ok());
        QCOMPARE(store.count(), 2);
        QCOMPARE(store.find(QStringLiteral("A-1")), accounts[0]);
        QCOMPARE(store.find(QStringLiteral("A-2")), accounts[1]);

        accounts[0].seats = 40;
        accounts[0].owner = QStringLiteral("Ben Carter");
        QVERIFY(store.upsert(std::span(accounts).first(1)).ok());
        QCOMPARE(store.count(), 2);
        QCOMPARE(store.find(QStringLiteral("A-1"))->seats, 40);
        QCOMPARE(store.find(QStringLiteral("A-1"))->owner, QStringLiteral("Ben Carter"));
        QVERIFY(!store.find(QStringLiteral("A-3")).has_value());
    }

    // byId() holds what all() holds; the master-data stamp moves with an update and finds the
    // latest update through its index instead of reading every account.
    void byIdAndTheMasterDataStamp()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        AccountStore store(*db);
        QList<Account> accounts { makeAccount(QStringLiteral("A-1"), QStringLiteral("株式会社さくら")),
                                  makeAccount(QStringLiteral("A-2"), QStringLiteral("Northwind")) };
        QVERIFY(store.upsert(accounts).ok());
        const Result<QHash<QString, Account>> byId = store.byId();
        QVERIFY(byId.ok());
        QCOMPARE(byId->size(), 2);
        QCOMPARE(byId->value(QStringLiteral("A-1")), accounts[0]);
        QCOMPARE(byId->value(QStringLiteral("A-2")), accounts[1]);

        const QString before = store.masterDataStamp();
        QVERIFY(!before.isEmpty());
        QTest::qWait(2); // updated_at is in milliseconds
        accounts[1].plan = QStringLiteral("Enterprise");
        QVERIFY(store.upsert(std::span(accounts).last(1)).ok());
        QVERIFY(store.masterDataStamp() != before);

        QSqlQuery plan(db->connection());
        QVERIFY(plan.exec(
            QStringLiteral("EXPLAIN QUERY PLAN SELECT coalesce(max(updated_at), 0) FROM accounts")));
        QStringList steps;
        while (plan.next())
            steps << plan.value(3).toString();
        QVERIFY2(steps.join(QLatin1Char(' '))
                     .contains(QLatin1String("SEARCH accounts USING COVERING INDEX accounts_updated")),
                 qPrintable(steps.join(QLatin1String("; "))));
    }

    void accountWithoutIdFailsWholeUpsert()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        AccountStore store(*db);
        const QList<Account> accounts { makeAccount(QStringLiteral("A-1"), QStringLiteral("One")),
                                        makeAccount(QString(), QStringLiteral("Nameless")) };
        const Status status = store.upsert(accounts);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(QLatin1String("Account 2 of 2")), qPrintable(status.error()));
        QCOMPARE(store.count(), 0);
    }

    void outcomesNeedKnownAccountsAndDeduplicate()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        AccountStore store(*db);
        QVERIFY(
            store.upsert(QList<Account> { makeAccount(QStringLiteral("A-1"), QStringLiteral("One")) }).ok());

        const QList<Outcome> bad { makeOutcome(QStringLiteral("A-1"), QStringLiteral("o1")),
                                   makeOutcome(QStringLiteral("A-404"), QStringLiteral("o2")) };
        const auto rejected = store.addOutcomes(bad);
        QVERIFY(!rejected.ok());
        QVERIFY2(rejected.error().contains(QLatin1String("A-404")), qPrintable(rejected.error()));
        QCOMPARE(store.outcomeCount(), 0); // the whole call rolled back

        const QList<Outcome> good { makeOutcome(QStringLiteral("A-1"), QStringLiteral("o1")),
                                    makeOutcome(QStringLiteral("A-1"), QStringLiteral("o2"),
                                                Outcome::Kind::Expanded),
                                    makeOutcome(QStringLiteral("A-1"), QStringLiteral("o1")) };
        const auto added = store.addOutcomes(good);
        QVERIFY(added.ok());
        QCOMPARE(added->inserted, 2);
        QCOMPARE(added->duplicates, 1);
        const auto stored = store.outcomesFor(QStringLiteral("A-1"));
        QCOMPARE(stored->size(), 2);
        QCOMPARE(stored->at(1).kind, Outcome::Kind::Expanded);
    }

    void outcomeKindNamesRoundTrip()
    {
        for (auto kind : { Outcome::Kind::Churned, Outcome::Kind::Renewed, Outcome::Kind::Expanded,
                           Outcome::Kind::Contracted })
            QCOMPARE(Outcome::kindFromName(Outcome::kindName(kind)), kind);
        QCOMPARE(Outcome::kindFromName(QStringLiteral("CHURNED")), Outcome::Kind::Churned);
        QVERIFY(!Outcome::kindFromName(QStringLiteral("paused")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestAccountStore)
#include "TestAccountStore.moc"
