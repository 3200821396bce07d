#include "MainWindow.h"
#include "TestSupport.h"
#include "actions/ActionEngine.h"
#include "actions/ActionQueueView.h"
#include "customer/CustomerDetailView.h"
#include "customers/CustomerListModel.h"
#include "customers/CustomersView.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"
#include "overview/OverviewView.h"

#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QHeaderView>
#include <QImage>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace tenure;

class TestCsmViews : public QObject
{
    Q_OBJECT

    test::TempWorkspace m_workspace;

private slots:
    void initTestCase()
    {
        auto db = m_workspace.open();
        DemoGenerator::Options options;
        options.accounts = 80;
        QVERIFY(DemoWorkspace::populate(*db, options).ok());
        QVERIFY(ScoringEngine(*db).rebuild().ok());
        QVERIFY(ActionEngine(*db, ActionRules {}).refresh(QDate::currentDate()).ok());
    }

    // Typing narrows the list, a band filter and a sort give the right order.
    void searchFilterAndSortTheCustomerList()
    {
        CustomersView view;
        view.resize(1100, 600);
        view.show();
        QSignalSpy searched(&view, &CustomersView::searched);
        view.setWorkspace(m_workspace.path());
        QVERIFY(searched.wait(10000));
        CustomerListModel* model = view.model();
        QCOMPARE(searched.last().first().toLongLong(), 80);
        QCOMPARE(model->rowCount(), 80);

        // Japanese arrives from the input method as committed text, as a Japanese IME sends it.
        auto* search = view.findChild<QLineEdit*>(QStringLiteral("search"));
        search->setFocus();
        QInputMethodEvent typed;
        typed.setCommitString(QStringLiteral("株式会社"));
        QApplication::sendEvent(search, &typed);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() < 80 && model->rowCount() > 0, 10000);
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(model->row(row).name.contains(QStringLiteral("株式会社")));
        const int japanese = model->rowCount();
        view.grab().save(test::screenshotDir() + QStringLiteral("/customers-search.png"));

