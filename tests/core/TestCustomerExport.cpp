#include "TestSupport.h"
#include "ingest/CsvReader.h"
#include "report/CustomerExport.h"
#include "util/CsvCell.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace tenure;

namespace {

// The fields of a CSV text as a reader (and so a spreadsheet) sees them: the header's, then each
// record's.
QList<QStringList> readBack(const QByteArray& csv)
{
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, QStringLiteral("test.csv"), { QByteArrayLiteral("UTF-8"), u',' });
    if (!reader.start())
        return {};
    QList<QStringList> records { reader.header() };
    CsvRecord record;
    while (reader.next(record))
        records << record.fields;
    return records;
}

} // namespace

// CSV cells Tenure writes: a text that a spreadsheet would run as a formula is neutralised
// (OWASP "CSV injection"), everything else is written as it is.
class TestCustomerExport : public QObject
{
    Q_OBJECT

private slots:
    void formulaTextIsNeutralised_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("equals") << QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")");
        QTest::newRow("plus") << QStringLiteral("+1+2");
        QTest::newRow("minus") << QStringLiteral("-2+3");
        QTest::newRow("at") << QStringLiteral("@SUM(1)");
        QTest::newRow("tab") << QStringLiteral("\t=1+1");
        QTest::newRow("carriage return") << QStringLiteral("\r=1+1");
        QTest::newRow("equals, japanese") << QStringLiteral("=株式会社テスト");
    }

    void formulaTextIsNeutralised()
    {
        QFETCH(QString, field);
        QVERIFY(CsvCell::looksLikeFormula(field));
        const QString cell = CsvCell::text(field);
        QVERIFY2(cell.startsWith(QLatin1String("\"'")), qPrintable(cell));
        QVERIFY(cell.endsWith(u'"'));
        // Read back, the value is the text behind a quote: a spreadsheet shows it, never runs it.
        const QList<QStringList> records = readBack(("name\r\n" + cell + "\r\n").toUtf8());
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[1].size(), 1);
        QCOMPARE(records[1][0], u'\'' + field);
        QVERIFY(!CsvCell::looksLikeFormula(records[1][0]));
    }

    void ordinaryTextIsWrittenAsItIs_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("cell");
        QTest::newRow("latin") << QStringLiteral("Acme Inc.") << QStringLiteral("Acme Inc.");
        QTest::newRow("japanese") << QStringLiteral("株式会社テスト") << QStringLiteral("株式会社テスト");
        QTest::newRow("formula sign inside") << QStringLiteral("A=B+C-D@E") << QStringLiteral("A=B+C-D@E");
        QTest::newRow("full-width equals") << QStringLiteral("＝山田") << QStringLiteral("＝山田");
        QTest::newRow("comma") << QStringLiteral("Smith, Jones") << QStringLiteral("\"Smith, Jones\"");
        QTest::newRow("quote") << QStringLiteral("The \"Best\"") << QStringLiteral("\"The \"\"Best\"\"\"");
        QTest::newRow("empty") << QString() << QString();
    }

    void ordinaryTextIsWrittenAsItIs()
    {
        QFETCH(QString, field);
        QFETCH(QString, cell);
        QVERIFY(!CsvCell::looksLikeFormula(field));
        QCOMPARE(CsvCell::text(field), cell);
    }

    void numbersStayNumbers()
    {
        QCOMPARE(CsvCell::number(QStringLiteral("-5")), QStringLiteral("-5"));
        QCOMPARE(CsvCell::number(QStringLiteral("-5.00")), QStringLiteral("-5.00"));
        QCOMPARE(CsvCell::number(QStringLiteral("+3")), QStringLiteral("+3"));
        QCOMPARE(CsvCell::number(QStringLiteral("12000.50")), QStringLiteral("12000.50"));
    }

    // The customer list export: hostile names and owners come out as text, a negative ARR and the
    // other figures as numbers, Japanese as written.
    void exportNeutralisesEveryTextColumn()
    {
        PortfolioReport list;
        PortfolioReport::Row hostile;
        hostile.account.id = QStringLiteral("=1+1");
        hostile.account.name = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")");
        hostile.account.owner = QStringLiteral("@SUM(1)");
        hostile.account.plan = QStringLiteral("+Pro");
        hostile.account.currency = QStringLiteral("-USD");
        hostile.account.arr = -5;
        hostile.account.seats = -2;
        hostile.score = 42.5;
        hostile.band = QStringLiteral("\tBad");
        hostile.daysToRenewal = -3;
        PortfolioReport::Row japanese;
        japanese.account.id = QStringLiteral("A-1");
        japanese.account.name = QStringLiteral("株式会社テスト");
        japanese.account.owner = QStringLiteral("佐藤 花子");
        japanese.account.currency = QStringLiteral("JPY");
        japanese.account.arr = 1200000;
        list.rows = { hostile, japanese };

        test::TempWorkspace dir;
        const QString path = dir.dir() + QStringLiteral("/customers.csv");
        QVERIFY(CustomerExport::write(list, path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xef\xbb\xbf"));
        const QList<QStringList> records = readBack(bytes.mid(3));
        QCOMPARE(records.size(), 3);
        QCOMPARE(records[0], CustomerExport::header());
        const QStringList& first = records[1];
        QCOMPARE(first.size(), CustomerExport::header().size());
        for (const QString& field : first)
            QVERIFY2(!CsvCell::looksLikeFormula(field) || field.startsWith(u'-'),
                     qPrintable(QStringLiteral("a live formula: %1").arg(field)));
        QCOMPARE(first[0], QStringLiteral("'=1+1"));
        QCOMPARE(first[1], u'\'' + hostile.account.name);
        QCOMPARE(first[2], QStringLiteral("'@SUM(1)"));
        QCOMPARE(first[3], QStringLiteral("'+Pro"));
        QCOMPARE(first[5], QStringLiteral("42.5"));
        QCOMPARE(first[6], QStringLiteral("'\tBad"));
        QCOMPARE(first[7], QStringLiteral("-5.00")); // a number, not text
        QCOMPARE(first[8], QStringLiteral("'-USD"));
        QCOMPARE(first[9], QStringLiteral("-2"));
        QCOMPARE(first[11], QStringLiteral("-3"));
        // Numbers are not quoted: a spreadsheet reads them as numbers.
        QVERIFY(bytes.contains(",-5.00,"));
        QCOMPARE(records[2][1], japanese.account.name);
        QCOMPARE(records[2][2], japanese.account.owner);
        QCOMPARE(records[2][7], QStringLiteral("1200000.00"));
    }
};

QTEST_GUILESS_MAIN(TestCustomerExport)
#include "TestCustomerExport.moc"
