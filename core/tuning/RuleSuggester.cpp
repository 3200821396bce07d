#include "tuning/RuleSuggester.h"

#include "engine/AccountScoring.h"
#include "engine/DayClock.h"
#include "engine/Evaluator.h"
#include "engine/SummaryStore.h"
#include "rules/RuleSetJson.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"
#include "tuning/BacktestCases.h"
#include "tuning/SuggestFeatures.h"
#include "tuning/SuggestFit.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace tenure {

namespace {

using suggest::CandidateMeasure;
using suggest::Column;

// Accounts in a fixed order (by a hash of the id), the same on every run: the first `limit`
// of them are a sample that two runs share.
QList<QString> hashOrder(const QList<Account>& accounts, const std::function<bool(const Account&)>& keep)
{
    QList<QPair<size_t, QString>> ordered;
    for (const Account& account : accounts)
        if (keep(account))
            ordered.append({ qHash(account.id, 0x7e4e), account.id });
    std::sort(ordered.begin(), ordered.end());
    QList<QString> ids;
    ids.reserve(ordered.size());
    for (const auto& [hash, id] : ordered)
        ids.append(id);
    return ids;
}

QSet<QString> sample(const QList<QString>& ordered, int limit)
{
    const qsizetype keep = limit > 0 ? std::min<qsizetype>(limit, ordered.size()) : ordered.size();
    return QSet<QString>(ordered.begin(), ordered.begin() + keep);
}

bool churnedEver(const QList<Outcome>& outcomes)
{
    return std::any_of(outcomes.begin(), outcomes.end(),
                       [](const Outcome& o) { return o.kind == Outcome::Kind::Churned; });
}

} // namespace

QString Suggestion::summary() const
{
    const QLocale locale;
    auto auc = [&](const std::optional<stats::AucEstimate>& e) {
        return e ? RuleSuggester::tr("%1 [95%: %2–%3]")
                       .arg(locale.toString(e->auc, 'f', 3), locale.toString(e->ci95.low, 'f', 3),
                            locale.toString(e->ci95.high, 'f', 3))
                 : QStringLiteral("–");
    };
    if (!suggested)
        return reason;
    return RuleSuggester::tr("Suggested: %n criteria. Checked on the %1 later cases (outcomes after %2, "
                             "%3 churned), their ROC AUC is %4; the active rules' on the same cases: %5.",
                             nullptr, int(criteria.size()))
        .arg(locale.toString(holdoutCases), cutoff.toString(Qt::ISODate), locale.toString(holdoutChurned),
             auc(holdout), auc(activeHoldout));
}

RuleSuggester::RuleSuggester(Database& db)
    : m_db(db)
{
}