        view.findChild<QLineEdit*>(QStringLiteral("search"))->clear();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 80, 10000);
        auto* band = view.findChild<QComboBox*>(QStringLiteral("band"));
        QTRY_VERIFY_WITH_TIMEOUT(band->count() > 2, 10000);
        band->setCurrentIndex(band->findData(QStringLiteral("Good")));
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() < 80, 10000);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->row(row).band, QStringLiteral("Good"));

        // Reloading the workspace keeps the filter and does not repeat the choices.
        const int bands = band->count();
        view.setWorkspace(m_workspace.path());
        QTRY_VERIFY_WITH_TIMEOUT(searched.size() >= 2 && model->rowCount() < 80, 10000);
        QCOMPARE(band->count(), bands);
        QCOMPARE(band->currentData().toString(), QStringLiteral("Good"));

        // Sort by ARR, largest first (as a second click on the header asks).
        auto* table = view.findChild<QTableView*>(QStringLiteral("customers"));
        table->sortByColumn(CustomerListModel::Arr, Qt::DescendingOrder);
        auto sortedByArr = [model] {
            for (int row = 1; row < model->rowCount(); ++row) {
                const auto& a = model->row(row - 1);
                const auto& b = model->row(row);
                if (a.arr && b.arr && *a.arr < *b.arr)
                    return false;
            }
            return model->rowCount() > 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(sortedByArr(), 10000);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->row(row).band, QStringLiteral("Good")); // the filter still holds
        QVERIFY(japanese > 0);
    }

    // Marking an action done removes it from the queue and keeps its history.
    void markingAnActionDone()
    {
        ActionQueueView view;
        view.resize(1100, 500);
        view.show();
        QSignalSpy loaded(&view, &ActionQueueView::loaded);
        view.setWorkspace(m_workspace.path());
        QVERIFY(loaded.wait(10000));
        const int before = loaded.last().first().toInt();
        QVERIFY(before > 0);
        view.grab().save(test::screenshotDir() + QStringLiteral("/action-queue.png"));
        auto* table = view.findChild<QTableView*>(QStringLiteral("actions"));
        table->selectRow(0);
        const Action first = view.model()->action(0);
        QSignalSpy changed(&view, &ActionQueueView::changed);
        view.markSelectedDone(QStringLiteral("Called; renewal on track"));
        QVERIFY(changed.wait(10000));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.last().first().toInt(), before - 1);
        for (int row = 0; row < view.model()->rowCount(); ++row)
            QVERIFY(view.model()->action(row).id != first.id);
        auto db = m_workspace.open(Database::Mode::ReadOnly);
        const QList<ActionEvent> history = ActionStore(*db).history(first.id).value();
        QCOMPARE(history.last().kind, QStringLiteral("done"));
        QCOMPARE(history.last().detail, QStringLiteral("Called; renewal on track"));
    }

    // tenure --view customer:ID --screenshot FILE renders that view offscreen and exits.
    void viewScreenshotFromTheCommandLine()
    {
        const QString file = m_workspace.dir() + QStringLiteral("/view.png");
        QProcess app;
        app.start(QStringLiteral(TENURE_BIN_DIR "/tenure"),
                  { QStringLiteral("--db"), m_workspace.path(), QStringLiteral("--view"),
                    QStringLiteral("customer:A-00003"), QStringLiteral("--screenshot"), file });
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitCode(), 0);
        QImage image(file);
        QVERIFY(!image.isNull() && image.width() > 600);
        test::copyForPeople(file);
        QProcess bad;
        bad.start(QStringLiteral(TENURE_BIN_DIR "/tenure"),
                  { QStringLiteral("--view"), QStringLiteral("rulez") });
        QVERIFY(bad.waitForFinished(30000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(QString::fromUtf8(bad.readAllStandardError()).contains(QLatin1String("got \"rulez\"")));
    }

    void mainWindowNavigates()
    {
        MainWindow window;
        window.resize(1200, 760);
        window.show();
        QSignalSpy scored(&window, &MainWindow::scoringFinished);
        auto* overview = window.findChild<OverviewView*>();
        QSignalSpy overviewLoaded(overview, &OverviewView::loaded); // before it can load
        window.openWorkspace(m_workspace.path());
        QVERIFY(scored.wait(30000));
        auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        QCOMPARE(navigation->count(), 7);
        // The overview's charts and the biggest drops, with their click-through.
        QVERIFY(!overviewLoaded.isEmpty() || overviewLoaded.wait(10000));
        QCOMPARE(overview->findChildren<QChartView*>().size(), 4);
        for (QChartView* chart : overview->findChildren<QChartView*>())
            QVERIFY(!chart->chart()->series().isEmpty());
        auto* drops = overview->findChild<QTableWidget*>(QStringLiteral("drops"));
        QVERIFY(drops->rowCount() > 0 && drops->rowCount() <= 10);
        QTest::qWait(200);
        window.grab().save(test::screenshotDir() + QStringLiteral("/main-overview.png"));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(navigation->currentRow(), 1);
        auto* customers = window.findChild<CustomersView*>();
        QVERIFY(customers->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(customers->model()->rowCount() == 80, 10000);
        window.grab().save(test::screenshotDir() + QStringLiteral("/main-customers.png"));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(navigation->item(2)->text().contains(QLatin1Char('(')), 10000);
        window.grab().save(test::screenshotDir() + QStringLiteral("/main-actions.png"));

        // Opening a customer from the list shows its breakdown and its timeline.
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        auto* table = customers->findChild<QTableView*>(QStringLiteral("customers"));
        const QModelIndex first = table->model()->index(0, 0);
        auto* detail = window.findChild<CustomerDetailView*>();
        QSignalSpy shown(detail, &CustomerDetailView::shown);
        table->setFocus();
        table->setCurrentIndex(first);
        QTest::keyClick(table, Qt::Key_Return); // Enter (or a double-click) opens the customer
        QVERIFY(shown.wait(10000));
        QCOMPARE(navigation->currentRow(), 3);
        QCOMPARE(shown.first().first().toString(), customers->model()->row(0).id);
        const AccountReport& report = detail->report().value();
        QVERIFY(!report.history.isEmpty());
        auto* breakdown = detail->findChild<QTableWidget*>(QStringLiteral("breakdown"));
        QCOMPARE(breakdown->rowCount(), int(report.status->breakdown.size()));
        QVERIFY(breakdown->rowCount() > 0);
        QCOMPARE(breakdown->item(0, 0)->text(), report.status->breakdown.first().label);
        QCOMPARE(detail->findChild<QLabel*>(QStringLiteral("title"))->text(), report.account.name);
        window.grab().save(test::screenshotDir() + QStringLiteral("/main-customer.png"));

        // Rules and Tuning have their own tests (TestRulesAndTuning); here they are reachable.
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(navigation->currentRow(), 4);
        QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(navigation->currentRow(), 5);

        // Data sources: every source with the events it brought.
        QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(navigation->currentRow(), 6);
        auto* sources = window.findChild<QTableWidget*>(QStringLiteral("sources"));
        QTRY_VERIFY_WITH_TIMEOUT(sources->rowCount() == 1, 10000);
        QCOMPARE(sources->item(0, 0)->text(), QStringLiteral("demo"));
        QVERIFY(sources->item(0, 2)->text() != QStringLiteral("0"));
        window.grab().save(test::screenshotDir() + QStringLiteral("/main-datasources.png"));
    }
};

QTEST_MAIN(TestCsmViews)
#include "TestCsmViews.moc"
