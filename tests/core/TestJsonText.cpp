#include "util/JsonText.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace tenure;

namespace {

// What was written, read back by Qt's parser as the one element of an array.
QJsonValue readBack(const QByteArray& written)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson("[" + written + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("not JSON (%s): %s", qPrintable(error.errorString()), written.constData());
    return document.array().at(0);
}

} // namespace

class TestJsonText : public QObject
{
    Q_OBJECT

private slots:
    void stringsReadBackAsWritten_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("quotes and backslashes") << QStringLiteral(R"(say "hi" \ C:\path\)");
        QTest::newRow("control characters") << QStringLiteral("tab\there\nline\r\x01\x1f end");
        QTest::newRow("Japanese") << QStringLiteral("株式会社サンプル・ログイン率（30日）");
        QTest::newRow("Japanese with escapes") << QStringLiteral("「\"引用\"」 C:\\データ\t改行\n\x01");
        QTest::newRow("outside the BMP") << QStringLiteral("rocket \U0001F680 done");
    }
    void stringsReadBackAsWritten()
    {
        QFETCH(QString, text);
        QByteArray out;
        json::appendString(out, text);
        QCOMPARE(readBack(out).toString(), text);
        QVERIFY(!out.contains('\n') && !out.contains('\t')); // escaped, not raw
    }

    void numbersReadBackExactly()
    {
        for (double value : { 0.0, -0.5, 70.3, 1.0 / 3, 1e-7, 123456789012.0, 1e300, -2.5e-300 }) {
            QByteArray out;
            json::appendNumber(out, value);
            QCOMPARE(readBack(out).toDouble(), value);
        }
        // As Qt's JSON writes them: whole numbers in full ("100000", not "1e+05"), others shortest.
        for (double value : { 0.0, -0.0, 30.0, -3.0, 2500.0, 100000.0, 1e14, 9007199254740991.0,
                              9007199254740992.0, 1e300, 0.1, -70.25, 1.0 / 3 }) {
            QByteArray out;
            json::appendNumber(out, value);
            const QByteArray qt = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
            QCOMPARE(out, qt.mid(1, qt.size() - 2));
        }
        QByteArray out;
        json::appendNumber(out, std::numeric_limits<double>::quiet_NaN());
        QVERIFY(readBack(out).isNull());
        out.clear();
        json::appendNumber(out, std::numeric_limits<double>::infinity());
        QVERIFY(readBack(out).isNull());
    }

    void variantsAsQtWritesThem()
    {
        const QVariantList values { QVariant(),
                                    QVariant(true),
                                    QVariant(false),
                                    QVariant(42),
                                    QVariant(12.25),
                                    QVariant(qint64(1) << 40),
                                    QVariant(QStringLiteral("Enterprise プラン")),
                                    QVariant(QDate(2026, 11, 25)) };
        for (const QVariant& value : values) {
            QByteArray out;
            json::appendVariant(out, value);
            QCOMPARE(readBack(out), QJsonValue::fromVariant(value));
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "TestJsonText.moc"
