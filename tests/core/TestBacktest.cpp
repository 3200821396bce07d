#include "TestSupport.h"
#include "demo/DemoRandom.h"
#include "engine/DayClock.h"
#include "engine/ScoringEngine.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"
#include "store/WorkspaceSettings.h"
#include "tuning/Backtest.h"
#include "tuning/BacktestJson.h"
#include "tuning/BacktestWorker.h"
#include "tuning/RulePreview.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace tenure;

namespace {

const QDate kToday(2026, 6, 30);

// One stage, one criterion: "at least 5 logins in the last 30 days" is all a score is made of.
const char kRules[] = R"({
  "name": "logins",
  "bands": [ { "name": "Good", "color": "#2e7d32", "min_score": 50 },
             { "name": "Bad", "color": "#c62828", "min_score": 0 } ],
  "stages": [ { "id": "active", "name": "Active", "color": "#1e88e5",
                "criteria": [ { "id": "logins", "label": "Logins in the last 30 days", "weight": 1,
                                "measure": { "kind": "event_count", "events": ["login"], "window_days": 30 },
                                "score": { "mode": "pass", "op": ">=", "value": 5 } } ] } ]
})";

RuleSet rules()
{
    Result<RuleSet> parsed = RuleSetJson::parse(kRules);
    if (!parsed)
        qFatal("%s", qPrintable(parsed.error()));
    return parsed.value();
}

// A workspace of accounts in groups; each group is (how many, active before its as-of day?, churns?).
// Every account has a churn or renewal outcome 90 days after `asOf`; the active ones log in daily
// during the 30 days before it, the others once.
struct Group
{
    int count;
    bool active;
    bool churns;
};

class Portfolio
{
public:
    explicit Portfolio(const QList<Group>& groups)
    {
        db = workspace.open();
        if (!WorkspaceSettings(*db).setTimeZone("UTC")
            || !RuleStore(*db).save(rules(), QStringLiteral("test"))
            || !SourceStore(*db).ensure(QStringLiteral("test"), QStringLiteral("csv")))
            qFatal("cannot set up the workspace");
        QList<Account> accounts;
        QList<Outcome> outcomes;
        QList<Event> events;
        int n = 0;
        for (const Group& group : groups) {
            for (int i = 0; i < group.count; ++i, ++n) {
                Account account;
                account.id = QStringLiteral("A%1").arg(n, 4, 10, QLatin1Char('0'));
                account.name = account.id;
                account.signupDate = kToday.addDays(-400);
                accounts << account;
                Outcome outcome;
                outcome.accountId = account.id;
                outcome.kind = group.churns ? Outcome::Kind::Churned : Outcome::Kind::Renewed;
                outcome.date = outcomeDay;
                outcome.source = QStringLiteral("test");
                outcome.externalId = account.id;
                outcomes << outcome;
                const int logins = group.active ? 30 : 1;
                for (int d = 0; d < logins; ++d)
                    events << login(account.id, asOfDay.addDays(-d));
            }
        }
        if (!AccountStore(*db).upsert(accounts) || !AccountStore(*db).addOutcomes(outcomes)
            || !append(events))
            qFatal("cannot fill the workspace");
        score();
    }

    Event login(const QString& account, const QDate& day)
    {
        Event e;
        e.source = QStringLiteral("test");
        e.externalId = QStringLiteral("e%1").arg(++m_events);
        e.accountId = account;
        e.userId = QStringLiteral("u1");
        e.name = QStringLiteral("login");
        e.occurredAt = QDateTime(day, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        return e;
    }

    // Appends every one of `events`, or fails.
    bool append(const QList<Event>& events)
    {
        const auto appended = EventLog(*db).append(events);
        return appended && appended->inserted == events.size();
    }

    void score()
    {
        ScoringEngine::Options options;
        options.today = kToday;
        if (!ScoringEngine(*db, options).run())
            qFatal("scoring failed");
    }

    // The cases of the outcomes only, unless `baseline`.
    BacktestReport backtest(int horizon = 90, bool baseline = false)
    {
        BacktestOptions options;
        options.today = kToday;
        options.horizonDays = horizon;
        options.baseline = baseline;
        options.minSample = 10;
        Result<QList<BacktestReport>> reports = Backtest(*db).run({ rules() }, options);
        if (!reports)
            qFatal("%s", qPrintable(reports.error()));
        return reports->constFirst();
    }

    const QDate outcomeDay = kToday.addDays(-30);
    const QDate asOfDay = outcomeDay.addDays(-90);
    test::TempWorkspace workspace;
    std::unique_ptr<Database> db;

private:
    int m_events = 0;
};

} // namespace

