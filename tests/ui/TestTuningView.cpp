// The Tuning view: its charts at the widths a window gives them (side by side when the pane is
// wide, one under the other when it is not, never cut off at the side or in their legends), and
// its candidate editor's check of the event names typed against the workspace's log.
#include "LooksChecks.h"
#include "TestSupport.h"
#include "ViewFixtures.h"
#include "demo/DemoGenerator.h"
#include "rules/RuleSetEditor.h"
#include "rules/RuleStore.h"
#include "store/EventLog.h"
#include "tuning/ChartBoard.h"
#include "tuning/TuningView.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace tenure;

class TestTuningView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The candidate editor knows the log's event names as the Rules view's does: a misspelt one
    // is pointed out, and a name logged after the view opened is known after its next refresh.
    void candidateEditorChecksEventNames()
    {
        test::TempWorkspace workspace;
        {
            const Status filled = test::fillScoredDemo(*workspace.open(), 40);
            QVERIFY2(filled, qPrintable(filled.error()));
        }
        TuningView view;
        view.resize(1130, 700);
        view.show();
        view.setWorkspace(workspace.path());
        RuleSetEditor* editor = view.candidateEditor();
        auto* tree = editor->findChild<QTreeWidget*>(QStringLiteral("ruleTree"));
        QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() > 1, 10000);
        const QList<QTreeWidgetItem*> found
            = tree->findItems(QStringLiteral("Invitations sent"), Qt::MatchStartsWith | Qt::MatchRecursive);
        QVERIFY(!found.isEmpty());
        tree->setCurrentItem(found.constFirst());
        auto* events = editor->findChild<QLineEdit*>(QStringLiteral("criterionEvents"));
        auto* warning = editor->findChild<QLabel*>(QStringLiteral("criterionEventsWarning"));
        QVERIFY(events && warning && events->isVisible());
        const auto type = [events](const QString& text) {
            events->clear();
            QTest::keyClicks(events, text);
        };
        type(QStringLiteral("invite_snet"));
        QTRY_VERIFY(warning->isVisible()); // once the log's names have been read
        QVERIFY2(warning->text().contains(QStringLiteral("\u201cinvite_sent\u201d?")),
                 qPrintable(warning->text()));
        type(QStringLiteral("webinar_joined"));
        QVERIFY(warning->isVisible()); // no such event yet

        // Logged while the view is open: known after the view's next refresh.
        {
            auto db = workspace.open();
            Event event;
            event.source = QString::fromLatin1(DemoGenerator::kSource);
            event.externalId = QStringLiteral("webinar-1");
            event.accountId = QStringLiteral("A-00001");
            event.name = QStringLiteral("webinar_joined");
            event.occurredAt = QDateTime::currentMSecsSinceEpoch();
            QVERIFY(EventLog(*db).append(QList<Event> { event }).ok());
        }
        view.refresh();
        type(QStringLiteral("webinar_joined"));
        QTRY_VERIFY(!warning->isVisible());
        type(QStringLiteral("invite_sent"));
        QVERIFY(!warning->isVisible());
    }

    // A load of the workspace opened before lands after the one opened now: ignored, its rules and
    // event names are not the open workspace's.
    void aLoadOfTheWorkspaceBeforeIsIgnored()
    {
        test::TempWorkspace before;
        {
            auto db = before.open();
            const Status filled = test::fillScoredDemo(*db, 120); // a log long enough to read last
            QVERIFY2(filled, qPrintable(filled.error()));
            RuleSet rules = RuleStore(*db).active()->rules;
            rules.name = QStringLiteral("Rules of the workspace before");
            QVERIFY(RuleStore(*db).save(rules, QStringLiteral("test")).ok());
        }
        test::TempWorkspace now;
        {
            now.open();
        } // empty: default rules, no events
        TuningView view;
        view.resize(1130, 700);
        view.show();
        view.setWorkspace(before.path());
        view.setWorkspace(now.path());
        auto* name = view.candidateEditor()->findChild<QLineEdit*>(QStringLiteral("ruleSetName"));
        QVERIFY(name);
        QTRY_VERIFY_WITH_TIMEOUT(!name->text().isEmpty(), 10000);
        QTest::qWait(1500); // the other load lands meanwhile
        QCOMPARE(name->text(), RuleStore(*now.open()).active()->rules.name);
    }

    // Two charts share a row once each gets columnWidth(); the wide one always takes a row; and
    // the board goes back to one column when narrowed again.
    void boardFollowsItsWidth()
    {
        ChartBoard board;
        QList<QWidget*> charts;
        for (int i = 0; i < 3; ++i) {
            auto* chart = new QWidget(&board);
            chart->setMinimumSize(260, 240);
            charts << chart;
            board.addChart(chart, i == 2);
        }
        const int narrow = board.columnWidth() + 100;
        const int wide = 2 * board.columnWidth() + 100;
        for (const int width : { narrow, wide, narrow }) {
            board.resize(width, 900);
            board.show();
            QVERIFY(QTest::qWaitForWindowExposed(&board));
            QTRY_COMPARE(board.columns(), width == wide ? 2 : 1);
            // The layout moves the charts on its next activation.
            QTRY_COMPARE(charts[1]->y() == charts[0]->y(), width == wide);
            QCOMPARE(charts[2]->width(), board.width());
            QVERIFY(charts[2]->y() > charts[0]->y());
            if (width == wide) {
                QVERIFY(charts[1]->x() >= charts[0]->x() + charts[0]->width());
                QVERIFY(charts[0]->width() >= board.columnWidth() - 10);
            } else {
                QCOMPARE(charts[0]->width(), board.width());
                QCOMPARE(charts[1]->x(), charts[0]->x());
                QVERIFY(charts[1]->y() >= charts[0]->y() + charts[0]->height());
            }
        }
    }

    // At the width the default window leaves the Tuning view, after a backtest: no sideways
    // scrolling on the Charts tab, and every legend shows all its entries whole.
    void backtestChartsFitTheirPane_data()
    {
        QTest::addColumn<int>("width");
        QTest::newRow("default window") << 940; // MainWindow's 1100 less the sidebar
        QTest::newRow("1280 window") << 1130;
        QTest::newRow("wide window") << 1770;
    }

    void backtestChartsFitTheirPane()
    {
        QFETCH(int, width);
        test::TempWorkspace workspace;
        {
            const Status filled = test::fillScoredDemo(*workspace.open(), 120);
            QVERIFY2(filled, qPrintable(filled.error()));
        }
        TuningView view;
        view.resize(width, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setWorkspace(workspace.path());
        QSignalSpy finished(&view, &TuningView::finished);
        auto* run = view.findChild<QPushButton*>(QStringLiteral("runBacktest"));
        QVERIFY(run);
        QTRY_VERIFY_WITH_TIMEOUT(run->isEnabled(), 10000);
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        // A candidate beside the active rules: the legends' longest ("Chance", "Active rules",
        // "Candidate"), and the ROC chart's AUCs in its plot.
        auto* tree = view.candidateEditor()->findChild<QTreeWidget*>(QStringLiteral("ruleTree"));
        QVERIFY(tree && tree->topLevelItemCount() > 0);
        // The bands' row as high as the stages' (a swatch each): without one it was lower than
        // its Japanese glyphs, their tops cut off.
        for (int i = 1; i < tree->topLevelItemCount(); ++i)
            QCOMPARE(tree->visualItemRect(tree->topLevelItem(i)).height(),
                     tree->visualItemRect(tree->topLevelItem(0)).height());
        tree->setCurrentItem(tree->topLevelItem(0)); // the bands
        auto* bands = view.candidateEditor()->findChild<QTableWidget*>(QStringLiteral("bandsTable"));
        QVERIFY(bands && bands->rowCount() == 3);
        bands->item(0, 2)->setText(QStringLiteral("60"));
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(view.reports().size(), 2);
        auto* tabs = view.findChild<QTabWidget*>(QStringLiteral("tuningResults"));
        auto* scroll = view.findChild<QScrollArea*>(QStringLiteral("tuningChartsScroll"));
        QVERIFY(tabs && scroll);
        // Every tab's name whole, with no scroll buttons ("Su" and arrows in the default window).
        const QRect lastTab = tabs->tabBar()->tabRect(tabs->count() - 1);
        QVERIFY2(tabs->tabBar()->rect().contains(lastTab),
                 qPrintable(QStringLiteral("last tab at %1–%2 of a tab bar %3 wide")
                                .arg(lastTab.left())
                                .arg(lastTab.right())
                                .arg(tabs->tabBar()->width())));
        // The summary: every figure's name whole (rows as high as their wrapped names).
        tabs->setCurrentIndex(0);
        QTest::qWait(100);
        const QStringList problems = test::looksProblems(tabs->currentWidget());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        tabs->setCurrentWidget(scroll);
        auto* board = view.findChild<ChartBoard*>(QStringLiteral("tuningCharts"));
        QVERIFY(board);
        QTRY_VERIFY(board->isVisible());
        QTest::qWait(100); // the charts lay their legends out
        QVERIFY(view.grab().save(test::screenshotDir() + QStringLiteral("/tuning-charts-%1.png").arg(width)));

        QVERIFY2(board->width() <= scroll->viewport()->width()
                     && board->minimumSizeHint().width() <= board->width(),
                 qPrintable(QStringLiteral("charts %1 wide in a pane %2 wide")
                                .arg(board->width())
                                .arg(scroll->viewport()->width())));
        // Two columns only where each chart gets its width; the wide window gives them that.
        if (board->columns() == 2)
            QVERIFY(board->width() >= 2 * board->columnWidth());
        else
            QVERIFY(width < 1500 && board->width() < 2 * board->columnWidth() + 20);
        const QList<QChartView*> charts = board->findChildren<QChartView*>();
        QCOMPARE(charts.size(), 3);
        // The ROC chart writes each curve's AUC in its plot's lower right, inside the plot.
        QChart* roc = nullptr;
        for (QChartView* chartView : charts)
            if (chartView->chart()->title().startsWith(QLatin1String("ROC")))
                roc = chartView->chart();
        QVERIFY(roc);
        QGraphicsSimpleTextItem* aucs = nullptr;
        for (QGraphicsItem* item : roc->childItems())
            if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item))
                aucs = text;
        QVERIFY(aucs);
        const QString expected = QStringLiteral("Active rules: AUC %1\nCandidate: AUC %2")
                                     .arg(*view.reports().at(0).auc, 0, 'f', 3)
                                     .arg(*view.reports().at(1).auc, 0, 'f', 3);
        QCOMPARE(aucs->text(), expected);
        QVERIFY2(roc->plotArea().contains(aucs->mapRectToParent(aucs->boundingRect())),
                 qPrintable(QStringLiteral("AUCs outside the plot")));
        for (QChartView* chartView : charts) {
            QLegend* legend = chartView->chart()->legend();
            QVERIFY(legend->isVisible());
            // Each entry: its marker (about a line high), a gap, its label, a gap.
            const QFontMetricsF metrics(legend->font());
            qreal needed = 0;
            for (QLegendMarker* marker : legend->markers())
                needed += metrics.height() + metrics.horizontalAdvance(marker->label()) + 12;
            QVERIFY2(needed <= legend->geometry().width() + 1,
                     qPrintable(QStringLiteral("\"%1\": the legend needs %2 px, has %3")
                                    .arg(chartView->chart()->title())
                                    .arg(needed)
                                    .arg(legend->geometry().width())));
        }
    }
};

QTEST_MAIN(TestTuningView)
#include "TestTuningView.moc"
