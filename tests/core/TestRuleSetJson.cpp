#include "rules/RuleErrorText.h"
#include "rules/RuleSetJson.h"

#include <QJsonDocument>
#include <QTest>

using namespace tenure;

namespace {

QByteArray minimal(const QByteArray& stages)
{
    return R"({"name":"t","bands":[{"name":"Good","min_score":70},{"name":"Bad","min_score":0}],"stages":)"
        + stages + "}";
}

} // namespace

class TestRuleSetJson : public QObject
{
    Q_OBJECT

private slots:
    // What the forms turn typed thresholds into, and back.
    void thresholdsAsText()
    {
        QCOMPARE(RuleSetJson::valueFromText(QStringLiteral(" 5 ")), QJsonValue(5.0));
        QCOMPARE(RuleSetJson::valueFromText(QStringLiteral("0.25")), QJsonValue(0.25));
        QCOMPARE(RuleSetJson::valueFromText(QStringLiteral("true")), QJsonValue(true));
        QCOMPARE(RuleSetJson::valueFromText(QStringLiteral("false ")), QJsonValue(false));
        QCOMPARE(RuleSetJson::valueFromText(QStringLiteral(" Enterprise ")),
                 QJsonValue(QStringLiteral("Enterprise")));
        QCOMPARE(RuleSetJson::valueFromText(QStringLiteral("トライアル")),
                 QJsonValue(QStringLiteral("トライアル")));
        for (const QString& typed : { QStringLiteral("5"), QStringLiteral("0.25"), QStringLiteral("true"),
                                      QStringLiteral("Enterprise"), QStringLiteral("1000000") })
            QCOMPARE(RuleSetJson::textOfValue(RuleSetJson::valueFromText(typed)), typed);
    }

