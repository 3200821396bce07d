#include "AboutDialog.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "Version.h"
#include "customer/CustomerDetailView.h"
#include "demo/DemoWorkspace.h"
#include "store/AccountStore.h"
#include "store/EventLog.h"
#include "workspace/FirstRunDialog.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace tenure;

namespace {

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsWorkspaceCounts()
    {
        test::TempWorkspace workspace;
        qint64 events = 0;
        {
            auto db = workspace.open();
            DemoGenerator::Options options;
            options.accounts = 20;
            options.today = QDate(2026, 6, 15);
            QVERIFY(DemoWorkspace::populate(*db, options).ok());
            events = EventLog(*db).count();
        }
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        window.openWorkspace(workspace.path());
        QVERIFY(loaded.wait(20000));
        const QLocale locale;
        auto* counts = window.findChild<QLabel*>(QStringLiteral("statusCounts"));
        QVERIFY(counts);
        QCOMPARE(counts->text(),
                 QStringLiteral("20 accounts · %1 events · 1 source").arg(locale.toString(events)));
        QVERIFY(window.windowTitle().startsWith(QLatin1String("test")));
        auto* body = window.findChild<QLabel*>(QStringLiteral("workspaceBody"));
        QVERIFY(body->text().contains(locale.toString(events)));
        window.grab().save(test::screenshotDir() + QStringLiteral("/main-window.png"));
    }

    // `tenure --view customer:ID --db FILE` asks for the customer before the workspace is open:
    // the page shows that customer once it is.
    void customerAskedForBeforeTheWorkspaceOpensShowsOnceItDoes()
    {
        test::TempWorkspace workspace;
        QString id;
        QString name;
        {
            auto db = workspace.open();
            DemoGenerator::Options options;
            options.accounts = 5;
            options.today = QDate(2026, 6, 15);
            QVERIFY(DemoWorkspace::populate(*db, options).ok());
            const Result<QList<Account>> accounts = AccountStore(*db).all();
            QVERIFY(accounts.ok() && !accounts->isEmpty());
            id = accounts->last().id;
            name = accounts->last().name;
        }
        // The page by itself: in the window a later refresh (scoring finished) would hide a miss.
        CustomerDetailView page;
        page.show();
        page.showCustomer(id);
        auto* title = page.findChild<QLabel*>(QStringLiteral("title"));
        QVERIFY(title);
        QTest::qWait(200);
        QVERIFY(title->text() != name); // no workspace yet
        page.setWorkspace(workspace.path());
        QTRY_COMPARE_WITH_TIMEOUT(title->text(), name, 20000);
    }

    void buildsDemoOnWorkerWhileGuiStaysResponsive()
    {
        test::TempWorkspace workspace;
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(10);
        window.openDemoWorkspace(workspace.path());
        QVERIFY(loaded.wait(120000));
        ticker.stop();
        // The event loop kept turning while 300 accounts were generated and written.
        QVERIFY2(ticks > 5, qPrintable(QString::number(ticks)));
        auto* counts = window.findChild<QLabel*>(QStringLiteral("statusCounts"));
        QVERIFY2(counts->text().startsWith(QLatin1String("300 accounts")), qPrintable(counts->text()));
    }

    void scoresInTheBackgroundAndStaysResponsive()
    {
        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            DemoGenerator::Options options;
            options.accounts = 120;
            QVERIFY(DemoWorkspace::populate(*db, options).ok());
        }
        MainWindow window;
        window.show();
        QSignalSpy scored(&window, &MainWindow::scoringFinished);
        window.openWorkspace(workspace.path());
        QVERIFY(scored.wait(120000)); // the first pass rebuilds from the log
        auto* engine = window.findChild<QLabel*>(QStringLiteral("statusEngine"));
        QVERIFY2(engine->text().startsWith(QLatin1String("Scored as of")), qPrintable(engine->text()));
        QVERIFY2(engine->text().contains(QLatin1String("Good")), qPrintable(engine->text()));

        // A full rebuild runs on the worker; meanwhile the GUI handles timers and input.
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(10);
        window.scoreNow(true);
        QTest::keyClick(&window, Qt::Key_Alt); // input is processed while the rebuild runs
        QVERIFY(scored.wait(120000));
        ticker.stop();
        QVERIFY2(ticks > 5, qPrintable(QString::number(ticks)));
        QVERIFY2(engine->text().startsWith(QLatin1String("Scored as of")), qPrintable(engine->text()));
        window.grab().save(test::screenshotDir() + QStringLiteral("/main-window-scored.png"));
    }

    void reportsAWorkspaceItCannotOpen()
    {
        test::TempWorkspace workspace;
        QFile file(workspace.path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a database");
        file.close();
        MainWindow window;
        QSignalSpy failed(&window, &MainWindow::workspaceFailed);
        window.openWorkspace(workspace.path());
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.first().at(1).toString().contains(QLatin1String("not an SQLite database")));
        auto* title = window.findChild<QLabel*>(QStringLiteral("workspaceTitle"));
        QVERIFY(title->text().startsWith(QLatin1String("Cannot open")));
    }

    void menusOfferWorkspaceActionsAndAbout()
    {
        MainWindow window;
        QStringList actions;
        for (QAction* menu : window.menuBar()->actions()) {
            for (QAction* action : menu->menu()->actions())
                actions << action->text();
        }
        QVERIFY(actions.contains(QStringLiteral("&New Workspace…")));
        QVERIFY(actions.contains(QStringLiteral("&Open Workspace…")));
        QVERIFY(actions.contains(QStringLiteral("&About Tenure")));

        AboutDialog about;
        auto* heading = about.findChild<QLabel*>(QStringLiteral("aboutHeading"));
        QVERIFY(heading->text().contains(QLatin1String(kVersion)));
        about.show();
        about.grab().save(test::screenshotDir() + QStringLiteral("/about.png"));
    }

    void firstRunOffersTheDemo()
    {
        FirstRunDialog dialog;
        dialog.show();
        dialog.grab().save(test::screenshotDir() + QStringLiteral("/first-run.png"));
        const auto buttons = dialog.findChildren<QCommandLinkButton*>();
        QCOMPARE(buttons.size(), 3);
        QTest::mouseClick(buttons.first(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.choice(), FirstRunDialog::Choice::Demo);
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
