#include "TestSupport.h"
#include "demo/DemoWorkspace.h"
#include "store/AccountStore.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"

#include <QCryptographicHash>
#include <QSet>
#include <QTest>

using namespace tenure;

namespace {

const QDate kToday(2026, 6, 15);

QByteArray fingerprint(const DemoGenerator& generator, int accounts)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (int i = 0; i < accounts; ++i) {
        const Account& account = generator.accounts().at(i);
        hash.addData(
            QStringLiteral("%1|%2|%3|%4|%5")
                .arg(account.id, account.name, account.owner, account.renewalDate.toString(Qt::ISODate))
                .arg(account.arr.value_or(-1))
                .toUtf8());
        for (const Event& event : generator.eventsFor(i))
            hash.addData(QStringLiteral("%1|%2|%3|%4|%5")
                             .arg(event.externalId, event.userId, event.name)
                             .arg(event.occurredAt)
                             .arg(event.quantity)
                             .toUtf8()
                         + event.properties);
    }
    for (const Outcome& outcome : generator.outcomes())
        hash.addData(
            (outcome.accountId + Outcome::kindName(outcome.kind) + outcome.date.toString()).toUtf8());
    return hash.result();
}

DemoGenerator::Options options(int accounts, quint64 seed = 7)
{
    DemoGenerator::Options options;
    options.seed = seed;
    options.today = kToday;
    options.accounts = accounts;
    return options;
}

qsizetype eventsBetween(const QList<Event>& events, const QDate& from, const QDate& to)
{
    const qint64 start = test::utcMs(from.year(), from.month(), from.day(), 0);
    const qint64 end = test::utcMs(to.year(), to.month(), to.day(), 0);
    return std::count_if(events.begin(), events.end(),
                         [&](const Event& e) { return e.occurredAt >= start && e.occurredAt < end; });
}

// Distinct users who signed in on [from, to).
qsizetype usersBetween(const QList<Event>& events, const QDate& from, const QDate& to)
{
    const qint64 start = test::utcMs(from.year(), from.month(), from.day(), 0);
    const qint64 end = test::utcMs(to.year(), to.month(), to.day(), 0);
    QSet<QString> users;
    for (const Event& e : events) {
        if (e.name == QLatin1String("login") && e.occurredAt >= start && e.occurredAt < end)
            users.insert(e.userId);
    }
    return users.size();
}

qsizetype namedBetween(const QList<Event>& events, const QString& name, const QDate& from, const QDate& to)
{
    const qint64 start = test::utcMs(from.year(), from.month(), from.day(), 0);
    const qint64 end = test::utcMs(to.year(), to.month(), to.day(), 0);
    return std::count_if(events.begin(), events.end(), [&](const Event& e) {
        return e.name == name && e.occurredAt >= start && e.occurredAt < end;
    });
}

std::optional<Outcome> outcomeOf(const DemoGenerator& generator, const QString& account, Outcome::Kind kind)
{
    for (const Outcome& o : generator.outcomes()) {
        if (o.accountId == account && o.kind == kind)
            return o;
    }
    return std::nullopt;
}

} // namespace

