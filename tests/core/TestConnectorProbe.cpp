#include "ConnectorFixtures.h"
#include "ingest/connectors/ConnectorProbe.h"

using namespace tenure;
using namespace tenure::test;

// "Test" in the connector form reads one page into a scratch workspace.
class TestConnectorProbe : public ConnectorTest
{
    Q_OBJECT

private slots:
    void init() { freshWorkspace(); }

    // "Test" in the connector form: the first page only, into a scratch workspace.
    void probeReadsTheFirstPageAndLeavesTheWorkspaceAlone()
    {
        const QJsonArray records = sampleRecords();
        FakeApiServer server([&](const FakeApiServer::Request& request) {
            return FakeApiServer::json(
                cursorPage(records, request.query.queryItemValue(QStringLiteral("cursor")).toInt(), 100));
        });
        const Result<ConnectorProbe::Outcome> probe
            = ConnectorProbe::firstPage(restConfig(server), QStringLiteral("s3cret"));
        QVERIFY2(probe.ok(), probe.ok() ? "" : qPrintable(probe.error()));
        QCOMPARE(probe->report.pages, 1);
        QCOMPARE(probe->report.inserted, 100);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(probe->sample.size(), 5);
        QCOMPARE(probe->sample.first().event.accountId, QStringLiteral("acc-0"));
        QCOMPARE(probe->sample.first().event.name, QStringLiteral("report_created"));
        QCOMPARE(EventLog(*m_db).count(), 0);

        FakeApiServer refusing([](const FakeApiServer::Request&) { return FakeApiServer::json("{}", 401); });
        const Result<ConnectorProbe::Outcome> refused
            = ConnectorProbe::firstPage(restConfig(refusing), QStringLiteral("x"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("401")), qPrintable(refused.error()));
    }
};

QTEST_GUILESS_MAIN(TestConnectorProbe)
#include "TestConnectorProbe.moc"