class TestBacktest : public QObject
{
    Q_OBJECT

private slots:
    void wilsonMatchesPublishedIntervals()
    {
        // Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I.
        const struct
        {
            qint64 successes, trials;
            double low, high;
        } cases[] = { { 81, 263, 0.2553, 0.3662 },
                      { 15, 148, 0.0624, 0.1605 },
                      { 0, 20, 0.0, 0.1611 },
                      { 1, 29, 0.0061, 0.1718 } };
        for (const auto& c : cases) {
            const stats::Interval i = stats::wilson(c.successes, c.trials);
            QVERIFY2(qAbs(i.low - c.low) < 0.00005, qPrintable(QString::number(i.low)));
            QVERIFY2(qAbs(i.high - c.high) < 0.00005, qPrintable(QString::number(i.high)));
        }
        const stats::Interval none = stats::wilson(0, 0);
        QCOMPARE(none.low, 0.0);
        QCOMPARE(none.high, 1.0);
    }

    void aucCountsPairsAndHalfTies()
    {
        const double low[] = { 1, 2 };
        const double high[] = { 3, 4 };
        QCOMPARE(*stats::rocAuc(low, high), 1.0);
        QCOMPARE(*stats::rocAuc(high, low), 0.0);
        const double a[] = { 1, 3 };
        const double b[] = { 2, 4 };
        QCOMPARE(*stats::rocAuc(a, b), 0.75); // 1<2, 1<4, 3<4; not 3<2
        const double same[] = { 5, 5 };
        QCOMPARE(*stats::rocAuc(same, same), 0.5);
        QVERIFY(!stats::rocAuc({}, b).has_value());

        const QList<stats::RocPoint> curve = stats::rocCurve(a, b);
        QCOMPARE(curve.constFirst().tpr, 0.0);
        QCOMPARE(curve.constLast().fpr, 1.0);
        QCOMPARE(curve.constLast().tpr, 1.0);
        QCOMPARE(curve.size(), 5); // the origin and one point per distinct value
    }

    void cutoffSweepFindsTheSeparatingThreshold()
    {
        const double churned[] = { 0, 1, 2, 3 };
        const double retained[] = { 6, 7, 8, 9 };
        const auto low = stats::bestCutoff(churned, retained, true);
        QVERIFY(low);
        QCOMPARE(low->youdenJ, 1.0);
        QCOMPARE(low->threshold, 4.5); // halfway between 3 and 6
        // Risk on the high side ("days since the last login"): the mirror image.
        const auto high = stats::bestCutoff(retained, churned, false);
        QVERIFY(high);
        QCOMPARE(high->youdenJ, 1.0);
        QCOMPARE(high->threshold, 4.5);
    }

    void aCriterionThatSeparatesChurnGivesAucOne()
    {
        Portfolio portfolio({ { 30, false, true }, { 30, true, false } });
        const BacktestReport report = portfolio.backtest();
        QCOMPARE(report.cases, 60);
        QCOMPARE(report.churned, 30);
        QCOMPARE(report.outcomeCases, 60);
        QVERIFY(report.auc);
        QCOMPARE(*report.auc, 1.0);
        // Every churner was Bad and every Bad one churned.
        QCOMPARE(report.flagBand, QStringLiteral("Bad"));
        QCOMPARE(*report.precision(), 1.0);
        QCOMPARE(*report.recall(), 1.0);
        QCOMPARE(report.perBand.size(), 2);
        QCOMPARE(report.perBand.at(0).key, QStringLiteral("Good"));
        QCOMPARE(report.perBand.at(0).churnRate(), 0.0);
        QCOMPARE(report.perBand.at(1).churnRate(), 1.0);
        QCOMPARE(report.perCriterion.size(), 1);
        const CriterionEvidence& logins = report.perCriterion.constFirst();
        QCOMPARE(*logins.auc, 1.0);
        QVERIFY(logins.suggested);
        QCOMPARE(logins.suggested->youdenJ, 1.0);
        QVERIFY(logins.suggested->threshold > 1 && logins.suggested->threshold < 30);
    }

