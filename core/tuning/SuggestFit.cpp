#include "tuning/SuggestFit.h"

#include "engine/Evaluator.h"
#include "tuning/Logistic.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace tenure::suggest {

namespace {

double quantile(std::vector<double> sorted, double q)
{
    if (sorted.empty())
        return 0;
    const double position = q * double(sorted.size() - 1);
    return sorted[size_t(std::floor(position))];
}

// Two numbers as a person would write them, still different from each other.
std::pair<double, double> roundedPair(double a, double b)
{
    for (int digits = 2; digits <= 4; ++digits) {
        const double ra = SuggestFeatures::round(a, digits);
        const double rb = SuggestFeatures::round(b, digits);
        if (ra != rb)
            return { ra, rb };
    }
    return { a, b };
}

} // namespace

Fit::Fit(const CaseTable& table, const QList<CandidateMeasure>& measures, const std::vector<Column>& columns,
         const SuggestOptions& options, const RuleSet& active)
    : m_table(table)
    , m_measures(measures)
    , m_columns(columns)
    , m_settings(options)
    , m_active(active)
{
    for (size_t i = 0; i < table.cases.size(); ++i)
        if (!table.holdout[i])
            m_order.push_back(i);
    m_training = m_order.size();
    for (size_t i = 0; i < table.cases.size(); ++i)
        if (table.holdout[i])
            m_order.push_back(i);
    for (size_t k = 0; k < m_training; ++k)
        m_y.push_back(table.cases[m_order[k]].churned);

    for (qsizetype m = 0; m < measures.size(); ++m) {
        switch (measures[m].type) {
        case CandidateMeasure::Type::Number:
            addNumber(int(m), columns[size_t(m)]);
            break;
        case CandidateMeasure::Type::Text:
            addText(int(m), columns[size_t(m)]);
            break;
        case CandidateMeasure::Type::Boolean:
            addBoolean(int(m), columns[size_t(m)]);
            break;
        }
    }
    std::vector<size_t> all(m_training);
    for (size_t k = 0; k < m_training; ++k)
        all[k] = k;
    m_pooled = select(all);
    if (m_pooled.options.empty())
        return;
    // A stage of its own where it has the cases for it and the whole ranks better for it.
    for (qsizetype stage = 0; stage < active.stages.size(); ++stage) {
        std::vector<size_t> rows;
        qint64 churned = 0;
        for (size_t k = 0; k < m_training; ++k) {
            if (table.stage[m_order[k]] == int(stage)) {
                rows.push_back(k);
                churned += m_y[k];
            }
        }
        const qint64 retained = qint64(rows.size()) - churned;
        if (rows.size() == m_training || churned < 2 * m_settings.minTrainingChurned
            || retained < 2 * m_settings.minTrainingChurned)
            continue;
        const Selection own = select(rows);
        if (!own.options.empty() && trainingAuc(int(stage), &own) >= trainingAuc() + 0.01)
            m_perStage.insert(int(stage), own);
    }
}

void Fit::addNumber(int measure, const Column& column)
{
    std::vector<double> churned;
    std::vector<double> retained;
    std::vector<double> all;
    for (size_t k = 0; k < m_training; ++k) {
        const double v = column.values[m_order[k]];
        if (std::isnan(v))
            continue;
        (m_y[k] ? churned : retained).push_back(v);
        all.push_back(v);
    }
    const std::optional<double> auc = stats::rocAuc(churned, retained);
    if (!auc)
        return;
    const bool lowFlags = *auc >= 0.5; // low values are the risky ones
    std::sort(all.begin(), all.end());
    // A ramp over the bulk of the values: no points at the risky end, full at the other.
    const auto [low, high] = roundedPair(quantile(all, 0.05), quantile(all, 0.95));
    if (low != high) {
        Option linear;
        linear.measure = measure;
        linear.scoring.mode = Scoring::Mode::Linear;
        linear.scoring.zeroAt = lowFlags ? low : high;
        linear.scoring.fullAt = lowFlags ? high : low;
        add(std::move(linear));
    }
    // A cut-off: pass or fail, where it separates churned from retained best.
    if (const std::optional<stats::Cutoff> cut = stats::bestCutoff(churned, retained, lowFlags)) {
        Option pass;
        pass.measure = measure;
        pass.scoring.mode = Scoring::Mode::Pass;
        pass.scoring.pass.op = lowFlags ? Comparison::Op::AtLeast : Comparison::Op::AtMost;
        pass.scoring.pass.value = SuggestFeatures::round(cut->threshold);
        add(std::move(pass));
    }
}

