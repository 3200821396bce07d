#include "tuning/Backtest.h"

#include "engine/AccountScoring.h"
#include "engine/DayClock.h"
#include "engine/Evaluator.h"
#include "engine/SummaryStore.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"
#include "tuning/BacktestCases.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace tenure {

namespace {

using backtest::Case;

// The direction in which a criterion's observed value is risky, read off its scoring rule; none
// when the rule is not an order (equal to a plan name, say).
std::optional<bool> lowFlags(const Scoring& scoring)
{
    using Op = Comparison::Op;
    switch (scoring.mode) {
    case Scoring::Mode::Pass:
        if (scoring.pass.value.typeId() == QMetaType::QString)
            return std::nullopt;
        switch (scoring.pass.op) {
        case Op::AtLeast:
        case Op::Greater:
            return true;
        case Op::AtMost:
        case Op::Less:
            return false;
        case Op::Equal:
        case Op::NotEqual:
            return std::nullopt;
        }
        return std::nullopt;
    case Scoring::Mode::Linear:
        return scoring.fullAt > scoring.zeroAt;
    case Scoring::Mode::Tiers:
        if (scoring.tiers.size() < 2)
            return std::nullopt;
        return scoring.tiers.constLast().share >= scoring.tiers.constFirst().share;
    }
    return std::nullopt;
}

std::optional<double> numeric(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Int:
    case QMetaType::LongLong:
        return value.toDouble();
    case QMetaType::Bool:
        return value.toBool() ? 1.0 : 0.0;
    default:
        return std::nullopt;
    }
}

// Everything one rule set's evaluations add up to, filled case by case.
class Tally
{
public:
    Tally(const RuleSet& rules, const BacktestOptions& options)
        : evaluator(rules)
        , m_options(options)
    {
        for (const Band& band : rules.bands)
            m_bands.append({ band.name, band.name });
        for (const Stage& stage : rules.stages) {
            m_stages.append({ stage.id, stage.name });
            for (const HealthCriterion& criterion : stage.criteria) {
                Criterion c;
                c.evidence.stage = stage.id;
                c.evidence.stageName = stage.name;
                c.evidence.criterion = criterion.id;
                c.evidence.label = criterion.label;
                c.evidence.threshold = Evaluator::describe(criterion.scoring);
                c.direction = lowFlags(criterion.scoring);
                c.evidence.lowFlags = c.direction.value_or(true);
                m_criterionIndex.insert(stage.id + QLatin1Char('/') + criterion.id, int(m_criteria.size()));
                m_criteria.push_back(std::move(c));
            }
        }
        m_report.rulesName = rules.name;
        m_report.horizonDays = options.horizonDays;
        m_report.flagBand = rules.bands.isEmpty() ? QString() : rules.bands.constLast().name;
    }

    void add(const Account& account, const QList<Outcome>& outcomes, const AccountActivity& activity,
             const Case& c)
    {
        const AccountStatus status = evaluator.evaluate(account, outcomes, activity, c.day);
        ++m_report.cases;
        m_report.churned += c.churned;
        m_report.outcomeCases += c.fromOutcome;
        count(m_stages, status.stage, c);
        if (!status.score)
            return;
        const double score = *status.score;
        ++m_report.scored;
        m_report.scoredChurned += c.churned;
        (c.churned ? m_churnedScores : m_retainedScores).push_back(score);
        (c.churned ? m_report.churnedScores : m_report.retainedScores)[std::min(9, int(score / 10))] += 1;
        count(m_bands, status.band, c);
        if (status.band == m_report.flagBand) {
            ++m_report.flagged;
            m_report.flaggedChurned += c.churned;
        }
        for (const CriterionResult& result : status.breakdown) {
            const auto index = m_criterionIndex.constFind(status.stage + QLatin1Char('/') + result.id);
            if (index == m_criterionIndex.constEnd())
                continue;
            Criterion& criterion = m_criteria[size_t(*index)];
            if (result.earned * 2 >= result.possible) {
                ++criterion.evidence.passCases;
                criterion.evidence.passChurned += c.churned;
            } else {
                ++criterion.evidence.failCases;
                criterion.evidence.failChurned += c.churned;
            }
            if (const std::optional<double> value = numeric(result.observed))
                (c.churned ? criterion.churned : criterion.retained).push_back(*value);
        }
    }

    BacktestReport finish()
    {
        m_report.auc = stats::rocAuc(m_churnedScores, m_retainedScores);
        m_report.roc = stats::rocCurve(m_churnedScores, m_retainedScores);
        m_report.perBand = m_bands;
        m_report.perStage = m_stages;
        for (Criterion& c : m_criteria) {
            CriterionEvidence& e = c.evidence;
            const qint64 churned = e.passChurned + e.failChurned;
            e.tooSmall = e.passCases < m_options.minSample || e.failCases < m_options.minSample
                || churned < m_options.minChurned;
            if (c.direction) {
                if (!*c.direction) {
                    // rocAuc() takes low values as the risky ones: mirror "high is risky".
                    auto negate = [](std::vector<double> values) {
                        for (double& v : values)
                            v = -v;
                        return values;
                    };
                    e.auc = stats::rocAuc(negate(c.churned), negate(c.retained));
                } else {
                    e.auc = stats::rocAuc(c.churned, c.retained);
                }
                e.suggested = stats::bestCutoff(c.churned, c.retained, *c.direction);
            }
            m_report.perCriterion.append(e);
        }
        return m_report;
    }

