#include "ConnectorFixtures.h"
#include "ingest/connectors/ConnectorStore.h"
#include "ingest/connectors/PullWorker.h"

#include <QSignalSpy>

using namespace tenure;
using namespace tenure::test;

// PullWorker pulls the workspace's due connectors on its own thread.
class TestPullWorker : public ConnectorTest
{
    Q_OBJECT

private slots:
    void init() { freshWorkspace(); }

    // The worker pulls on its own thread; the test's thread stays free to serve the pages.
    void workerPullsOffTheCallingThread()
    {
        const QJsonArray records = sampleRecords();
        Qt::HANDLE serverThread = nullptr;
        FakeApiServer server([&](const FakeApiServer::Request& request) {
            serverThread = QThread::currentThreadId();
            return FakeApiServer::json(
                cursorPage(records, request.query.queryItemValue(QStringLiteral("cursor")).toInt(), 100));
        });
        ConnectorConfig config = restConfig(server);
        config.auth = ConnectorConfig::Auth::None;
        config.intervalMinutes = 30;
        QVERIFY(ConnectorStore(*m_db).save(config));

        PullWorker worker(m_workspace->path());
        QSignalSpy finished(&worker, &PullWorker::finished);
        QSignalSpy progress(&worker, &PullWorker::progress);
        QSignalSpy idle(&worker, &PullWorker::idle);
        worker.requestPull();
        QVERIFY(idle.wait(20000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toString(), QStringLiteral("product-api"));
        QCOMPARE(finished.first().at(1).value<PullRunner::Report>().inserted, 250);
        QCOMPARE(progress.size(), 3);
        QCOMPARE(serverThread, QThread::currentThreadId());
        QCOMPARE(EventLog(*m_db).count(), 250);

        // Just pulled: not due for 30 minutes.
        const ConnectorStore::Entry entry = ConnectorStore(*m_db).find(QStringLiteral("product-api")).value();
        const QDateTime end = QDateTime::fromMSecsSinceEpoch(
            qint64(entry.state.value(QStringLiteral("window_end")).toDouble()));
        QVERIFY(!PullWorker::isDue(entry.config, entry.state, end.addSecs(29 * 60)));
        QVERIFY(PullWorker::isDue(entry.config, entry.state, end.addSecs(30 * 60)));
        QVERIFY(PullWorker::isDue(entry.config, {}, end)); // never pulled
        ConnectorConfig manual = entry.config;
        manual.intervalMinutes = 0;
        QVERIFY(!PullWorker::isDue(manual, {}, end));
    }
};

QTEST_GUILESS_MAIN(TestPullWorker)
#include "TestPullWorker.moc"