class TestDemoGenerator : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSamePortfolio()
    {
        const DemoGenerator a(options(40));
        const DemoGenerator b(options(40));
        QCOMPARE(fingerprint(a, 40), fingerprint(b, 40));
        const DemoGenerator other(options(40, 8));
        QCOMPARE_NE(fingerprint(a, 40), fingerprint(other, 40));
    }

    void portfolioLooksReal()
    {
        const DemoGenerator generator(options(300));
        QCOMPARE(generator.accounts().size(), 300);
        QSet<QString> names;
        QSet<DemoGenerator::Shape> shapes;
        int japanese = 0;
        for (qsizetype i = 0; i < generator.accounts().size(); ++i) {
            const Account& account = generator.accounts().at(i);
            names.insert(account.name);
            shapes.insert(generator.shapeOf(i));
            QVERIFY(account.signupDate.isValid());
            QVERIFY(account.renewalDate.isValid());
            if (account.currency == QLatin1String("JPY")) {
                ++japanese;
                QVERIFY2(account.name.contains(QStringLiteral("株式会社")), qPrintable(account.name));
            }
        }
        QCOMPARE(names.size(), 300); // names are unique
        QCOMPARE(shapes.size(), 8); // every shape appears
        QVERIFY2(japanese > 60 && japanese < 180, qPrintable(QString::number(japanese)));
    }

    // More accounts than the Japanese names (640): the portfolio is still made, every name its
    // own (a demo of 1,800 accounts used to draw names for ever).
    void namesStayUniqueWhenTheListsRunOut()
    {
        const DemoGenerator generator(options(1800));
        QCOMPARE(generator.accounts().size(), 1800);
        QSet<QString> names;
        int numbered = 0;
        for (const Account& account : generator.accounts()) {
            names.insert(account.name);
            if (account.name.endsWith(QStringLiteral(" %1").arg(account.id.mid(2).toInt())))
                ++numbered;
        }
        QCOMPARE(names.size(), 1800);
        QVERIFY2(numbered > 0, "the Japanese names ran out: some are told apart by their number");
    }

    void shapesShowInTheEvents()
    {
        const DemoGenerator generator(options(300));
        const QDate lastMonth = kToday.addDays(-30);
        for (qsizetype i = 0; i < generator.accounts().size(); ++i) {
            const QList<Event> events = generator.eventsFor(i);
            const Account& account = generator.accounts().at(i);
            const qsizetype recent = eventsBetween(events, lastMonth, kToday);
            switch (generator.shapeOf(i)) {
            case DemoGenerator::Shape::Churned: {
                const auto outcomes = std::count_if(
                    generator.outcomes().begin(), generator.outcomes().end(), [&](const Outcome& o) {
                        return o.accountId == account.id && o.kind == Outcome::Kind::Churned;
                    });
                QCOMPARE(outcomes, 1);
                QCOMPARE(eventsBetween(events, account.renewalDate.addDays(2), kToday), 0);
                break;
            }
            case DemoGenerator::Shape::Healthy:
                QVERIFY2(recent > 20, qPrintable(account.id));
                break;
            case DemoGenerator::Shape::Dormant:
                QVERIFY2(recent < 5, qPrintable(account.id));
                break;
            case DemoGenerator::Shape::Declining: {
                const qsizetype early = eventsBetween(events, kToday.addDays(-330), kToday.addDays(-300));
                QVERIFY2(recent < early,
                         qPrintable(QStringLiteral("%1: %2 vs %3").arg(account.id).arg(recent).arg(early)));
                break;
            }
            default:
                break;
            }
            for (const Event& event : events)
                QVERIFY(EventLog::validate(event).isEmpty());
        }
    }

    // Outcomes fall over the year, late enough that a backtest 90 days ahead has a month of events
    // before each; churn comes at the end of a contract.
    void outcomesAreSpreadOverTheYear()
    {
        const DemoGenerator generator(options(300));
        QSet<int> churnMonths;
        qsizetype churned = 0;
        for (const Outcome& outcome : generator.outcomes()) {
            QVERIFY(outcome.date < kToday);
            QVERIFY2(outcome.date >= kToday.addDays(-365 + 120), qPrintable(outcome.accountId));
            if (outcome.kind == Outcome::Kind::Churned) {
                ++churned;
                churnMonths.insert(outcome.date.year() * 12 + outcome.date.month());
            }
        }
        QVERIFY2(churned >= 45, qPrintable(QString::number(churned)));
        QVERIFY2(churnMonths.size() >= 7, qPrintable(QString::number(churnMonths.size())));
    }

    // Most churners leave seats unused and file tickets months before they go; a few go without
    // warning. Healthy accounts use most of their seats.
    void churnersShowItBeforeTheyLeave()
    {
        const DemoGenerator generator(options(300));
        int churners = 0;
        int fadedEarly = 0; // few seats in use 90 days before the churn
        int complained = 0; // more tickets in the 120 days before the churn than in a calm month's pace
        int sudden = 0;
        int healthy = 0;
        int healthyBusy = 0;
        for (qsizetype i = 0; i < generator.accounts().size(); ++i) {
            const Account& account = generator.accounts().at(i);
            const QList<Event> events = generator.eventsFor(i);
            if (generator.shapeOf(i) == DemoGenerator::Shape::Healthy) {
                ++healthy;
                healthyBusy += usersBetween(events, kToday.addDays(-30), kToday) >= 0.3 * *account.seats;
                continue;
            }
            if (generator.shapeOf(i) != DemoGenerator::Shape::Churned)
                continue;
            const QDate churn = outcomeOf(generator, account.id, Outcome::Kind::Churned)->date;
            ++churners;
            const QDate asOf = churn.addDays(-90);
            const qsizetype users = usersBetween(events, asOf.addDays(-30), asOf);
            fadedEarly += users < 0.35 * *account.seats;
            complained
                += namedBetween(events, QStringLiteral("support_ticket"), churn.addDays(-120), churn) >= 3;
            sudden += users >= 0.5 * *account.seats
                && usersBetween(events, churn.addDays(-30), churn) >= 0.5 * *account.seats;
        }
        const QString counts
            = QStringLiteral("%1 churners: %2 faded 90 days before, %3 complained, %4 sudden")
                  .arg(churners)
                  .arg(fadedEarly)
                  .arg(complained)
                  .arg(sudden);
        QVERIFY2(fadedEarly * 10 >= churners * 6, qPrintable(counts));
        QVERIFY2(complained * 10 >= churners * 3, qPrintable(counts));
        QVERIFY2(sudden >= 2 && sudden * 10 <= churners * 3, qPrintable(counts));
        QVERIFY2(healthyBusy * 10 >= healthy * 9,
                 qPrintable(QStringLiteral("%1 of %2").arg(healthyBusy).arg(healthy)));
    }

    // Expansion follows growing seat use; some fading accounts renew all the same.
    void expansionFollowsSeatUseAndFadingAccountsRenew()
    {
        const DemoGenerator generator(options(300));
        int expansions = 0;
        int grew = 0;
        int fadingRenewals = 0;
        for (qsizetype i = 0; i < generator.accounts().size(); ++i) {
            const Account& account = generator.accounts().at(i);
            if (generator.shapeOf(i) == DemoGenerator::Shape::Declining) {
                fadingRenewals += outcomeOf(generator, account.id, Outcome::Kind::Renewed).has_value()
                    || outcomeOf(generator, account.id, Outcome::Kind::Contracted).has_value();
                continue;
            }
            if (generator.shapeOf(i) != DemoGenerator::Shape::Expanded)
                continue;
            const QDate expansion = outcomeOf(generator, account.id, Outcome::Kind::Expanded)->date;
            if (expansion.addDays(-150) < kToday.addDays(-365))
                continue; // no events from before the growth
            ++expansions;
            const QList<Event> events = generator.eventsFor(i);
            grew += usersBetween(events, expansion.addDays(-30), expansion)
                > usersBetween(events, expansion.addDays(-150), expansion.addDays(-120));
        }
        QVERIFY(expansions >= 5);
        QVERIFY2(grew * 10 >= expansions * 8,
                 qPrintable(QStringLiteral("%1 of %2").arg(grew).arg(expansions)));
        QVERIFY(fadingRenewals >= 3);
    }

    void populateFillsWorkspaceOnceAndIsIdempotent()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        const DemoGenerator generator(options(25));
        qsizetype expectedEvents = 0;
        for (int i = 0; i < 25; ++i)
            expectedEvents += generator.eventsFor(i).size();

        int lastProgress = 0;
        const auto first
            = DemoWorkspace::populate(*db, options(25), [&](int done, int) { lastProgress = done; });
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error()));
        QCOMPARE(first->accounts, 25);
        QCOMPARE(first->events, expectedEvents);
        QCOMPARE(lastProgress, 25);
        QCOMPARE(EventLog(*db).count(), qint64(expectedEvents));
        QCOMPARE(AccountStore(*db).outcomeCount(), qint64(generator.outcomes().size()));

        const auto second = DemoWorkspace::populate(*db, options(25));
        QVERIFY(second.ok());
        QCOMPARE(second->events, 0);
        QCOMPARE(EventLog(*db).count(), qint64(expectedEvents));

        // Another seed, or another day, would be a second portfolio on top of the first: refused,
        // and nothing is added.
        DemoGenerator::Options otherSeed = options(25);
        otherSeed.seed += 1;
        DemoGenerator::Options otherDay = options(25);
        otherDay.today = otherDay.today.addDays(3);
        for (const DemoGenerator::Options& other : { otherSeed, otherDay }) {
            const auto refused = DemoWorkspace::populate(*db, other);
            QVERIFY(!refused.ok());
            QVERIFY2(
                refused.error().contains(QLatin1String("already holds a demo portfolio (made with seed")),
                qPrintable(refused.error()));
            QCOMPARE(EventLog(*db).count(), qint64(expectedEvents));
            QCOMPARE(AccountStore(*db).outcomeCount(), qint64(generator.outcomes().size()));
        }
    }

    void cancelLeavesWorkspaceUnchanged()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        std::atomic_bool cancel = false;
        const auto result = DemoWorkspace::populate(
            *db, options(30), [&](int done, int) { cancel = done >= 10; }, &cancel);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QLatin1String("cancelled")), qPrintable(result.error()));
        QCOMPARE(EventLog(*db).count(), 0);
        QCOMPARE(AccountStore(*db).count(), 0);
        QCOMPARE(SourceStore(*db).count(), 0);
    }

    void refusesWorkspaceWithOtherData()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        QVERIFY(SourceStore(*db).ensure(QStringLiteral("crm"), QStringLiteral("csv")).ok());
        const auto result = DemoWorkspace::populate(*db, options(5));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QLatin1String("other sources")), qPrintable(result.error()));
        QCOMPARE(AccountStore(*db).count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "TestDemoGenerator.moc"