    void defaultsAreValidAndRoundTrip()
    {
        const RuleSet rules = RuleSetJson::defaults();
        QCOMPARE(rules.bands.size(), 3);
        QCOMPARE(rules.bands.first().name, QStringLiteral("Good"));
        QCOMPARE(rules.stages.first().id, QStringLiteral("churned"));
        QVERIFY(!rules.stages.constLast().when.has_value());
        const QByteArray once = RuleSetJson::serialize(rules);
        const Result<RuleSet> again = RuleSetJson::parse(once);
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error()));
        QCOMPARE(RuleSetJson::serialize(again.value()), once);
    }

    void errorsNameThePath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("window") << minimal(
            R"([{"id":"a","name":"A","criteria":[{"id":"c","label":"L","measure":{"kind":"event_count","window_days":0},"score":{"mode":"pass","op":">=","value":1}}]}])")
                                << "stages[0].criteria[0].measure.window_days: must be a whole number > 0";
        QTest::newRow("kind") << minimal(
            R"([{"id":"a","name":"A","criteria":[{"id":"c","label":"L","measure":{"kind":"vibes"},"score":{"mode":"pass","op":">=","value":1}}]}])")
                              << "stages[0].criteria[0].measure.kind: unknown measure \"vibes\"";
        QTest::newRow("op") << minimal(
            R"([{"id":"a","name":"A","when":{"measure":{"kind":"days_since_event"},"op":"~","value":1}},{"id":"b","name":"B"}])")
                            << "stages[0].when.op: unknown comparison \"~\"";
        QTest::newRow("nested") << minimal(
            R"([{"id":"a","name":"A","when":{"all":[{"measure":{"kind":"days_since_event"},"op":">=","value":1},{"any":[{"measure":{"kind":"trend","window_days":-3},"op":">=","value":1}]}]}},{"id":"b","name":"B"}])")
                                << "stages[0].when.all[1].any[0].measure.window_days";
        QTest::newRow("catch-all last") << minimal(R"([{"id":"a","name":"A"},{"id":"b","name":"B"}])")
                                        << "stages[0].when: only the last stage may have no condition";
        QTest::newRow("last has condition") << minimal(
            R"([{"id":"a","name":"A","when":{"measure":{"kind":"days_since_event"},"op":">=","value":1}}])")
                                            << "stages[0].when: the last stage must have no condition";
        QTest::newRow("tiers order") << minimal(
            R"([{"id":"a","name":"A","criteria":[{"id":"c","label":"L","measure":{"kind":"days_since_event"},"score":{"mode":"tiers","tiers":[{"from":5,"points":1},{"from":1,"points":0.5}]}}]}])")
                                     << "stages[0].criteria[0].score.tiers[1].from: tiers must be in "
                                        "ascending order";
        QTest::newRow("band order") << QByteArray(
            R"({"name":"t","bands":[{"name":"Bad","min_score":0},{"name":"Good","min_score":70}],"stages":[{"id":"a","name":"A"}]})")
                                    << "bands[1].min_score: bands must be listed from the highest min_score "
                                       "down";
        QTest::newRow("band floor") << QByteArray(
            R"({"name":"t","bands":[{"name":"Good","min_score":70}],"stages":[{"id":"a","name":"A"}]})")
                                    << "bands[0].min_score: the last band must start at 0";
        QTest::newRow("text op") << minimal(
            R"([{"id":"a","name":"A","when":{"measure":{"kind":"account_field","field":"plan"},"op":">=","value":"Pro"}},{"id":"b","name":"B"}])")
                                 << "stages[0].when.op: a text can only be compared with == or !=";
        QTest::newRow("field") << minimal(
            R"([{"id":"a","name":"A","when":{"measure":{"kind":"days_until_date","field":"birthday"},"op":">=","value":1}},{"id":"b","name":"B"}])")
                               << "stages[0].when.measure.field: expected renewal_date or signup_date";
        QTest::newRow("duplicate stage") << minimal(
            R"([{"id":"a","name":"A","when":{"measure":{"kind":"days_since_event"},"op":">=","value":1}},{"id":"a","name":"B"}])")
                                         << "stages[1].id: \"a\" is used by an earlier stage";
        QTest::newRow("syntax") << QByteArray("{\n  \"name\": \"t\",\n  \"bands\": [,]\n}")
                                << "line 3, column";
    }

    void errorsNameThePath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const Result<RuleSet> rules = RuleSetJson::parse(json);
        QVERIFY(!rules.ok());
        QVERIFY2(rules.error().startsWith(expected), qPrintable(rules.error()));
    }

    // The same errors as the rule editor's forms show them: counted from 1, named as the rules
    // name them, and text that is no rule path left as it is.
    void errorsForPeople_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("window") << minimal(
            R"([{"id":"a","name":"Adoption","criteria":[{"id":"c","label":"Weekly logins","measure":{"kind":"event_count","window_days":0},"score":{"mode":"pass","op":">=","value":1}}]}])")
                                << "Stage 1 “Adoption”, criterion 1 “Weekly logins”, measure, window_days: "
                                   "must be "
                                   "a whole number > 0";
        QTest::newRow("unnamed") << minimal(
            R"([{"id":"a","name":"A","criteria":[{"id":"c","label":"L","measure":{"kind":"event_count","window_days":7},"score":{"mode":"pass","op":">=","value":1}},{"id":"d","label":" ","measure":{"kind":"event_count","window_days":7},"score":{"mode":"pass","op":">=","value":1}}]}])")
                                 << "Stage 1 “A”, criterion 2, label: expected a non-empty text";
        QTest::newRow("nested") << minimal(
            R"([{"id":"a","name":"A","when":{"all":[{"measure":{"kind":"days_since_event"},"op":">=","value":1},{"any":[{"measure":{"kind":"event_count","window_days":-1},"op":">=","value":1}]}]}},{"id":"b","name":"B"}])")
                                << "Stage 1 “A”, when, all of, condition 2, any of, condition 1, measure, "
                                   "window_days: ";
        QTest::newRow("band") << QByteArray(
            R"({"name":"t","bands":[{"name":"Good","min_score":70},{"name":"Bad","min_score":5}],"stages":[{"id":"a","name":"A"}]})")
                              << "band 2 “Bad”, min_score: the last band must start at 0";
        QTest::newRow("syntax") << QByteArray("{\n  \"name\": \"t\",\n  \"bands\": [,]\n}")
                                << "line 3, column";
    }

    void errorsForPeople()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const Result<RuleSet> rules = RuleSetJson::parse(json);
        QVERIFY(!rules.ok());
        const QString readable
            = RuleErrorText::forPeople(rules.error(), QJsonDocument::fromJson(json).object());
        QVERIFY2(readable.startsWith(expected), qPrintable(readable));
    }
};

QTEST_GUILESS_MAIN(TestRuleSetJson)
#include "TestRuleSetJson.moc"
