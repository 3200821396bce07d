#include "TestSupport.h"
#include "ingest/connectors/PullWorker.h"
#include "sources/ConnectorForm.h"
#include "sources/ConnectorsDialog.h"
#include "store/EventLog.h"
#include "support/FakeApiServer.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
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
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QLatin1String("outcomes.csv: line 1, column ")),
                                 10000);
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
        QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/connectors.png")));
    }

    // A connector made in the form: Test pulls the first page into a scratch workspace; Save
    // stores it; Edit changes it.
    void formTestsSavesAndEdits()
    {
        FakeApiServerHolder holder;
        test::TempWorkspace workspace;
        workspace.open();
        ConnectorForm form(std::nullopt);
        form.show();
        form.findChild<QLineEdit*>(QStringLiteral("name"))->setText(QStringLiteral("product-api"));
        auto* url = form.findChild<QLineEdit*>(QStringLiteral("url"));
        auto* result = form.findChild<QPlainTextEdit*>(QStringLiteral("result"));
        QSignalSpy tested(&form, &ConnectorForm::tested);

        // Nothing to pull from yet: the problem is named as a definition file would name it.
        QTest::mouseClick(form.findChild<QPushButton*>(QStringLiteral("test")), Qt::LeftButton);
        QCOMPARE(tested.size(), 1);
        QCOMPARE(tested.at(0).at(0).toBool(), false);
        QVERIFY2(result->toPlainText().startsWith(QLatin1String("url")), qPrintable(result->toPlainText()));

        url->setText(holder.server.url(QStringLiteral("/events")).toString());
        form.findChild<QLineEdit*>(QStringLiteral("recordsPath"))->setText(QStringLiteral("data"));
        QTest::mouseClick(form.findChild<QPushButton*>(QStringLiteral("test")), Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.last().at(0).toBool(), true);
        QVERIFY2(result->toPlainText().contains(QLatin1String("3 records: 3 events")),
                 qPrintable(result->toPlainText()));
        QVERIFY(result->toPlainText().contains(QStringLiteral("株式会社さくら")));
        QCOMPARE(EventLog(*workspace.open(Database::Mode::ReadOnly)).count(), 0);
        QVERIFY(form.grab().save(test::screenshotDir() + QStringLiteral("/connector-form.png")));

        const Result<ConnectorConfig> config = form.config();
        QVERIFY(config.ok());
        ConnectorsDialog dialog(workspace.path(), nullptr);
        dialog.show();
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("connectors"));
        QSignalSpy reloaded(&dialog, &ConnectorsDialog::reloaded);
        QVERIFY(reloaded.wait(10000));
        dialog.save(config.value(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 10000);
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("every 60 min"));

        // Edit: the form opens on the stored definition; a new interval lands.
        table->selectRow(0);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("edit")), Qt::LeftButton);
        auto* edit = dialog.findChild<ConnectorForm*>();
        QVERIFY(edit);
        QCOMPARE(edit->findChild<QLineEdit*>(QStringLiteral("name"))->text(), QStringLiteral("product-api"));
        QVERIFY(edit->findChild<QLineEdit*>(QStringLiteral("name"))->isReadOnly());
        QCOMPARE(edit->findChild<QLineEdit*>(QStringLiteral("recordsPath"))->text(), QStringLiteral("data"));
        const QList<QSpinBox*> spins = edit->findChildren<QSpinBox*>();
        QSpinBox* interval = nullptr;
        for (QSpinBox* spin : spins)
            if (spin->value() == 60)
                interval = spin;
        QVERIFY(interval);
        interval->setValue(30);
        edit->accept();
        QTRY_VERIFY_WITH_TIMEOUT(
            table->rowCount() == 1 && table->item(0, 3)->text() == QLatin1String("every 30 min"), 10000);
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
