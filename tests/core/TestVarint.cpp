#include "util/Varint.h"

#include <QTest>

#include <limits>

using namespace tenure;

// The packed formats' numbers (AccountActivity's aggregates, the log's segments).
class TestVarint : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsAtEveryLength()
    {
        QList<quint64> values { 0,
                                1,
                                127,
                                128,
                                16383,
                                16384,
                                std::numeric_limits<quint32>::max(),
                                std::numeric_limits<quint64>::max() };
        for (int bits = 0; bits < 64; ++bits)
            values << (quint64(1) << bits) << (quint64(1) << bits) - 1;
        QByteArray bytes;
        for (quint64 value : values)
            varint::put(bytes, value);
        const char* at = bytes.constData();
        const char* const end = at + bytes.size();
        for (quint64 value : values) {
            quint64 read = 0;
            QVERIFY(varint::get(at, end, read));
            QCOMPARE(read, value);
        }
        QCOMPARE(at, end);
    }

    void lengthsAreLeb128()
    {
        char buffer[varint::kMaxBytes];
        QCOMPARE(varint::put(buffer, 127) - buffer, 1);
        QCOMPARE(varint::put(buffer, 128) - buffer, 2);
        QCOMPARE(QByteArray(buffer, 2), QByteArray("\x80\x01", 2));
        QCOMPARE(varint::put(buffer, std::numeric_limits<quint64>::max()) - buffer,
                 qsizetype(varint::kMaxBytes));
    }

    void damageIsReported()
    {
        const QByteArray cut("\x80\x80", 2); // ends inside a number
        const char* at = cut.constData();
        quint64 value = 0;
        QVERIFY(!varint::get(at, cut.constData() + cut.size(), value));
        const QByteArray tooLong(11, '\xff'); // runs past 64 bits
        at = tooLong.constData();
        QVERIFY(!varint::get(at, tooLong.constData() + tooLong.size(), value));
        at = nullptr;
        QVERIFY(!varint::get(at, at, value)); // nothing at all
    }

    void zigzagKeepsSmallNumbersSmall()
    {
        QCOMPARE(varint::zigzag(0), quint64(0));
        QCOMPARE(varint::zigzag(-1), quint64(1));
        QCOMPARE(varint::zigzag(1), quint64(2));
        for (qint64 value : { qint64(-400), qint64(20000), std::numeric_limits<qint64>::min(),
                              std::numeric_limits<qint64>::max() })
            QCOMPARE(varint::unzigzag(varint::zigzag(value)), value);
    }
};

QTEST_GUILESS_MAIN(TestVarint)
#include "TestVarint.moc"
