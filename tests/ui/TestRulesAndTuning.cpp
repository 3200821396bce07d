#include "MainWindow.h"
#include "RulesFixtures.h"
#include "TestSupport.h"
#include "customer/CustomerDetailView.h"
#include "customer/OutcomeDialog.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"
#include "rules/RuleSetEditor.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"
#include "rules/RulesView.h"
#include "store/AccountStore.h"
#include "store/WorkspaceSettings.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace tenure;
using namespace tenure::rules_test;

class TestRulesAndTuning : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Editing a rule and saving it changes the affected accounts' bands once the rebuild lands.
    void editingARuleAndSavingRebuilds()
    {
        test::TempWorkspace workspace;
        QVERIFY(fillDemo(workspace, 60));
        MainWindow window;
        QSignalSpy scored(&window, &MainWindow::scoringFinished);
        QVERIFY(openScored(window, workspace.path(), scored));
        const QHash<QString, qint64> before = bandCounts(workspace.path());
        const qint64 scoredAccounts = before.value(QStringLiteral("Good"))
            + before.value(QStringLiteral("Normal")) + before.value(QStringLiteral("Bad"));
        QVERIFY(before.value(QStringLiteral("Good")) < scoredAccounts); // something can move up

        QVERIFY(window.showView(QStringLiteral("rules")));
        auto* view = window.findChild<RulesView*>();
        auto* editor = view->findChild<RuleSetEditor*>();
        auto* tree = editor->findChild<QTreeWidget*>(QStringLiteral("ruleTree"));
        QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() > 1, 10000);
        auto* save = view->findChild<QPushButton*>(QStringLiteral("saveRules"));
        QVERIFY(!save->isEnabled()); // nothing edited yet
        // The view gives the form the log's names, which it checks typed names against.
        tree->setCurrentItem(findItem(tree, QStringLiteral("Invitations sent in the last 30 days")));
        auto* eventNames = editor->findChild<QLineEdit*>(QStringLiteral("criterionEvents"));
        auto* unknown = editor->findChild<QLabel*>(QStringLiteral("criterionEventsWarning"));
        eventNames->clear();
        QTest::keyClicks(eventNames, QStringLiteral("invite_snet"));
        QVERIFY2(unknown->text().contains(QStringLiteral("\u201cinvite_sent\u201d?")),
                 qPrintable(unknown->text()));
        eventNames->setText(QStringLiteral("invite_sent"));
        QVERIFY(!unknown->isVisible());

        // A band cut-off out of order is refused, naming the band as the table shows it (counted
        // from 1, by its name), not by its JSON path.
        tree->setCurrentItem(findItem(tree, QStringLiteral("Bands")));
        auto* bands = editor->findChild<QTableWidget*>(QStringLiteral("bandsTable"));
        QCOMPARE(bands->rowCount(), 3);
        bands->item(1, 2)->setText(QStringLiteral("80"));
        auto* problem = editor->findChild<QLabel*>(QStringLiteral("ruleProblem"));
        QVERIFY2(problem->text().contains(QStringLiteral("band 2 “Normal”, min_score: ")),
                 qPrintable(problem->text()));
        QVERIFY2(!problem->text().contains(u'['), qPrintable(problem->text()));
        QVERIFY(!save->isEnabled());
        bands->item(1, 2)->setText(QStringLiteral("40"));
        QVERIFY(problem->text().isEmpty());

        // "Normal from 3, Good from 5": every account scoring 5 or more becomes Good.
        bands->item(1, 2)->setText(QStringLiteral("3"));
        bands->item(0, 2)->setText(QStringLiteral("5"));
        QVERIFY(save->isEnabled());
        QSignalSpy previewed(view, &RulesView::previewed);
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("previewRules")), Qt::LeftButton);
        QVERIFY(previewed.wait(20000));
        auto* message = view->findChild<QLabel*>(QStringLiteral("rulesMessage"));
        QVERIFY2(message->text().contains(QLatin1String("would change band")), qPrintable(message->text()));
        QVERIFY2(message->text().contains(QStringLiteral("Normal → Good: ")), qPrintable(message->text()));
        QCOMPARE_GT(view->findChild<QTableWidget*>(QStringLiteral("ruleChanges"))->rowCount(), 0);
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/rules-preview.png")));
        const qint64 expectedGood = scalar(
            workspace.path(), QStringLiteral("SELECT count(*) FROM account_status WHERE score >= 5"));

        // A criterion's form writes back into the rule set.
        tree->setCurrentItem(findItem(tree, QStringLiteral("Days since the last activity")));
        auto* window7 = editor->findChild<QSpinBox*>(QStringLiteral("criterionWindow"));
        QVERIFY(window7);

        scored.clear();
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(scored.wait(60000));
        QCOMPARE(scalar(workspace.path(), QStringLiteral("SELECT max(version) FROM rule_sets")), 2);
        const QHash<QString, qint64> after = bandCounts(workspace.path());
        QCOMPARE(after.value(QStringLiteral("Good")), expectedGood);
        QVERIFY(after.value(QStringLiteral("Good")) > before.value(QStringLiteral("Good")));
        QCOMPARE(scalar(workspace.path(),
                        QStringLiteral("SELECT count(DISTINCT rules_version) FROM account_status")),
                 1);
        QTRY_VERIFY_WITH_TIMEOUT(!save->isEnabled(), 10000); // saved: nothing left to save
    }

    void criterionFormEditsTheRuleSet()
    {
        RuleSetEditor editor;
        editor.setRules(RuleSetJson::defaults());
        editor.resize(900, 600);
        editor.show();
        QSignalSpy changed(&editor, &RuleSetEditor::changed);
        auto* tree = editor.findChild<QTreeWidget*>(QStringLiteral("ruleTree"));
        tree->setCurrentItem(findItem(tree, QStringLiteral("Invitations sent in the last 30 days")));
        auto* window = editor.findChild<QSpinBox*>(QStringLiteral("criterionWindow"));
        QVERIFY(window->isVisible());
        window->setValue(14);
        QVERIFY(!changed.isEmpty());
        const QJsonObject criterion = editor.json()
                                          .value(QStringLiteral("stages"))
                                          .toArray()
                                          .at(1)
                                          .toObject()
                                          .value(QStringLiteral("criteria"))
                                          .toArray()
                                          .at(1)
                                          .toObject();
        QCOMPARE(criterion.value(QStringLiteral("measure"))
                     .toObject()
                     .value(QStringLiteral("window_days"))
                     .toInt(),
                 14);
        const Result<RuleSet> rules = editor.rules();
        QVERIFY(rules.ok());
        QCOMPARE(rules->stages.at(1).criteria.at(1).measure.windowDays, 14);
        QVERIFY(editor.grab().save(test::screenshotDir() + QStringLiteral("/rules-criterion.png")));

        // Adding a criterion gives it a fresh id; removing it takes it away again.
        const qsizetype criteria = rules->stages.at(1).criteria.size();
        QTest::mouseClick(editor.findChild<QPushButton*>(QStringLiteral("addCriterion")), Qt::LeftButton);
        QCOMPARE(editor.rules()->stages.at(1).criteria.size(), criteria + 1);
        QCOMPARE(editor.rules()->stages.at(1).criteria.constLast().id, QStringLiteral("criterion_1"));
        QTest::mouseClick(editor.findChild<QPushButton*>(QStringLiteral("removeCriterion")), Qt::LeftButton);
        QCOMPARE(editor.rules()->stages.at(1).criteria.size(), criteria);
    }

    // A criterion naming an event the log never saw counts nothing, silently: the form says so,
    // with the name it may have meant.
    void aMisspeltEventNameIsPointedOut()
    {
        RuleSetEditor editor;
        editor.setRules(RuleSetJson::defaults());
        editor.setKnownEvents(
            { QStringLiteral("invite_sent"), QStringLiteral("login"), QStringLiteral("report_created") });
        editor.resize(900, 600);
        editor.show();
        auto* tree = editor.findChild<QTreeWidget*>(QStringLiteral("ruleTree"));
        tree->setCurrentItem(findItem(tree, QStringLiteral("Invitations sent in the last 30 days")));
        auto* events = editor.findChild<QLineEdit*>(QStringLiteral("criterionEvents"));
        auto* warning = editor.findChild<QLabel*>(QStringLiteral("criterionEventsWarning"));
        QVERIFY(events && warning && events->isVisible());
        QVERIFY(!warning->isVisible()); // the log holds invite_sent
        events->clear();
        QTest::keyClicks(events, QStringLiteral("invite_snet"));
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QStringLiteral("\u201cinvite_snet\u201d"))
                     && warning->text().contains(QStringLiteral("\u201cinvite_sent\u201d?")),
                 qPrintable(warning->text()));
        QVERIFY(editor.grab().save(test::screenshotDir() + QStringLiteral("/rules-misspelt-event.png")));
        // Each name of a list on its own; one nothing like a known name gets no guess.
        events->clear();
        QTest::keyClicks(events, QStringLiteral("report_created, renewal_call"));
        QVERIFY2(warning->text().contains(QStringLiteral("\u201crenewal_call\u201d"))
                     && !warning->text().contains(QStringLiteral("report_created"))
                     && !warning->text().contains(QLatin1Char('?')),
                 qPrintable(warning->text()));
        events->setText(QStringLiteral("invite_sent"));
        QVERIFY(!warning->isVisible());
        // An empty log (or one not read yet) knows no names: nothing to point out.
        editor.setKnownEvents({});
        events->setText(QStringLiteral("x"));
        QVERIFY(!warning->isVisible());
    }

    // A stage's condition is edited as a list of comparisons; a nested one as JSON.
    void stageConditionsInForms()
    {
        RuleSetEditor editor;
        editor.setRules(RuleSetJson::defaults());
        editor.resize(1000, 650);
        editor.show();
        auto* tree = editor.findChild<QTreeWidget*>(QStringLiteral("ruleTree"));
        auto* mode = editor.findChild<QComboBox*>(QStringLiteral("conditionMode"));
        auto* table = editor.findChild<QTableWidget*>(QStringLiteral("conditions"));
        // Onboarding: "days since signup_date <= 60", one comparison.
        tree->setCurrentItem(findItem(tree, QStringLiteral("Onboarding")));
        QCOMPARE(table->rowCount(), 1);
        auto* value = qobject_cast<QLineEdit*>(table->cellWidget(0, 4));
        QCOMPARE(value->text(), QStringLiteral("60"));
        value->setText(QStringLiteral("30"));
        emit value->editingFinished();
        const Result<RuleSet> edited = editor.rules();
        QVERIFY2(edited.ok(), edited.ok() ? "" : qPrintable(edited.error()));
        QCOMPARE(edited->stages.at(2).when->comparison.value.toDouble(), 30.0);
        QVERIFY(editor.grab().save(test::screenshotDir() + QStringLiteral("/rules-stage.png")));

        // Renewal: all of two comparisons.
        tree->setCurrentItem(findItem(tree, QStringLiteral("Renewal")));
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(mode->currentIndex(), 1); // all

        // The last stage applies always.
        tree->setCurrentItem(findItem(tree, QStringLiteral("Adoption")));
        QCOMPARE(mode->currentIndex(), 0);

        // Advanced: the JSON text; a broken one is named by its path.
        tree->setCurrentItem(findItem(tree, QStringLiteral("Onboarding")));
        mode->setCurrentIndex(3);
        auto* json = editor.findChild<QPlainTextEdit*>(QStringLiteral("conditionJson"));
        QVERIFY(json->toPlainText().contains(QLatin1String("signup_date")));
        json->setPlainText(QStringLiteral("{ not json"));
        QVERIFY(!editor.rules().ok());
        QVERIFY2(editor.rules().error().startsWith(QStringLiteral("Stage 3 “Onboarding”, when: ")),
                 qPrintable(editor.rules().error()));
    }

    void importingABadRuleFileNamesTheProblem()
    {
        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            QVERIFY(RuleStore(*db).active().ok());
        }
        RulesView view;
        QSignalSpy loaded(&view, &RulesView::loaded);
        view.setWorkspace(workspace.path());
        QVERIFY(loaded.wait(10000));
        const QString file = test::writeFile(workspace.dirObject(), QStringLiteral("bad.json"),
                                             "{\"name\": \"x\", \"bands\": [], \"stages\": []}");
        // Export writes the rules in the editor as a rule file that reads back the same.
        const QString exported = workspace.dir() + QStringLiteral("/exported.json");
        view.exportFile(exported);
        auto* message = view.findChild<QLabel*>(QStringLiteral("rulesMessage"));
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QLatin1String("Exported the rules")), 10000);
        QFile written(exported);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const Result<RuleSet> back = RuleSetJson::parse(written.readAll());
        QVERIFY(back.ok());
        QCOMPARE(RuleSetJson::serialize(back.value()), RuleSetJson::serialize(RuleSetJson::defaults()));

        view.importFile(file);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QLatin1String("bands")), 10000);
        QVERIFY(message->text().contains(QLatin1String("bad.json")));
    }

    // An outcome recorded by hand on the customer page lands with its date, amount and note.
    void outcomesAreRecordedByHand()
    {
        test::TempWorkspace workspace;
        QVERIFY(fillDemo(workspace, 10));
        // In a zone on another day than this machine: the dialog's today is the workspace's (of two
        // zones 25 hours apart, one is on another day than this machine now).
        const auto [zone, today] = test::zoneOnAnotherDay();
        QVERIFY(WorkspaceSettings(*workspace.open()).setTimeZone(zone).ok());
        CustomerDetailView view;
        view.resize(1100, 700);
        view.show();
        view.setWorkspace(workspace.path());
        QSignalSpy shown(&view, &CustomerDetailView::shown);
        view.showCustomer(QStringLiteral("A-00002"));
        QVERIFY(shown.wait(10000));
        QTest::mouseClick(view.findChild<QPushButton*>(QStringLiteral("addOutcome")), Qt::LeftButton);
        auto* dialog = view.findChild<OutcomeDialog*>();
        QVERIFY(dialog);
        auto* kind = dialog->findChild<QComboBox*>(QStringLiteral("kind"));
        kind->setCurrentIndex(kind->findData(int(Outcome::Kind::Expanded)));
        auto* date = dialog->findChild<QDateEdit*>(QStringLiteral("date"));
        QCOMPARE(date->date(), today);
        date->setDate(today.addDays(1)); // not yet happened there: refused
        dialog->accept();
        QVERIFY(dialog->isVisible());
        date->setDate(today);
        dialog->findChild<QLineEdit*>(QStringLiteral("amount"))->setText(QStringLiteral("abc"));
        dialog->accept();
        QVERIFY(dialog->isVisible()); // not a number: refused with the reason
        dialog->findChild<QLineEdit*>(QStringLiteral("amount"))->setText(QStringLiteral("4,800"));
        dialog->findChild<QLineEdit*>(QStringLiteral("note"))->setText(QStringLiteral("追加 20 ライセンス"));
        QSignalSpy recorded(&view, &CustomerDetailView::outcomeRecorded);
        dialog->accept();
        QVERIFY(recorded.wait(10000));
        QCOMPARE(scalar(workspace.path(),
                        QStringLiteral("SELECT count(*) FROM outcomes WHERE source = 'manual' AND "
                                       "account_id = 'A-00002' AND kind = 'expanded' AND amount = 4800")),
                 1);
        QVERIFY(shown.wait(10000)); // the page shows it
        const QList<Outcome>& outcomes = view.report()->outcomes;
        QVERIFY(std::any_of(outcomes.begin(), outcomes.end(),
                            [](const Outcome& o) { return o.note == QStringLiteral("追加 20 ライセンス"); }));
    }
};

QTEST_MAIN(TestRulesAndTuning)
#include "TestRulesAndTuning.moc"
