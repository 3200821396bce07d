// A workspace with no customers yet: the Overview says how to fill it (Import CSV…, a connector,
// or the demo workspace) in place of empty charts, and counts are never drawn on half ticks.
#include "ChartAxes.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "ViewFixtures.h"
#include "customers/CustomersView.h"
#include "demo/DemoWorkspace.h"
#include "overview/GettingStarted.h"
#include "overview/OverviewView.h"
#include "sources/ImportCsvDialog.h"

#include <QAction>
#include <QChartView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <cmath>
#include <limits>

using namespace tenure;

class TestGettingStarted : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void countScales_data()
    {
        QTest::addColumn<double>("high");
        QTest::addColumn<int>("maxTicks");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("step");
        QTest::newRow("nothing") << 0.0 << 4 << 1.0 << 1.0;
        QTest::newRow("one") << 1.0 << 4 << 1.0 << 1.0;
        QTest::newRow("two") << 2.0 << 6 << 2.0 << 1.0;
        QTest::newRow("three") << 3.0 << 4 << 3.0 << 1.0;
        QTest::newRow("seven") << 7.0 << 4 << 10.0 << 5.0;
        QTest::newRow("many") << 270.0 << 4 << 300.0 << 100.0;
        QTest::newRow("billions") << 3e9 << 6 << 3e9 << 1e9;
        QTest::newRow("largest") << std::numeric_limits<double>::max() << 6 << 0.0 << 0.0;
    }

    // Whole ticks only: "0.5 accounts" is no count.
    void countScales()
    {
        QFETCH(double, high);
        QFETCH(int, maxTicks);
        QFETCH(double, max);
        QFETCH(double, step);
        const ChartAxes::Scale scale = ChartAxes::countScale(high, maxTicks);
        QCOMPARE(scale.min, 0.0);
        if (max > 0) { // else: no more than maxTicks ticks, and no end is infinite
            QCOMPARE(scale.max, max);
            QCOMPARE(scale.step, step);
        }
        QVERIFY(scale.tickCount() <= maxTicks);
        QVERIFY(std::isfinite(scale.max) && scale.max >= high);
        QCOMPARE(scale.decimals(), 0);
    }

    // The buttons trigger the main window's actions and show only while those are enabled; in a
    // team workspace (import disabled) the text says who fills it and how.
    void buttonsFollowTheActions()
    {
        QAction import(QStringLiteral("Import"));
        QAction connectors(QStringLiteral("Connectors"));
        QAction demo(QStringLiteral("Demo"));
        GettingStarted start;
        QAction earlier(QStringLiteral("Replaced"));
        start.setActions(&earlier, &earlier, &earlier);
        QSignalSpy replaced(&earlier, &QAction::triggered);
        start.setActions(&import, &connectors, &demo); // replaces the earlier ones
        start.resize(900, 600);
        start.show();
        QVERIFY(QTest::qWaitForWindowExposed(&start));
        auto* importButton = start.findChild<QPushButton*>(QStringLiteral("startImport"));
        auto* connectorsButton = start.findChild<QPushButton*>(QStringLiteral("startConnectors"));
        auto* demoButton = start.findChild<QPushButton*>(QStringLiteral("startDemo"));
        auto* text = start.findChild<QLabel*>(QStringLiteral("startText"));
        QVERIFY(importButton && connectorsButton && demoButton && text);
        QVERIFY(importButton->isVisible() && connectorsButton->isVisible() && demoButton->isVisible());
        QCOMPARE(text->textFormat(), Qt::PlainText);
        QVERIFY2(text->text().contains(QLatin1String("CSV")), qPrintable(text->text()));
        for (auto [button, action] :
             { std::pair { importButton, &import }, std::pair { connectorsButton, &connectors },
               std::pair { demoButton, &demo } }) {
            QSignalSpy triggered(action, &QAction::triggered);
            QTest::mouseClick(button, Qt::LeftButton);
            QCOMPARE(triggered.count(), 1);
        }
        QCOMPARE(replaced.count(), 0); // the buttons trigger only the actions set last

        import.setEnabled(false); // a team workspace, for a CSM
        connectors.setEnabled(false);
        QVERIFY(!importButton->isVisible() && !connectorsButton->isVisible());
        QVERIFY(demoButton->isVisible());
        QVERIFY2(text->text().contains(QLatin1String("An admin fills it"))
                     && text->text().contains(QLatin1String("tenure-cli team push")),
                 qPrintable(text->text()));
        import.setEnabled(true); // for an admin, who imports into the team from here
        QVERIFY(importButton->isVisible() && !connectorsButton->isVisible());
        QVERIFY2(text->text().startsWith(QLatin1String("This team workspace has no customers yet. Import")),
                 qPrintable(text->text()));
        connectors.setEnabled(true); // a workspace file
        QVERIFY(connectorsButton->isVisible());
        QVERIFY(!text->text().contains(QLatin1String("team")));
    }

    // A workspace opened while the overview still reads the one before is the one shown.
    void aWorkspaceOpenedDuringALoadIsShown()
    {
        test::TempWorkspace filled;
        {
            const Status done = test::fillScoredDemo(*filled.open(), 20);
            QVERIFY2(done, qPrintable(done.error()));
        }
        test::TempWorkspace empty;
        {
            empty.open();
        }
        OverviewView view;
        view.resize(1100, 700);
        view.show();
        QSignalSpy loaded(&view, &OverviewView::loaded);
        for (const bool emptyLast : { true, false }) {
            loaded.clear();
            view.setWorkspace(emptyLast ? filled.path() : empty.path());
            view.setWorkspace(emptyLast ? empty.path() : filled.path()); // the first still loading
            QVERIFY(loaded.wait(30000));
            QTest::qWait(200); // a second, stale, load would land meanwhile
            QCOMPARE(loaded.count(), 1);
            QCOMPARE(view.gettingStarted()->isVisible(), emptyLast);
        }
    }

    // A new, empty workspace: the overview shows how to start, not empty charts; Import CSV…
    // opens the import dialog; once the workspace has customers, the charts come back.
    void emptyWorkspaceShowsHowToStart()
    {
        test::TempWorkspace workspace;
        {
            workspace.open();
        } // created, empty
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* overview = window.findChild<OverviewView*>();
        QVERIFY(overview);
        QSignalSpy loaded(overview, &OverviewView::loaded);
        window.openWorkspace(workspace.path());
        QVERIFY(loaded.wait(30000));
        GettingStarted* start = overview->gettingStarted();
        QTRY_VERIFY(start->isVisible());
        for (QChartView* chart : overview->findChildren<QChartView*>())
            QVERIFY(!chart->isVisible());
        // Its wrapped text gets the height it needs once laid out: whole, not one cut line.
        auto* text = start->findChild<QLabel*>(QStringLiteral("startText"));
        QTRY_VERIFY(text->height() >= text->heightForWidth(text->width()));
        QCOMPARE_GT(text->height(), 2 * text->fontMetrics().height());
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/overview-empty.png")));

        // The customer list says there is nothing yet, not that nothing matches.
        auto* customers = window.findChild<CustomersView*>();
        auto* count = customers->findChild<QLabel*>(QStringLiteral("count"));
        QVERIFY(window.showView(QStringLiteral("customers")));
        QTRY_VERIFY2(count->text().contains(QLatin1String("No customers in this workspace yet")),
                     qPrintable(count->text()));
        QVERIFY(window.showView(QStringLiteral("overview")));

        auto* importButton = start->findChild<QPushButton*>(QStringLiteral("startImport"));
        QVERIFY(importButton && importButton->isVisible());
        QTest::mouseClick(importButton, Qt::LeftButton);
        auto* dialog = window.findChild<ImportCsvDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->close();

        // Customers arrive (as an import brings them) and the window's own engine scores them: one
        // engine on the file, as in use (a second one rebuilding beside it could take the other's
        // shadow tables from under it).
        {
            DemoGenerator::Options options;
            options.accounts = 20;
            const Result<DemoWorkspace::Summary> filled = DemoWorkspace::populate(*workspace.open(), options);
            QVERIFY2(filled.ok(), qPrintable(filled.ok() ? QString() : filled.error()));
        }
        window.scoreNow();
        QTRY_VERIFY_WITH_TIMEOUT(!start->isVisible(), 60000);
        const QList<QChartView*> charts = overview->findChildren<QChartView*>();
        QVERIFY(!charts.isEmpty());
        for (QChartView* chart : charts)
            QVERIFY(chart->isVisible());

        // A search that matches nothing says so.
        QVERIFY(window.showView(QStringLiteral("customers")));
        QSignalSpy searched(customers, &CustomersView::searched);
        customers->refresh();
        QVERIFY(searched.wait(30000));
        QCOMPARE_GT(searched.last().at(0).toLongLong(), 0);
        QTest::keyClicks(customers->findChild<QLineEdit*>(QStringLiteral("search")), QStringLiteral("zzqx"));
        QTRY_VERIFY_WITH_TIMEOUT(!searched.isEmpty() && searched.last().at(0).toLongLong() == 0, 10000);
        QTRY_VERIFY2(count->text().contains(QLatin1String("No customer matches")), qPrintable(count->text()));
    }
};

QTEST_MAIN(TestGettingStarted)
#include "TestGettingStarted.moc"
