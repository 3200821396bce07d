// The desktop in a team: two CSMs on one team workspace, one in the app and one through core (as
// another desktop or tenure-cli would), against a real PostgreSQL the test starts.
#include "MainWindow.h"
#include "PgCluster.h"
#include "TeamDemo.h"
#include "TeamDeskTest.h"
#include "TestSupport.h"
#include "actions/ActionQueueView.h"
#include "actions/ActionStore.h"
#include "customer/CustomerDetailView.h"
#include "customers/CustomerListModel.h"
#include "customers/CustomersView.h"
#include "store/Database.h"
#include "team/TeamAccess.h"
#include "team/TeamEngine.h"
#include "workspace/RecentWorkspaces.h"
#include "workspace/TeamConnectDialog.h"
#include "workspace/WorkspaceSummaryView.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

using namespace tenure;
using tenure::test::PgCluster;

using tenure::test::kAsOf;
using tenure::test::kHanako;
using tenure::test::kMisaki;

class TestTeamDesktop : public QObject
{
    Q_OBJECT

#ifdef Q_OS_LINUX
    // The nice values of this process's threads named `name` (a thread id: that thread).
    static QList<int> niceOfThreads(const QString& name)
    {
        QList<int> nice;
        const QDir tasks(QStringLiteral("/proc/self/task"));
        for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile comm(tasks.filePath(task + QStringLiteral("/comm")));
            QFile stat(tasks.filePath(task + QStringLiteral("/stat")));
            if (!comm.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly))
                continue;
            if (task != name && QString::fromUtf8(comm.readAll()).trimmed() != name)
                continue;
            // Fields after the command's closing parenthesis: the 17th of them is the nice value.
            const QByteArray line = stat.readAll();
            const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
            if (fields.size() > 16)
                nice << fields[16].toInt();
        }
        return nice;
    }