void Fit::addText(int measure, const Column& column)
{
    const qsizetype levels = column.levels.size();
    std::vector<qint64> cases(size_t(levels), 0);
    std::vector<qint64> churned(size_t(levels), 0);
    qint64 totalChurned = 0;
    for (size_t k = 0; k < m_training; ++k) {
        totalChurned += m_y[k];
        const double v = column.values[m_order[k]];
        if (std::isnan(v))
            continue;
        cases[size_t(v)] += 1;
        churned[size_t(v)] += m_y[k];
    }
    const qint64 minCases = std::max<qint64>(10, qint64(m_training) / 100);
    for (qsizetype level = 0; level < levels; ++level) {
        const qint64 in = cases[size_t(level)];
        const qint64 out = qint64(m_training) - in;
        if (in < minCases || out < minCases)
            continue;
        const double rateIn = double(churned[size_t(level)]) / double(in);
        const double rateOut = double(totalChurned - churned[size_t(level)]) / double(out);
        Option option;
        option.measure = measure;
        option.scoring.mode = Scoring::Mode::Pass;
        option.scoring.pass.op = rateIn > rateOut ? Comparison::Op::NotEqual : Comparison::Op::Equal;
        option.scoring.pass.value = column.levels.at(level);
        add(std::move(option));
    }
}

void Fit::addBoolean(int measure, const Column& column)
{
    qint64 trueCases = 0;
    qint64 trueChurned = 0;
    qint64 falseCases = 0;
    qint64 falseChurned = 0;
    for (size_t k = 0; k < m_training; ++k) {
        const double v = column.values[m_order[k]];
        if (std::isnan(v))
            continue;
        (v != 0 ? trueCases : falseCases) += 1;
        (v != 0 ? trueChurned : falseChurned) += m_y[k];
    }
    if (!trueCases || !falseCases)
        return;
    Option option;
    option.measure = measure;
    option.scoring.mode = Scoring::Mode::Pass;
    option.scoring.pass.op = Comparison::Op::Equal;
    option.scoring.pass.value
        = double(trueChurned) / double(trueCases) <= double(falseChurned) / double(falseCases);
    add(std::move(option));
}