Result<Suggestion> RuleSuggester::run(const RuleSet& active, const SuggestOptions& options,
                                      const Progress& progress, const std::atomic_bool* cancel)
{
    if (options.horizonDays <= 0)
        return Error { tr("The horizon must be at least one day (got %1).").arg(options.horizonDays) };
    if (active.stages.isEmpty())
        return Error { tr("The active rules have no stage.") };
    AccountStore accountStore(m_db);
    Result<QList<Account>> accounts = accountStore.all();
    if (!accounts)
        return Error { accounts.error() };
    Result<QHash<QString, QList<Outcome>>> outcomes = accountStore.allOutcomes();
    if (!outcomes)
        return Error { outcomes.error() };
    const int today = options.today ? DayClock::dayNumber(*options.today)
                                    : DayClock::dayNumber(WorkspaceSettings(m_db).today());
    const int horizon = options.horizonDays;

    Suggestion result;
    result.activeName = active.name;
    result.horizonDays = horizon;
    result.today = DayClock::date(today);

    // The cut-off: fit on what was known by then, check on what came after.
    std::vector<int> churnDays;
    for (const QList<Outcome>& own : *outcomes)
        for (const Outcome& o : own)
            if (o.kind == Outcome::Kind::Churned && DayClock::dayNumber(o.date) <= today)
                churnDays.push_back(DayClock::dayNumber(o.date));
    std::sort(churnDays.begin(), churnDays.end());
    const qsizetype needed = qsizetype(options.minTrainingChurned) + options.minHoldoutChurned;
    auto tooFew = [&](const QString& why) {
        result.reason = why + QLatin1Char(' ')
            + tr("A suggestion needs at least %1 churned cases to fit on and %2 later ones to check it on; "
                 "nothing is suggested.")
                  .arg(options.minTrainingChurned)
                  .arg(options.minHoldoutChurned);
        return result;
    };
    if (qsizetype(churnDays.size()) < needed)
        return tooFew(tr("Too few outcomes: %n churn(s) recorded up to %1.", nullptr, int(churnDays.size()))
                          .arg(result.today.toString(Qt::ISODate)));
    int cutoff = 0;
    if (options.cutoff) {
        cutoff = DayClock::dayNumber(*options.cutoff);
    } else {
        const double share = std::clamp(options.holdoutShare, 0.05, 0.95);
        const auto index = qsizetype(std::ceil((1 - share) * double(churnDays.size()))) - 1;
        cutoff = churnDays[size_t(std::clamp<qsizetype>(index, 0, qsizetype(churnDays.size()) - 1))];
    }
    if (cutoff >= today)
        return Error {
            tr("The cut-off must come before today (%1).").arg(result.today.toString(Qt::ISODate))
        };
    result.cutoff = DayClock::date(cutoff);

    // Which event names to try: the most widespread ones, from a fixed sample of accounts.
    SummaryStore summaries(m_db);
    const QList<QString> everyone = hashOrder(*accounts, [](const Account&) { return true; });
    QHash<QString, int> accountsIndex;
    for (qsizetype i = 0; i < accounts->size(); ++i)
        accountsIndex.insert(accounts->at(i).id, int(i));
    QStringList eventNames;
    {
        QHash<QString, int> coverage;
        int withActivity = 0;
        for (qsizetype i = 0; i < everyone.size() && i < 2000; ++i) {
            if (cancel && cancel->load())
                return Error { tr("The suggestion was cancelled.") };
            Result<AccountActivity> activity = summaries.loadActivity(everyone[i]);
            if (!activity)
                return Error { activity.error() };
            if (activity->isEmpty())
                continue;
            ++withActivity;
            for (const QString& name : activity->names())
                coverage[name] += 1;
        }
        QList<QPair<int, QString>> ranked;
        for (auto it = coverage.begin(); it != coverage.end(); ++it)
            if (it.value() * 50 >= withActivity)
                ranked.append({ -it.value(), it.key() });
        std::sort(ranked.begin(), ranked.end());
        for (qsizetype i = 0; i < ranked.size() && i < options.maxEventNames; ++i)
            eventNames << ranked[i].second;
        eventNames.sort();
    }
    const QList<CandidateMeasure> measures = suggest::SuggestFeatures::candidates(eventNames, *accounts);
    std::vector<Column> columns(size_t(measures.size()));

    // Every case: its stage under the active rules, the active score, every candidate's value.
    const QSet<QString> trainingBaseline = sample(everyone, options.baselineLimit);
    const QSet<QString> holdoutBaseline
        = sample(hashOrder(*accounts, [&](const Account& a) { return !churnedEver(outcomes->value(a.id)); }),
                 options.baselineLimit);
    const Evaluator activeEvaluator(active);
    QSet<QString> scoredStages;
    QHash<QString, int> stageIndex;
    for (qsizetype s = 0; s < active.stages.size(); ++s) {
        stageIndex.insert(active.stages[s].id, int(s));
        if (!active.stages[s].criteria.isEmpty())
            scoredStages.insert(active.stages[s].id);
    }
    suggest::CaseTable table;
    const qint64 total = accounts->size();
    for (qint64 i = 0; i < total; ++i) {
        if (cancel && cancel->load())
            return Error { tr("The suggestion was cancelled.") };
        if (progress && (i % 500 == 0 || i + 1 == total))
            progress(i + 1, total);
        const Account& account = accounts->at(i);
        const QList<Outcome> own = outcomes->value(account.id);
        const bool everChurned = std::any_of(own.begin(), own.end(), [&](const Outcome& o) {
            return o.kind == Outcome::Kind::Churned && DayClock::dayNumber(o.date) <= today;
        });
        QList<std::pair<backtest::Case, bool>> cases; // (case, in the holdout)
        for (const backtest::Case& c :
             backtest::casesFor(own, cutoff, horizon, trainingBaseline.contains(account.id)))
            cases.append({ c, false });
        for (const backtest::Case& c :
             backtest::casesFor(own, today, horizon, holdoutBaseline.contains(account.id))) {
            // Outcomes known by the cut-off were fitted on; the baseline as of today never was.
            if (!c.fromOutcome || c.day + horizon > cutoff)
                cases.append({ c, true });
        }
        if (cases.isEmpty())
            continue;
        Result<AccountActivity> activity = summaries.loadActivity(account.id);
        if (!activity)
            return Error { activity.error() };
        const std::optional<int> first = historyStart(account, *activity);
        for (const auto& [c, holdout] : cases) {
            if (!first || c.day < *first)
                continue;
            const AccountStatus status
                = activeEvaluator.evaluate(account, own, *activity, c.day, Evaluator::Detail::ScoreOnly);
            if (!scoredStages.contains(status.stage) || !status.score)
                continue;
            table.cases.push_back({ account.id, c.day, c.churned, std::nullopt, *status.score });
            table.holdout.push_back(holdout);
            table.activeScore.push_back(*status.score);
            table.stage.push_back(stageIndex.value(status.stage));
            table.accountChurned.push_back(everChurned);
            for (qsizetype m = 0; m < measures.size(); ++m)
                columns[size_t(m)].add(
                    Evaluator::measure(measures[m].measure, account, own, *activity, c.day),
                    measures[m].type);
        }
    }
    for (size_t i = 0; i < table.cases.size(); ++i) {
        if (table.holdout[i]) {
            ++result.holdoutCases;
            result.holdoutChurned += table.cases[i].churned;
            result.holdoutList.push_back(table.cases[i]);
        } else {
            ++result.trainingCases;
            result.trainingChurned += table.cases[i].churned;
            result.training.push_back(table.cases[i]);
        }
    }
    const QString when = tr("%1 churned of %2 scored cases up to %3, %4 of %5 after it")
                             .arg(result.trainingChurned)
                             .arg(result.trainingCases)
                             .arg(result.cutoff.toString(Qt::ISODate))
                             .arg(result.holdoutChurned)
                             .arg(result.holdoutCases);
    if (result.trainingChurned < options.minTrainingChurned
        || result.holdoutChurned < options.minHoldoutChurned
        || result.trainingCases - result.trainingChurned < options.minTrainingChurned
        || result.holdoutCases - result.holdoutChurned < options.minHoldoutChurned)
        return tooFew(tr("Too few outcomes with history: %1.").arg(when));

    // Thresholds, selection and weights.
    suggest::Fit fit(table, measures, columns, options, active);
    result.candidates = fit.candidates();
    result.excluded = fit.excluded();
    if (fit.empty()) {
        result.reason = tr("No candidate criterion carries a signal on the training cases (%1): nothing is "
                           "suggested.")
                            .arg(when);
        return result;
    }
    const std::vector<double> scores = fit.scores();
    std::vector<double> trainingChurned;
    std::vector<double> trainingRetained;
    std::vector<double> suggestedHoldout;
    std::vector<double> activeHoldout;
    std::vector<bool> holdoutChurned;
    size_t training = 0;
    size_t holdout = 0;
    for (size_t i = 0; i < table.cases.size(); ++i) {
        (table.holdout[i] ? result.holdoutList[holdout++] : result.training[training++]).score = scores[i];
        if (table.holdout[i]) {
            suggestedHoldout.push_back(scores[i]);
            activeHoldout.push_back(table.activeScore[i]);
            holdoutChurned.push_back(table.cases[i].churned);
        } else {
            (table.cases[i].churned ? trainingChurned : trainingRetained).push_back(scores[i]);
        }
    }
    result.trainingAuc = stats::rocAuc(trainingChurned, trainingRetained);
    if (const auto paired = stats::pairedAuc(suggestedHoldout, activeHoldout, holdoutChurned)) {
        result.holdout = paired->a;
        result.activeHoldout = paired->b;
        result.difference = paired->difference;
        result.differenceCi95 = paired->differenceCi95;
    }
    result.criteria = fit.criteria();
    if (!result.holdout || result.holdout->ci95.low <= 0.5) {
        result.criteria.clear();
        result.reason
            = tr("The holdout cannot tell the fitted criteria from chance: on the %1 later cases (outcomes "
                 "after %2, %3 "
                 "churned) their ROC AUC is %4, 95% interval %5–%6, not above 0.5. Nothing is suggested.")
                  .arg(result.holdoutCases)
                  .arg(result.cutoff.toString(Qt::ISODate))
                  .arg(result.holdoutChurned)
                  .arg(result.holdout ? result.holdout->auc : 0.5, 0, 'f', 3)
                  .arg(result.holdout ? result.holdout->ci95.low : 0, 0, 'f', 3)
                  .arg(result.holdout ? result.holdout->ci95.high : 1, 0, 'f', 3);
        return result;
    }

    if (result.differenceCi95 && result.differenceCi95->high < 0) {
        result.criteria.clear();
        result.reason
            = tr("The active rules rank the later cases better: on the %1 cases after %2 (%3 churned) the "
                 "fitted criteria's ROC AUC is %4, the active rules' %5 (difference %6, 95% interval "
                 "%7 to %8). Keep the active rules; nothing is suggested.")
                  .arg(result.holdoutCases)
                  .arg(result.cutoff.toString(Qt::ISODate))
                  .arg(result.holdoutChurned)
                  .arg(result.holdout->auc, 0, 'f', 3)
                  .arg(result.activeHoldout->auc, 0, 'f', 3)
                  .arg(*result.difference, 0, 'f', 3)
                  .arg(result.differenceCi95->low, 0, 'f', 3)
                  .arg(result.differenceCi95->high, 0, 'f', 3);
        return result;
    }

    // An ordinary rule set: the active stages and bands, the fitted criteria in every scored stage.
    RuleSet rules = active;
    rules.name = tr("Suggested rules (%1 days ahead, fitted on outcomes up to %2)")
                     .arg(horizon)
                     .arg(result.cutoff.toString(Qt::ISODate));
    for (qsizetype s = 0; s < rules.stages.size(); ++s)
        if (!rules.stages[s].criteria.isEmpty())
            rules.stages[s].criteria = fit.healthCriteria(int(s));
    const Result<RuleSet> valid = RuleSetJson::fromObject(RuleSetJson::toObject(rules));
    if (!valid)
        return Error { tr("The suggested rules are not valid: %1").arg(valid.error()) };
    result.rules = valid.value();
    result.suggested = true;
    return result;
}

} // namespace tenure
