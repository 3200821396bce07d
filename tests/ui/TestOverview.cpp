// The Overview's charts on a portfolio in dollars and yen: ARR is shown in one currency at a
// time, chosen above the chart, never summed across currencies.
#include "TestSupport.h"
#include "ViewFixtures.h"
#include "overview/OverviewView.h"
#include "report/PortfolioReport.h"
#include "store/WorkspaceSettings.h"

#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHorizontalStackedBarSeries>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tenure;

namespace {

// What the ARR chart draws: its bars' values added up.
double drawnTotal(QChartView* chart)
{
    double total = 0;
    for (QAbstractSeries* series : chart->chart()->series())
        for (QBarSet* set : static_cast<QHorizontalStackedBarSeries*>(series)->barSets())
            total += set->sum();
    return total;
}

// The texts Qt Charts shortened to "..." on the charts of `view` (an axis label it found no room
// for), with the chart's title.
QStringList elidedChartTexts(QWidget& view)
{
    QStringList elided;
    for (QChartView* chart : view.findChildren<QChartView*>()) {
        if (!chart->isVisible())
            continue;
        for (QGraphicsItem* item : chart->scene()->items()) {
            auto* text = dynamic_cast<QGraphicsTextItem*>(item);
            if (text && text->isVisible()
                && (text->toPlainText().contains(QLatin1String("..."))
                    || text->toPlainText().contains(QChar(0x2026))))
                elided << chart->chart()->title() + QStringLiteral(": ") + text->toPlainText();
        }
    }
    return elided;
}

} // namespace

class TestOverview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void arrIsShownOneCurrencyAtATime()
    {
        test::TempWorkspace workspace;
        PortfolioReport expected;
        {
            auto db = workspace.open();
            QVERIFY(test::fillScoredDemo(*db, 60).ok());
            expected = PortfolioReport::load(*db, WorkspaceSettings(*db).today()).value();
        }
        QCOMPARE(expected.arrByCurrencyAndBand.keys(),
                 (QStringList { QStringLiteral("JPY"), QStringLiteral("USD") }));
        const auto total = [&expected](const QString& currency) {
            double sum = 0; // by band: accounts without a score (churned) have no bar
            for (const Band& band : expected.rules.bands)
                sum += expected.arrByCurrencyAndBand.value(currency).value(band.name);
            return sum;
        };

        OverviewView view;
        view.resize(1200, 700);
        view.show();
        QSignalSpy loaded(&view, &OverviewView::loaded);
        view.setWorkspace(workspace.path());
        QVERIFY(loaded.wait(20000));
        auto* currency = view.findChild<QComboBox*>(QStringLiteral("currency"));
        QVERIFY(currency->isVisible());
        QCOMPARE(currency->count(), 2);
        QChartView* arr = nullptr;
        for (QChartView* chart : view.findChildren<QChartView*>())
            if (chart->chart()->title().startsWith(QLatin1String("ARR by band")))
                arr = chart;
        QVERIFY(arr);
        // First the currency of most accounts; then the other, its own sums, and back.
        QCOMPARE(currency->currentText(), expected.currency);
        QVERIFY2(arr->chart()->title().contains(expected.currency), qPrintable(arr->chart()->title()));
        QCOMPARE(drawnTotal(arr), total(expected.currency));
        const QString other
            = expected.currency == QLatin1String("USD") ? QStringLiteral("JPY") : QStringLiteral("USD");
        currency->setFocus();
        QTest::keyClick(currency, currency->currentIndex() == 0 ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(currency->currentText(), other);
        QVERIFY2(arr->chart()->title().contains(QStringLiteral("(%1)").arg(other)),
                 qPrintable(arr->chart()->title()));
        QCOMPARE(drawnTotal(arr), total(other));
        QTest::qWait(200); // the charts redraw on the next turns of the event loop
        QVERIFY(view.grab().save(test::screenshotDir() + QStringLiteral("/overview-currency.png")));
        // A refresh keeps the currency chosen.
        view.refresh();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(currency->currentText(), other);
        QCOMPARE(drawnTotal(arr), total(other));
    }

    // At the sizes a window takes, every axis label of every chart shows whole: Qt Charts
    // shortens a vertical axis's labels to "..." when its ticks are closer than a line of text,
    // so the portfolio health chart takes as many ticks as its height holds.
    void noAxisLabelIsElided()
    {
        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            QVERIFY(test::fillScoredDemo(*db, 60).ok());
        }
        OverviewView view;
        QSignalSpy loaded(&view, &OverviewView::loaded);
        view.resize(950, 560);
        view.show();
        view.setWorkspace(workspace.path());
        QVERIFY(loaded.wait(20000));
        const auto checkSizes = [&view](const QString& pass) {
            for (const QSize size :
                 { QSize(950, 420), QSize(950, 480), QSize(950, 560), QSize(1250, 760), QSize(1600, 1000) }) {
                view.resize(size);
                // The charts lay out on the next turns of the event loop, their axes after them.
                QTest::qWait(100);
                [[maybe_unused]] const bool settled
                    = QTest::qWaitFor([&view] { return elidedChartTexts(view).isEmpty(); }, 3000);
                const QStringList elided = elidedChartTexts(view);
                if (!elided.isEmpty())
                    view.grab().save(test::screenshotDir()
                                     + QStringLiteral("/overview-elided-%1-%2x%3.png")
                                           .arg(pass)
                                           .arg(size.width())
                                           .arg(size.height()));
                QVERIFY2(elided.isEmpty(),
                         qPrintable(QStringLiteral("%1, %2×%3: %4")
                                        .arg(pass)
                                        .arg(size.width())
                                        .arg(size.height())
                                        .arg(elided.join(QStringLiteral(", ")))));
            }
        };
        checkSizes(QStringLiteral("en"));
        if (QTest::currentTestFailed())
            return;
        // In Japanese, yen: the ARR axis's labels are the widest ("2,000万").
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        const auto restore = qScopeGuard([&before] { QLocale::setDefault(before); });
        view.resize(950, 560);
        view.refresh();
        QVERIFY(loaded.wait(20000));
        auto* currency = view.findChild<QComboBox*>(QStringLiteral("currency"));
        currency->setFocus();
        if (currency->currentData().toString() != QLatin1String("JPY"))
            QTest::keyClick(currency, currency->currentIndex() == 0 ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(currency->currentData().toString(), QStringLiteral("JPY"));
        bool yen = false;
        for (QChartView* chart : view.findChildren<QChartView*>())
            yen = yen || chart->chart()->title().contains(QStringLiteral("(JPY)"));
        QVERIFY(yen);
        checkSizes(QStringLiteral("ja"));
        view.resize(950, 480);
        QTest::qWait(200);
        QVERIFY(view.grab().save(test::screenshotDir() + QStringLiteral("/overview-ja-yen.png")));
    }
};

QTEST_MAIN(TestOverview)
#include "TestOverview.moc"
