#include "MainWindow.h"
#include "TestSupport.h"
#include "ViewFixtures.h"
#include "actions/ActionQueueView.h"
#include "actions/ActionStore.h"
#include "customer/CustomerDetailView.h"
#include "customers/CustomerListModel.h"
#include "customers/CustomersView.h"
#include "overview/OverviewView.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"

#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <optional>

using namespace tenure;

class TestCsmViews : public QObject
{
    Q_OBJECT

    test::TempWorkspace m_workspace;

private slots:
    void initTestCase()
    {
        const Status filled = test::fillScoredDemo(*m_workspace.open(), 80);
        QVERIFY2(filled, qPrintable(filled.error()));
    }

    // Typing narrows the list, a band filter and a sort give the right order.
    void searchFilterAndSortTheCustomerList()
    {
        test::ShownView<CustomersView> shown({ 1100, 600 }, &CustomersView::searched);
        QVERIFY(shown.open(m_workspace.path()));
        CustomersView& view = shown.view;
        QSignalSpy& searched = shown.loaded;
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
        QVERIFY(view.grab().save(test::screenshotDir() + QStringLiteral("/customers-search.png")));

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

    // The list keeps its connection between searches (KeptReader), and still shows what was
    // written since, and the file put in place of the one it read.
    void theCustomerListFollowsItsWorkspace()
    {
        test::TempWorkspace workspace;
        QVERIFY(test::fillScoredDemo(*workspace.open(), 5).ok());
        test::ShownView<CustomersView> shown({ 900, 400 }, &CustomersView::searched);
        QVERIFY(shown.open(workspace.path()));
        QCOMPARE(shown.loaded.last().first().toLongLong(), 5);

        Account added;
        added.id = QStringLiteral("X-1");
        added.name = QStringLiteral("後から来た会社");
        QVERIFY(AccountStore(*workspace.open()).upsert(QList<Account> { added }).ok());
        shown.view.refresh();
        QVERIFY(shown.loaded.wait(10000));
        QCOMPARE(shown.loaded.last().first().toLongLong(), 6);

        // A new score (an engine's pass writes the statuses with its state): the view shows the
        // list it holds at once, reads the new one beside, and says it searched once that is in.
        {
            const std::unique_ptr<Database> db = workspace.open();
            QSqlQuery sql(db->connection());
            QVERIFY(sql.exec(QStringLiteral("BEGIN")));
            QVERIFY(sql.exec(QStringLiteral(
                "INSERT OR REPLACE INTO account_status (account_id, stage, score, band, breakdown, day, "
                "computed_at, rules_version, last_active) VALUES ('X-1', 'adoption', 12.5, 'Bad', '[]', 0, "
                "0, 1, NULL)")));
            QVERIFY(sql.exec(QStringLiteral(
                "INSERT OR REPLACE INTO engine_state (key, value) VALUES ('checkpoint', '99999999')")));
            QVERIFY(sql.exec(QStringLiteral("COMMIT")));
        }
        const auto scoreOfX1 = [&shown]() -> std::optional<double> {
            CustomerListModel* model = shown.view.model();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->row(row).id == QLatin1String("X-1"))
                    return model->row(row).score;
            }
            return std::nullopt;
        };
        QVERIFY(!scoreOfX1());
        shown.loaded.clear();
        shown.view.refresh();
        QVERIFY(shown.loaded.wait(10000));
        QCOMPARE(shown.loaded.size(), 1);
        QCOMPARE(scoreOfX1(), std::optional<double>(12.5));

