// The desktop when the team server is away: the views keep their last data read-only, a note
// written meanwhile survives closing Tenure, an offline start shows the copy's queue, a refused
// password asks again, and closing never waits for the network. Against a real PostgreSQL that
// the test stops and starts again on the same port.
#include "Async.h"
#include "MainWindow.h"
#include "PgCluster.h"
#include "TeamDemo.h"
#include "TeamDeskTest.h"
#include "TestSupport.h"
#include "actions/ActionQueueView.h"
#include "actions/ActionStore.h"
#include "customer/CustomerDetailView.h"
#include "overview/OverviewView.h"
#include "team/TeamEngine.h"
#include "team/TeamKeptNotes.h"
#include "team/TeamMembers.h"
#include "workspace/TeamConnectDialog.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace tenure;
using tenure::test::PgCluster;

using tenure::test::kAsOf;
using tenure::test::kMisaki;

namespace {
const QString kNote = QStringLiteral("オフラインで書いたメモ");
} // namespace

class TestTeamOffline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("TENURE_NO_KEYCHAIN", "1");
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        const QString made = test::makeDemoTeam(
            m_cluster, m_local, QStringLiteral("away"),
            { { QStringLiteral("misaki"), kMisaki, QStringLiteral("csm"), QStringLiteral("pw-m") },
              { QStringLiteral("kenta"), QStringLiteral("鈴木 健太"), QStringLiteral("admin"),
                QStringLiteral("pw-k") } },
            { kMisaki, QStringLiteral("鈴木 健太") }, kAsOf); // half the portfolio is Misaki's
        QVERIFY2(made.isEmpty(), qPrintable(made));
    }

    // Done, Snooze, Reassign, the customer page's buttons, Record Outcome, Save and Adopt are off
    // while the server is away, each saying why; a note is kept, on disk, and survives closing.
    void whileTheServerIsAwayTheViewsAreReadOnly()
    {
        m_window = openAs(QStringLiteral("misaki"), QStringLiteral("pw-m"));
        std::unique_ptr<MainWindow> admin = openAs(QStringLiteral("kenta"), QStringLiteral("pw-k"));
        QVERIFY(m_window && admin);
        auto* actions = m_window->findChild<ActionQueueView*>();
        QTRY_VERIFY_WITH_TIMEOUT(actions->model()->rowCount() > 0, 20000);
        m_target = actions->model()->actions().first();
        test::selectQueueRow(actions, actions->model()->actionIndex(m_target.id));
        auto* page = m_window->findChild<CustomerDetailView*>();
        QSignalSpy shown(page, &CustomerDetailView::shown);
        QVERIFY(m_window->showView(QStringLiteral("customer:") + m_target.accountId));
        QVERIFY(shown.wait(10000));
        auto* addOutcome = page->findChild<QPushButton*>(QStringLiteral("addOutcome"));
        QVERIFY(addOutcome->isEnabled());
        auto* save = admin->findChild<QPushButton*>(QStringLiteral("saveRules"));
        QVERIFY(!save->toolTip().contains(QStringLiteral("cannot be reached")));

        auto* status = m_window->findChild<QLabel*>(QStringLiteral("statusEngine"));
        QVERIFY2(status->text().startsWith(QStringLiteral("Signed in to ")), qPrintable(status->text()));
        QSignalSpy lost(m_window.get(), &MainWindow::teamLost);
        QSignalSpy adminLost(admin.get(), &MainWindow::teamLost);
        m_cluster.stop();
        QVERIFY(lost.wait(15000));
        // The status bar no longer says signed in.
        QVERIFY2(status->text().startsWith(QStringLiteral("Not connected to ")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("(last signed in as 高橋 美咲)")),
                 qPrintable(status->text()));
        QVERIFY(!adminLost.isEmpty() || adminLost.wait(15000));
        const QString away = QStringLiteral("cannot be reached");
        for (const char* name : { "done", "snooze", "reassign" }) {
            auto* button = actions->findChild<QPushButton*>(QLatin1String(name));
            QVERIFY2(!button->isEnabled(), name);
            QVERIFY2(button->toolTip().contains(away), qPrintable(button->toolTip()));
        }
        QVERIFY(actions->findChild<QPushButton*>(QStringLiteral("note"))->isEnabled()); // kept meanwhile
        QVERIFY(!addOutcome->isEnabled());
        QVERIFY2(addOutcome->toolTip().contains(away), qPrintable(addOutcome->toolTip()));
        auto* table = page->findChild<QTableWidget*>(QStringLiteral("openActions"));
        int rowButtons = 0;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (QWidget* cell = table->cellWidget(row, 3)) {
                for (QToolButton* button : cell->findChildren<QToolButton*>()) {
                    QVERIFY(!button->isEnabled());
                    QVERIFY2(button->toolTip().contains(away), qPrintable(button->toolTip()));
                    ++rowButtons;
                }
            }
        }
        QVERIFY(rowButtons >= 2);
        // An admin's Save and Adopt are off too, saying why.
        QVERIFY2(save->toolTip().contains(away), qPrintable(save->toolTip()));
        QVERIFY(!save->isEnabled());
        auto* adopt = admin->findChild<QPushButton*>(QStringLiteral("adoptCandidate"));
        QVERIFY(!adopt->isEnabled());
        QVERIFY2(adopt->toolTip().contains(away), qPrintable(adopt->toolTip()));

        // A Done asked for anyway (a shortcut, a script) is refused with the reason, not tried.
        QSignalSpy refused(actions, &ActionQueueView::changeFailed);
        actions->markSelectedDone(QStringLiteral("should not land"));
        QCOMPARE(refused.size(), 1);
        QVERIFY2(refused.first().first().toString().contains(away),
                 qPrintable(refused.first().first().toString()));
        // A note is kept, on this machine's disk.
        refused.clear();
        actions->noteOnSelected(kNote);
        QVERIFY(refused.wait(20000));
        QCOMPARE(actions->pendingNotes(), 1);
        const Result<QList<TeamKeptNotes::Note>> kept = TeamKeptNotes::load(keptPath());
        QVERIFY(kept.ok());
        QCOMPARE(kept->size(), 1);
        QCOMPARE(kept->first().text, kNote);
        QCOMPARE(kept->first().actionId, m_target.id);
        // Closing Tenure with the server still away.
        admin.reset();
        m_window.reset();
    }

    // Started without the server: the queue shows the copy's actions, read-only; the kept note goes
    // when the server answers, written by the signed-in member, and is kept no longer.
    void anOfflineStartShowsTheCopyAndSendsWhatWasKept()
    {
        QVERIFY(!m_cluster.isRunning());
        m_window = openAs(QStringLiteral("misaki"), QStringLiteral("pw-m"));
        QVERIFY(m_window);
        auto* banner = m_window->findChild<QLabel*>(QStringLiteral("teamBanner"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
        auto* actions = m_window->findChild<ActionQueueView*>();
        QTRY_VERIFY_WITH_TIMEOUT(actions->model()->rowCount() > 0, 20000);
        QVERIFY(actions->showsCopy());
        QVERIFY(actions->model()->actionIndex(m_target.id).isValid());
        for (const Action& action : actions->model()->actions())
            QCOMPARE(action.owner, kMisaki); // My accounts, from the copy
        // Kept by the last session; trying to send it while the server is away leaves the count
        // saying what the list shows (no connection error in its place: the banner says that).
        QTRY_COMPARE_WITH_TIMEOUT(actions->pendingNotes(), 1, 10000);
        QVERIFY2(
            actions->findChild<QLabel*>(QStringLiteral("count"))->text().contains(QStringLiteral("copy")),
            qPrintable(actions->findChild<QLabel*>(QStringLiteral("count"))->text()));
        // Why: the server's words, in the count's tooltip.
        QVERIFY2(
            actions->findChild<QLabel*>(QStringLiteral("count"))->toolTip().contains(QStringLiteral("team")),
            qPrintable(actions->findChild<QLabel*>(QStringLiteral("count"))->toolTip()));
        test::selectQueueRow(actions, actions->model()->actionIndex(m_target.id));
        QVERIFY(!actions->findChild<QPushButton*>(QStringLiteral("done"))->isEnabled());

        QString error;
        QVERIFY2(m_cluster.resume(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(actions->pendingNotes(), 0, 10000);
        Result<std::unique_ptr<TeamDatabase>> owner = m_cluster.open(QStringLiteral("away"));
        QVERIFY(owner.ok());
        const auto noted = [&] {
            const Result<QList<ActionEvent>> history
                = ActionStore((*owner)->connection()).history(m_target.id);
            return history.ok()
                && std::any_of(history->begin(), history->end(), [](const ActionEvent& event) {
                       return event.kind == QLatin1String("note") && event.detail == kNote
                           && event.author == kMisaki;
                   });
        };
        QTRY_VERIFY_WITH_TIMEOUT(noted(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(TeamKeptNotes::load(keptPath()).value().isEmpty(), 10000);
        // The Done asked for while away never landed.
        QCOMPARE(ActionStore((*owner)->connection()).find(m_target.id)->status, m_target.status);
        // Back on the server's queue, writable.
        QTRY_VERIFY_WITH_TIMEOUT(
            !actions->showsCopy() && actions->model()->actionIndex(m_target.id).isValid(), 10000);
        test::selectQueueRow(actions, actions->model()->actionIndex(m_target.id));
        QVERIFY(actions->findChild<QPushButton*>(QStringLiteral("done"))->isEnabled());
    }

    // Notes kept by an earlier session are sent as soon as the view opens, before the session
    // knows whether the server answers. When it does not, the notes stay kept and the count keeps
    // saying what the list shows: the connection error is the banner's to show (and the count's
    // tooltip), not the count's. Checked when the view says its notes were tried.
    void keptNotesTriedWhileAwayLeaveTheCount()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 nobody = closed.serverPort();
        closed.close();
        TeamLocation away = m_cluster.location(QStringLiteral("away"), QStringLiteral("misaki"));
        away.port = nobody;
        const QString kept = TeamKeptNotes::pathFor(m_local.path());
        auto forget = qScopeGuard([kept] { QFile::remove(kept); });
        QVERIFY(TeamKeptNotes::add(kept,
                                   { { m_target.id, QStringLiteral("株式会社テスト"), kNote,
                                       QDateTime::currentDateTimeUtc() } })
                    .ok());
        ActionQueueView view;
        view.setTeam(TeamSignIn { away, QStringLiteral("pw-m"), kMisaki, QStringLiteral("csm") });
        auto* count = view.findChild<QLabel*>(QStringLiteral("count"));
        QStringList countWhenTried;
        connect(&view, &ActionQueueView::changed, this, [&] { countWhenTried << count->text(); });
        view.setWorkspace(m_local.path()); // the copy: here, the member's own workspace file
        QTRY_VERIFY_WITH_TIMEOUT(!countWhenTried.isEmpty(), 20000);
        QCOMPARE(view.pendingNotes(), 1); // still kept
        QVERIFY2(!countWhenTried.first().contains(QStringLiteral("Cannot connect")),
                 qPrintable(countWhenTried.first()));
        QTRY_VERIFY_WITH_TIMEOUT(count->text().contains(QStringLiteral("copy")), 20000);
        QVERIFY2(count->toolTip().contains(QStringLiteral("Cannot connect")), qPrintable(count->toolTip()));
        QCOMPARE(TeamKeptNotes::load(kept).value().size(), 1);
    }

    // The overview shows both: the member's accounts and the team's.
    void theOverviewShowsMyAccountsAndTheTeam()
    {
        QVERIFY(m_window);
        auto* overview = m_window->findChild<OverviewView*>();
        m_window->showView(QStringLiteral("overview"));
        QTRY_VERIFY_WITH_TIMEOUT(!overview->teamSummary().isEmpty(), 10000);
        const QString summary = overview->teamSummary();
        QVERIFY2(summary.startsWith(QStringLiteral("My accounts (高橋 美咲): 20 accounts")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("\nTeam: 40 accounts")), qPrintable(summary));
        QVERIFY(overview->findChild<QLabel*>(QStringLiteral("mine"))->isVisible());
    }

    // A password the server refuses, with a copy to show: the copy shows, and the sign-in dialog
    // asks again instead of retrying behind the banner; the right one opens the team.
    void aRefusedPasswordAsksAgain()
    {
        m_window.reset();
        m_window = openAs(QStringLiteral("misaki"), QStringLiteral("not her password"));
        QVERIFY(m_window);
        TeamConnectDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<TeamConnectDialog*>()) && dialog->isVisible(),
                                 20000);
        QVERIFY2(dialog->resultText().contains(QStringLiteral("password")), qPrintable(dialog->resultText()));
        QVERIFY(!dialog->resultText().contains(QStringLiteral("not her password")));
        QVERIFY(!m_window->teamSession()->isReachable());
        dialog->findChild<QLineEdit*>(QStringLiteral("password"))->setText(QStringLiteral("pw-m"));
        dialog->findChild<QCheckBox*>(QStringLiteral("remember"))->setChecked(false);
        QSignalSpy ready(m_window.get(), &MainWindow::teamReady);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("connect")), Qt::LeftButton);
        QVERIFY(ready.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->teamSession()->isReachable(), 10000);
        QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("teamBanner"))->isHidden());
    }

    // An admin removes a member whose desktop is open: the desktop is told, moves to a workspace
    // file of this machine's, removes its copy of the team (the kept notes' file with it) and shows
    // the notes it can no longer send, to keep.
    void aRemovedMemberKeepsNoCopyOfTheTeam()
    {
        m_window.reset();
        Result<std::unique_ptr<TeamDatabase>> owner = m_cluster.open(QStringLiteral("away"));
        QVERIFY(owner.ok());
        QVERIFY(TeamMembers(**owner)
                    .add(QStringLiteral("ren"), QStringLiteral("森 蓮"), QStringLiteral("csm"),
                         QStringLiteral("pw-r"))
                    .ok());
        m_window = openAs(QStringLiteral("ren"), QStringLiteral("pw-r"));
        QVERIFY(m_window);
        const QString copy = copyPath(QStringLiteral("ren"));
        QCOMPARE(m_window->workspacePath(), copy);
        QVERIFY(QFile::exists(copy));
        // The queue has read the notes kept before it opened (none): its reads on the pool are done.
        QTRY_VERIFY_WITH_TIMEOUT(workPool()->activeThreadCount() == 0, 10000);
        QTest::qWait(100);
        // A note written while the server was away, not sent yet.
        const TeamKeptNotes::Note kept { m_target.id, QStringLiteral("株式会社テスト"),
                                         QStringLiteral("送れなかったメモ"),
                                         QDateTime::currentDateTimeUtc() };
        QVERIFY(TeamKeptNotes::add(TeamKeptNotes::pathFor(copy), { kept }).ok());

        QSignalSpy left(m_window.get(), &MainWindow::teamLeft);
        QVERIFY(TeamMembers(**owner).remove(QStringLiteral("ren")).ok());
        QVERIFY(left.wait(20000));
        QCOMPARE(left.first().first().toString(), QString()); // nothing stayed
        for (const QString& file : { copy, copy + QStringLiteral("-wal"), copy + QStringLiteral("-shm"),
                                     TeamKeptNotes::pathFor(copy) })
            QVERIFY2(!QFile::exists(file), qPrintable(file));
        QVERIFY(!m_window->teamSession());
        QVERIFY(!m_window->workspacePath().isEmpty());
        QVERIFY(m_window->workspacePath() != copy);
        auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("leftTeam"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY2(box->text().contains(QStringLiteral("\"ren\" is not a member")), qPrintable(box->text()));
        QVERIFY2(box->text().contains(QStringLiteral("copy of the team's data has been removed")),
                 qPrintable(box->text()));
        QVERIFY2(box->text().contains(QStringLiteral("1 note")), qPrintable(box->text()));
        QVERIFY2(box->detailedText().contains(QStringLiteral("株式会社テスト")),
                 qPrintable(box->detailedText()));
        QVERIFY2(box->detailedText().contains(QStringLiteral("送れなかったメモ")),
                 qPrintable(box->detailedText()));
        box->grab().save(test::screenshotDir() + QStringLiteral("/team-left.png"));
        box->close();
        m_window.reset();
    }

    // Closing a session whose server does not answer (a connection attempt under way) returns at
    // once; the attempt ends on its own at its timeout.
    void closingNeverWaitsForTheServer()
    {
        QTcpServer silent; // takes the connection, never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        TeamLocation nowhere;
        nowhere.host = QStringLiteral("127.0.0.1");
        nowhere.port = silent.serverPort();
        nowhere.database = QStringLiteral("away");
        nowhere.user = QStringLiteral("misaki");
        nowhere.connectTimeoutSeconds = 3;
        TeamSession::Options options;
        options.copyPath = m_local.dir() + QStringLiteral("/nowhere-desk.tenure");
        options.engine = false;
        auto session = std::make_unique<TeamSession>(nowhere, QStringLiteral("pw-m"), options);
        QSignalSpy failed(session.get(), &TeamSession::failed);
        session->start();
        QTest::qWait(300); // the sync's thread is waiting for the server now
        QVERIFY(failed.isEmpty());
        QElapsedTimer closing;
        closing.start();
        session.reset();
        const qint64 took = closing.elapsed();
        qInfo("Closed a session waiting on a silent server in %lld ms (its connection timeout: 3 s)", took);
        QVERIFY2(took < 1500, qPrintable(QString::number(took)));
        QTest::qWait(4000); // the attempt times out and the thread ends before the test does
    }

    void cleanupTestCase() { m_window.reset(); }

private:
    std::unique_ptr<MainWindow> openAs(const QString& login, const QString& password)
    {
        auto window = std::make_unique<MainWindow>();
        window->resize(1100, 720);
        window->show();
        QSignalSpy ready(window.get(), &MainWindow::teamReady);
        QSignalSpy failed(window.get(), &MainWindow::workspaceFailed);
        TeamSession::Options options;
        options.copyPath = copyPath(login);
        options.engine = false;
        options.heartbeatMs = 500;
        options.retryMs = 500;
        window->openTeamWorkspace(m_cluster.location(QStringLiteral("away"), login), password, options);
        if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 30000)
            || !failed.isEmpty()) {
            qWarning(
                "%s did not open: %s", qPrintable(login),
                qPrintable(failed.isEmpty() ? QStringLiteral("timeout") : failed.first().at(1).toString()));
            return nullptr;
        }
        window->showView(QStringLiteral("actions"));
        return window;
    }

    QString copyPath(const QString& login) const
    {
        return m_local.dir() + QStringLiteral("/%1-desk.tenure").arg(login);
    }
    QString keptPath() const { return TeamKeptNotes::pathFor(copyPath(QStringLiteral("misaki"))); }

    PgCluster m_cluster;
    test::TempWorkspace m_local;
    std::unique_ptr<MainWindow> m_window;
    Action m_target;
};

QTEST_MAIN(TestTeamOffline)
#include "TestTeamOffline.moc"
