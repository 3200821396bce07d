#include "ChartAxes.h"
#include "MainWindow.h"
#include "ScreenFont.h"
#include "TestSupport.h"
#include "actions/ActionEngine.h"
#include "customers/CustomerListDelegate.h"
#include "customers/CustomerListModel.h"
#include "customers/CustomersView.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"
#include "overview/OverviewView.h"
#include "print/ReportCharts.h"
#include "print/ReportPage.h"
#include "rules/RuleSetEditor.h"
#include "rules/RuleSetJson.h"
#include "rules/RulesView.h"
#include "tuning/TuningView.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QGlyphRun>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QListWidget>
#include <QPainter>
#include <QRawFont>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QTextLayout>
#include <QTranslator>
#include <QTreeWidget>
#include <QValueAxis>

#include <cmath>

using namespace tenure;

namespace {

// A tooltip as the user reads it.
QString plain(const QString& tooltip)
{
    QTextDocument document;
    document.setHtml(tooltip);
    return document.toPlainText();
}

bool isMultiple(double value, double step)
{
    const double ratio = value / step;
    return std::abs(ratio - std::round(ratio)) < 1e-6;
}

// Checks that every value axis of `chart` covers what its series show, tightly, with round ticks.
void checkChart(QChart* chart, const QString& name)
{
    QVERIFY2(!chart->series().isEmpty(), qPrintable(name));
    for (QAbstractSeries* series : chart->series()) {
        auto* bars = qobject_cast<QAbstractBarSeries*>(series);
        QVERIFY2(bars, qPrintable(name + QStringLiteral(": a series of a kind this test does not know")));
        const bool stacked
            = qobject_cast<QStackedBarSeries*>(series) || qobject_cast<QHorizontalStackedBarSeries*>(series);
        double high = 0;
        int values = 0;
        for (QBarSet* set : bars->barSets())
            values = std::max(values, set->count());
        for (qsizetype i = 0; i < values; ++i) {
            double stack = 0;
            for (QBarSet* set : bars->barSets())
                stack = stacked ? stack + set->at(i) : std::max(stack, set->at(i));
            high = std::max(high, stack);
        }
        int valueAxes = 0;
        for (QAbstractAxis* axis : series->attachedAxes()) {
            auto* value = qobject_cast<QValueAxis*>(axis);
            if (!value)
                continue;
            ++valueAxes;
            const QString what = QStringLiteral("%1: axis %2–%3, data up to %4")
                                     .arg(name)
                                     .arg(value->min())
                                     .arg(value->max())
                                     .arg(high);
            QVERIFY2(value->min() <= 0 && value->max() >= high, qPrintable(what));
            auto* category = qobject_cast<QCategoryAxis*>(value);
            QVERIFY2(category, qPrintable(what + QStringLiteral(": ticks not set by ChartAxes")));
            QList<double> ticks;
            for (const QString& label : category->categoriesLabels())
                ticks.append(category->endValue(label));
            QVERIFY2(ticks.size() >= 2, qPrintable(what + QStringLiteral(": %1 ticks").arg(ticks.size())));
            const double step = ticks[1] - ticks[0];
            QVERIFY2(ChartAxes::isNiceStep(step), qPrintable(what + QStringLiteral(", step %1").arg(step)));
            QCOMPARE(ticks.first(), value->min());
            QCOMPARE(ticks.last(), value->max());
            for (qsizetype i = 1; i < ticks.size(); ++i) {
                QVERIFY2(std::abs(ticks[i] - ticks[i - 1] - step) < step * 1e-9, qPrintable(what));
                QVERIFY2(isMultiple(ticks[i], step), qPrintable(what));
            }
            // Fits: the last tick is the first round value at or past the data.
            QVERIFY2(value->max() - step < std::max(high, 0.0) || (high <= 0 && value->max() <= 1),
                     qPrintable(what));
        }
        QVERIFY2(valueAxes == 1, qPrintable(name + QStringLiteral(": %1 value axes, not 1").arg(valueAxes)));
    }
}

} // namespace

// The CSM's desk (issue #20): charts fit their data with round ticks, the customer list reads at
// the default window size, the rules tree keeps its layout.
class TestDesk : public QObject
{
    Q_OBJECT

    test::TempWorkspace m_workspace;

