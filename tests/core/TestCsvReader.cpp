#include "ingest/CsvReader.h"
#include "ingest/TextDecoding.h"
#include "ingest/ValueParser.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTest>

using namespace tenure;

namespace {

struct Parsed
{
    QStringList header;
    QList<CsvRecord> records;
    QString error;
    QByteArray encoding;
    QChar delimiter;
};

Parsed parse(const QByteArray& bytes, CsvReader::Options options = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, QStringLiteral("t.csv"), options);
    Parsed parsed;
    if (Status started = reader.start(); !started) {
        parsed.error = started.error();
        return parsed;
    }
    parsed.header = reader.header();
    parsed.encoding = reader.encoding();
    parsed.delimiter = reader.delimiter();
    CsvRecord record;
    while (reader.next(record))
        parsed.records.append(record);
    parsed.error = reader.error();
    return parsed;
}

QByteArray fixture(const char* name)
{
    QFile file(QStringLiteral(TENURE_TEST_DATA "/csv/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void quotedFieldsEmbeddedNewlinesAndDoubledQuotes()
    {
        const Parsed parsed = parse(fixture("events-quoted.csv"));
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.delimiter, QChar(u';'));
        QCOMPARE(parsed.header, QStringList({ "id", "account", "event", "time", "note" }));
        QCOMPARE(parsed.records.size(), 3);
        QCOMPARE(parsed.records[0].fields[4], QStringLiteral("first line\nsecond line"));
        QCOMPARE(parsed.records[0].line, 2);
        // The record after a two-line record starts on physical line 4.
        QCOMPARE(parsed.records[1].line, 4);
        QCOMPARE(parsed.records[1].fields[4], QStringLiteral("she said \"hello\"; then left"));
        QCOMPARE(parsed.records[2].line, 5);
    }

    void lineEndsAndBlankLines()
    {
        const Parsed crlf = parse("a,b\r\n1,2\r\n\r\n3,4");
        QCOMPARE(crlf.records.size(), 2);
        QCOMPARE(crlf.records[1].fields, QStringList({ "3", "4" }));
        QCOMPARE(crlf.records[1].line, 4);
        const Parsed cr = parse("a,b\r1,2\r3,4\r");
        QCOMPARE(cr.records.size(), 2);
        QCOMPARE(cr.records[1].line, 3);
        const Parsed emptyFields = parse("a,b,c\n,,\n");
        QCOMPARE(emptyFields.records.size(), 1);
        QCOMPARE(emptyFields.records[0].fields, QStringList({ "", "", "" }));
    }

    void detectsDelimiters()
    {
        QCOMPARE(CsvReader::detectDelimiter(u"a,b,c\n1,2,3\n"), QChar(u','));
        QCOMPARE(CsvReader::detectDelimiter(u"a;b;c\n1,5;2;3\n"), QChar(u';'));
        QCOMPARE(CsvReader::detectDelimiter(u"a\tb\n\"x,y,z\"\t2\n"), QChar(u'\t'));
        // One column: no delimiter anywhere, comma is the default.
        QCOMPARE(CsvReader::detectDelimiter(u"name\nAcme\n"), QChar(u','));
        // An explicit delimiter wins over detection.
        const Parsed forced = parse("a;b,c\n1;2,3\n", { {}, u',' });
        QCOMPARE(forced.header, QStringList({ "a;b", "c" }));
    }

    void encodings_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QString>("firstHeader");
        QTest::addColumn<QString>("secondField");
        QTest::newRow("cp932") << fixture("accounts-ja-cp932.csv") << QByteArray("CP932")
                               << QStringLiteral("取引先ID") << QStringLiteral("株式会社さくら商事");
        QTest::newRow("utf-8 with BOM") << fixture("accounts-utf8-bom.csv") << QByteArray("UTF-8")
                                        << QStringLiteral("Account ID") << QStringLiteral("Acme Corp");
        QTest::newRow("utf-16le with BOM") << fixture("events-utf16.csv") << QByteArray("UTF-16LE")
                                           << QStringLiteral("event_id") << QStringLiteral("A-1");
    }

    void encodings()
    {
        QFETCH(QByteArray, file);
        QFETCH(QByteArray, encoding);
        QFETCH(QString, firstHeader);
        QFETCH(QString, secondField);
        const Parsed parsed = parse(file);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.encoding, encoding);
        QCOMPARE(parsed.header.first(), firstHeader); // no byte-order mark left in front
        QCOMPARE(parsed.records.first().fields[1], secondField);
    }

    void cp932SpecificCharacters()
    {
        // ① and ～ are CP932 (NEC and Microsoft) mappings that plain Shift_JIS lacks or maps elsewhere.
        const Parsed parsed = parse(fixture("accounts-ja-cp932.csv"));
        QCOMPARE(parsed.records[2].fields[1], QStringLiteral("有限会社①テクノ～ラボ"));
    }

    void encodingNamesAndOverride()
    {
        QCOMPARE(TextDecoding::canonicalName(QStringLiteral("Shift_JIS")).value(), QByteArray("CP932"));
        QCOMPARE(TextDecoding::canonicalName(QStringLiteral("sjis")).value(), QByteArray("CP932"));
        QCOMPARE(TextDecoding::canonicalName(QStringLiteral("utf8")).value(), QByteArray("UTF-8"));
        const Result<QByteArray> unknown = TextDecoding::canonicalName(QStringLiteral("klingon-8"));
        QVERIFY(!unknown);
        QVERIFY(unknown.error().contains(QLatin1String("cp932")));
        // Forcing Latin-1 on a CP932 file reads it without error, but not as Japanese.
        const Parsed forced = parse(fixture("accounts-ja-cp932.csv"), { "windows-1252", {} });
        QVERIFY(forced.error.isEmpty());
        QCOMPARE_NE(forced.header.first(), QStringLiteral("取引先ID"));
    }

    void invalidBytesAreAnErrorWithALine()
    {
        // Valid UTF-8 in the sample, then a stray byte in a later chunk.
        QByteArray bytes = "name,value\n";
        for (int i = 0; i < 20000; ++i)
            bytes += "row,ü\n";
        bytes += "bad,\xff\xfe\xfd\n";
        const Parsed parsed = parse(bytes, { "UTF-8", {} });
        QVERIFY(parsed.error.contains(QLatin1String("line 20002")));
        QVERIFY(parsed.error.contains(QLatin1String("UTF-8")));
    }

    // 2,001 lines with one bad sequence on line 701: the error names that line and the column of
    // the first bad byte, whether the encoding was detected or given.
    void encodingErrorsAtTheirLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QByteArray>("given");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("encoding");
        auto build = [](const QByteArray& bom, const QByteArray& encoding, const QByteArray& bad) {
            QStringEncoder encode(encoding.constData(), QStringEncoder::Flag::Stateless);
            QByteArray bytes = bom + QByteArray(encode(QStringLiteral("id,name\n")));
            for (int line = 2; line <= 2001; ++line) {
                if (line == 701)
                    bytes
                        += QByteArray(encode(QStringLiteral("bad,さく"))) + bad + QByteArray(encode(u"ら\n"));
                else
                    bytes += QByteArray(encode(QStringLiteral("k%1,さくら商事 über\n").arg(line)));
            }
            return bytes;
        };
        const QString where = QStringLiteral("line 701, column 7");
        for (const QByteArray& given : { QByteArray(), QByteArray("CP932") })
            QTest::addRow("cp932 %s", given.isEmpty() ? "detected" : "given")
                << build({}, "CP932", "\x85\x20") << given << where << QStringLiteral("CP932");
        QTest::addRow("utf-8 detected")
            << build({}, "UTF-8", "\xff") << QByteArray() << where << QStringLiteral("UTF-8");
        QTest::addRow("utf-8 with BOM")
            << build("\xef\xbb\xbf", "UTF-8", "\xc3\x28") << QByteArray() << where << QStringLiteral("UTF-8");
        QTest::addRow("utf-16le with BOM") << build("\xff\xfe", "UTF-16LE", QByteArray("\x00\xdc", 2))
                                           << QByteArray() << where << QStringLiteral("UTF-16LE");
        QTest::addRow("utf-16be with BOM") << build("\xfe\xff", "UTF-16BE", QByteArray("\xdc\x00", 2))
                                           << QByteArray() << where << QStringLiteral("UTF-16BE");
    }

    void encodingErrorsAtTheirLineAndColumn()
    {
        QFETCH(QByteArray, file);
        QFETCH(QByteArray, given);
        QFETCH(QString, where);
        QFETCH(QString, encoding);
        const Parsed parsed = parse(file, { given, {} });
        QVERIFY2(parsed.error.contains(where), qPrintable(parsed.error));
        QVERIFY2(parsed.error.contains(encoding), qPrintable(parsed.error));
        // The records before the bad line are read (the import rolls back on the error; the
        // preview shows them), the bad line's is not.
        QCOMPARE(parsed.records.size(), 699);
        QCOMPARE(parsed.records.last().line, 700);
    }

    // When no encoding fits, the error says which were tried and where each failed.
    void noEncodingFitsNamesWhereEachFailed()
    {
        const Parsed parsed = parse("id,name\na,\xe3\x81\x82\x85\x20z\nb,\xfd\xfd\n");
        QVERIFY2(parsed.error.contains(QLatin1String("UTF-8, line 2, column 4")), qPrintable(parsed.error));
        QVERIFY2(parsed.error.contains(QLatin1String("CP932, line 3, column 3")), qPrintable(parsed.error));
        QVERIFY(parsed.error.contains(QLatin1String("windows-1252")));
        // Lone accented letters between ASCII are Western text, still read as windows-1252.
        const Parsed western = parse("id,name\na,caf\xe9\n");
        QVERIFY2(western.error.isEmpty(), qPrintable(western.error));
        QCOMPARE(western.encoding, QByteArray("windows-1252"));
        QCOMPARE(western.records.first().fields[1], QStringLiteral("café"));
    }

    void aFileCutOffInACharacterSaysWhere()
    {
        const Parsed parsed = parse("id,name\na,\xe3\x81\x82\nb,x\xe3\x81", { "UTF-8", {} });
        QVERIFY2(parsed.error.contains(QLatin1String("line 3, column 4")), qPrintable(parsed.error));
        QVERIFY(parsed.error.contains(QLatin1String("ends in the middle")));
    }

    void unterminatedQuoteNamesLineAndColumn()
    {
        const Parsed parsed = parse("a,b\n1,2\n3,\"open\n4,5\n");
        QCOMPARE(parsed.records.size(), 1);
        QVERIFY2(parsed.error.contains(QLatin1String("line 3, column 3")), qPrintable(parsed.error));
        QVERIFY(parsed.error.contains(QLatin1String("never closed")));
        const Parsed junk = parse("a,b\n\"x\"y,2\n");
        QVERIFY2(junk.error.contains(QLatin1String("line 2, column 4")), qPrintable(junk.error));
    }

    void emptyFileIsAnError()
    {
        QVERIFY(parse("").error.contains(QLatin1String("empty")));
        QVERIFY(parse("\n\n").error.contains(QLatin1String("empty")));
    }

    void recordsSpanningChunkBoundaries()
    {
        // Fields longer than a read chunk, quoted and not, and a CRLF split across chunks.
        const QString big(300000, u'x');
        QByteArray bytes = "a,b\r\n";
        bytes += "\"" + big.toUtf8() + "\r\n\"\"\",1\r\n";
        bytes += big.toUtf8() + ",2\r\n";
        for (int i = 0; i < 50000; ++i)
            bytes += "k" + QByteArray::number(i) + ",日本\r\n";
        const Parsed parsed = parse(bytes);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.records.size(), 50002);
        QCOMPARE(parsed.records[0].fields[0], big + QStringLiteral("\r\n\""));
        QCOMPARE(parsed.records[1].line, 4);
        QCOMPARE(parsed.records[1].fields[0].size(), big.size());
        QCOMPARE(parsed.records.last().fields, QStringList({ "k49999", "日本" }));
        QCOMPARE(parsed.records.last().line, 50004);
    }

    // Randomly mutated fixtures: the reader ends (with records or an error), never crashes or hangs.
    void fuzzMutatedFixtures()
    {
        const QList<QByteArray> seeds { fixture("events-quoted.csv"), fixture("accounts-ja-cp932.csv"),
                                        fixture("events-utf16.csv"), fixture("events-bad.csv") };
        QRandomGenerator random(20261125);
        // Quotes, delimiters, line ends, a byte-order mark's bytes, invalid UTF-8, a NUL.
        static const char bytes[]
            = { '"',        ',',        ';',        '\t',       '\r',       '\n', '\\', char(0xef),
                char(0xbb), char(0xbf), char(0xff), char(0xfe), char(0x81), '\0', 'a' };
        const QByteArray alphabet(bytes, sizeof bytes);
        for (int round = 0; round < 3000; ++round) {
            QByteArray bytes = seeds[random.bounded(int(seeds.size()))];
            const int mutations = 1 + random.bounded(8);
            for (int m = 0; m < mutations && !bytes.isEmpty(); ++m) {
                const int at = random.bounded(int(bytes.size()));
                switch (random.bounded(3)) {
                case 0:
                    bytes[at] = alphabet[random.bounded(int(alphabet.size()))];
                    break;
                case 1:
                    bytes.insert(at, alphabet[random.bounded(int(alphabet.size()))]);
                    break;
                default:
                    bytes.remove(at, 1 + random.bounded(4));
                }
            }
            const Parsed parsed = parse(bytes);
            for (const CsvRecord& record : parsed.records)
                QVERIFY(record.line >= 2);
        }
    }

    void valueParserDates()
    {
        const ValueParser ymd({ QTimeZone("Asia/Tokyo"), ValueParser::DateOrder::YearMonthDay, u'.' });
        QCOMPARE(ymd.date(QStringLiteral("2026-11-25")), QDate(2026, 11, 25));
        QCOMPARE(ymd.date(QStringLiteral("2026/1/5")), QDate(2026, 1, 5));
        QCOMPARE(ymd.date(QStringLiteral("2026年11月25日")), QDate(2026, 11, 25));
        QCOMPARE(ymd.date(QStringLiteral("２０２６／１１／２５")), QDate(2026, 11, 25));
        QCOMPARE(ymd.date(QStringLiteral("20261125")), QDate(2026, 11, 25));
        QVERIFY(!ymd.date(QStringLiteral("2026-02-30")));
        QVERIFY(!ymd.date(QStringLiteral("11/25/2026"))); // ambiguous without a date order
        const ValueParser mdy({ QTimeZone::utc(), ValueParser::DateOrder::MonthDayYear, u'.' });
        QCOMPARE(mdy.date(QStringLiteral("11/25/2026")), QDate(2026, 11, 25));
        const ValueParser dmy({ QTimeZone::utc(), ValueParser::DateOrder::DayMonthYear, u'.' });
        QCOMPARE(dmy.date(QStringLiteral("25/11/2026")), QDate(2026, 11, 25));
    }

    void valueParserTimestampsInTheWorkspaceZone()
    {
        const ValueParser tokyo({ QTimeZone("Asia/Tokyo"), ValueParser::DateOrder::YearMonthDay, u'.' });
        const qint64 utcMidnight
            = QDateTime(QDate(2026, 11, 25), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        const qint64 hour = 3600 * 1000;
        // A date alone is the start of that day in Tokyo: 15:00 UTC the day before.
        QCOMPARE(tokyo.timestamp(QStringLiteral("2026-11-25")), utcMidnight - 9 * hour);
        QCOMPARE(tokyo.timestamp(QStringLiteral("2026-11-25 09:00:00")), utcMidnight);
        QCOMPARE(tokyo.timestamp(QStringLiteral("2026/11/25 09:00")), utcMidnight);
        QCOMPARE(tokyo.timestamp(QStringLiteral("2026-11-25T00:00:00Z")), utcMidnight);
        QCOMPARE(tokyo.timestamp(QStringLiteral("2026-11-25T01:00:00+01:00")), utcMidnight);
        QCOMPARE(tokyo.timestamp(QStringLiteral("2026-11-25 00:00:00.250 UTC")), utcMidnight + 250);
        QCOMPARE(tokyo.timestamp(QString::number(utcMidnight / 1000)), utcMidnight);
        QCOMPARE(tokyo.timestamp(QString::number(utcMidnight)), utcMidnight);
        QVERIFY(!tokyo.timestamp(QStringLiteral("2026-11-25 25:00")));
        QVERIFY(!tokyo.timestamp(QStringLiteral("yesterday")));
        QVERIFY(!tokyo.timestamp(QString()));
    }

    void valueParserNumbersAndBooleans()
    {
        const ValueParser dot({ QTimeZone::utc(), ValueParser::DateOrder::YearMonthDay, u'.' });
        QCOMPARE(dot.number(QStringLiteral("1,234.5")), 1234.5);
        QCOMPARE(dot.number(QStringLiteral("$48,000")), 48000.0);
        QCOMPARE(dot.number(QStringLiteral("￥12,000,000")), 12000000.0);
        QCOMPARE(dot.number(QStringLiteral("3,600,000円")), 3600000.0);
        QCOMPARE(dot.number(QStringLiteral("１２０")), 120.0);
        QCOMPARE(dot.number(QStringLiteral("-$5")), -5.0);
        QCOMPARE(dot.number(QStringLiteral("(1,200)")), -1200.0);
        QCOMPARE(dot.number(QStringLiteral("1e3")), 1000.0);
        QVERIFY(!dot.number(QStringLiteral("1,23")));
        QVERIFY(!dot.number(QStringLiteral("lots")));
        QVERIFY(!dot.number(QStringLiteral("1.2.3")));
        QVERIFY(!dot.number(QString()));
        const ValueParser comma({ QTimeZone::utc(), ValueParser::DateOrder::YearMonthDay, u',' });
        QCOMPARE(comma.number(QStringLiteral("1.234,5")), 1234.5);
        QCOMPARE(comma.number(QStringLiteral("€ 7,25")), 7.25);
        QCOMPARE(dot.boolean(QStringLiteral("True")), true);
        QCOMPARE(dot.boolean(QStringLiteral("no")), false);
        QCOMPARE(dot.boolean(QStringLiteral("1")), true);
        QCOMPARE(dot.boolean(QStringLiteral("いいえ")), false);
        QVERIFY(!dot.boolean(QStringLiteral("maybe")));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "TestCsvReader.moc"