#endif

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        int open = 0;
        const QString made = test::makeDemoTeam(
            m_cluster, m_local, QStringLiteral("desk"),
            { { QStringLiteral("misaki"), kMisaki, QStringLiteral("csm"), QStringLiteral("pw-m") },
              { QStringLiteral("hanako"), kHanako, QStringLiteral("csm"), QStringLiteral("pw-h") },
              { QStringLiteral("kenta"), QStringLiteral("鈴木 健太"), QStringLiteral("admin"),
                QStringLiteral("pw-k") } },
            { kMisaki, kHanako }, kAsOf, &open); // half the portfolio is Misaki's, half Hanako's
        QVERIFY2(made.isEmpty(), qPrintable(made));
        QVERIFY2(open >= 6, "the demo opens actions for both CSMs");
    }

    void theConnectionDialogSaysWhatHappened()
    {
        TeamConnectDialog dialog;
        dialog.setLocation(m_cluster.location(QStringLiteral("desk"), QStringLiteral("misaki")));
        dialog.findChild<QLineEdit*>(QStringLiteral("password"))->setText(QStringLiteral("wrong"));
        QSignalSpy tested(&dialog, &TeamConnectDialog::tested);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("test")), Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.first().first().toBool(), false);
        QVERIFY2(dialog.resultText().contains(QStringLiteral("password"), Qt::CaseInsensitive),
                 qPrintable(dialog.resultText()));
        QVERIFY2(!dialog.resultText().contains(QStringLiteral("wrong")), "the password is never shown");

        dialog.findChild<QLineEdit*>(QStringLiteral("password"))->setText(QStringLiteral("pw-m"));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("test")), Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.last().first().toBool(), true);
        QVERIFY2(dialog.resultText().contains(kMisaki) && dialog.resultText().contains(QStringLiteral("csm")),
                 qPrintable(dialog.resultText()));
        QCOMPARE(dialog.location().toUrl(),
                 m_cluster.location(QStringLiteral("desk"), QStringLiteral("misaki")).toUrl());
        dialog.show();
        QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/team-connect.png")));
    }

    void aDesktopOpensOnMyAccounts()
    {
        openAs(QStringLiteral("misaki"), QStringLiteral("pw-m"));
        if (QTest::currentTestFailed())
            return;
        auto* actions = m_window->findChild<ActionQueueView*>();
        QTRY_VERIFY_WITH_TIMEOUT(actions->model()->rowCount() > 0, 20000);
        QVERIFY(actions->showsMyAccountsOnly());
        for (const Action& action : actions->model()->actions())
            QCOMPARE(action.owner, kMisaki);
        // A CSM imports nothing into the team (the server would refuse it): the window says so.
        QVERIFY(importAction() && !importAction()->isEnabled());
        QVERIFY2(importAction()->toolTip().contains(QStringLiteral("only admins")),
                 qPrintable(importAction()->toolTip()));
        // Customers too; one click to the team's.
        auto* customers = m_window->findChild<CustomersView*>();
        QTRY_VERIFY_WITH_TIMEOUT(customers->model()->rowCount() > 0, 20000);
        QVERIFY(customers->showsMyAccountsOnly());
        QCOMPARE(customers->model()->rowCount(), 20);
        QSignalSpy searched(customers, &CustomersView::searched);
        QTest::mouseClick(customers->findChild<QToolButton*>(QStringLiteral("team")), Qt::LeftButton);
        QVERIFY(searched.wait(10000));
        QCOMPARE(customers->model()->rowCount(), 40);

        QTest::mouseClick(actions->findChild<QToolButton*>(QStringLiteral("team")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(hasOwner(actions, kHanako), 10000);
        // The Overview's header names the team workspace (its database, where it lives), not the
        // file of this desktop's copy.
        auto* summary = m_window->findChild<WorkspaceSummaryView*>();
        QVERIFY(summary);
        const QList<QLabel*> labels = summary->findChildren<QLabel*>();
        QVERIFY(std::any_of(labels.begin(), labels.end(),
                            [](const QLabel* l) { return l->text() == QLatin1String("desk"); }));
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel* l) {
            return l->text().contains(QLatin1String("Team workspace"))
                && l->text().contains(QLatin1String("misaki@"));
        }));
        // A CSM's Rules view says beside the editor why Save is off, and what the editor is for.
        auto* rulesMessage = m_window->findChild<QLabel*>(QStringLiteral("rulesMessage"));
        QVERIFY(rulesMessage);
        QVERIFY2(rulesMessage->text().contains(QStringLiteral("only admins change the rules"))
                     && rulesMessage->text().contains(QStringLiteral("preview their effect")),
                 qPrintable(rulesMessage->text()));
        // Recent workspaces remember the team without a password.
        QVERIFY(!RecentWorkspaces::list().isEmpty());
        QVERIFY(!RecentWorkspaces::list().join(u' ').contains(QStringLiteral("pw-m")));
    }

    void aColleaguesChangeShowsUpAtOnce()
    {
        auto* actions = m_window->findChild<ActionQueueView*>();
        actions->setMyAccountsOnly(false);
        QTRY_VERIFY_WITH_TIMEOUT(hasOwner(actions, kHanako), 10000);
        const Action target = firstOwnedBy(actions, kHanako);
        // The user looks at another action: the one after it.
        const QList<Action> all = actions->model()->actions();
        const auto at
            = std::find_if(all.begin(), all.end(), [&](const Action& a) { return a.id == target.id; });
        QVERIFY(at != all.end() && at + 1 != all.end());
        const qint64 selected = (at + 1)->id;
        test::selectQueueRow(actions, actions->model()->actionIndex(selected));

        Result<std::unique_ptr<TeamDatabase>> hanako
            = m_cluster.openAs(QStringLiteral("desk"), QStringLiteral("hanako"), QStringLiteral("pw-h"));
        QVERIFY(hanako.ok());
        QElapsedTimer clock;
        clock.start();
        QVERIFY(
            ActionStore((*hanako)->connection()).markDone(target.id, kHanako, QStringLiteral("called")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!actions->model()->actionIndex(target.id).isValid(), 10000);
        qInfo("A colleague's Done reached the other desktop's queue in %lld ms", clock.elapsed());
        // The user's selection survives the refresh.
        auto* tree = actions->findChild<QTreeView*>(QStringLiteral("actions"));
        QCOMPARE(tree->selectionModel()->selectedRows().value(0), actions->model()->actionIndex(selected));
        QCOMPARE(actions->selectedAccountId(),
                 actions->model()->actionAt(actions->model()->actionIndex(selected))->accountId);
    }

    void aSimultaneousEditGetsAMessage()
    {
        auto* actions = m_window->findChild<ActionQueueView*>();
        const Action target = firstOwnedBy(actions, kMisaki);
        test::selectQueueRow(actions, actions->model()->actionIndex(target.id));
        Result<std::unique_ptr<TeamDatabase>> hanako
            = m_cluster.openAs(QStringLiteral("desk"), QStringLiteral("hanako"), QStringLiteral("pw-h"));
        QVERIFY(hanako.ok());
        // Hanako snoozes it while Misaki still sees it open: Misaki's Done comes second.
        QVERIFY(ActionStore((*hanako)->connection()).snooze(target.id, kAsOf.addDays(30), kHanako).ok());
        QSignalSpy refused(actions, &ActionQueueView::changeFailed);
        actions->markSelectedDone(QStringLiteral("QBR booked"));
        QVERIFY(refused.wait(10000));
        const QString message = refused.first().first().toString();
        QVERIFY2(message.contains(kHanako), qPrintable(message));
        const std::optional<Action> after = ActionStore((*hanako)->connection()).find(target.id);
        QCOMPARE(after->status, QStringLiteral("snoozed"));
        // Who touched it last is on the row once the queue shows snoozed actions.
        Result<QList<ActionEvent>> history = ActionStore((*hanako)->connection()).history(target.id);
        QCOMPARE(history->last().author, kHanako);

        // Done on a whole account while Hanako snoozed one of its actions: that one is refused with
        // her name, the others are done (each action on its own version).
        QTRY_VERIFY_WITH_TIMEOUT(!actions->model()->actionIndex(target.id).isValid(), 10000);
        int several = -1;
        for (int row = 0; row < actions->model()->rowCount() && several < 0; ++row) {
            const ActionQueueModel::Account& account = actions->model()->account(row);
            if (account.actions.size() >= 2
                && std::all_of(account.actions.begin(), account.actions.end(),
                               [](const Action& a) { return a.owner == kMisaki; }))
                several = row;
        }
        QVERIFY2(several >= 0, "an account of Misaki's with two actions or more");
        const ActionQueueModel::Account account = actions->model()->account(several);
        test::selectQueueRow(actions, actions->model()->index(several, 0));
        QCOMPARE(actions->selectedAccountId(), account.accountId);
        const Action snoozed = account.actions.last();
        QVERIFY(ActionStore((*hanako)->connection()).snooze(snoozed.id, kAsOf.addDays(30), kHanako).ok());
        QSignalSpy changed(actions, &ActionQueueView::changed);
        refused.clear();
        actions->markSelectedDone(QStringLiteral("QBR booked"));
        QVERIFY(refused.wait(10000));
        QVERIFY(!changed.isEmpty());
        const QString partly = refused.first().first().toString();
        QVERIFY2(partly.contains(kHanako) && partly.contains(QString::number(snoozed.id)),
                 qPrintable(partly));
        for (const Action& action : account.actions) {
            const std::optional<Action> now = ActionStore((*hanako)->connection()).find(action.id);
            QCOMPARE(now->status,
                     action.id == snoozed.id ? QStringLiteral("snoozed") : QStringLiteral("done"));
            if (action.id != snoozed.id)
                QCOMPARE(ActionStore((*hanako)->connection()).history(action.id)->last().author, kMisaki);
        }
    }

    // The customer page's Done goes to the server as the signed-in member, against the version the
    // page read there: a colleague's change in between is refused with who made it.
    void theCustomerPageWritesToTheServer()
    {
        Result<std::unique_ptr<TeamDatabase>> hanako
            = m_cluster.openAs(QStringLiteral("desk"), QStringLiteral("hanako"), QStringLiteral("pw-h"));
        QVERIFY(hanako.ok());
        Result<QList<Action>> misakis = ActionStore((*hanako)->connection()).queue(kMisaki);
        QVERIFY(misakis.ok() && !misakis->isEmpty());
        const Action target = misakis->first();
        auto* page = m_window->findChild<CustomerDetailView*>();
        QSignalSpy shown(page, &CustomerDetailView::shown);
        QVERIFY(m_window->showView(QStringLiteral("customer:") + target.accountId));
        QVERIFY(shown.wait(10000));
        const auto rowOf = [page](qint64 id) {
            for (int row = 0; row < page->report()->actions.size(); ++row)
                if (page->report()->actions[row].id == id)
                    return row;
            return -1;
        };
        QVERIFY(rowOf(target.id) >= 0);
        QVERIFY(page->report()->actions[rowOf(target.id)].version > 0); // read from the server
        // Hanako snoozes it, which moves its version; Misaki's Done comes second.
        QVERIFY(ActionStore((*hanako)->connection()).snooze(target.id, kAsOf.addDays(30), kHanako).ok());
        QSignalSpy refused(page, &CustomerDetailView::actionFailed);
        auto* table = page->findChild<QTableWidget*>(QStringLiteral("openActions"));
        QTest::mouseClick(
            table->cellWidget(rowOf(target.id), 3)->findChild<QToolButton*>(QStringLiteral("done")),
            Qt::LeftButton);
        QVERIFY(refused.wait(10000));
        QVERIFY2(refused.first().first().toString().contains(kHanako),
                 qPrintable(refused.first().first().toString()));
        QCOMPARE(ActionStore((*hanako)->connection()).find(target.id)->status, QStringLiteral("snoozed"));
        // Read again, Done lands.
        shown.clear();
        page->refresh();
        QVERIFY(shown.wait(10000));
        QVERIFY(rowOf(target.id) >= 0);
        QSignalSpy changed(page, &CustomerDetailView::actionsChanged);
        table->cellWidget(rowOf(target.id), 3)->findChild<QToolButton*>(QStringLiteral("done"))->click();
        QVERIFY(changed.wait(10000));
        const std::optional<Action> after = ActionStore((*hanako)->connection()).find(target.id);
        QCOMPARE(after->status, QStringLiteral("done"));
        QCOMPARE(after->updatedBy, kMisaki);
    }

    // A colleague's change while Misaki types in the Done dialog (the queue refreshes under it):
    // her Done still goes against the version she saw, and is refused with what happened.
    void aChangeDuringTheDialogIsNotOverwritten()
    {
        auto* actions = m_window->findChild<ActionQueueView*>();
        actions->setMyAccountsOnly(false);
        QTRY_VERIFY_WITH_TIMEOUT(actions->model()->rowCount() > 0, 10000);
        const Action target = firstOwnedBy(actions, kHanako); // Misaki keeps her own for the tests after
        QVERIFY(target.id > 0);
        test::selectQueueRow(actions, actions->model()->actionIndex(target.id));
        Result<std::unique_ptr<TeamDatabase>> hanako
            = m_cluster.openAs(QStringLiteral("desk"), QStringLiteral("hanako"), QStringLiteral("pw-h"));
        QVERIFY(hanako.ok());
        QSignalSpy refused(actions, &ActionQueueView::changeFailed);
        QSignalSpy loaded(actions, &ActionQueueView::loaded);
        bool answered = false;
        // While the dialog is open: Hanako snoozes, the queue reloads with the new version; then OK.
        QTimer::singleShot(100, this, [&] {
            QVERIFY(ActionStore((*hanako)->connection()).snooze(target.id, kAsOf.addDays(20), kHanako).ok());
            QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("QBR booked"));
            dialog->accept();
            answered = true;
        });
        QTest::mouseClick(actions->findChild<QPushButton*>(QStringLiteral("done")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
        QVERIFY(refused.wait(10000) || !refused.isEmpty());
        QVERIFY2(refused.first().first().toString().contains(kHanako),
                 qPrintable(refused.first().first().toString()));
        QCOMPARE(ActionStore((*hanako)->connection()).find(target.id)->status, QStringLiteral("snoozed"));
    }

    void reassigningMovesTheActionToTheColleague()
    {
        auto* actions = m_window->findChild<ActionQueueView*>();
        actions->setMyAccountsOnly(true);
        QTRY_VERIFY_WITH_TIMEOUT(actions->model()->rowCount() > 0 && !hasOwner(actions, kHanako), 10000);
        const Action target = actions->model()->actions().first();
        test::selectQueueRow(actions, actions->model()->actionIndex(target.id));
        QSignalSpy changed(actions, &ActionQueueView::changed);
        actions->reassignSelected(kHanako);
        QVERIFY(changed.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!actions->model()->actionIndex(target.id).isValid(), 10000);
        Result<std::unique_ptr<TeamDatabase>> hanako
            = m_cluster.openAs(QStringLiteral("desk"), QStringLiteral("hanako"), QStringLiteral("pw-h"));
        Result<QList<Action>> hers = ActionStore((*hanako)->connection()).queue(kHanako);
        QVERIFY(hers.ok());
        QVERIFY(std::any_of(hers->begin(), hers->end(), [&](const Action& a) { return a.id == target.id; }));
        const std::optional<Action> moved = ActionStore((*hanako)->connection()).find(target.id);
        QCOMPARE(moved->updatedBy, kMisaki);
        actions->setMyAccountsOnly(false);
        QTRY_VERIFY_WITH_TIMEOUT(actions->model()->actionIndex(target.id).isValid(), 10000);
        const QString lastChange
            = actions->model()->actionIndex(target.id, ActionQueueModel::LastChange).data().toString();
        QVERIFY2(lastChange.startsWith(kMisaki), qPrintable(lastChange));
        // The account row shows the newest change among its actions: this one.
        const QString accountChange = actions->model()
                                          ->accountIndex(target.accountId, ActionQueueModel::LastChange)
                                          .data()
                                          .toString();
        QCOMPARE(accountChange, lastChange);
        actions->findChild<QTreeView*>(QStringLiteral("actions"))
            ->expand(actions->model()->accountIndex(target.accountId));
        m_window->showView(QStringLiteral("actions"));
        QVERIFY(m_window->grab().save(test::screenshotDir() + QStringLiteral("/team-queue.png")));
    }

    void aLostServerShowsABannerAndNothingTypedIsLost()
    {
        auto* actions = m_window->findChild<ActionQueueView*>();
        auto* banner = m_window->findChild<QLabel*>(QStringLiteral("teamBanner"));
        QVERIFY(banner && banner->isHidden());
        QVERIFY(actions->model()->rowCount() > 0);
        const Action target = actions->model()->actions().first();
        test::selectQueueRow(actions, actions->model()->actionIndex(target.id));
        const int rowsBefore = actions->model()->rowCount();

        QSignalSpy lost(m_window.get(), &MainWindow::teamLost);
        m_cluster.stop();
        QVERIFY(lost.wait(15000));
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().startsWith(QStringLiteral("Team server unreachable: ")),
                 qPrintable(banner->text()));
        QVERIFY(m_window->grab().save(test::screenshotDir() + QStringLiteral("/team-banner.png")));
        // A note written meanwhile is kept; the views keep their last data.
        QSignalSpy refused(actions, &ActionQueueView::changeFailed);
        actions->noteOnSelected(QStringLiteral("オフラインで書いたメモ"));
        QVERIFY(refused.wait(20000));
        QCOMPARE(actions->pendingNotes(), 1);
        QCOMPARE(actions->model()->rowCount(), rowsBefore);

        QSignalSpy recovered(m_window.get(), &MainWindow::teamRecovered);
        QString error;
        QVERIFY2(m_cluster.resume(&error), qPrintable(error));
        QVERIFY(recovered.wait(20000));
        QVERIFY(banner->isHidden());
        QTRY_COMPARE_WITH_TIMEOUT(actions->pendingNotes(), 0, 10000);
        Result<std::unique_ptr<TeamDatabase>> hanako
            = m_cluster.openAs(QStringLiteral("desk"), QStringLiteral("hanako"), QStringLiteral("pw-h"));
        QVERIFY(hanako.ok());
        QTRY_VERIFY_WITH_TIMEOUT(hasNote(**hanako, target.id, QStringLiteral("オフラインで書いたメモ")),
                                 10000);
    }

    // With own-accounts-only on, the server hides Hanako's accounts from Misaki in every view,
    // even under "Team"; the desktop's copy starts over for what she now sees.
    void rowSecurityHidesTheOtherCsmsAccounts()
    {
        Result<std::unique_ptr<TeamDatabase>> super = m_cluster.open(QStringLiteral("desk"));
        QVERIFY(super.ok());
        QVERIFY(TeamAccess::setOwnAccountsOnly(**super, true).ok());
        auto* customers = m_window->findChild<CustomersView*>();
        auto* actions = m_window->findChild<ActionQueueView*>();
        customers->setMyAccountsOnly(false);
        actions->setMyAccountsOnly(false);
        // The setting is not announced (it changes no data): the next change is, and the copy follows.
        QVERIFY((*super)
                    ->exec(QStringLiteral("UPDATE accounts SET name = name || '' WHERE id = (SELECT min(id) "
                                          "FROM accounts)"))
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(customers->model()->rowCount(), 20, 20000);
        for (int row = 0; row < customers->model()->rowCount(); ++row)
            QCOMPARE(customers->model()->index(row, CustomerListModel::Owner).data().toString(), kMisaki);
        // The queue shows actions on her accounts only (whoever owns the action itself).
        QSet<QString> hers;
        for (int row = 0; row < customers->model()->rowCount(); ++row)
            hers << customers->model()->index(row, 0).data(CustomerListModel::AccountIdRole).toString();
        const auto onlyHers = [&] {
            for (const Action& action : actions->model()->actions())
                if (!hers.contains(action.accountId))
                    return false;
            return actions->model()->rowCount() > 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(onlyHers(), 20000);
        QVERIFY(m_window->grab().save(test::screenshotDir() + QStringLiteral("/team-own-accounts.png")));
        QVERIFY(TeamAccess::setOwnAccountsOnly(**super, false).ok());
    }

    // Where no service runs, an admin's desktop is the team's engine: it takes the lock, scores and
    // publishes; a CSM's desktop never does; closing the desktop hands the lock on.
    void anAdminsDesktopIsTheEngineWhereNoServiceRuns()
    {
        QVERIFY(!m_window->teamSession()->runsEngine()); // Misaki is a CSM
        openAs(QStringLiteral("kenta"), QStringLiteral("pw-k"));
        if (QTest::currentTestFailed())
            return;
        TeamSession* session = m_window->teamSession();
        QVERIFY(session->runsEngine());
        QVERIFY(importAction()
                && importAction()->isEnabled()); // an admin imports into the team (TestTeamDeskImport)
        QStringList lines;
        connect(session, &TeamSession::engineLog, this, [&lines](const QString& line) { lines << line; });
        QTRY_VERIFY_WITH_TIMEOUT(lines.join(u'\n').contains(QStringLiteral("Scored (elected)")), 60000);
        // The status bar still says who signed in; the engine's line is its tooltip, whole.
        auto* status = m_window->findChild<QLabel*>(QStringLiteral("statusEngine"));
        QVERIFY2(status->text().startsWith(QStringLiteral("Signed in to ")), qPrintable(status->text()));
        QTRY_VERIFY_WITH_TIMEOUT(status->toolTip().contains(QStringLiteral("Scored (elected)")), 5000);
#ifdef Q_OS_LINUX
        // The engine and the copy's sync run in the background: the window's thread comes first.
        // (A test run at the lowest priority, nice 19, has nothing lower to check.)
        const int window = niceOfThreads(QString::number(getpid())).value(0);
        const QList<int> sync = niceOfThreads(QStringLiteral("tenure-team-syn"));
        const QList<int> engine = niceOfThreads(QStringLiteral("tenure-team-eng"));
        QVERIFY2(!sync.isEmpty() && !engine.isEmpty(), "the session names its threads");
        for (int nice : sync + engine) {
            QCOMPARE(nice, std::min(window + 10, 19));
            QVERIFY(nice > window || window == 19);
        }
#endif
        Result<std::unique_ptr<TeamDatabase>> super = m_cluster.open(QStringLiteral("desk"));
        QVERIFY(super.ok());
        QVERIFY((*super)
                    ->scalar(QStringLiteral("SELECT value FROM engine_state WHERE key = 'published_at'"))
                    ->isValid());
        // Another engine stands by while the desktop holds the lock, and takes over once it closes.
        TeamEngine::Options options;
        options.replicaPath = m_local.dir() + QStringLiteral("/standby.tenure");
        TeamEngine standby(m_cluster.location(QStringLiteral("desk")), options, PgCluster::superPassword());
        QCOMPARE(standby.tryElect().value(), false);
        m_window.reset();
        QTRY_VERIFY_WITH_TIMEOUT(standby.tryElect().value(), 10000);
    }

    // The connection dialog, the banner and the queue with its authors, in Japanese.
    void japaneseScreenshots()
    {
        m_window.reset();
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/tenure_ja.qm")));
        QApplication::installTranslator(&translator);
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        {
            TeamConnectDialog dialog;
            dialog.setLocation(m_cluster.location(QStringLiteral("desk"), QStringLiteral("hanako")));
            dialog.show();
            QCOMPARE(dialog.windowTitle(), QStringLiteral("チームワークスペースに接続"));
            QVERIFY(dialog.grab().save(test::screenshotDir() + QStringLiteral("/ja-team-connect.png")));
        }
        openAs(QStringLiteral("hanako"), QStringLiteral("pw-h"));
        if (QTest::currentTestFailed())
            return;
        auto* actions = m_window->findChild<ActionQueueView*>();
        QTRY_VERIFY_WITH_TIMEOUT(actions->model()->rowCount() > 0, 20000);
        QCOMPARE(actions->findChild<QToolButton*>(QStringLiteral("mine"))->text(),
                 QStringLiteral("自分の顧客"));
        QVERIFY(m_window->grab().save(test::screenshotDir() + QStringLiteral("/ja-team-queue.png")));
        QSignalSpy lost(m_window.get(), &MainWindow::teamLost);
        m_cluster.stop();
        QVERIFY(lost.wait(15000));
        auto* banner = m_window->findChild<QLabel*>(QStringLiteral("teamBanner"));
        QVERIFY2(banner->text().startsWith(QStringLiteral("チームサーバーに接続できません")),
                 qPrintable(banner->text()));
        QVERIFY(m_window->grab().save(test::screenshotDir() + QStringLiteral("/ja-team-banner.png")));
        QString error;
        QVERIFY2(m_cluster.resume(&error), qPrintable(error));
        m_window.reset();
        QApplication::removeTranslator(&translator);
        QLocale::setDefault(before);
    }

    void cleanupTestCase()
    {
        m_window.reset();
    }

private:
    void openAs(const QString& login, const QString& password)
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1100, 720);
        m_window->show();
        QSignalSpy ready(m_window.get(), &MainWindow::teamReady);
        QSignalSpy failed(m_window.get(), &MainWindow::workspaceFailed);
        TeamSession::Options options;
        options.copyPath = m_local.dir() + QStringLiteral("/%1-desk.tenure").arg(login);
        options.heartbeatMs = 500;
        options.retryMs = 500;
        RecentWorkspaces::add(m_cluster.location(QStringLiteral("desk"), login).toUrl());
        m_window->openTeamWorkspace(m_cluster.location(QStringLiteral("desk"), login), password, options);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 30000);
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().at(1).toString()));
        m_window->showView(QStringLiteral("actions"));
    }

    QAction* importAction() const
    {
        for (QAction* action : m_window->findChildren<QAction*>())
            if (action->text() == QStringLiteral("&Import CSV…"))
                return action;
        return nullptr;
    }

    // Every action under every account row.
    static bool hasOwner(ActionQueueView* view, const QString& owner)
    {
        const QList<Action> all = view->model()->actions();
        return std::any_of(all.begin(), all.end(), [&](const Action& a) { return a.owner == owner; });
    }

    static Action firstOwnedBy(ActionQueueView* view, const QString& owner)
    {
        for (const Action& action : view->model()->actions())
            if (action.owner == owner)
                return action;
        return {};
    }

    static bool hasNote(TeamDatabase& db, qint64 actionId, const QString& text)
    {
        Result<QList<ActionEvent>> history = ActionStore(db.connection()).history(actionId);
        return history.ok() && std::any_of(history->begin(), history->end(), [&](const ActionEvent& event) {
                   return event.kind == QLatin1String("note") && event.detail == text
                       && event.author == kMisaki;
               });
    }

    PgCluster m_cluster;
    test::TempWorkspace m_local;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestTeamDesktop)
#include "TestTeamDesktop.moc"
