#include "demo/DemoRandom.h"
#include "engine/DayClock.h"
#include "engine/DayScorer.h"
#include "rules/RuleSetJson.h"

#include <QTest>

using namespace tenure;

namespace {

// Every measure kind and scoring mode, textual and boolean thresholds, nested conditions, and
// windows long enough to reach before the first scored day.
const char* const kEveryKind = R"({
  "name": "every kind",
  "bands": [ { "name": "Good", "min_score": 66.6 }, { "name": "Normal", "min_score": 33.3 },
             { "name": "Bad", "min_score": 0 } ],
  "stages": [
    { "id": "gone", "name": "Gone",
      "when": { "measure": { "kind": "days_since_outcome", "outcome": "churned" }, "op": "<=", "value": 40 } },
    { "id": "vip", "name": "VIP",
      "when": { "all": [
        { "measure": { "kind": "account_field", "field": "arr" }, "op": ">=", "value": 50000 },
        { "any": [ { "measure": { "kind": "account_field", "field": "plan" }, "op": "==", "value": "gold" },
                   { "measure": { "kind": "active_users", "window_days": 3 }, "op": ">", "value": 2 } ] } ] },
      "criteria": [
        { "id": "a", "label": "a", "weight": 7,
          "measure": { "kind": "event_count", "events": ["login", "export"], "window_days": 9 },
          "score": { "mode": "linear", "zero_at": 10, "full_at": 0.5 } },
        { "id": "b", "label": "b", "weight": 3,
          "measure": { "kind": "account_field", "field": "attributes.flag" },
          "score": { "mode": "pass", "op": "==", "value": true } },
        { "id": "c", "label": "c", "weight": 5,
          "measure": { "kind": "trend", "events": ["login"], "window_days": 20 },
          "score": { "mode": "tiers", "tiers": [ { "from": -60, "points": 0.2 }, { "from": 0, "points": 0.7 },
                                                 { "from": 40, "points": 1 } ] } }
      ] },
    { "id": "renewing", "name": "Renewing",
      "when": { "measure": { "kind": "days_until_date", "field": "renewal_date" }, "op": "<", "value": 45 },
      "criteria": [
        { "id": "d", "label": "d", "weight": 2,
          "measure": { "kind": "days_since_event", "events": ["export"] },
          "score": { "mode": "linear", "zero_at": 30, "full_at": 2 } },
        { "id": "e", "label": "e", "weight": 4,
          "measure": { "kind": "active_users", "window_days": 30, "per_seat": true },
          "score": { "mode": "linear", "zero_at": 0, "full_at": 0.6 } },
        { "id": "f", "label": "f", "weight": 1,
          "measure": { "kind": "days_since_date", "field": "renewal_date" },
          "score": { "mode": "pass", "op": "!=", "value": -30 } },
        { "id": "g", "label": "g", "weight": 1,
          "measure": { "kind": "event_count", "window_days": 5 },
          "score": { "mode": "pass", "op": "==", "value": "2" } }
      ] },
    { "id": "young", "name": "Young",
      "when": { "measure": { "kind": "days_since_date", "field": "signup_date" }, "op": "<=", "value": 60 } },
    { "id": "steady", "name": "Steady",
      "criteria": [
        { "id": "h", "label": "h", "weight": 3,
          "measure": { "kind": "event_count", "events": ["login"], "window_days": 30, "per_seat": true },
          "score": { "mode": "linear", "zero_at": 0, "full_at": 3 } },
        { "id": "i", "label": "i", "weight": 2,
          "measure": { "kind": "days_since_event" },
          "score": { "mode": "tiers", "tiers": [ { "from": 0, "points": 1 }, { "from": 8, "points": 0.3 } ] } },
        { "id": "j", "label": "j", "weight": 2,
          "measure": { "kind": "days_since_outcome", "outcome": "renewed" },
          "score": { "mode": "linear", "zero_at": 0, "full_at": 100 } },
        { "id": "k", "label": "k", "weight": 1,
          "measure": { "kind": "trend", "window_days": 7 },
          "score": { "mode": "pass", "op": ">=", "value": 0 } }
      ] }
  ]
})";

const int kBase = DayClock::dayNumber(QDate(2024, 1, 1));

struct Case
{
    Account account;
    QList<Outcome> outcomes;
    AccountActivity activity;
};

