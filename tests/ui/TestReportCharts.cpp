// The charts' value scales and the printed reports' charts: round ticks that fit their data and
// their labels, and a day at one x in the timeline and the trend.

#include "ChartAxes.h"
#include "engine/DayClock.h"
#include "print/ReportCharts.h"
#include "print/ReportPage.h"
#include "rules/RuleSetJson.h"

#include <QApplication>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QScopeGuard>
#include <QTest>

#include <cmath>

using namespace tenure;

class TestReportCharts : public QObject
{
    Q_OBJECT

private slots:
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

    // The scale an axis takes where its labels decide: the most ticks whose labels fit, else the
    // fewest allowed (the overview's bars and the printed reports' share it).
    void fittedScaleTakesTheMostTicksThatFit()
    {
        const auto scaleWith = [](int ticks) { return ChartAxes::niceScale(0, 2017600, ticks); };
        const ChartAxes::Scale three = ChartAxes::fittedScale(
            4, 2, scaleWith, [](const ChartAxes::Scale& scale) { return scale.tickCount() <= 3; });
        QVERIFY(three.tickCount() <= 3 && three.tickCount() >= 2);
        QCOMPARE(three.step, scaleWith(3).step);
        QCOMPARE(ChartAxes::fittedScale(4, 2, scaleWith, [](const ChartAxes::Scale&) { return true; }).step,
                 scaleWith(4).step);
        QCOMPARE(ChartAxes::fittedScale(4, 2, scaleWith, [](const ChartAxes::Scale&) { return false; }).step,
                 scaleWith(2).step);
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

    // A short history says when it begins, under the axis's start, where that keeps clear of the
    // first month's label; a long one names its months only.
    void aShortHistoryLabelsItsFirstDay()
    {
        const QFontMetricsF metrics(ReportPage::font(6.5));
        const auto day = [](int y, int m, int d) { return DayClock::dayNumber(QDate(y, m, d)); };
        const auto texts = [](const QList<ReportCharts::DayLabel>& labels) {
            QStringList out;
            for (const ReportCharts::DayLabel& label : labels)
                out << (label.start ? QStringLiteral("start:") : QString()) + label.text;
            return out;
        };
        const QString dec = QLocale().monthName(12, QLocale::ShortFormat);
        const QString nov10 = QLocale().toString(QDate(2026, 11, 10), QLocale::ShortFormat);
        // A trial signed up on 10 November, on the customer page's 880 px.
        QList<ReportCharts::DayLabel> labels
            = ReportCharts::dayAxisLabels(day(2026, 11, 10), day(2026, 12, 9), 880, metrics);
        QCOMPARE(texts(labels), (QStringList { QStringLiteral("start:") + nov10, dec }));
        QCOMPARE(labels.first().day, day(2026, 11, 10));
        // No month begins within it: the start alone.
        QCOMPARE(texts(ReportCharts::dayAxisLabels(day(2026, 12, 2), day(2026, 12, 9), 880, metrics)),
                 QStringList { QStringLiteral("start:")
                               + QLocale().toString(QDate(2026, 12, 2), QLocale::ShortFormat) });
        // A month's label a day in, on a narrow axis: no room for the start's.
        QCOMPARE(texts(ReportCharts::dayAxisLabels(day(2026, 11, 30), day(2026, 12, 10), 200, metrics)),
                 QStringList { dec });
        // A year: the months only, January as its year.
        labels = ReportCharts::dayAxisLabels(day(2025, 12, 10), day(2026, 12, 9), 880, metrics);
        QCOMPARE(labels.size(), 12);
        QVERIFY(!labels.first().start);
        QCOMPARE(labels.first().text, QStringLiteral("2026"));

        // In Japanese, the date as Japanese CSMs write it.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });
        labels = ReportCharts::dayAxisLabels(day(2026, 11, 10), day(2026, 12, 9), 880, metrics);
        QVERIFY(labels.first().start);
        QCOMPARE(labels.first().text, QStringLiteral("2026/11/10"));
        QCOMPARE(labels.last().text, QStringLiteral("12月"));
    }
};

QTEST_MAIN(TestReportCharts)
#include "TestReportCharts.moc"
