#include "engine/BreakdownCodec.h"
#include "engine/Evaluator.h"
#include "rules/RuleSet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tenure;

namespace {

Stage renewalStage()
{
    Stage stage;
    stage.id = QStringLiteral("renewal");
    HealthCriterion logins;
    logins.id = QStringLiteral("logins");
    logins.label = QStringLiteral("ログイン \"30 days\"");
    logins.weight = 20;
    logins.scoring.mode = Scoring::Mode::Linear;
    logins.scoring.zeroAt = 0;
    logins.scoring.fullAt = 40;
    HealthCriterion plan;
    plan.id = QStringLiteral("plan");
    plan.label = QStringLiteral("Plan");
    plan.weight = 5;
    stage.criteria = { logins, plan };
    return stage;
}

} // namespace

// How a breakdown is stored: what the account measured, with the rules' words and weights taken
// from the rule set version the row names.
class TestBreakdownCodec : public QObject
{
    Q_OBJECT

private slots:
    // Only the id, the observed value and the points are stored, as JSON arrays that Qt reads.
    void storesWhatWasMeasuredOnly()
    {
        const QList<CriterionResult> breakdown {
            { QStringLiteral("logins"), QStringLiteral("ログイン \"30 days\""), QVariant(12.0),
              QStringLiteral("0 → 40"), 6.5, 20 },
            { QStringLiteral("renewal"), QStringLiteral("Days to renewal"), QVariant(),
              QStringLiteral("<= 90"), 0, 10 },
            { QStringLiteral("plan"), QStringLiteral("Plan"), QVariant(QStringLiteral("Pro \"x\"")),
              QStringLiteral("= Pro"), 5, 5 },
            { QStringLiteral("flag"), QStringLiteral("Flag"), QVariant(true), QStringLiteral("= true"),
              1.0 / 3, 1 },
        };
        QJsonArray expected;
        for (const CriterionResult& c : breakdown)
            expected.append(QJsonArray { c.id, QJsonValue::fromVariant(c.observed), c.earned });
        const QByteArray written = BreakdownCodec::encode(breakdown);
        QCOMPARE(written, QJsonDocument(expected).toJson(QJsonDocument::Compact)); // byte for byte
        QVERIFY(!written.contains("Plan"));
        QVERIFY(!written.contains("<= 90"));
        QCOMPARE(BreakdownCodec::encode({}), QByteArray("[]"));
    }

    // Decoding puts back the rules' label, threshold in words and points possible.
    void readsBackWithTheRulesWords()
    {
        const Stage stage = renewalStage();
        const QList<CriterionResult> written {
            { QStringLiteral("logins"), stage.criteria[0].label, QVariant(12.0),
              Evaluator::describe(stage.criteria[0].scoring), 6.5, 20 },
            { QStringLiteral("plan"), QStringLiteral("Plan"), QVariant(QStringLiteral("Pro")),
              Evaluator::describe(stage.criteria[1].scoring), 5, 5 },
        };
        const QList<CriterionResult> back = BreakdownCodec::decode(BreakdownCodec::encode(written), &stage);
        QCOMPARE(back.size(), written.size());
        for (qsizetype i = 0; i < back.size(); ++i) {
            QCOMPARE(back[i].id, written[i].id);
            QCOMPARE(back[i].label, written[i].label);
            QCOMPARE(back[i].observed.toString(), written[i].observed.toString());
            QCOMPARE(back[i].threshold, written[i].threshold);
            QCOMPARE(back[i].earned, written[i].earned);
            QCOMPARE(back[i].possible, written[i].possible);
        }
        QCOMPARE(back[0].threshold, QStringLiteral("0 → 40"));
    }

    // A threshold's negative figures read with the minus sign, as observed values do ("−12.12"
    // observed against "−50 → 0", not "-50 → 0").
    void thresholdsWriteTheMinusSign()
    {
        Scoring linear;
        linear.mode = Scoring::Mode::Linear;
        linear.zeroAt = -50;
        linear.fullAt = 0;
        QCOMPARE(Evaluator::describe(linear), QStringLiteral("−50 → 0"));
        Scoring tiers;
        tiers.mode = Scoring::Mode::Tiers;
        tiers.tiers = { { -10.5, 0.5 }, { 0, 1 } };
        QCOMPARE(Evaluator::describe(tiers), QStringLiteral("−10.5+: 50%, 0+: 100%"));
    }

    // A criterion the rules no longer name (or rules that are gone) still shows what was measured.
    void aCriterionTheRulesLostShowsItsId()
    {
        const Stage stage = renewalStage();
        const QByteArray stored = R"([["seats",3,1.5]])";
        for (const Stage* rules : { &stage, static_cast<const Stage*>(nullptr) }) {
            const QList<CriterionResult> back = BreakdownCodec::decode(stored, rules);
            QCOMPARE(back.size(), 1);
            QCOMPARE(back[0].label, QStringLiteral("seats"));
            QCOMPARE(back[0].observed.toDouble(), 3.0);
            QCOMPARE(back[0].earned, 1.5);
            QVERIFY(back[0].threshold.isEmpty());
        }
    }

    // Rows written by 0.1 hold whole objects; they read as they were written.
    void rowsOfTheFirstFormatReadAsWritten()
    {
        const Stage stage = renewalStage();
        const QByteArray stored = R"([{"earned":6.5,"id":"logins","label":"Old label","observed":12,)"
                                  R"("possible":20,"threshold":">= 20"}])";
        const QList<CriterionResult> back = BreakdownCodec::decode(stored, &stage);
        QCOMPARE(back.size(), 1);
        QCOMPARE(back[0].label, QStringLiteral("Old label"));
        QCOMPARE(back[0].threshold, QStringLiteral(">= 20"));
        QCOMPARE(back[0].possible, 20.0);
        QCOMPARE(back[0].observed.toDouble(), 12.0);
    }
};

QTEST_GUILESS_MAIN(TestBreakdownCodec)
#include "TestBreakdownCodec.moc"
