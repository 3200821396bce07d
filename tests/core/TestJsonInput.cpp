#include "TestSupport.h"
#include "util/JsonInput.h"

#include <QTest>

using namespace tenure;

// JSON a user wrote: mistakes named by line and column, the file first; unknown keys named.
class TestJsonInput : public QObject
{
    Q_OBJECT

private slots:
    void syntaxErrorsAreNamedByLineAndColumn()
    {
        QCOMPARE(json::parseObject("{\"a\": 1}").value().value(QStringLiteral("a")).toInt(), 1);
        // Qt's offset is where the parser stopped; the column counts characters, not bytes.
        const Result<QJsonObject> second = json::parseObject("{\n  \"名前\": \"高橋\",\n  \"x\": 1,}");
        QVERIFY(!second);
        QVERIFY2(second.error().startsWith(QLatin1String("line 3, column 11: ")), qPrintable(second.error()));
        const Result<QJsonObject> wide = json::parseObject("{\"高橋美咲\": 1,}");
        QVERIFY(!wide);
        QVERIFY2(wide.error().startsWith(QLatin1String("line 1, column 13: ")), qPrintable(wide.error()));
        const Result<QJsonObject> array = json::parseObject("[1]");
        QVERIFY(!array);
        QVERIFY2(array.error().contains(QLatin1String("expected a JSON object")), qPrintable(array.error()));
    }

    void aFileIsNamedInEveryError()
    {
        test::TempWorkspace dir;
        const QString path = test::writeFile(dir.dirObject(), QStringLiteral("m.json"), "{\"kind\": }");
        const Result<QJsonObject> broken = json::readObject(path);
        QVERIFY(!broken);
        QVERIFY2(broken.error().startsWith(path + QStringLiteral(": line 1, column ")),
                 qPrintable(broken.error()));
        const Result<QJsonObject> missing = json::readObject(dir.dir() + QStringLiteral("/none.json"));
        QVERIFY(!missing);
        QVERIFY2(missing.error().startsWith(dir.dir() + QStringLiteral("/none.json: cannot read it")),
                 qPrintable(missing.error()));
    }

    void unknownKeysAreNamedWithWhatIsExpected()
    {
        const QJsonObject object = json::parseObject("{\"band\": 1, \"colour\": 2}").value();
        QVERIFY(json::onlyKnownKeys(object, {}, { QStringLiteral("band"), QStringLiteral("colour") }));
        const Status unknown = json::onlyKnownKeys(object, QStringLiteral("weights"),
                                                   { QStringLiteral("band"), QStringLiteral("arr") });
        QVERIFY(!unknown);
        QCOMPARE(unknown.error(), QStringLiteral("weights.colour: unknown key; expected band, arr"));
    }
};

QTEST_GUILESS_MAIN(TestJsonInput)
#include "TestJsonInput.moc"
