// The Tuning view: a backtest of the active and the candidate rules side by side, its charts and
// evidence per criterion, suggested rules, and adopting the candidate.

#include "RulesFixtures.h"
#include "engine/ScoringEngine.h"
#include "rules/RuleSetEditor.h"
#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/SourceStore.h"
#include "store/WorkspaceSettings.h"
#include "tuning/TuningView.h"

#include <QChartView>
#include <QComboBox>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace tenure;
using namespace tenure::rules_test;

class TestTuningBacktest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Suggest Rules… fits on a worker thread, shows why each criterion is there and the holdout AUC
    // against the active rules, and makes the suggestion the candidate, ready to adopt.
    void suggestRulesAndUseThem()
    {
        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            QVERIFY(DemoWorkspace::populate(*db, {}).ok()); // 300 accounts, up to today
            QVERIFY(ScoringEngine(*db).run().ok());
        }
        TuningView view;
        view.resize(1300, 700);
        view.show();
        view.setWorkspace(workspace.path());
        QSignalSpy suggested(&view, &TuningView::suggestionFinished);
        QSignalSpy backtested(&view, &TuningView::finished);
        auto* suggest = view.findChild<QPushButton*>(QStringLiteral("suggestRules"));
        QVERIFY(suggest);
        QTest::mouseClick(suggest, Qt::LeftButton);
        QVERIFY(!suggest->isEnabled()); // running (or waiting for the active rules)
        QVERIFY(suggested.wait(60000));
        QVERIFY(view.suggestion());
        QVERIFY2(view.suggestion()->suggested, qPrintable(view.suggestion()->summary()));
        auto* table = view.findChild<QTableWidget*>(QStringLiteral("suggestedCriteria"));
        QCOMPARE(table->rowCount(), view.suggestion()->criteria.size());
        QCOMPARE_GT(table->rowCount(), 0);
        QVERIFY(!table->item(0, 1)->toolTip().isEmpty());
        auto* summary = view.findChild<QLabel*>(QStringLiteral("suggestionSummary"));
        QVERIFY2(summary->text().contains(QLatin1String("Holdout ROC AUC")), qPrintable(summary->text()));
        QCOMPARE(summary->textFormat(), Qt::PlainText);
        QVERIFY(view.grab().save(test::screenshotDir() + QStringLiteral("/tuning-suggestion.png")));

        auto* use = view.findChild<QPushButton*>(QStringLiteral("useSuggestion"));
        QVERIFY(use->isEnabled());
        QTest::mouseClick(use, Qt::LeftButton);
        QVERIFY(backtested.wait(30000));
        QCOMPARE(view.reports().size(), 2); // the active rules and the suggestion, on the same cases
        QCOMPARE(view.reports().at(1).rulesName, view.suggestion()->rules->name);
        QVERIFY(view.findChild<QPushButton*>(QStringLiteral("adoptCandidate"))->isEnabled());
        const Result<RuleSet> candidate = view.candidateEditor()->rules();
        QVERIFY(candidate.ok());
        QCOMPARE(candidate->name, view.suggestion()->rules->name);
    }

    // Too few outcomes: the view says so plainly and offers nothing to use.
    void suggestRulesSaysWhyNot()
    {
        test::TempWorkspace workspace;
        QVERIFY(fillDemo(workspace, 40));
        {
            auto db = workspace.open();
            QVERIFY(ScoringEngine(*db).run().ok());
        }
        TuningView view;
        view.setWorkspace(workspace.path());
        QSignalSpy suggested(&view, &TuningView::suggestionFinished);
        view.suggestRules();
        QVERIFY(suggested.wait(60000));
        QVERIFY(view.suggestion() && !view.suggestion()->suggested);
        auto* summary = view.findChild<QLabel*>(QStringLiteral("suggestionSummary"));
        QVERIFY2(summary->text().contains(QLatin1String("nothing is suggested")),
                 qPrintable(summary->text()));
        QVERIFY(!view.findChild<QPushButton*>(QStringLiteral("useSuggestion"))->isEnabled());
        QCOMPARE(view.findChild<QTableWidget*>(QStringLiteral("suggestedCriteria"))->rowCount(), 0);
    }

    // A CRM export without usage or signup dates: the view says why its outcomes were skipped.
    void backtestSaysWhyOutcomesWereSkipped()
    {
        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            QVERIFY(SourceStore(*db).ensure(QStringLiteral("crm"), QStringLiteral("csv")).ok());
            QList<Account> accounts;
            QList<Outcome> outcomes;
            for (int i = 0; i < 3; ++i) {
                Account account;
                account.id = QStringLiteral("crm-%1").arg(i);
                account.name = QStringLiteral("<b>Account %1</b>").arg(i);
                accounts << account;
                Outcome outcome;
                outcome.accountId = account.id;
                outcome.kind = Outcome::Kind::Churned;
                outcome.date = QDate::currentDate().addDays(-10 - i);
                outcome.source = QStringLiteral("crm");
                outcome.externalId = account.id;
                outcomes << outcome;
            }
            QVERIFY(AccountStore(*db).upsert(accounts).ok());
            QVERIFY(AccountStore(*db).addOutcomes(outcomes).ok());
            QVERIFY(ScoringEngine(*db).run().ok());
        }
        TuningView view;
        view.setWorkspace(workspace.path());
        QSignalSpy finished(&view, &TuningView::finished);
        view.runBacktest();
        QVERIFY(finished.wait(30000));
        QCOMPARE(view.reports().constFirst().skippedNoStart, 3);
        auto* status = view.findChild<QLabel*>(QStringLiteral("tuningStatus"));
        QVERIFY2(
            status->text().contains(QLatin1String("3 outcomes skipped: their accounts have no events and no "
                                                  "signup date")),
            qPrintable(status->text()));
        QCOMPARE(status->textFormat(), Qt::PlainText);
        // A stage or band without a case says so, not "0.0% [0.0%–100.0%] of 0".
        auto* summary = view.findChild<QTableWidget*>(QStringLiteral("backtestSummary"));
        QVERIFY(summary);
        int none = 0;
        for (int row = 0; row < summary->rowCount(); ++row)
            for (int column = 1; column < summary->columnCount(); ++column)
                if (const QTableWidgetItem* item = summary->item(row, column)) {
                    QVERIFY2(!item->text().endsWith(QLatin1String(" of 0")), qPrintable(item->text()));
                    none += item->text() == QLatin1String("no cases") ? 1 : 0;
                }
        QVERIFY(none > 0);
        // A band without a case has no expansion rate either (not "0.0%").
        const auto text = [summary](int row, int column) {
            const QTableWidgetItem* item = summary->item(row, column);
            return item ? item->text() : QString();
        };
        int checked = 0;
        for (int row = 0; row < summary->rowCount(); ++row) {
            const QString figure = text(row, 0);
            if (!figure.endsWith(QLatin1String(": churn rate [95%]"))
                || figure.startsWith(QLatin1String("Stage ")))
                continue;
            const QString band = figure.section(u':', 0, 0);
            for (int expansion = 0; expansion < summary->rowCount(); ++expansion) {
                if (text(expansion, 0) != band + QLatin1String(": expansion rate"))
                    continue;
                for (int column = 1; column < summary->columnCount(); ++column) {
                    if (text(row, column) == QLatin1String("no cases")) {
                        QCOMPARE(text(expansion, column), QStringLiteral("no cases"));
                        ++checked;
                    }
                }
            }
        }
        QVERIFY(checked > 0);
    }

    // The splitter between the candidate and the results keeps the sizes the user left it at.
    void splitterSizesAreRemembered()
    {
        QList<int> sizes;
        {
            TuningView view;
            view.resize(1200, 600);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            auto* splitter = view.findChild<QSplitter*>(QStringLiteral("tuningSplitter"));
            QVERIFY(splitter);
            splitter->setSizes({ 700, 500 });
            emit splitter->splitterMoved(700, 1);
            sizes = splitter->sizes();
        }
        TuningView view;
        view.resize(1200, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.findChild<QSplitter*>(QStringLiteral("tuningSplitter"))->sizes(), sizes);
    }

    // The Tuning view backtests the active rules and an edited candidate side by side, and adopts it.
    void backtestCompareAndAdopt()
    {
        test::TempWorkspace workspace;
        QVERIFY(fillDemo(workspace, 120));
        MainWindow window;
        QSignalSpy scored(&window, &MainWindow::scoringFinished);
        QVERIFY(openScored(window, workspace.path(), scored));

        auto* view = window.findChild<TuningView*>();
        QSignalSpy finished(view, &TuningView::finished);
        QTRY_VERIFY_WITH_TIMEOUT(
            view->candidateEditor()->findChild<QTreeWidget*>(QStringLiteral("ruleTree"))->topLevelItemCount()
                > 1,
            10000);
        window.runBacktest();
        QVERIFY(finished.wait(30000));
        QCOMPARE(view->reports().size(), 1);
        const BacktestReport& active = view->reports().constFirst();
        QVERIFY(active.cases > 0);
        QVERIFY(active.churned > 0);
        auto* summary = view->findChild<QTableWidget*>(QStringLiteral("backtestSummary"));
        QCOMPARE_GT(summary->rowCount(), 4);
        QCOMPARE(summary->item(0, 1)->text(), QLocale().toString(*active.auc, 'f', 3));
        QVERIFY(summary->isColumnHidden(2));
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/tuning-summary.png")));

        // Candidate: Normal from 3, Good from 5. The same cases, a second column, and everyone scored is Good
        // or Bad.
        RuleSetEditor* editor = view->candidateEditor();
        auto* tree = editor->findChild<QTreeWidget*>(QStringLiteral("ruleTree"));
        tree->setCurrentItem(findItem(tree, QStringLiteral("Bands")));
        auto* bands = editor->findChild<QTableWidget*>(QStringLiteral("bandsTable"));
        bands->item(1, 2)->setText(QStringLiteral("3"));
        bands->item(0, 2)->setText(QStringLiteral("5"));
        auto* adopt = view->findChild<QPushButton*>(QStringLiteral("adoptCandidate"));
        QVERIFY(adopt->isEnabled());
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("runBacktest")), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(view->reports().size(), 2);
        QCOMPARE(view->reports().at(1).cases, view->reports().at(0).cases);
        QVERIFY(!summary->isColumnHidden(2));
        qint64 good = 0;
        for (const BacktestRate& band : view->reports().at(1).perBand)
            if (band.key == QLatin1String("Good"))
                good = band.cases;
        qint64 activeGood = 0;
        for (const BacktestRate& band : view->reports().at(0).perBand)
            if (band.key == QLatin1String("Good"))
                activeGood = band.cases;
        QVERIFY(good > activeGood);
        auto* evidence = view->findChild<QTableWidget*>(QStringLiteral("criterionEvidence"));
        QCOMPARE_GT(evidence->rowCount(), 5);
        // The charts: ROC curves, bands and the score distribution, the two rule sets in each.
        auto* tabs = view->findChild<QTabWidget*>(QStringLiteral("tuningResults"));
        tabs->setCurrentIndex(1);
        const QList<QChartView*> charts = tabs->currentWidget()->findChildren<QChartView*>();
        QCOMPARE(charts.size(), 3);
        QStringList curves; // each ROC curve's AUC, written in its plot
        for (QChartView* chart : charts) {
            QVERIFY(chart->isVisible());
            QVERIFY2(!chart->chart()->series().isEmpty(), qPrintable(chart->chart()->title()));
            for (QGraphicsItem* item : chart->chart()->childItems())
                if (auto* note = dynamic_cast<QGraphicsSimpleTextItem*>(item))
                    curves << note->text().split(u'\n');
        }
        QCOMPARE(curves.size(), 2); // a ROC curve for the active rules and one for the candidate
        for (int i = 0; i < 2; ++i) {
            const std::optional<double> auc = view->reports().at(i).auc;
            QVERIFY(auc);
            QVERIFY2(curves.at(i).contains(QLocale().toString(*auc, 'f', 3)), qPrintable(curves.join(u'|')));
        }
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/tuning-charts.png")));
        // Per criterion: the evidence of the rule set chosen above the table, row by row.
        tabs->setCurrentIndex(2);
        QVERIFY(evidence->isVisible());
        auto* of = tabs->currentWidget()->findChild<QComboBox*>();
        QVERIFY(of);
        QVERIFY(of->currentIndex() >= 0 && of->currentIndex() < view->reports().size());
        const QList<CriterionEvidence>& perCriterion = view->reports().at(of->currentIndex()).perCriterion;
        QCOMPARE(evidence->rowCount(), int(perCriterion.size()));
        for (int row = 0; row < evidence->rowCount(); ++row)
            QCOMPARE(evidence->item(row, 1)->text(), perCriterion.at(row).label);
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/tuning-criteria.png")));

        scored.clear();
        QTest::mouseClick(adopt, Qt::LeftButton);
        QVERIFY(scored.wait(60000));
        QCOMPARE(scalar(workspace.path(), QStringLiteral("SELECT max(version) FROM rule_sets")), 2);
        QCOMPARE(
            scalar(workspace.path(),
                   QStringLiteral("SELECT count(*) FROM account_status WHERE score >= 5 AND band <> 'Good'")),
            0);
    }
};

QTEST_MAIN(TestTuningBacktest)
#include "TestTuningBacktest.moc"