    const Evaluator evaluator;

private:
    struct Criterion
    {
        CriterionEvidence evidence;
        std::optional<bool> direction;
        std::vector<double> churned;
        std::vector<double> retained;
    };

    static void count(QList<BacktestRate>& rates, const QString& key, const Case& c)
    {
        auto it
            = std::find_if(rates.begin(), rates.end(), [&](const BacktestRate& r) { return r.key == key; });
        if (it == rates.end()) {
            rates.append({ key, key });
            it = rates.end() - 1;
        }
        ++it->cases;
        it->churned += c.churned;
        it->expanded += c.expanded;
    }

    BacktestOptions m_options;
    BacktestReport m_report;
    QList<BacktestRate> m_bands;
    QList<BacktestRate> m_stages;
    std::vector<Criterion> m_criteria;
    QHash<QString, int> m_criterionIndex;
    std::vector<double> m_churnedScores;
    std::vector<double> m_retainedScores;
};

} // namespace

QString BacktestReport::skippedNoStartMessage() const
{
    if (skippedNoStart <= 0)
        return {};
    if (skippedNoStart == 1)
        return Backtest::tr("1 outcome skipped: its account has no events and no signup date; import signup "
                            "dates, see docs/import.md");
    return Backtest::tr(
               "%1 outcomes skipped: their accounts have no events and no signup date; import signup "
               "dates, see docs/import.md")
        .arg(skippedNoStart);
}

Backtest::Backtest(Database& db)
    : m_db(db)
{
}

Result<QList<BacktestReport>> Backtest::run(const QList<RuleSet>& ruleSets, const BacktestOptions& options,
                                            const Progress& progress, const std::atomic_bool* cancel)
{
    if (options.horizonDays <= 0)
        return Error { tr("The horizon must be at least one day (got %1).").arg(options.horizonDays) };
    AccountStore accountStore(m_db);
    Result<QList<Account>> accounts = accountStore.all();
    if (!accounts)
        return Error { accounts.error() };
    Result<QHash<QString, QList<Outcome>>> outcomes = accountStore.allOutcomes();
    if (!outcomes)
        return Error { outcomes.error() };
    const int today = options.today ? DayClock::dayNumber(*options.today)
                                    : DayClock::dayNumber(WorkspaceSettings(m_db).today());

    // The baseline: every account that has not churned, or a fixed sample of them (the same
    // accounts on every run, so that two rule sets or two runs compare like with like).
    QSet<QString> baseline;
    {
        QList<QPair<size_t, QString>> candidates;
        for (const Account& account : *accounts) {
            const QList<Outcome> own = outcomes->value(account.id);
            if (options.baseline && std::none_of(own.begin(), own.end(), [](const Outcome& o) {
                    return o.kind == Outcome::Kind::Churned;
                }))
                candidates.append({ qHash(account.id, 0x7e4e), account.id });
        }
        std::sort(candidates.begin(), candidates.end());
        const qsizetype keep = options.baselineLimit > 0
            ? std::min<qsizetype>(options.baselineLimit, candidates.size())
            : candidates.size();
        for (qsizetype i = 0; i < keep; ++i)
            baseline.insert(candidates[i].second);
    }

    std::vector<std::unique_ptr<Tally>> tallies;
    for (const RuleSet& rules : ruleSets)
        tallies.push_back(std::make_unique<Tally>(rules, options));

    SummaryStore summaries(m_db);
    qint64 skipped = 0;
    qint64 skippedNoStart = 0;
    const qint64 total = accounts->size();
    for (qint64 i = 0; i < total; ++i) {
        if (cancel && cancel->load())
            return Error { tr("The backtest was cancelled.") };
        const Account& account = accounts->at(i);
        const QList<Outcome> own = outcomes->value(account.id);
        const QList<Case> cases
            = backtest::casesFor(own, today, options.horizonDays, baseline.contains(account.id));
        if (cases.isEmpty())
            continue;
        Result<AccountActivity> activity = summaries.loadActivity(account.id);
        if (!activity)
            return Error { activity.error() };
        // An account's history starts at its signup date when it has one, else at its first event;
        // a case before that has nothing to evaluate.
        const std::optional<int> first = historyStart(account, *activity);
        for (const Case& c : cases) {
            if (!first || c.day < *first) {
                skipped += c.fromOutcome;
                skippedNoStart += c.fromOutcome && !first;
                continue;
            }
            for (auto& tally : tallies)
                tally->add(account, own, *activity, c);
        }
        if (progress && (i % 1000 == 0 || i + 1 == total))
            progress(i + 1, total);
    }

    QList<BacktestReport> reports;
    for (auto& tally : tallies) {
        BacktestReport report = tally->finish();
        report.today = DayClock::date(today);
        report.skipped = skipped;
        report.skippedNoStart = skippedNoStart;
        reports.append(std::move(report));
    }
    return reports;
}

} // namespace tenure
