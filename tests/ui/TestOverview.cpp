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
#include <QHorizontalStackedBarSeries>
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
};

QTEST_MAIN(TestOverview)
#include "TestOverview.moc"
