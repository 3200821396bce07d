#include "TestSupport.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace tenure;

namespace {

QJsonObject shipped(const QString& name)
{
    QFile file(QStringLiteral(TENURE_SOURCE_DIR "/resources/rules/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The rule file without its words: every "name" and "label" taken out, at any depth.
QJsonValue withoutWords(const QJsonValue& value, QStringList& words)
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue& item : value.toArray())
            array.append(withoutWords(item, words));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object;
    const QJsonObject in = value.toObject();
    for (auto it = in.begin(); it != in.end(); ++it) {
        if (it.key() == QLatin1String("name") || it.key() == QLatin1String("label"))
            words.append(it.value().toString());
        else
            object.insert(it.key(), withoutWords(it.value(), words));
    }
    return object;
}

const QRegularExpression kJapanese(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));

} // namespace

// A workspace created while the window is in Japanese starts with the default rules in Japanese:
// the same rules (ids, colours, conditions, weights, measures, thresholds), other words.
class TestDefaultRules : public QObject
{
    Q_OBJECT

private slots:
    void japaneseRulesAreTheEnglishRulesInOtherWords()
    {
        QStringList english, japanese;
        const QJsonValue englishRules = withoutWords(shipped(QStringLiteral("default-rules.json")), english);
        const QJsonValue japaneseRules
            = withoutWords(shipped(QStringLiteral("default-rules.ja.json")), japanese);
        QVERIFY(!englishRules.toObject().isEmpty());
        QCOMPARE(japaneseRules, englishRules);
        // Every name and label is there, and in Japanese.
        QCOMPARE(japanese.size(), english.size());
        QCOMPARE_GT(english.size(), 20);
        for (qsizetype i = 0; i < japanese.size(); ++i) {
            QVERIFY2(japanese[i].contains(kJapanese), qPrintable(japanese[i]));
            QVERIFY2(!english[i].contains(kJapanese), qPrintable(english[i]));
        }
        // Parsed, the two are the same rule set but for the words.
        const RuleSet en = RuleSetJson::defaults(QLocale(QLocale::English));
        const RuleSet ja = RuleSetJson::defaults(QLocale(QLocale::Japanese, QLocale::Japan));
        QCOMPARE(ja.stages.size(), en.stages.size());
        QCOMPARE(ja.bands.size(), en.bands.size());
        for (qsizetype i = 0; i < en.bands.size(); ++i) {
            QCOMPARE(ja.bands[i].minScore, en.bands[i].minScore);
            QCOMPARE_NE(ja.bands[i].name, en.bands[i].name);
        }
        for (qsizetype i = 0; i < en.stages.size(); ++i) {
            QCOMPARE(ja.stages[i].id, en.stages[i].id);
            QCOMPARE_NE(ja.stages[i].name, en.stages[i].name);
            QCOMPARE(ja.stages[i].criteria.size(), en.stages[i].criteria.size());
            for (qsizetype c = 0; c < en.stages[i].criteria.size(); ++c) {
                QCOMPARE(ja.stages[i].criteria[c].id, en.stages[i].criteria[c].id);
                QCOMPARE(ja.stages[i].criteria[c].weight, en.stages[i].criteria[c].weight);
                QVERIFY(ja.stages[i].criteria[c].label.contains(kJapanese));
            }
        }
    }

    void theLocaleChoosesTheDefaults()
    {
        QCOMPARE(RuleSetJson::defaults(QLocale(QLocale::Japanese, QLocale::Japan)).name,
                 shipped(QStringLiteral("default-rules.ja.json")).value(QStringLiteral("name")).toString());
        const QString english
            = shipped(QStringLiteral("default-rules.json")).value(QStringLiteral("name")).toString();
        QCOMPARE(RuleSetJson::defaults(QLocale(QLocale::English, QLocale::UnitedStates)).name, english);
        QCOMPARE(RuleSetJson::defaults(QLocale(QLocale::German)).name, english); // no German file
        QCOMPARE(RuleSetJson::defaults(QLocale::c()).name, english);
    }

    void aWorkspaceCreatedInJapaneseStartsWithJapaneseRules_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("file");
        QTest::newRow("Japanese") << QLocale(QLocale::Japanese, QLocale::Japan)
                                  << QStringLiteral("default-rules.ja.json");
        QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedKingdom)
                                 << QStringLiteral("default-rules.json");
    }

    void aWorkspaceCreatedInJapaneseStartsWithJapaneseRules()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, file);
        const QLocale before;
        QLocale::setDefault(locale); // what the app does for the window's language
        test::TempWorkspace workspace;
        Result<RuleStore::Active> active = [&] {
            auto db = workspace.open();
            return RuleStore(*db).active();
        }();
        QLocale::setDefault(before);
        QVERIFY(active.ok());
        QCOMPARE(active->version, 1);
        const QByteArray expected
            = RuleSetJson::serialize(RuleSetJson::parse(QJsonDocument(shipped(file)).toJson()).value());
        QCOMPARE(RuleSetJson::serialize(active->rules), expected);
        // Stored as such: the workspace keeps its words whatever language opens it later.
        auto db = workspace.open();
        const Result<RuleStore::Active> again = RuleStore(*db).active();
        QCOMPARE(again->version, 1);
        QCOMPARE(RuleSetJson::serialize(again->rules), expected);
    }
};

QTEST_GUILESS_MAIN(TestDefaultRules)
#include "TestDefaultRules.moc"