        const QString other = workspace.dir() + QStringLiteral("/other.tenure");
        QVERIFY(test::fillScoredDemo(*Database::open(other).value(), 9).ok());
        for (const QString& suffix : { QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(workspace.path() + suffix);
        QVERIFY(
            std::rename(QFile::encodeName(other).constData(), QFile::encodeName(workspace.path()).constData())
            == 0);
        shown.view.refresh();
        QVERIFY(shown.loaded.wait(10000));
        QCOMPARE(shown.loaded.last().first().toLongLong(), 9);
    }

    // One row per account: its highest priority, its triggers strongest first, every fact of its
    // reasons once; expanding it shows its actions one by one.
    // An empty queue says it is empty, and when an account gets an action, instead of asking for
    // a selection there is nothing to make.
    void anEmptyQueueSaysSo()
    {
        test::TempWorkspace empty;
        QVERIFY(empty.open());
        test::ShownView<ActionQueueView> shown({ 1100, 500 }, &ActionQueueView::loaded);
        auto* why = shown.view.findChild<QLabel*>(QStringLiteral("why"));
        QVERIFY2(!why->text().startsWith(QLatin1String("No open actions")),
                 qPrintable(why->text())); // not read yet
        QVERIFY(shown.open(empty.path()));
        QCOMPARE(shown.view.model()->rowCount(), 0);
        QVERIFY2(why->text().startsWith(QLatin1String("No open actions")), qPrintable(why->text()));
        QVERIFY2(why->text().contains(QLatin1String("Show snoozed")), qPrintable(why->text()));
        QVERIFY(shown.view.grab().save(test::screenshotDir() + QStringLiteral("/queue-empty.png")));
    }

    void theQueueShowsOneRowPerAccount()
    {
        test::ShownView<ActionQueueView> shown({ 1100, 500 }, &ActionQueueView::loaded);
        QVERIFY(shown.open(m_workspace.path()));
        ActionQueueView& view = shown.view;
        QSignalSpy& loaded = shown.loaded;
        ActionQueueModel* model = view.model();
        auto db = m_workspace.open(Database::Mode::ReadOnly);
        const QList<Action> queue = ActionStore(*db).queue().value();
        QSet<QString> accounts;
        for (const Action& action : queue)
            accounts << action.accountId;
        QCOMPARE(loaded.last().first().toInt(), int(accounts.size()));
        QCOMPARE(model->rowCount(), int(accounts.size()));
        QCOMPARE(model->actionCount(), int(queue.size()));
        QVERIFY2(model->actionCount() > model->rowCount(), "the demo has accounts with several triggers");
        auto* count = view.findChild<QLabel*>(QStringLiteral("count"));
        QCOMPARE(count->text(),
                 QStringLiteral("%1 accounts, %2 actions").arg(accounts.size()).arg(queue.size()));

        int several = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            const ActionQueueModel::Account& account = model->account(row);
            QCOMPARE(model->rowCount(model->index(row, 0)), int(account.actions.size()));
            if (row > 0)
                QVERIFY(model->account(row - 1).priority >= account.priority);
            double highest = 0;
            for (const Action& action : account.actions)
                highest = std::max(highest, action.priority);
            QCOMPARE(account.priority, highest);
            for (int i = 1; i < account.actions.size(); ++i) {
                const Action& a = account.actions.at(i - 1);
                const Action& b = account.actions.at(i);
                QVERIFY(a.priority > b.priority
                        || (a.priority == b.priority
                            && ActionStore::triggerRank(a.trigger) <= ActionStore::triggerRank(b.trigger)));
            }
            if (several < 0 && account.actions.size() >= 3)
                several = row;
        }
        QVERIFY2(several >= 0, "an account with three triggers or more");
        const ActionQueueModel::Account& account = model->account(several);
        // The triggers, strongest first, in one cell; the reasons in one sentence, each fact once.
        QStringList triggers;
        for (const Action& action : account.actions)
            triggers << ActionStore::triggerName(action.trigger);
        QCOMPARE(model->index(several, ActionQueueModel::Trigger).data().toString(),
                 triggers.join(QStringLiteral(", ")));
        const QString why = model->index(several, ActionQueueModel::Reason).data().toString();
        for (const Action& action : account.actions) {
            for (const QString& fact : action.reason.split(QStringLiteral(", "))) {
                QVERIFY2(
                    why.count(fact) == 1,
                    qPrintable(
                        QStringLiteral("\"%1\" %2 times in: %3").arg(fact).arg(why.count(fact)).arg(why)));
            }
        }
        QCOMPARE(why.count(QStringLiteral("ARR")), 1);

        // Expanding (the keyboard's Right) shows the triggers one by one.
        auto* tree = view.findChild<QTreeView*>(QStringLiteral("actions"));
        const QModelIndex accountRow = model->index(several, 0);
        tree->setFocus();
        tree->setCurrentIndex(accountRow);
        QVERIFY(!tree->isExpanded(accountRow));
        QTest::keyClick(tree, Qt::Key_Right);
        QVERIFY(tree->isExpanded(accountRow));
        for (int child = 0; child < account.actions.size(); ++child) {
            const QModelIndex index = model->index(child, ActionQueueModel::Trigger, accountRow);
            QCOMPARE(index.data().toString(), ActionStore::triggerName(account.actions.at(child).trigger));
            QCOMPARE(model->index(child, ActionQueueModel::Reason, accountRow).data().toString(),
                     account.actions.at(child).reason);
            QVERIFY(tree->visualRect(index).isValid());
        }
        QVERIFY(view.grab().save(test::screenshotDir() + QStringLiteral("/action-queue.png")));
    }

