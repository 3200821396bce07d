#include "ConnectorFixtures.h"
#include "ingest/connectors/PageDecoder.h"

#include <QRandomGenerator>

using namespace tenure;
using namespace tenure::test;

// PageDecoder reads untrusted pages and lines: events or an error, never a crash.
class TestPageDecoder : public QObject
{
    Q_OBJECT

private slots:
    // Mutated JSON pages and lines: the decoder answers with events or an error, never crashes.
    void fuzzDecoder()
    {
        ConnectorConfig rest = ConnectorConfig::defaultsFor(ConnectorConfig::Kind::Rest);
        rest.name = QStringLiteral("fuzz");
        rest.recordsPath = QStringLiteral("data");
        ConnectorConfig mixpanel = ConnectorConfig::defaultsFor(ConnectorConfig::Kind::Mixpanel);
        mixpanel.name = QStringLiteral("fuzz");
        PageDecoder pages(rest);
        PageDecoder lines(mixpanel);
        const QByteArray seedPage = cursorPage(sampleRecords(20), 0, 20);
        const QByteArray seedLines
            = R"({"event":"a","properties":{"time":1764000000,"distinct_id":"u","account_id":"o"}})"
              "\n"
              R"({"event":"b","properties":{"time":"1764000000123","$insert_id":"x","account_id":"o"}})"
              "\n";
        QRandomGenerator random(42);
        static const char bytes[] = { '{', '}', '[', ']', '"', ':', ',', '\\', '\n', '0', 'a', char(0xff) };
        const QByteArray alphabet(bytes, sizeof bytes);
        int decoded = 0;
        for (int round = 0; round < 4000; ++round) {
            QByteArray bytes = round % 2 ? seedPage : seedLines;
            for (int m = 0; m < 1 + random.bounded(6) && !bytes.isEmpty(); ++m) {
                const int at = random.bounded(int(bytes.size()));
                if (random.bounded(2))
                    bytes[at] = alphabet[random.bounded(int(alphabet.size()))];
                else
                    bytes.remove(at, 1 + random.bounded(3));
            }
            const Result<DecodedPage> page
                = round % 2 ? pages.decodeDocument(bytes) : lines.decodeLines(bytes, 1);
            if (page) {
                ++decoded;
                for (const EncodedEvent& event : page->events)
                    QVERIFY(!event.accountId.isEmpty() && !event.externalId.isEmpty());
            } else {
                QVERIFY(!page.error().isEmpty());
            }
        }
        QVERIFY(decoded > 0);
    }
};

QTEST_GUILESS_MAIN(TestPageDecoder)
#include "TestPageDecoder.moc"