Case randomCase(DemoRandom& random, int index)
{
    const QStringList names { QStringLiteral("login"), QStringLiteral("export"), QStringLiteral("invite") };
    Case c;
    c.account.id = QStringLiteral("A%1").arg(index);
    const QStringList plans { QStringLiteral("gold"), QStringLiteral("basic"), QStringLiteral("Trial") };
    c.account.plan = plans.at(random.between(0, 2));
    if (random.chance(0.8))
        c.account.arr = random.between(0, 100000);
    const int seats = random.between(-1, 8);
    if (seats >= 0)
        c.account.seats = seats; // 0 seats included
    if (random.chance(0.9))
        c.account.signupDate = DayClock::date(kBase + random.between(-100, 500));
    if (random.chance(0.9)) // sometimes a leap day, sometimes years ahead or already past
        c.account.renewalDate
            = random.chance(0.1) ? QDate(2028, 2, 29) : DayClock::date(kBase + random.between(-200, 1500));
    c.account.attributes.insert(QStringLiteral("flag"), random.chance(0.5));
    for (int i = random.between(0, 2); i > 0; --i) {
        Outcome outcome;
        outcome.kind = random.chance(0.5) ? Outcome::Kind::Churned : Outcome::Kind::Renewed;
        outcome.date = DayClock::date(kBase + random.between(0, 700));
        c.outcomes << outcome;
    }
    const int events = random.between(0, 400);
    const int busiest = random.between(0, 700);
    for (int i = 0; i < events; ++i) {
        const int day
            = random.chance(0.5) ? kBase + random.between(0, 700) : kBase + busiest + random.between(-20, 20);
        // Fractional quantities: window sums must be the same differences of the same prefixes.
        const double quantity = random.chance(0.7) ? 1.0 : random.between(1, 30) / 10.0;
        c.activity.addDaily(names.at(random.between(0, 2)), day, quantity);
        if (random.chance(0.8))
            c.activity.addUser(day, QStringLiteral("u%1").arg(random.between(1, 9)));
    }
    c.activity.finish();
    return c;
}

} // namespace

class TestDayScorer : public QObject
{
    Q_OBJECT

private slots:
    void matchesEvaluatorDayByDay_data()
    {
        QTest::addColumn<QByteArray>("rules");
        QTest::newRow("every kind") << QByteArray(kEveryKind);
        QTest::newRow("shipped defaults") << RuleSetJson::serialize(RuleSetJson::defaults());
    }

    // The fast path is only worth having if it is the same function: every day of every random
    // account, stage, score and band equal to the evaluator's, to the last bit.
    void matchesEvaluatorDayByDay()
    {
        QFETCH(QByteArray, rules);
        Result<RuleSet> parsed = RuleSetJson::parse(rules);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error()));
        const Evaluator evaluator(parsed.value());
        DayScorer scorer(evaluator);
        DemoRandom random(20261125);
        QSet<QString> stagesSeen;
        QSet<QString> bandsSeen;
        for (int i = 0; i < 300; ++i) {
            const Case c = randomCase(random, i);
            const int first = kBase + random.between(-30, 600);
            const int last = first + random.between(0, 150);
            std::vector<DayStatus> days;
            scorer.score(c.account, c.outcomes, c.activity, first, last, days);
            QCOMPARE(qsizetype(days.size()), qsizetype(last - first + 1));
            for (int day = first; day <= last; ++day) {
                const AccountStatus expected = evaluator.evaluate(c.account, c.outcomes, c.activity, day,
                                                                  Evaluator::Detail::ScoreOnly);
                const DayStatus& got = days[std::size_t(day - first)];
                if (got.stage != expected.stage || got.score != expected.score || got.band != expected.band)
                    QFAIL(qPrintable(QStringLiteral("case %1, %2: scorer %3/%4/%5, evaluator %6/%7/%8")
                                         .arg(i)
                                         .arg(DayClock::date(day).toString(Qt::ISODate), got.stage)
                                         .arg(got.score ? *got.score : -1)
                                         .arg(got.band, expected.stage)
                                         .arg(expected.score ? *expected.score : -1)
                                         .arg(expected.band)));
                stagesSeen.insert(got.stage);
                bandsSeen.insert(got.band);
            }
        }
        // The random cases reach every stage and band, so every path above was compared.
        QCOMPARE(stagesSeen.size(), parsed->stages.size());
        QVERIFY(bandsSeen.size() >= 3);
    }

    void emptyRun()
    {
        const Evaluator evaluator(RuleSetJson::defaults());
        DayScorer scorer(evaluator);
        std::vector<DayStatus> days { DayStatus {} };
        scorer.score(Account {}, {}, AccountActivity {}, 10, 9, days);
        QVERIFY(days.empty());
    }
};

QTEST_GUILESS_MAIN(TestDayScorer)
#include "TestDayScorer.moc"