    // Snooze offers days of the workspace's time zone (the engine wakes actions by them), not this
    // machine's: of two zones 25 hours apart, one is on another day than this machine now.
    void theSnoozeDialogCountsTheWorkspacesDays()
    {
        const auto [zone, today] = test::zoneOnAnotherDay();
        test::TempWorkspace workspace;
        {
            std::unique_ptr<Database> db = workspace.open();
            const Status filled = test::fillScoredDemo(*db, 20);
            QVERIFY2(filled, qPrintable(filled.error()));
            QVERIFY(WorkspaceSettings(*db).setTimeZone(zone).ok());
        }
        test::ShownView<ActionQueueView> shown({ 1100, 500 }, &ActionQueueView::loaded);
        QVERIFY(shown.open(workspace.path()));
        auto* tree = shown.view.findChild<QTreeView*>(QStringLiteral("actions"));
        QVERIFY(shown.view.model()->rowCount() > 0);
        tree->selectionModel()->setCurrentIndex(
            shown.view.model()->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        auto* snooze = shown.view.findChild<QPushButton*>(QStringLiteral("snooze"));
        QVERIFY(snooze && snooze->isEnabled());
        QDate offered;
        QDate earliest;
        QTimer::singleShot(0, this, [&] {
            QWidget* dialog = QApplication::activeModalWidget();
            if (!dialog)
                return; // the dates stay unset: the comparisons below fail
            if (auto* until = dialog->findChild<QDateEdit*>(QStringLiteral("snoozeUntil"))) {
                offered = until->date();
                earliest = until->minimumDate();
            }
            dialog->close();
        });
        snooze->click();
        QCOMPARE(earliest, today.addDays(1));
        QCOMPARE(offered, today.addDays(7));
    }

    // Done on an account row closes all its open actions, each with its own history; on a child
    // row, only that action. The counts follow.
    void markingAnAccountOrOneActionDone()
    {
        test::ShownView<ActionQueueView> shown({ 1100, 500 }, &ActionQueueView::loaded);
        QVERIFY(shown.open(m_workspace.path()));
        ActionQueueView& view = shown.view;
        QSignalSpy& loaded = shown.loaded;
        ActionQueueModel* model = view.model();
        const int accountsBefore = loaded.last().first().toInt();
        const int actionsBefore = model->actionCount();
        auto* tree = view.findChild<QTreeView*>(QStringLiteral("actions"));
        int several = -1;
        for (int row = 0; row < model->rowCount() && several < 0; ++row)
            if (model->account(row).actions.size() >= 2)
                several = row;
        QVERIFY(several >= 0);

        // One trigger of that account: a click on its child row, then Done.
        const ActionQueueModel::Account account = model->account(several);
        tree->expand(model->index(several, 0));
        const QModelIndex child = model->index(1, ActionQueueModel::Trigger, model->index(several, 0));
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(child).center());
        QCOMPARE(view.selectedAccountId(), account.accountId);
        const Action one = account.actions.at(1);
        // Its reason whole under the list, named by its account (the Why column elides it).
        auto* why = view.findChild<QLabel*>(QStringLiteral("why"));
        QVERIFY(why && why->isVisible());
        QCOMPARE(why->text(), QStringLiteral("%1: %2").arg(account.accountName, one.reason));
        QCOMPARE(why->textFormat(), Qt::PlainText);
        QSignalSpy changed(&view, &ActionQueueView::changed);
        view.markSelectedDone(QStringLiteral("Called; renewal on track"));
        QVERIFY(changed.wait(10000));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.last().first().toInt(), accountsBefore);
        QCOMPARE(model->actionCount(), actionsBefore - 1);
        QVERIFY(!model->actionIndex(one.id).isValid());
        QCOMPARE(model->rowCount(model->accountIndex(account.accountId)), int(account.actions.size()) - 1);
        // The refresh keeps the account open and, its action gone, the account selected.
        QVERIFY(tree->isExpanded(model->accountIndex(account.accountId)));
        QCOMPARE(tree->selectionModel()->selectedRows().value(0), model->accountIndex(account.accountId));
        auto db = m_workspace.open(Database::Mode::ReadOnly);
        QList<ActionEvent> history = ActionStore(*db).history(one.id).value();
        QCOMPARE(history.last().kind, QStringLiteral("done"));
        QCOMPARE(history.last().detail, QStringLiteral("Called; renewal on track"));
        for (const Action& other : account.actions)
            if (other.id != one.id)
                QCOMPARE(ActionStore(*db).find(other.id)->status, QStringLiteral("open"));
        auto* count = view.findChild<QLabel*>(QStringLiteral("count"));
        QCOMPARE(count->text(),
                 QStringLiteral("%1 accounts, %2 actions").arg(accountsBefore).arg(actionsBefore - 1));