    void liftIsChurnWhenFailingOverChurnWhenPassing()
    {
        // Failing: 20 of 40 churn (50%); passing: 6 of 60 (10%): lift 5.
        Portfolio portfolio(
            { { 20, false, true }, { 20, false, false }, { 6, true, true }, { 54, true, false } });
        const BacktestReport report = portfolio.backtest();
        const CriterionEvidence& logins = report.perCriterion.constFirst();
        QCOMPARE(logins.failCases, 40);
        QCOMPARE(logins.failChurned, 20);
        QCOMPARE(logins.passCases, 60);
        QCOMPARE(logins.passChurned, 6);
        QVERIFY(logins.lift());
        QCOMPARE(*logins.lift(), 5.0);
        QVERIFY(!logins.tooSmall);
        // AUC: churners are 20 low + 6 high, retained 20 low + 54 high.
        // P(churner < retained) = (20*54 + 0.5*(20*20 + 6*54)) / (26*74)
        QVERIFY(qAbs(*report.auc - (20.0 * 54 + 0.5 * (20 * 20 + 6 * 54)) / (26.0 * 74)) < 1e-12);
        const QJsonObject json = BacktestJson::toObject(report);
        QCOMPARE(json.value(QStringLiteral("auc")).toDouble(), *report.auc);
        QCOMPARE(json.value(QStringLiteral("per_band")).toArray().size(), 2);
        QCOMPARE(json.value(QStringLiteral("per_criterion"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("lift"))
                     .toDouble(),
                 5.0);
    }

    void aTooSmallSampleIsFlagged()
    {
        Portfolio portfolio({ { 3, false, true }, { 3, true, false } });
        QVERIFY(portfolio.backtest().perCriterion.constFirst().tooSmall);
    }

    void noiseGivesAnAucNearOneHalf()
    {
        // Churn independent of activity: 2,000 accounts, activity and churn drawn separately.
        DemoRandom random(7);
        QList<Group> groups;
        for (int i = 0; i < 2000; ++i)
            groups.append({ 1, random.chance(0.5), random.chance(0.3) });
        Portfolio portfolio(groups);
        const BacktestReport report = portfolio.backtest();
        QCOMPARE(report.cases, 2000);
        // The AUC's standard error here is about 0.013: 0.06 is more than four of them.
        QVERIFY2(qAbs(*report.auc - 0.5) < 0.06, qPrintable(QString::number(*report.auc)));
        const CriterionEvidence& logins = report.perCriterion.constFirst();
        QVERIFY(logins.lift());
        QVERIFY2(qAbs(*logins.lift() - 1.0) < 0.25, qPrintable(QString::number(*logins.lift())));
    }

    void eventsAfterTheAsOfDayChangeNothing()
    {
        Portfolio portfolio(
            { { 20, false, true }, { 20, false, false }, { 6, true, true }, { 54, true, false } });
        const QJsonObject before = BacktestJson::toObject(portfolio.backtest());
        // Every account logs in every day after its as-of day, up to today.
        QList<Event> later;
        for (int n = 0; n < 100; ++n) {
            for (QDate day = portfolio.asOfDay.addDays(1); day <= kToday; day = day.addDays(1))
                later << portfolio.login(QStringLiteral("A%1").arg(n, 4, 10, QLatin1Char('0')), day);
        }
        QVERIFY(portfolio.append(later));
        portfolio.score();
        const QJsonObject after = BacktestJson::toObject(portfolio.backtest());
        QCOMPARE(after, before);
        // ...whereas events before it do: the churners who logged in a day earlier would now pass.
        QList<Event> earlier;
        for (int n = 0; n < 20; ++n) {
            for (int d = 1; d <= 5; ++d)
                earlier << portfolio.login(QStringLiteral("A%1").arg(n, 4, 10, QLatin1Char('0')),
                                           portfolio.asOfDay.addDays(-d));
        }
        QVERIFY(portfolio.append(earlier));
        portfolio.score();
        QVERIFY(BacktestJson::toObject(portfolio.backtest()) != before);
    }

    void theBaselineIsAccountsWithoutChurnAsOfHorizonBeforeToday()
    {
        Portfolio portfolio({ { 10, false, true }, { 10, true, false } });
        // Ten more accounts with no outcome: they enter as the retained baseline.
        QList<Account> quiet;
        for (int i = 0; i < 10; ++i) {
            Account a;
            a.id = QStringLiteral("Q%1").arg(i);
            a.name = a.id;
            a.signupDate = kToday.addDays(-400);
            quiet << a;
        }
        QVERIFY(AccountStore(*portfolio.db).upsert(quiet).ok());
        portfolio.score();
        const BacktestReport report = portfolio.backtest(60, true);
        QCOMPARE(report.outcomeCases, 20);
        QCOMPARE(report.cases, 30 + 10); // renewed accounts also enter the baseline at today - 60
        QCOMPARE(report.churned, 10);

        BacktestOptions options;
        options.today = kToday;
        options.horizonDays = 60;
        options.baselineLimit = 4;
        options.baseline = true;
        const auto sampled = Backtest(*portfolio.db).run({ rules() }, options);
        QVERIFY(sampled.ok());
        QCOMPARE(sampled->constFirst().cases - sampled->constFirst().outcomeCases, 4);
    }

    void outcomesBeforeAnyHistoryAreSkipped()
    {
        Portfolio portfolio({ { 5, true, true } });
        BacktestOptions options;
        options.today = kToday;
        options.horizonDays = 500; // before signup and before any event
        const auto reports = Backtest(*portfolio.db).run({ rules() }, options);
        QVERIFY(reports.ok());
        QCOMPARE(reports->constFirst().cases, 0);
        QCOMPARE(reports->constFirst().skipped, 5);
        QCOMPARE(reports->constFirst().skippedNoStart, 0); // they have a start, only a later one
    }

    // A first day's workspace: a CRM export of accounts and their outcomes, no usage at all.
    // History starts at the signup date, so the outcomes become cases; without signup dates they
    // cannot, and the report says so in words.
    void aWorkspaceWithoutEventsStartsAtSignupDates()
    {
        auto crmOnly = [](bool signupDates, test::TempWorkspace& workspace) {
            std::unique_ptr<Database> db = workspace.open();
            if (!WorkspaceSettings(*db).setTimeZone("UTC")
                || !SourceStore(*db).ensure(QStringLiteral("crm"), QStringLiteral("csv")))
                qFatal("cannot set up the workspace");
            QList<Account> accounts;
            QList<Outcome> outcomes;
            for (int i = 0; i < 12; ++i) {
                Account account;
                account.id = QStringLiteral("C%1").arg(i);
                account.name = account.id;
                if (signupDates)
                    account.signupDate = kToday.addDays(-500 + i);
                accounts << account;
                Outcome outcome;
                outcome.accountId = account.id;
                outcome.kind = i % 3 == 0 ? Outcome::Kind::Churned : Outcome::Kind::Renewed;
                outcome.date = kToday.addDays(-20 - 10 * i);
                outcome.source = QStringLiteral("crm");
                outcome.externalId = account.id;
                outcomes << outcome;
            }
            if (!AccountStore(*db).upsert(accounts) || !AccountStore(*db).addOutcomes(outcomes))
                qFatal("cannot fill the workspace");
            ScoringEngine::Options scoring;
            scoring.today = kToday;
            if (!ScoringEngine(*db, scoring).run())
                qFatal("scoring failed");
            BacktestOptions options;
            options.today = kToday;
            const auto reports = Backtest(*db).run({ rules() }, options);
            if (!reports)
                qFatal("%s", qPrintable(reports.error()));
            return reports->constFirst();
        };

        test::TempWorkspace withSignups;
        const BacktestReport started = crmOnly(true, withSignups);
        QCOMPARE(started.outcomeCases, 12);
        QCOMPARE(started.churned, 4);
        QCOMPARE(started.skipped, 0);
        QCOMPARE(started.skippedNoStart, 0);
        QVERIFY(started.skippedNoStartMessage().isEmpty());
        QVERIFY(BacktestJson::toObject(started).value(QStringLiteral("warnings")).toArray().isEmpty());

        test::TempWorkspace withoutSignups;
        const BacktestReport none = crmOnly(false, withoutSignups);
        QCOMPARE(none.cases, 0);
        QCOMPARE(none.skipped, 12);
        QCOMPARE(none.skippedNoStart, 12);
        QCOMPARE(none.skippedNoStartMessage(),
                 QStringLiteral("12 outcomes skipped: their accounts have no events and no signup date; "
                                "import signup dates, see docs/import.md"));
        const QJsonObject json = BacktestJson::toObject(none);
        QCOMPARE(json.value(QStringLiteral("skipped_no_events_no_signup")).toInteger(), 12);
        QCOMPARE(json.value(QStringLiteral("warnings")).toArray(),
                 QJsonArray { none.skippedNoStartMessage() });
    }

    void twoRuleSetsRunOnTheSameCases()
    {
        Portfolio portfolio({ { 30, false, true }, { 30, true, false } });
        RuleSet strict = rules();
        strict.name = QStringLiteral("strict");
        strict.stages[0].criteria[0].scoring.pass.value = 100.0; // nobody passes: no separation
        BacktestOptions options;
        options.today = kToday;
        options.baseline = false;
        const auto reports = Backtest(*portfolio.db).run({ rules(), strict }, options);
        QVERIFY(reports.ok());
        QCOMPARE(reports->size(), 2);
        QCOMPARE(reports->at(0).cases, reports->at(1).cases);
        QCOMPARE(*reports->at(0).auc, 1.0);
        QCOMPARE(*reports->at(1).auc, 0.5);
        QCOMPARE(reports->at(1).rulesName, QStringLiteral("strict"));
    }

    // The preview evaluates the candidate as of today and counts who would move.
    void previewCountsAccountsThatWouldMove()
    {
        Portfolio portfolio({ { 30, false, true }, { 30, true, false } });
        // Today nobody has logged in for 120 days: all Bad under the active rules.
        const auto same = RulePreview::run(*portfolio.db, rules(), kToday);
        QVERIFY(same.ok());
        QCOMPARE(same->accounts, 60);
        QCOMPARE(same->bandChanges, 0);
        QCOMPARE(same->stageChanges, 0);
        RuleSet lenient = rules();
        lenient.stages[0].criteria[0].scoring.pass.value = 0.0; // ">= 0 logins" passes everyone
        const auto moved = RulePreview::run(*portfolio.db, lenient, kToday, 5);
        QVERIFY(moved.ok());
        QCOMPARE(moved->bandChanges, 60);
        QCOMPARE(moved->bandMoves.value({ QStringLiteral("Bad"), QStringLiteral("Good") }), 60);
        QCOMPARE(moved->examples.size(), 5);
        QCOMPARE(moved->examples.constFirst().toBand, QStringLiteral("Good"));
    }

    void theWorkerReportsBySignalAndCancels()
    {
        Portfolio portfolio({ { 30, false, true }, { 30, true, false } });
        BacktestWorker worker(portfolio.workspace.path());
        QSignalSpy finished(&worker, &BacktestWorker::finished);
        QSignalSpy failed(&worker, &BacktestWorker::failed);
        BacktestOptions options;
        options.today = kToday;
        options.baseline = false;
        worker.start({ rules() }, options);
        // The spies hear the worker thread directly: the signal may come before wait() starts.
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
        QCOMPARE(failed.count(), 0);
        const auto reports = finished.at(0).at(0).value<QList<BacktestReport>>();
        QCOMPARE(*reports.constFirst().auc, 1.0);

        options.horizonDays = 0;
        worker.start({ rules() }, options);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 10000);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("horizon")));
    }
};

QTEST_GUILESS_MAIN(TestBacktest)
#include "TestBacktest.moc"