void Fit::add(Option option)
{
    ++m_tried;
    const CandidateMeasure& measure = m_measures[option.measure];
    if (std::any_of(m_excluded.begin(), m_excluded.end(),
                    [&](const ExcludedCandidate& e) { return e.label == measure.label; }))
        return; // another of the field's values gave it away: the field is left out whole
    const Column& column = m_columns[size_t(option.measure)];
    option.risk.resize(m_order.size());
    std::vector<double> churnedShares;
    std::vector<double> retainedShares;
    for (size_t k = 0; k < m_order.size(); ++k) {
        const double share = Evaluator::share(option.scoring, column.observed(m_order[k], measure.type));
        option.risk[k] = float(1 - share);
        if (k >= m_training)
            continue;
        (m_y[k] ? churnedShares : retainedShares).push_back(share);
        if (share >= 0.5) {
            ++option.passCases;
            option.passChurned += m_y[k];
        } else {
            ++option.failCases;
            option.failChurned += m_y[k];
        }
    }
    option.auc = stats::rocAuc(churnedShares, retainedShares).value_or(0.5);
    if (option.auc < 0.55)
        return; // no better than a coin on the very cases it was cut on
    // Master data is as it is today: held against whether the account has churned by today, a
    // field written after the outcome (a churn reason, a status) separates almost perfectly.
    double hindsight = 0.5;
    if (measure.fromMasterData) {
        std::vector<double> churnedAccounts;
        std::vector<double> otherAccounts;
        for (size_t k = 0; k < m_order.size(); ++k)
            (m_table.accountChurned[m_order[k]] ? churnedAccounts : otherAccounts)
                .push_back(1 - option.risk[k]);
        hindsight = stats::rocAuc(churnedAccounts, otherAccounts).value_or(0.5);
    }
    if (measure.fromMasterData && hindsight >= m_settings.leakAuc) {
        const QString reason = tr("alone, it tells the accounts that have churned from the others almost "
                                  "perfectly (ROC AUC %1). "
                                  "Account fields are not replayed as of a past day: one that does this "
                                  "was most likely written after the outcome (a churn reason, a status).")
                                   .arg(QLocale().toString(hindsight, 'f', 3));
        // The whole field, not this value alone: its other values ("== healthy" where
        // "== churning" gave it away) carry the same hindsight, only less of it.
        m_excluded.append({ measure.label, reason });
        std::erase_if(m_options, [&](const Option& kept) { return kept.measure == option.measure; });
        return;
    }
    m_options.push_back(std::move(option));
}

Fit::Selection Fit::select(const std::vector<size_t>& rows) const
{
    // The options' risks and the labels on these rows, side by side.
    std::vector<std::vector<float>> risks(m_options.size());
    for (size_t o = 0; o < m_options.size(); ++o) {
        risks[o].reserve(rows.size());
        for (size_t k : rows)
            risks[o].push_back(m_options[o].risk[k]);
    }
    std::vector<bool> y;
    y.reserve(rows.size());
    for (size_t k : rows)
        y.push_back(m_y[k]);
    auto column = [&](size_t option) { return std::span<const float>(risks[option]); };

    Selection selection;
    std::vector<std::span<const float>> columns;
    stats::Logistic model(columns, y);
    std::vector<bool> usedMeasure(size_t(m_measures.size()), false);
    while (int(selection.options.size()) < m_settings.maxPerStage) {
        std::vector<std::pair<double, size_t>> ranked;
        for (size_t o = 0; o < m_options.size(); ++o) {
            if (usedMeasure[size_t(m_options[o].measure)])
                continue;
            if (model.score(column(o)) <= 0)
                continue; // more risk, less churn: not a health criterion
            ranked.push_back({ model.scoreStatistic(column(o)), o });
        }
        std::sort(ranked.begin(), ranked.end(), std::greater<>());
        bool added = false;
        for (size_t r = 0; r < ranked.size() && r < 5 && !added; ++r) {
            if (ranked[r].first < m_settings.minScoreStatistic)
                break;
            std::vector<std::span<const float>> trial = columns;
            trial.push_back(column(ranked[r].second));
            stats::Logistic next(trial, y);
            bool positive = true;
            for (size_t j = 0; j < trial.size(); ++j)
                positive &= next.coefficient(j) > 0;
            if (!positive)
                continue;
            columns = std::move(trial);
            selection.options.push_back(ranked[r].second);
            usedMeasure[size_t(m_options[ranked[r].second].measure)] = true;
            model = std::move(next);
            added = true;
        }
        if (!added)
            break;
    }
    double sum = 0;
    for (size_t j = 0; j < selection.options.size(); ++j) {
        selection.coefficients.push_back(model.coefficient(j));
        sum += model.coefficient(j);
    }
    for (double c : selection.coefficients)
        selection.weights.push_back(std::max(1, int(std::lround(c / sum * 100))));
    return selection;
}

const Fit::Selection& Fit::selectionFor(int stage) const
{
    const auto it = m_perStage.constFind(stage);
    return it == m_perStage.constEnd() ? m_pooled : *it;
}