        // The whole account: select its row, Done closes the rest, each with its own history row.
        const QModelIndex accountRow = model->accountIndex(account.accountId, ActionQueueModel::Customer);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(accountRow).center());
        QCOMPARE(view.selectedAccountId(), account.accountId);
        view.markSelectedDone(QStringLiteral("QBR booked"));
        QVERIFY(changed.wait(10000));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.last().first().toInt(), accountsBefore - 1);
        QCOMPARE(model->actionCount(), actionsBefore - int(account.actions.size()));
        QVERIFY(!model->accountIndex(account.accountId).isValid());
        for (const Action& action : account.actions) {
            QCOMPARE(ActionStore(*db).find(action.id)->status, QStringLiteral("done"));
            history = ActionStore(*db).history(action.id).value();
            const auto dones = std::count_if(history.begin(), history.end(), [](const ActionEvent& e) {
                return e.kind == QLatin1String("done");
            });
            QCOMPARE(dones, 1);
            QCOMPARE(history.last().detail,
                     action.id == one.id ? QStringLiteral("Called; renewal on track")
                                         : QStringLiteral("QBR booked"));
        }
        // Noted together, shown once on the account.
        const QList<AccountNote> notes = ActionStore(*db).accountNotes(account.accountId).value();
        QCOMPARE(std::count_if(notes.begin(), notes.end(),
                               [](const AccountNote& n) { return n.text == QLatin1String("QBR booked"); }),
                 1);
        QCOMPARE(count->text(),
                 QStringLiteral("%1 accounts, %2 actions")
                     .arg(accountsBefore - 1)
                     .arg(actionsBefore - int(account.actions.size())));
    }

    // tenure --view customer:ID --screenshot FILE renders that view offscreen and exits.
    void viewScreenshotFromTheCommandLine()
    {
        const QString file = m_workspace.dir() + QStringLiteral("/view.png");
        QProcess app;
        app.setProcessEnvironment(test::programEnvironment());
        app.start(QStringLiteral(TENURE_BIN_DIR "/tenure"),
                  { QStringLiteral("--db"), m_workspace.path(), QStringLiteral("--view"),
                    QStringLiteral("customer:A-00003"), QStringLiteral("--screenshot"), file });
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitCode(), 0);
        QImage image(file);
        QVERIFY(!image.isNull() && image.width() > 600);
        test::copyForPeople(file);
        QProcess bad;
        bad.setProcessEnvironment(test::programEnvironment());
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
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/main-overview.png")));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(navigation->currentRow(), 1);
        auto* customers = window.findChild<CustomersView*>();
        QVERIFY(customers->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(customers->model()->rowCount() == 80, 10000);
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/main-customers.png")));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(navigation->item(2)->text().contains(QLatin1Char('(')), 10000);
        {
            // The navigation counts accounts to act on, not actions.
            auto db = m_workspace.open(Database::Mode::ReadOnly);
            const qint64 accounts = ActionStore(*db).queueAccounts().value();
            QVERIFY(accounts < ActionStore(*db).queueSize().value());
            QTRY_COMPARE_WITH_TIMEOUT(navigation->item(2)->text(),
                                      QStringLiteral("Action queue (%1)").arg(accounts), 10000);
            // Its tooltip says what it counts, and how many actions they have.
            QCOMPARE(navigation->item(2)->toolTip(),
                     QStringLiteral("%1 accounts to act on (%2 open actions)")
                         .arg(accounts)
                         .arg(ActionStore(*db).queueSize().value()));
        }
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/main-actions.png")));

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
        const AccountReport report = detail->report().value(); // a copy: other customers are shown below
        QVERIFY(!report.history.isEmpty());
        auto* breakdown = detail->findChild<QTableWidget*>(QStringLiteral("breakdown"));
        QCOMPARE(breakdown->rowCount(), int(report.status->breakdown.size()));
        QCOMPARE_GT(breakdown->rowCount(), 0);
        QCOMPARE(breakdown->item(0, 0)->text(), report.status->breakdown.first().label);
        QCOMPARE(detail->findChild<QLabel*>(QStringLiteral("title"))->text(), report.account.name);
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/main-customer.png")));

        // A churned customer: its stage has no criteria, and "Why this score" says so.
        QString churned;
        {
            auto db = m_workspace.open(Database::Mode::ReadOnly);
            QSqlQuery query(db->connection());
            QVERIFY(query.exec(
                QStringLiteral("SELECT account_id FROM account_status WHERE stage = 'churned' LIMIT 1")));
            if (query.next())
                churned = query.value(0).toString();
        }
        QVERIFY(!churned.isEmpty());
        shown.clear();
        detail->showCustomer(churned);
        QVERIFY(shown.wait(10000));
        QCOMPARE(breakdown->rowCount(), 1);
        QVERIFY2(breakdown->item(0, 0)->text().contains(QLatin1String("stage has no health criteria")),
                 qPrintable(breakdown->item(0, 0)->text()));
        QCOMPARE(breakdown->columnSpan(0, 0), breakdown->columnCount());
        // ... and a scored customer shown after it has its rows back, one cell a column.
        shown.clear();
        detail->showCustomer(report.account.id);
        QVERIFY(shown.wait(10000));
        QCOMPARE(breakdown->rowCount(), int(report.status->breakdown.size()));
        QCOMPARE(breakdown->columnSpan(0, 0), 1);
        QCOMPARE(breakdown->item(0, 0)->text(), report.status->breakdown.first().label);

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
        QCOMPARE(sources->item(0, 1)->text(), QStringLiteral("Demo data")); // its kind in words
        QCOMPARE_NE(sources->item(0, 2)->text(), QStringLiteral("0"));
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/main-datasources.png")));
    }
};

QTEST_MAIN(TestCsmViews)
#include "TestCsmViews.moc"
