#include "TestSupport.h"
#include "demo/DemoWorkspace.h"
#include "engine/ScoringEngine.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"
#include "tuning/Backtest.h"

#include <QTest>

using namespace tenure;

namespace {

const QDate kToday(2026, 6, 15);

QString figures(const BacktestReport& report)
{
    QString bands;
    for (const BacktestRate& band : report.perBand)
        bands += QStringLiteral(" %1 %2/%3").arg(band.name).arg(band.churned).arg(band.cases);
    return QStringLiteral("%1 days: AUC %2, %3 of %4 churned cases in %5;%6")
        .arg(report.horizonDays)
        .arg(report.auc.value_or(-1), 0, 'f', 3)
        .arg(report.flaggedChurned)
        .arg(report.churned)
        .arg(report.flagBand, bands);
}

} // namespace

// The shipped default rules must foretell churn on the demo portfolio: the demo is what a new
// user first tunes against, and the defaults are what a new team starts with. Both are checked
// together, end to end: the demo as `tenure-cli demo` makes it, scored as the app scores it (the
// defaults stored as the first rule version), backtested by the Tuning view's code.
class TestDemoBacktest : public QObject
{
    Q_OBJECT

    test::TempWorkspace m_workspace;
    std::unique_ptr<Database> m_db;

    BacktestReport backtest(int horizon)
    {
        Result<RuleStore::Active> active = RuleStore(*m_db).active();
        if (!active)
            qFatal("%s", qPrintable(active.error()));
        BacktestOptions options;
        options.today = kToday;
        options.horizonDays = horizon;
        Result<QList<BacktestReport>> reports = Backtest(*m_db).run({ active->rules }, options);
        if (!reports)
            qFatal("%s", qPrintable(reports.error()));
        qInfo("%s", qPrintable(figures(reports->constFirst())));
        return reports->constFirst();
    }

private slots:
    void initTestCase()
    {
        m_db = m_workspace.open();
        DemoGenerator::Options demo; // the default seed and size
        demo.today = kToday;
        const auto populated = DemoWorkspace::populate(*m_db, demo);
        QVERIFY2(populated.ok(), populated.ok() ? "" : qPrintable(populated.error()));
        ScoringEngine::Options scoring;
        scoring.today = kToday;
        const auto scored = ScoringEngine(*m_db, scoring).run();
        QVERIFY2(scored.ok(), scored.ok() ? "" : qPrintable(scored.error()));
        const Result<RuleStore::Active> active = RuleStore(*m_db).active();
        QVERIFY(active.ok());
        QCOMPARE(active->rules.name, RuleSetJson::defaults().name);
    }

    void defaultRulesForetellChurnNinetyDaysAhead()
    {
        const BacktestReport report = backtest(90);
        QVERIFY2(report.churned >= 30, qPrintable(figures(report))); // enough to measure anything
        QVERIFY(report.auc);
        QVERIFY2(*report.auc >= 0.75, qPrintable(figures(report)));
        // At least 60% of the accounts that churned within 90 days were in the lowest band.
        QCOMPARE(report.flagBand, QStringLiteral("Bad"));
        QVERIFY2(report.flaggedChurned * 10 >= report.churned * 6, qPrintable(figures(report)));
        // Good churns at under a third of Bad's rate.
        const BacktestRate& good = report.perBand.constFirst();
        const BacktestRate& bad = report.perBand.constLast();
        QCOMPARE(good.key, QStringLiteral("Good"));
        QCOMPARE(bad.key, QStringLiteral("Bad"));
        QVERIFY(bad.cases > 0 && good.cases > 0);
        QVERIFY2(good.churnRate() * 3 < bad.churnRate(), qPrintable(figures(report)));
    }

    // Nearer horizons have as many cases and a score at least as telling.
    void nearerHorizonsToo_data()
    {
        QTest::addColumn<int>("horizon");
        QTest::newRow("30 days") << 30;
        QTest::newRow("60 days") << 60;
    }
    void nearerHorizonsToo()
    {
        QFETCH(int, horizon);
        const BacktestReport report = backtest(horizon);
        QVERIFY2(report.churned >= 30, qPrintable(figures(report)));
        QVERIFY2(report.auc && *report.auc >= 0.75, qPrintable(figures(report)));
        QVERIFY2(report.flaggedChurned * 10 >= report.churned * 6, qPrintable(figures(report)));
    }
};

QTEST_GUILESS_MAIN(TestDemoBacktest)
#include "TestDemoBacktest.moc"
