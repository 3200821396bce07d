#include "engine/DayScorer.h"

#include "engine/DayClock.h"

#include <climits>
#include <cmath>
#include <limits>

namespace tenure {

namespace {
constexpr double kNone = std::numeric_limits<double>::quiet_NaN(); // nothing to measure

// Evaluator::holds() for a measured number (kNone: nothing measured, never holds).
bool compare(const Comparison& comparison, bool textual, double value)
{
    if (std::isnan(value))
        return false;
    if (textual)
        return Evaluator::holds(comparison, value);
    const QVariant& threshold = comparison.value;
    const double right
        = threshold.typeId() == QMetaType::Bool ? double(threshold.toBool()) : threshold.toDouble();
    switch (comparison.op) {
    case Comparison::Op::AtLeast:
        return value >= right;
    case Comparison::Op::AtMost:
        return value <= right;
    case Comparison::Op::Greater:
        return value > right;
    case Comparison::Op::Less:
        return value < right;
    case Comparison::Op::Equal:
        return value == right;
    case Comparison::Op::NotEqual:
        return value != right;
    }
    return false;
}

bool sameMeasure(const Measure& a, const Measure& b)
{
    return a.kind == b.kind && a.events == b.events && a.windowDays == b.windowDays && a.perSeat == b.perSeat
        && a.field == b.field && a.outcome == b.outcome;
}
} // namespace

struct DayScorer::Slot
{
    Measure measure;
    bool constant = false; // an account field: the same every day
    QVariant value; // when constant
    std::vector<double> values; // otherwise, per day of the run; kNone: nothing to measure
};

struct DayScorer::Node
{
    Condition::Type type = Condition::Type::Leaf;
    std::vector<int> children;
    int slot = -1;
    const Comparison* comparison = nullptr;
    bool textual = false; // compared as text: done as Evaluator does it, with a QVariant
    bool constantHolds = false; // per account, when the slot is constant
};

DayScorer::DayScorer(const Evaluator& evaluator)
    : m_evaluator(evaluator)
{
    for (const Stage& stage : evaluator.rules().stages) {
        m_stageWhen.push_back(stage.when ? compile(*stage.when) : -1);
        std::vector<int> measures;
        for (const HealthCriterion& criterion : stage.criteria)
            measures.push_back(slotFor(criterion.measure));
        m_criterionSlots.push_back(std::move(measures));
    }
}

DayScorer::~DayScorer() = default;

int DayScorer::slotFor(const Measure& measure)
{
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        if (sameMeasure(m_slots[i].measure, measure))
            return int(i);
    }
    Slot slot;
    slot.measure = measure;
    slot.constant = measure.kind == Measure::Kind::AccountField;
    m_slots.push_back(std::move(slot));
    return int(m_slots.size() - 1);
}

int DayScorer::compile(const Condition& condition)
{
    Node node;
    node.type = condition.type;
    if (condition.type == Condition::Type::Leaf) {
        node.slot = slotFor(condition.measure);
        node.comparison = &condition.comparison;
        node.textual = condition.comparison.value.typeId() == QMetaType::QString;
    } else {
        for (const Condition& child : condition.children)
            node.children.push_back(compile(child));
    }
    m_nodes.push_back(std::move(node));
    return int(m_nodes.size() - 1);
}

