#include "TestSupport.h"
#include "ingest/connectors/PullWorker.h"
#include "sources/ConnectorsDialog.h"
#include "store/EventLog.h"
#include "support/FakeApiServer.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace tenure;

class TestConnectorsDialog : public QObject
{
    Q_OBJECT

private slots:
    // A CSM adds a connector from its definition, pulls it from the dialog and sees the result.
    void addPullAndSeeTheResult()
    {
        FakeApiServerHolder holder;
        test::TempWorkspace workspace;
        workspace.open();
        const QJsonObject definition {
            { QStringLiteral("name"), QStringLiteral("product-api") },
            { QStringLiteral("kind"), QStringLiteral("rest") },
            { QStringLiteral("url"), holder.server.url(QStringLiteral("/events")).toString() },
            { QStringLiteral("records_path"), QStringLiteral("data") },
            { QStringLiteral("interval_minutes"), 15 },
        };
        const QString file = test::writeFile(workspace.dirObject(), QStringLiteral("api.json"),
                                             QJsonDocument(definition).toJson());

        PullWorker pulls(workspace.path());
        ConnectorsDialog dialog(workspace.path(), &pulls);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("connectors"));
        auto* message = dialog.findChild<QLabel*>(QStringLiteral("message"));
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QLatin1String("No connectors yet")), 10000);
        QCOMPARE(table->rowCount(), 0);

        dialog.addFromFile(QStringLiteral(TENURE_TEST_DATA "/csv/outcomes.csv")); // not JSON
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QLatin1String("outcomes.csv: offset")), 10000);
        dialog.addFromFile(file);
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 10000);
        QVERIFY(message->text().startsWith(QLatin1String("Connector added")));
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("product-api"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("every 15 min"));
        QCOMPARE(table->item(0, 4)->text(), QStringLiteral("never pulled"));

        table->selectRow(0);
        QSignalSpy finished(&pulls, &PullWorker::finished);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("pull")), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(table->item(0, 5)->text().contains(QLatin1String("3 new events")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(table->item(0, 4)->text().startsWith(QLatin1String("up to")), 10000);
        QCOMPARE(EventLog(*workspace.open(Database::Mode::ReadOnly)).count(), 3);
        dialog.grab().save(test::screenshotDir() + QStringLiteral("/connectors.png"));
    }

private:
    struct FakeApiServerHolder
    {
        test::FakeApiServer server { [](const test::FakeApiServer::Request&) {
            return test::FakeApiServer::json(R"({"data": [
                {"id": "1", "account_id": "株式会社さくら", "event": "login", "timestamp": "2026-11-20T09:00:00Z"},
                {"id": "2", "account_id": "acme", "event": "login", "timestamp": "2026-11-20T09:05:00Z"},
                {"id": "3", "account_id": "acme", "event": "export", "timestamp": "2026-11-20T09:10:00Z"}]})");
        } };
    };
};

QTEST_MAIN(TestConnectorsDialog)
#include "TestConnectorsDialog.moc"
