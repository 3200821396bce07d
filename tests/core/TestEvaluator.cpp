#include "engine/DayClock.h"
#include "engine/Evaluator.h"
#include "rules/RuleSetJson.h"

#include <QTest>

using namespace tenure;

namespace {

const QDate kDay(2026, 6, 15);
const int D = DayClock::dayNumber(kDay);

Measure count(int window, QStringList events = {}, bool perSeat = false)
{
    Measure m;
    m.kind = Measure::Kind::EventCount;
    m.windowDays = window;
    m.events = std::move(events);
    m.perSeat = perSeat;
    return m;
}

Measure ofKind(Measure::Kind kind, const QString& field = {}, int window = 30)
{
    Measure m;
    m.kind = kind;
    m.field = field;
    m.windowDays = window;
    return m;
}

Account account(std::optional<int> seats = 10)
{
    Account a;
    a.id = QStringLiteral("A-1");
    a.name = QStringLiteral("株式会社さくら");
    a.plan = QStringLiteral("Pro");
    a.arr = 1200000;
    a.seats = seats;
    a.signupDate = QDate(2025, 1, 10);
    a.renewalDate = kDay.addDays(90);
    a.attributes.insert(QStringLiteral("is_trial"), false);
    return a;
}

QVariant measure(const Measure& m, const AccountActivity& activity, const Account& a = account(),
                 const QList<Outcome>& outcomes = {}, int day = D)
{
    return Evaluator::measure(m, a, outcomes, activity, day);
}

Comparison compare(Comparison::Op op, QVariant value)
{
    return { op, std::move(value) };
}

} // namespace

class TestEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void eventCountWindowIsExactlyNDays()
    {
        AccountActivity activity;
        activity.addDaily(QStringLiteral("login"), D, 1); // today counts
        activity.addDaily(QStringLiteral("login"), D - 29, 2); // 30th day back counts
        activity.addDaily(QStringLiteral("login"), D - 30, 4); // 31st day back does not
        activity.addDaily(QStringLiteral("login"), D + 1, 8); // tomorrow: no look-ahead
        activity.addDaily(QStringLiteral("export"), D, 16);
        activity.finish();
        QCOMPARE(measure(count(30, { QStringLiteral("login") }), activity).toDouble(), 3.0);
        QCOMPARE(measure(count(31, { QStringLiteral("login") }), activity).toDouble(), 7.0);
        QCOMPARE(measure(count(1, { QStringLiteral("login") }), activity).toDouble(), 1.0);
        QCOMPARE(measure(count(30), activity).toDouble(), 19.0); // any event
        QCOMPARE(
            measure(count(30, { QStringLiteral("login"), QStringLiteral("export") }), activity).toDouble(),
            19.0);
        QCOMPARE(measure(count(30, { QStringLiteral("login") }, true), activity).toDouble(), 0.3); // per seat
        QCOMPARE(measure(count(30, { QStringLiteral("nothing") }), activity).toDouble(), 0.0);
    }

    void noHistory()
    {
        AccountActivity empty;
        empty.finish();
        QCOMPARE(measure(count(30), empty).toDouble(), 0.0);
        QVERIFY(!measure(ofKind(Measure::Kind::DaysSinceEvent), empty).isValid());
        QCOMPARE(measure(ofKind(Measure::Kind::ActiveUsers), empty).toDouble(), 0.0);
        QVERIFY(!measure(ofKind(Measure::Kind::Trend), empty).isValid()); // silent: no trend, no points
        QVERIFY(!empty.firstDay().has_value());
    }

    void activeUsersAndSeats()
    {
        AccountActivity activity;
        activity.addUser(D, QStringLiteral("u1"));
        activity.addUser(D - 3, QStringLiteral("u1"));
        activity.addUser(D - 6, QStringLiteral("u2"));
        activity.addUser(D - 7, QStringLiteral("u3")); // outside a 7-day window
        activity.finish();
        QCOMPARE(measure(ofKind(Measure::Kind::ActiveUsers, {}, 7), activity).toDouble(), 2.0);
        QCOMPARE(measure(ofKind(Measure::Kind::ActiveUsers, {}, 8), activity).toDouble(), 3.0);
        Measure perSeat = ofKind(Measure::Kind::ActiveUsers, {}, 7);
        perSeat.perSeat = true;
        QCOMPARE(measure(perSeat, activity).toDouble(), 0.2);
        // No seats, or zero seats: there is nothing to divide by, so nothing is measured.
        QVERIFY(!measure(perSeat, activity, account(0)).isValid());
        QVERIFY(!measure(perSeat, activity, account(std::nullopt)).isValid());
        QCOMPARE(Evaluator::share({ Scoring::Mode::Linear, {}, 0, 0.5, {} },
                                  measure(perSeat, activity, account(0))),
                 0.0);
    }

    void daysSinceEvent()
    {
        AccountActivity activity;
        activity.addDaily(QStringLiteral("login"), D - 5, 1);
        activity.addDaily(QStringLiteral("report"), D - 2, 1);
        activity.addDaily(QStringLiteral("report"), D + 3, 1);
        activity.finish();
        QCOMPARE(measure(ofKind(Measure::Kind::DaysSinceEvent), activity).toDouble(), 2.0);
        Measure logins = ofKind(Measure::Kind::DaysSinceEvent);
        logins.events = { QStringLiteral("login") };
        QCOMPARE(measure(logins, activity).toDouble(), 5.0);
        QCOMPARE(measure(logins, activity, account(), {}, D - 5).toDouble(), 0.0);
        QVERIFY(!measure(logins, activity, account(), {}, D - 6).isValid());
    }

    void accountDates()
    {
        AccountActivity none;
        none.finish();
        const Measure until = ofKind(Measure::Kind::DaysUntilDate, QStringLiteral("renewal_date"));
        QCOMPARE(measure(until, none).toDouble(), 90.0);
        Account noRenewal = account();
        noRenewal.renewalDate = QDate();
        QVERIFY(!measure(until, none, noRenewal).isValid());
        // A renewal stored a year ahead: as of a day a year earlier, the renewal then due counts.
        QCOMPARE(measure(until, none, account(), {}, D - 365).toDouble(), 90.0);
        QCOMPARE(
            measure(ofKind(Measure::Kind::DaysSinceDate, QStringLiteral("signup_date")), none).toDouble(),
            double(QDate(2025, 1, 10).daysTo(kDay)));
        QVERIFY(Evaluator::holds(compare(Comparison::Op::AtMost, 90.0), measure(until, none)));
        QVERIFY(!Evaluator::holds(compare(Comparison::Op::AtMost, 90.0),
                                  measure(until, none, account(), {}, D - 1)));
        QVERIFY(!Evaluator::holds(compare(Comparison::Op::AtMost, 90.0), measure(until, none, noRenewal)));
    }

    void accountFields()
    {
        AccountActivity none;
        none.finish();
        const QVariant plan = measure(ofKind(Measure::Kind::AccountField, QStringLiteral("plan")), none);
        QVERIFY(Evaluator::holds(compare(Comparison::Op::Equal, QStringLiteral("pro")), plan));
        QVERIFY(Evaluator::holds(compare(Comparison::Op::NotEqual, QStringLiteral("Enterprise")), plan));
        const QVariant arr = measure(ofKind(Measure::Kind::AccountField, QStringLiteral("arr")), none);
        QVERIFY(Evaluator::holds(compare(Comparison::Op::AtLeast, 1200000.0), arr));
        QVERIFY(!Evaluator::holds(compare(Comparison::Op::Greater, 1200000.0), arr));
        const QVariant trial
            = measure(ofKind(Measure::Kind::AccountField, QStringLiteral("attributes.is_trial")), none);
        QVERIFY(Evaluator::holds(compare(Comparison::Op::Equal, false), trial));
        QVERIFY(!Evaluator::holds(compare(Comparison::Op::Equal, true), trial));
        QVERIFY(!measure(ofKind(Measure::Kind::AccountField, QStringLiteral("attributes.missing")), none)
                     .isValid());
    }

    void trend()
    {
        AccountActivity activity;
        activity.addDaily(QStringLiteral("login"), D - 10, 5);
        activity.addDaily(QStringLiteral("login"), D - 40, 10);
        activity.finish();
        Measure m = ofKind(Measure::Kind::Trend, {}, 30);
        QCOMPARE(measure(m, activity).toDouble(), -50.0);
        QCOMPARE(measure(m, activity, account(), {}, D - 31).toDouble(), 100.0); // from nothing to something
        QVERIFY(!measure(m, activity, account(), {}, D - 100).isValid());
    }

    void outcomesArePointInTime()
    {
        AccountActivity none;
        none.finish();
        Outcome churn;
        churn.kind = Outcome::Kind::Churned;
        churn.date = kDay.addDays(-3);
        Measure m = ofKind(Measure::Kind::DaysSinceOutcome);
        m.outcome = Outcome::Kind::Churned;
        QCOMPARE(measure(m, none, account(), { churn }).toDouble(), 3.0);
        QVERIFY(!measure(m, none, account(), { churn }, D - 4).isValid());
    }

    void scoringModes()
    {
        const Scoring linearDown { Scoring::Mode::Linear, {}, 14, 2, {} };
        QCOMPARE(Evaluator::share(linearDown, 14.0), 0.0);
        QCOMPARE(Evaluator::share(linearDown, 2.0), 1.0);
        QCOMPARE(Evaluator::share(linearDown, 8.0), 0.5);
        QCOMPARE(Evaluator::share(linearDown, 0.0), 1.0);
        QCOMPARE(Evaluator::share(linearDown, QVariant()), 0.0);
        Scoring tiers { Scoring::Mode::Tiers, {}, 0, 0, { { 0, 0 }, { 1, 0.4 }, { 5, 1 } } };
        QCOMPARE(Evaluator::share(tiers, 0.0), 0.0);
        QCOMPARE(Evaluator::share(tiers, 1.0), 0.4);
        QCOMPARE(Evaluator::share(tiers, 4.0), 0.4);
        QCOMPARE(Evaluator::share(tiers, 5.0), 1.0);
        const Scoring pass { Scoring::Mode::Pass, compare(Comparison::Op::AtLeast, 3.0), 0, 0, {} };
        QCOMPARE(Evaluator::share(pass, 3.0), 1.0);
        QCOMPARE(Evaluator::share(pass, 2.9), 0.0);
        QCOMPARE(Evaluator::describe(tiers), QStringLiteral("0+: 0%, 1+: 40%, 5+: 100%"));
        QCOMPARE(Evaluator::describe(linearDown), QStringLiteral("14 → 2"));
    }

    void stagePrecedenceAndBands()
    {
        const Evaluator evaluator(RuleSetJson::defaults());
        QCOMPARE(evaluator.bandFor(70.0), QStringLiteral("Good"));
        QCOMPARE(evaluator.bandFor(69.9), QStringLiteral("Normal"));
        QCOMPARE(evaluator.bandFor(40.0), QStringLiteral("Normal"));
        QCOMPARE(evaluator.bandFor(39.9), QStringLiteral("Bad"));
        QCOMPARE(evaluator.bandFor(0.0), QStringLiteral("Bad"));

        AccountActivity activity;
        activity.finish();
        Account a = account();
        QCOMPARE(evaluator.evaluate(a, {}, activity, D).stage, QStringLiteral("renewal")); // 90 days out
        QCOMPARE(evaluator.evaluate(a, {}, activity, D - 1).stage, QStringLiteral("adoption")); // 91 days out
        a.plan = QStringLiteral("Trial");
        QCOMPARE(evaluator.evaluate(a, {}, activity, D).stage,
                 QStringLiteral("trial")); // trial before renewal
        Outcome churn;
        churn.kind = Outcome::Kind::Churned;
        churn.date = kDay;
        const AccountStatus churned = evaluator.evaluate(a, { churn }, activity, D);
        QCOMPARE(churned.stage, QStringLiteral("churned")); // the first stage that holds wins
        QVERIFY(!churned.score.has_value()); // a stage without criteria gives no score
        QVERIFY(churned.band.isEmpty());
    }

    void scoreIsWeightedAndExplained()
    {
        const Result<RuleSet> rules = RuleSetJson::parse(R"({"name":"t",
            "bands":[{"name":"Good","min_score":70},{"name":"Normal","min_score":40},{"name":"Bad","min_score":0}],
            "stages":[{"id":"all","name":"All","criteria":[
              {"id":"logins","label":"Logins","weight":3,"measure":{"kind":"event_count","events":["login"],"window_days":7},
               "score":{"mode":"pass","op":">=","value":5}},
              {"id":"recent","label":"Recency","weight":1,"measure":{"kind":"days_since_event"},
               "score":{"mode":"linear","zero_at":10,"full_at":0}}]}]})");
        QVERIFY2(rules.ok(), rules.ok() ? "" : qPrintable(rules.error()));
        const Evaluator evaluator(rules.value());
        AccountActivity activity;
        activity.addDaily(QStringLiteral("login"), D - 5, 5);
        activity.finish();
        const AccountStatus status = evaluator.evaluate(account(), {}, activity, D);
        QCOMPARE(status.score, 87.5); // (3 * 1 + 1 * 0.5) / 4
        QCOMPARE(status.band, QStringLiteral("Good"));
        QCOMPARE(status.breakdown.size(), 2);
        QCOMPARE(status.breakdown[0].observed.toDouble(), 5.0);
        QCOMPARE(status.breakdown[0].threshold, QStringLiteral(">= 5"));
        QCOMPARE(status.breakdown[0].earned, 3.0);
        QCOMPARE(status.breakdown[1].earned, 0.5);
        QCOMPARE(status.breakdown[1].possible, 1.0);
        // Three days later the login falls out of the 7-day window.
        QCOMPARE(evaluator.evaluate(account(), {}, activity, D + 3).score.value_or(-1),
                 5.0); // recency 8 days: 0.2 of 1 of 4
    }
};

QTEST_GUILESS_MAIN(TestEvaluator)
#include "TestEvaluator.moc"