void DayScorer::fill(Slot& slot, const Account& account, const QList<Outcome>& outcomes,
                     const AccountActivity& activity, int first, int last)
{
    const Measure& measure = slot.measure;
    const std::size_t days = std::size_t(last - first + 1);
    if (slot.constant) {
        slot.value = Evaluator::measure(measure, account, outcomes, activity, first);
        return;
    }
    std::vector<double>& values = slot.values;
    values.assign(days, kNone);
    const int window = measure.windowDays;
    auto perSeat = [&]() {
        if (!measure.perSeat)
            return;
        if (!account.seats || *account.seats <= 0) {
            std::fill(values.begin(), values.end(), kNone);
            return;
        }
        for (double& value : values)
            value = value / *account.seats;
    };
    switch (measure.kind) {
    case Measure::Kind::EventCount:
        activity.windowSums(measure.events, window, first, last, values.data());
        perSeat();
        return;
    case Measure::Kind::ActiveUsers:
        m_scratch.resize(days);
        activity.windowUsers(window, first, last, m_scratch.data());
        for (std::size_t i = 0; i < days; ++i)
            values[i] = m_scratch[i];
        perSeat();
        return;
    case Measure::Kind::DaysSinceEvent:
        m_scratch.resize(days);
        activity.lastDays(measure.events, first, last, m_scratch.data());
        for (std::size_t i = 0; i < days; ++i)
            values[i] = m_scratch[i] == INT_MIN ? kNone : double(first + int(i) - m_scratch[i]);
        return;
    case Measure::Kind::DaysUntilDate:
    case Measure::Kind::DaysSinceDate: {
        const bool renewal = measure.field == QLatin1String("renewal_date");
        const QDate date = renewal ? account.renewalDate : account.signupDate;
        if (!date.isValid())
            return;
        // Renewals recur yearly (Evaluator's renewalAsOf): each day takes the stored date moved
        // back a year at a time while it stays on or after that day.
        std::vector<int> anniversaries { DayClock::dayNumber(date) };
        if (renewal) {
            QDate earlier = date;
            while (anniversaries.back() >= first) {
                earlier = earlier.addYears(-1);
                anniversaries.push_back(DayClock::dayNumber(earlier));
            }
        }
        for (int day = first; day <= last; ++day) {
            std::size_t k = 0;
            while (k + 1 < anniversaries.size() && anniversaries[k + 1] >= day)
                ++k;
            const qint64 until = qint64(anniversaries[k]) - day;
            values[std::size_t(day - first)]
                = double(measure.kind == Measure::Kind::DaysUntilDate ? until : -until);
        }
        return;
    }
    case Measure::Kind::AccountField:
        return; // constant
    case Measure::Kind::Trend: {
        // The window before day d is the window of day d - window.
        std::vector<double> sums(days + std::size_t(std::max(window, 0)));
        activity.windowSums(measure.events, window, first - window, last, sums.data());
        for (std::size_t i = 0; i < days; ++i) {
            const double current = sums[i + std::size_t(window)];
            const double previous = sums[i];
            if (previous == 0)
                values[i] = current == 0 ? kNone : 100.0;
            else
                values[i] = (current - previous) / previous * 100.0;
        }
        return;
    }
    case Measure::Kind::DaysSinceOutcome: {
        std::vector<int> dates;
        for (const Outcome& outcome : outcomes) {
            if (outcome.kind == measure.outcome && outcome.date.isValid())
                dates.push_back(DayClock::dayNumber(outcome.date));
        }
        for (int day = first; day <= last; ++day) {
            int latest = INT_MIN;
            for (int date : dates) {
                if (date <= day)
                    latest = std::max(latest, date);
            }
            if (latest != INT_MIN)
                values[std::size_t(day - first)] = double(day - latest);
        }
        return;
    }
    }
}

bool DayScorer::holds(int index, int offset) const
{
    const Node& node = m_nodes[std::size_t(index)];
    switch (node.type) {
    case Condition::Type::Leaf: {
        const Slot& slot = m_slots[std::size_t(node.slot)];
        if (slot.constant)
            return node.constantHolds;
        return compare(*node.comparison, node.textual, slot.values[std::size_t(offset)]);
    }
    case Condition::Type::All:
        for (int child : node.children) {
            if (!holds(child, offset))
                return false;
        }
        return true;
    case Condition::Type::Any:
        for (int child : node.children) {
            if (holds(child, offset))
                return true;
        }
        return false;
    }
    return false;
}

double DayScorer::share(const Scoring& scoring, const Slot& slot, int offset) const
{
    if (slot.constant)
        return Evaluator::share(scoring, slot.value);
    const double value = slot.values[std::size_t(offset)];
    if (std::isnan(value))
        return 0; // as Evaluator::share() of nothing, in every mode
    switch (scoring.mode) {
    case Scoring::Mode::Pass:
        return compare(scoring.pass, scoring.pass.value.typeId() == QMetaType::QString, value) ? 1.0 : 0.0;
    case Scoring::Mode::Linear:
    case Scoring::Mode::Tiers:
        return Evaluator::graded(scoring, value);
    }
    return 0;
}

void DayScorer::score(const Account& account, const QList<Outcome>& outcomes, const AccountActivity& activity,
                      int first, int last, std::vector<DayStatus>& out)
{
    out.clear();
    if (last < first)
        return;
    for (Slot& slot : m_slots)
        fill(slot, account, outcomes, activity, first, last);
    for (Node& node : m_nodes) {
        if (node.type == Condition::Type::Leaf && m_slots[std::size_t(node.slot)].constant)
            node.constantHolds = Evaluator::holds(*node.comparison, m_slots[std::size_t(node.slot)].value);
    }
    const RuleSet& rules = m_evaluator.rules();
    out.reserve(std::size_t(last - first + 1));
    for (int offset = 0; offset <= last - first; ++offset) {
        qsizetype stageIndex = rules.stages.size() - 1; // as Evaluator: the last when none holds
        for (qsizetype s = 0; s < rules.stages.size(); ++s) {
            const int when = m_stageWhen[std::size_t(s)];
            if (when < 0 || holds(when, offset)) {
                stageIndex = s;
                break;
            }
        }
        const Stage& stage = rules.stages.at(stageIndex);
        DayStatus status { stage.id, std::nullopt, QString() };
        if (!stage.criteria.isEmpty()) {
            double earned = 0;
            double possible = 0;
            const std::vector<int>& measures = m_criterionSlots[std::size_t(stageIndex)];
            for (qsizetype c = 0; c < stage.criteria.size(); ++c) {
                const HealthCriterion& criterion = stage.criteria.at(c);
                earned += criterion.weight
                    * share(criterion.scoring, m_slots[std::size_t(measures[std::size_t(c)])], offset);
                possible += criterion.weight;
            }
            status.score = std::round(earned / possible * 1000.0) / 10.0;
            status.band = m_evaluator.bandFor(*status.score);
        }
        out.push_back(std::move(status));
    }
}

} // namespace tenure