    struct Japanese
    {
        QTranslator translator;
        Japanese()
        {
            if (!translator.load(QStringLiteral(":/i18n/tenure_ja.qm")))
                qFatal("no Japanese translation");
            QApplication::installTranslator(&translator);
            QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        }
        ~Japanese()
        {
            QApplication::removeTranslator(&translator);
            QLocale::setDefault(QLocale::c());
        }
    };

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        auto db = m_workspace.open();
        DemoGenerator::Options options;
        options.accounts = 300;
        QVERIFY(DemoWorkspace::populate(*db, options).ok());
        QVERIFY(ScoringEngine(*db).rebuild().ok());
        QVERIFY(ActionEngine(*db, ActionRules {}).refresh(QDate::currentDate()).ok());
    }

    void niceScales_data()
    {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<int>("maxTicks");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("step");
        QTest::newRow("the overview's 300 accounts") << 0.0 << 300.0 << 6 << 0.0 << 300.0 << 100.0;
        QTest::newRow("270 accounts") << 0.0 << 270.0 << 6 << 0.0 << 300.0 << 100.0;
        QTest::newRow("203 in a band, 4 ticks") << 0.0 << 203.0 << 4 << 0.0 << 300.0 << 100.0;
        QTest::newRow("203 in a band, 6 ticks") << 0.0 << 203.0 << 6 << 0.0 << 250.0 << 50.0;
        QTest::newRow("ARR") << 0.0 << 1234567890.0 << 4 << 0.0 << 1500000000.0 << 500000000.0;
        QTest::newRow("score") << 0.0 << 100.0 << 5 << 0.0 << 100.0 << 25.0;
        QTest::newRow("small") << 0.0 << 7.3 << 6 << 0.0 << 8.0 << 2.0;
        QTest::newRow("fractions") << 0.0 << 0.37 << 6 << 0.0 << 0.4 << 0.1;
        QTest::newRow("nothing") << 0.0 << 0.0 << 6 << 0.0 << 1.0 << 0.2;
        QTest::newRow("below zero") << -12.0 << 37.0 << 6 << -20.0 << 40.0 << 20.0;
        QTest::newRow("one account") << 0.0 << 1.0 << 4 << 0.0 << 1.0 << 0.5;
    }

    void niceScales()
    {
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(int, maxTicks);
        const ChartAxes::Scale scale = ChartAxes::niceScale(low, high, maxTicks);
        QTEST(scale.min, "min");
        QTEST(scale.max, "max");
        QTEST(scale.step, "step");
        QVERIFY(scale.tickCount() <= maxTicks);
        QVERIFY(ChartAxes::isNiceStep(scale.step));
        QCOMPARE(scale.ticks().size(), scale.tickCount());
        QCOMPARE(scale.ticks().last(), scale.max);
    }

    void niceSteps()
    {
        for (double step : { 1.0, 2.0, 2.5, 5.0, 10.0, 0.25, 0.5, 25.0, 50.0, 5e8, 2.5e-3 })
            QVERIFY2(ChartAxes::isNiceStep(step), qPrintable(QString::number(step)));
        for (double step : { 3.0, 67.5, 0.3, 7.0, 135.0, 0.0, -5.0 })
            QVERIFY2(!ChartAxes::isNiceStep(step), qPrintable(QString::number(step)));
        QCOMPARE(ChartAxes::tickLabel(1500000, ChartAxes::niceScale(0, 1400000, 4)),
                 QStringLiteral("1,500,000"));
        QCOMPARE(ChartAxes::tickLabel(0.5, ChartAxes::niceScale(0, 1, 4)), QStringLiteral("0.5"));
        const ChartAxes::Scale arr = ChartAxes::niceScale(0, 1950900, 4);
        QCOMPARE(ChartAxes::compactLabel(1000000, arr), QStringLiteral("1M"));
        QCOMPARE(ChartAxes::compactLabel(0, arr), QStringLiteral("0"));
        const ChartAxes::Scale halves = ChartAxes::niceScale(0, 1400000, 4);
        QCOMPARE(ChartAxes::compactLabel(500000, halves), QStringLiteral("0.5M"));
        QCOMPARE(ChartAxes::compactLabel(150, ChartAxes::niceScale(0, 203, 4)), QStringLiteral("150"));
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        const QString yen = ChartAxes::compactLabel(200000000, ChartAxes::niceScale(0, 250000000, 4));
        const QString man = ChartAxes::compactLabel(3000000, ChartAxes::niceScale(0, 3402000, 4));
        QLocale::setDefault(QLocale::c());
        QCOMPARE(yen, QStringLiteral("2億"));
        QCOMPARE(man, QStringLiteral("300万"));
    }

    // Every chart of the overview, on a portfolio whose 12-month stacks reach 300 accounts.
    void overviewChartsFitTheirData()
    {
        OverviewView view;
        view.resize(1000, 600);
        view.show();
        QSignalSpy loaded(&view, &OverviewView::loaded);
        view.setWorkspace(m_workspace.path());
        QVERIFY(loaded.wait(20000));
        const QList<QChartView*> charts = view.findChildren<QChartView*>();
        QCOMPARE(charts.size(), 4);
        for (QChartView* chart : charts)
            checkChart(chart->chart(), chart->chart()->title());
        QTest::qWait(100);
        QVERIFY(view.grab().save(test::screenshotDir() + QStringLiteral("/desk-overview.png")));
    }

    // The printed reports' bars and score axis: the same round scales.
    void reportChartsFitTheirData()
    {
        const QList<ReportCharts::Bar> bars { { QStringLiteral("Good"), 203, Qt::green },
                                              { QStringLiteral("Normal"), 68, Qt::yellow },
                                              { QStringLiteral("Bad"), 29, Qt::red } };
        const ChartAxes::Scale scale = ReportCharts::barScale(bars);
        QCOMPARE(scale.min, 0.0);
        QVERIFY(scale.max >= 203 && scale.max - scale.step < 203);
        QVERIFY(ChartAxes::isNiceStep(scale.step));
        const ChartAxes::Scale score = ReportCharts::scoreScale();
        QCOMPARE(score.min, 0.0);
        QCOMPARE(score.max, 100.0);
        QVERIFY(ChartAxes::isNiceStep(score.step));
        // Drawn: the longest bar ends where its value ends on the scale, not at the chart's edge.
        QImage image(600, 200, QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            ReportCharts::bars(painter, QRectF(0, 0, 600, 200), QStringLiteral("Accounts by band"), bars,
                               [](double v) { return QString::number(v); });
        }
        // Short values take the narrowest value column: 12% of the width.
        const qreal labelWidth = 600 * 0.36, barsWidth = 600 - labelWidth - 600 * 0.12;
        const int row = 16 + 7; // the first bar's middle
        auto barEnd = [&](const QImage& drawn) {
            int end = 0;
            for (int x = int(labelWidth); x < 600; ++x)
                if (drawn.pixelColor(x, row) == QColor(Qt::green))
                    end = x;
            return end;
        };
        const int end = barEnd(image);
        QVERIFY2(std::abs(end - (labelWidth + 203 / scale.max * barsWidth)) <= 2,
                 qPrintable(QString::number(end)));

        // A wide value ("¥1,057,366,000,000") gets the room it needs: the bars shorten, the value is whole.
        QImage wide(600, 200, QImage::Format_RGB32);
        wide.fill(Qt::white);
        const QString money = QStringLiteral("¥1,057,366,000,000");
        {
            QPainter painter(&wide);
            ReportCharts::bars(painter, QRectF(0, 0, 600, 200), QStringLiteral("ARR by band"), bars,
                               [&](double) { return money; });
        }
        QVERIFY2(barEnd(wide) < end, qPrintable(QString::number(barEnd(wide))));
        const QFontMetricsF metrics(ReportPage::font(7), &wide);
        QVERIFY2(barEnd(wide) + 3 + metrics.horizontalAdvance(money) <= 600,
                 qPrintable(QString::number(barEnd(wide))));
    }

    // On screen, digits beside Japanese text are in the same font as digits beside Latin text
    // ("顧客 300 社" and "Good 300"): Japanese takes Noto Sans CJK JP, not fontconfig's VL Gothic.
    void japaneseOnScreenKeepsTheDigitsFont()
    {
        const QFont before = QApplication::font();
        const auto back = qScopeGuard([&before] { QApplication::setFont(before); });
        const QString added = preferJapaneseScreenFont();
        if (added.isEmpty()) {
            if (!qEnvironmentVariableIsEmpty("CI"))
                QFAIL("Noto Sans CJK JP is not installed (fonts-noto-cjk)");
            QSKIP("Noto Sans CJK JP is not installed (fonts-noto-cjk)");
        }
        const auto digitsFont = [](const QString& text, int from) {
            QTextLayout layout(text, QApplication::font());
            layout.beginLayout();
            layout.createLine();
            layout.endLayout();
            QStringList families;
            for (const QGlyphRun& run : layout.glyphRuns(from, 3))
                families << run.rawFont().familyName();
            return families;
        };
        const QStringList japanese = digitsFont(QStringLiteral("顧客 300 社"), 3);
        QCOMPARE(japanese.size(), 1);
        QCOMPARE(japanese, digitsFont(QStringLiteral("Good 300"), 5));
        // And the Japanese itself in the font added.
        QTextLayout han(QStringLiteral("顧客"), QApplication::font());
        han.beginLayout();
        han.createLine();
        han.endLayout();
        QCOMPARE(han.glyphRuns().value(0).rawFont().familyName(), added);
    }

    // A printed bar chart labels every tick it draws: where the labels of four ticks would touch
    // (Japanese units are wider: "100万 200万 300万"), it takes fewer ticks instead of leaving the
    // middle one unlabelled.
    void reportBarsLabelEveryTick()
    {
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        const auto back = qScopeGuard([] { QLocale::setDefault(QLocale::c()); });
        const QList<ReportCharts::Bar> bars { { QStringLiteral("Good"), 2017600, Qt::green },
                                              { QStringLiteral("Normal"), 461600, Qt::yellow },
                                              { QStringLiteral("Bad"), 620100, Qt::red } };
        QImage image(10, 10, QImage::Format_RGB32);
        const QFontMetricsF metrics(ReportPage::font(6), &image);
        const ChartAxes::Scale four = ReportCharts::barScale(bars);
        QCOMPARE(four.ticks().size(), 4);
        QCOMPARE(ChartAxes::compactLabel(four.ticks().at(1), four), QStringLiteral("100万"));
        // Wide enough, four ticks; a little narrower, and their labels would touch.
        QCOMPARE(ReportCharts::barScale(bars, metrics, 400).ticks().size(), 4);
        qreal width = 400;
        while (width > 20 && ReportCharts::tickLabelsFit(four, metrics, width))
            width -= 1;
        QVERIFY(!ReportCharts::tickLabelsFit(four, metrics, width));
        const ChartAxes::Scale fitted = ReportCharts::barScale(bars, metrics, width);
        QVERIFY2(ReportCharts::tickLabelsFit(fitted, metrics, width), qPrintable(QString::number(width)));
        QVERIFY(fitted.ticks().size() >= 2 && fitted.ticks().size() < 4);
        QVERIFY(fitted.max >= 2017600);
        QVERIFY(ChartAxes::isNiceStep(fitted.step));
    }

    // An account's stage timeline and its health trend, one above the other: a day is at the same x
    // in both (the trend's score labels took 22 px the timeline did not leave).
    void timelineAndTrendShareTheirDays()
    {
        const RuleSet rules = RuleSetJson::defaults();
        QVERIFY(rules.stages.size() >= 2);
        QList<AccountStatus> history;
        for (int i = 0; i < 2; ++i) {
            AccountStatus status;
            status.day = 20000 + 30 * i;
            status.stage = rules.stages.at(i).id;
            status.score = 40 + 20 * i;
            history << status;
        }
        QImage image(400, 220, QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            ReportCharts::stageTimeline(painter, QRectF(0, 0, 400, 64), history, rules);
            ReportCharts::healthTrend(painter, QRectF(0, 76, 400, 120), history, rules);
        }
        auto leftmost = [&](int row) {
            for (int x = 0; x < image.width(); ++x)
                if (image.pixelColor(x, row) != QColor(Qt::white))
                    return x;
            return -1;
        };
        const int timeline = leftmost(17); // the middle of the timeline's bar
        const int trend = leftmost(76 + 4 + 102 - 13); // between the trend's 0 and 25 labels: its frame
        QVERIFY(timeline >= 0);
        QVERIFY2(std::abs(timeline - trend) <= 1,
                 qPrintable(QStringLiteral("%1 vs %2").arg(timeline).arg(trend)));
    }

    // At the default window size, in English and Japanese: the band a badge with its name, no cell
    // wrapped or clipped, the long ones elided with the whole text in their tooltips.
    void customerListReadsAtTheDefaultSize_data()
    {
        QTest::addColumn<bool>("japanese");
        QTest::newRow("English") << false;
        QTest::newRow("Japanese") << true;
    }

    void customerListReadsAtTheDefaultSize()
    {
        QFETCH(bool, japanese);
        std::optional<Japanese> language;
        if (japanese)
            language.emplace();
        MainWindow window; // 1100×720 unless told otherwise
        QCOMPARE(window.size(), QSize(1100, 720));
        // No view holds the window wider than that (a 1366 px laptop screen has room for it).
        QVERIFY2(window.minimumSizeHint().width() <= 1100,
                 qPrintable(QString::number(window.minimumSizeHint().width())));
        window.show();
        window.resize(1100, 720);
        QTRY_COMPARE(window.size(), QSize(1100, 720));
        QSignalSpy scored(&window, &MainWindow::scoringFinished);
        window.openWorkspace(m_workspace.path());
        QVERIFY(scored.wait(30000));
        for (const char* view : { "tuning", "rules", "actions", "datasources", "overview" }) {
            QVERIFY(window.showView(QLatin1String(view)));
            QTest::qWait(100);
            QVERIFY2(window.minimumSizeHint().width() <= 1100,
                     qPrintable(QStringLiteral("%1: %2").arg(view).arg(window.minimumSizeHint().width())));
        }
        QVERIFY(window.showView(QStringLiteral("customers")));
        auto* customers = window.findChild<CustomersView*>();
        QTRY_VERIFY_WITH_TIMEOUT(customers->model()->rowCount() == 300, 10000);
        auto* table = customers->findChild<QTableView*>(QStringLiteral("customers"));
        CustomerListDelegate::setUp(table); // what CustomersView is to call (see the report)
        QTest::qWait(200);
        auto* delegate = qobject_cast<CustomerListDelegate*>(table->itemDelegate());
        QVERIFY(delegate);
        const CustomerListModel* model = customers->model();

        // Every cell on screen fits its column on one line, but the names, which elide.
        QStyleOptionViewItem option;
        option.initFrom(table);
        option.font = table->font();
        const int rows = table->rowAt(table->viewport()->height() - 1) + 1;
        QVERIFY(rows > 10);
        int elidedNames = 0, renewals = 0;
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column < CustomerListModel::ColumnCount; ++column) {
                const QModelIndex index = model->index(row, column);
                const QString text = index.data().toString();
                const QSize hint = delegate->sizeHint(option, index);
                const QString where = QStringLiteral("row %1, column %2: \"%3\" wants %4 px, has %5 × %6")
                                          .arg(row)
                                          .arg(column)
                                          .arg(text)
                                          .arg(hint.width())
                                          .arg(table->columnWidth(column))
                                          .arg(table->rowHeight(row));
                QVERIFY2(hint.height() <= table->rowHeight(row), qPrintable(where));
                if (column == CustomerListModel::Name) {
                    if (hint.width() > table->columnWidth(column))
                        ++elidedNames;
                    QVERIFY2(plain(index.data(Qt::ToolTipRole).toString()).startsWith(text),
                             qPrintable(where));
                } else {
                    QVERIFY2(hint.width() <= table->columnWidth(column), qPrintable(where));
                }
                if (!text.isEmpty() && column != CustomerListModel::Trend)
                    QVERIFY2(plain(index.data(Qt::ToolTipRole).toString())
                                 .contains(column == CustomerListModel::Renewal
                                                   || column == CustomerListModel::LastActive
                                               ? QString()
                                               : text),
                             qPrintable(where));
                if (column == CustomerListModel::Renewal && !text.isEmpty()) {
                    ++renewals;
                    // A date that has passed says how long ago, not "-30 d" (あと -30 日 in Japanese).
                    QVERIFY2(!text.contains(QLatin1String("(-")) && !text.contains(QLatin1String("あと -")),
                             qPrintable(where));
                }
            }
        }
        QVERIFY(renewals > 0);
        QVERIFY(table->horizontalHeader()->sectionSize(CustomerListModel::Name) > 150);
        qInfo("%d of %d names elided", elidedNames, rows);
        QVERIFY(!table->wordWrap());

        // The band: a badge in the band's colour with the band's name, whole, on it.
        const RuleSet rules = RuleSetJson::defaults();
        QSet<QString> bandsSeen;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, CustomerListModel::Band);
            const QString band = index.data().toString();
            if (band.isEmpty() || bandsSeen.contains(band))
                continue;
            bandsSeen.insert(band);
            QVERIFY2(rules.bandColor(band) != QString() || japanese, qPrintable(band));
            QStyleOptionViewItem cell = option;
            cell.rect = QRect(table->columnViewportPosition(CustomerListModel::Band), 0,
                              table->columnWidth(CustomerListModel::Band), table->rowHeight(0));
            const QString badgeText = delegate->badgeText(cell, index);
            if (badgeText != band)
                qWarning("%s in %d × %d at %d: badge %d wide", qPrintable(band), cell.rect.width(),
                         cell.rect.height(), cell.rect.left(), delegate->badgeRect(cell, index).width());
            QCOMPARE(badgeText, band);
            const QRect badge = delegate->badgeRect(cell, index);
            QVERIFY(cell.rect.contains(badge));
            QVERIFY(badge.width() < cell.rect.width() || badge.width() < 120); // compact, not the whole cell
            QImage image(cell.rect.size(), QImage::Format_ARGB32);
            image.fill(Qt::white);
            {
                QPainter painter(&image);
                painter.translate(-cell.rect.topLeft());
                delegate->paint(&painter, cell, index);
            }
            const QColor color = index.data(CustomerListModel::BandColorRole).value<QColor>();
            QVERIFY(color.isValid());
            const QRect inside = badge.translated(-cell.rect.topLeft()).adjusted(3, 3, -3, -3);
            int fill = 0, text = 0;
            for (int y = inside.top(); y <= inside.bottom(); ++y)
                for (int x = inside.left(); x <= inside.right(); ++x) {
                    const QColor pixel = image.pixelColor(x, y);
                    if (pixel == color)
                        ++fill;
                    else if (std::abs(pixel.lightness() - color.lightness()) > 60)
                        ++text; // the name, in black or white on the colour
                }
            QVERIFY2(fill > inside.width() * inside.height() / 3, qPrintable(band));
            QVERIFY2(text > 10, qPrintable(band));
            // Outside the badge the cell keeps the table's background: the colour is not the cell.
            QCOMPARE_NE(image.pixelColor(cell.rect.width() - 2, cell.rect.height() / 2), color);
        }
        QCOMPARE_GE(bandsSeen.size(), 2);
        QVERIFY(window.grab().save(test::screenshotDir()
                                   + QStringLiteral("/desk-customers-%1.png").arg(japanese ? "ja" : "en")));
        QVERIFY(window.showView(QStringLiteral("overview")));
        QTest::qWait(500);
        QVERIFY(window.grab().save(test::screenshotDir()
                                   + QStringLiteral("/desk-overview-%1.png").arg(japanese ? "ja" : "en")));
        for (QChartView* chart : window.findChild<OverviewView*>()->findChildren<QChartView*>())
            checkChart(chart->chart(), chart->chart()->title());
        QVERIFY(window.showView(QStringLiteral("rules")));
        QTest::qWait(300);
        QVERIFY(window.grab().save(test::screenshotDir()
                                   + QStringLiteral("/desk-rules-%1.png").arg(japanese ? "ja" : "en")));
    }

    // A workspace made while the window speaks Japanese: its rules, and so its stages and bands in
    // every view, are in Japanese.
    void aJapaneseWorkspaceSpeaksJapanese()
    {
        Japanese language;
        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            DemoGenerator::Options options;
            options.accounts = 60;
            QVERIFY(DemoWorkspace::populate(*db, options).ok());
        }
        MainWindow window;
        window.findChild<TuningView*>()->setMinimumSize(1, 1);
        window.show();
        window.resize(1100, 720);
        QSignalSpy scored(&window, &MainWindow::scoringFinished);
        window.openWorkspace(workspace.path());
        QVERIFY(scored.wait(30000));
        const RuleSet japanese = RuleSetJson::defaults(QLocale(QLocale::Japanese));
        QVERIFY(window.showView(QStringLiteral("customers")));
        auto* customers = window.findChild<CustomersView*>();
        auto scoredRows = [customers] {
            int rows = 0;
            for (int row = 0; row < customers->model()->rowCount(); ++row)
                rows += customers->model()->row(row).score ? 1 : 0;
            return rows;
        };
        QTRY_VERIFY_WITH_TIMEOUT(customers->model()->rowCount() == 60 && scoredRows() > 30, 10000);
        auto* table = customers->findChild<QTableView*>(QStringLiteral("customers"));
        CustomerListDelegate::setUp(table);
        QSet<QString> bands, stages;
        for (int row = 0; row < customers->model()->rowCount(); ++row) {
            bands.insert(customers->model()->index(row, CustomerListModel::Band).data().toString());
            stages.insert(customers->model()->index(row, CustomerListModel::Stage).data().toString());
        }
        bands.remove(QString());
        QVERIFY(!bands.isEmpty() && !stages.isEmpty());
        for (const QString& band : bands)
            QVERIFY2(std::any_of(japanese.bands.begin(), japanese.bands.end(),
                                 [&](const Band& b) { return b.name == band; }),
                     qPrintable(band));
        for (const QString& stage : stages)
            QVERIFY2(std::any_of(japanese.stages.begin(), japanese.stages.end(),
                                 [&](const Stage& s) { return s.name == stage; }),
                     qPrintable(stage));
        QTest::qWait(200);
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/desk-customers-ja-rules.png")));
        QVERIFY(window.showView(QStringLiteral("overview")));
        QTest::qWait(500);
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/desk-overview-ja-rules.png")));
        QVERIFY(window.showView(QStringLiteral("rules")));
        auto* tree = window.findChild<QTreeWidget*>(QStringLiteral("ruleTree"));
        QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() > 1, 10000);
        QCOMPARE(tree->topLevelItem(2)->text(0), japanese.stages[1].name);
        QTest::qWait(300);
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/desk-rules-ja-rules.png")));
        QVERIFY(window.showView(QStringLiteral("customer:A-00001")));
        QTest::qWait(600);
        QVERIFY(window.grab().save(test::screenshotDir() + QStringLiteral("/desk-customer-ja-rules.png")));
    }

    // The rules tree: every entry's whole text in its tooltip; the splits kept per view.
    void rulesTreeTooltipsAndSplitters()
    {
        QSettings().clear();
        QList<int> editorSizes, previewSizes;
        {
            RulesView view;
            view.resize(1000, 640);
            view.show();
            view.setWorkspace(m_workspace.path());
            auto* tree = view.findChild<QTreeWidget*>(QStringLiteral("ruleTree"));
            QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() > 1, 10000);
            int criteria = 0;
            for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                QTreeWidgetItem* stage = tree->topLevelItem(i);
                QVERIFY(!stage->toolTip(0).isEmpty());
                for (int c = 0; c < stage->childCount(); ++c, ++criteria) {
                    QTreeWidgetItem* item = stage->child(c);
                    QVERIFY(plain(item->toolTip(0))
                                .startsWith(item->text(0).section(QStringLiteral(" ("), 0, -2)));
                    QCOMPARE(plain(item->toolTip(0)), item->text(0));
                }
            }
            QVERIFY(criteria > 10);
            QVERIFY(plain(tree->topLevelItem(0)->toolTip(0))
                        .contains(RuleSetJson::defaults().bands.first().name));

            auto* editor = view.findChild<QSplitter*>(QStringLiteral("ruleEditorSplitter"));
            auto* preview = view.findChild<QSplitter*>(QStringLiteral("rulesSplitter"));
            QVERIFY(editor && preview);
            const QList<int> before = editor->sizes();
            // The user drags both handles.
            editor->setSizes({ before[0] + 150, before[1] - 150 });
            emit editor->splitterMoved(editor->sizes()[0], 1);
            const QList<int> vertical = preview->sizes();
            preview->setSizes({ vertical[0] - 120, vertical[1] + 120 });
            emit preview->splitterMoved(preview->sizes()[0], 1);
            editorSizes = editor->sizes();
            previewSizes = preview->sizes();
            QCOMPARE_NE(editorSizes, before);
            QCOMPARE_NE(previewSizes, vertical);
        }
        RulesView again;
        again.resize(1000, 640);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("ruleEditorSplitter"))->sizes(), editorSizes);
        QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("rulesSplitter"))->sizes(), previewSizes);
        // Another view's editor (the Tuning view's) keeps its own split.
        RuleSetEditor other;
        other.resize(1000, 400);
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        QCOMPARE_NE(other.findChild<QSplitter*>(QStringLiteral("ruleEditorSplitter"))->sizes().first(),
                    editorSizes.first());
    }
};

QTEST_MAIN(TestDesk)
#include "TestDesk.moc"