double Fit::score(const Selection& selection, size_t k) const
{
    double earned = 0;
    double possible = 0;
    for (size_t j = 0; j < selection.options.size(); ++j) {
        earned += selection.weights[j] * (1 - double(m_options[selection.options[j]].risk[k]));
        possible += selection.weights[j];
    }
    // As Evaluator::evaluate() rounds it.
    return possible > 0 ? std::round(earned / possible * 1000.0) / 10.0 : 0;
}

double Fit::trainingAuc(int stage, const Selection* selection) const
{
    std::vector<double> churned;
    std::vector<double> retained;
    for (size_t k = 0; k < m_training; ++k) {
        const int own = m_table.stage[m_order[k]];
        const Selection& s = own == stage && selection ? *selection : selectionFor(own);
        (m_y[k] ? churned : retained).push_back(score(s, k));
    }
    return stats::rocAuc(churned, retained).value_or(0.5);
}

std::vector<double> Fit::scores() const
{
    std::vector<double> out(m_order.size(), 0);
    for (size_t k = 0; k < m_order.size(); ++k)
        out[m_order[k]] = score(selectionFor(m_table.stage[m_order[k]]), k);
    return out;
}

QList<SuggestedCriterion> Fit::criteria() const
{
    QList<SuggestedCriterion> out;
    auto describe = [&](const Selection& selection, const QStringList& stages, int stage) {
        for (size_t j = 0; j < selection.options.size(); ++j) {
            const Option& o = m_options[selection.options[j]];
            SuggestedCriterion c;
            c.stage = stages.join(QStringLiteral(", "));
            c.id = QStringLiteral("fit_%1").arg(j + 1);
            c.label = m_measures[o.measure].label;
            c.scoring = Evaluator::describe(o.scoring);
            c.weight = selection.weights[j];
            c.coefficient = selection.coefficients[j];
            // Why, on the training cases it was fitted on (all of them for the shared selection).
            std::vector<double> churnedShares;
            std::vector<double> retainedShares;
            for (size_t k = 0; k < m_training; ++k) {
                if (stage >= 0 && m_table.stage[m_order[k]] != stage)
                    continue;
                const double share = 1 - double(o.risk[k]);
                (m_y[k] ? churnedShares : retainedShares).push_back(share);
                if (share >= 0.5) {
                    ++c.passCases;
                    c.passChurned += m_y[k];
                } else {
                    ++c.failCases;
                    c.failChurned += m_y[k];
                }
            }
            c.trainingAuc = stats::rocAuc(churnedShares, retainedShares).value_or(0.5);
            if (c.passCases && c.failCases && c.passChurned)
                c.lift = (double(c.failChurned) / double(c.failCases))
                    / (double(c.passChurned) / double(c.passCases));
            out.append(c);
        }
    };
    QStringList pooledStages;
    for (qsizetype stage = 0; stage < m_active.stages.size(); ++stage)
        if (!m_active.stages[stage].criteria.isEmpty() && !m_perStage.contains(int(stage)))
            pooledStages << m_active.stages[stage].name;
    if (!pooledStages.isEmpty())
        describe(m_pooled, pooledStages, -1);
    for (qsizetype stage = 0; stage < m_active.stages.size(); ++stage)
        if (m_perStage.contains(int(stage)))
            describe(m_perStage.value(int(stage)), { m_active.stages[stage].name }, int(stage));
    return out;
}

QList<HealthCriterion> Fit::healthCriteria(int stage) const
{
    const Selection& selection = selectionFor(stage);
    QList<HealthCriterion> out;
    for (size_t j = 0; j < selection.options.size(); ++j) {
        const Option& o = m_options[selection.options[j]];
        HealthCriterion c;
        c.id = QStringLiteral("fit_%1").arg(j + 1);
        c.label = m_measures[o.measure].label;
        c.weight = selection.weights[j];
        c.measure = m_measures[o.measure].measure;
        c.scoring = o.scoring;
        out.append(c);
    }
    return out;
}

} // namespace tenure::suggest
