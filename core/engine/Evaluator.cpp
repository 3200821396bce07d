#include "engine/Evaluator.h"

#include "engine/DayClock.h"
#include "rules/RuleSetJson.h"

#include <QJsonValue>

#include <cmath>

namespace tenure {

namespace {

QVariant accountField(const Account& account, const QString& field)
{
    if (field == QLatin1String("id"))
        return account.id;
    if (field == QLatin1String("name"))
        return account.name;
    if (field == QLatin1String("owner"))
        return account.owner;
    if (field == QLatin1String("plan"))
        return account.plan;
    if (field == QLatin1String("currency"))
        return account.currency;
    if (field == QLatin1String("arr"))
        return account.arr ? QVariant(*account.arr) : QVariant();
    if (field == QLatin1String("seats"))
        return account.seats ? QVariant(double(*account.seats)) : QVariant();
    if (field.startsWith(QLatin1String("attributes."))) {
        const QJsonValue value = account.attributes.value(field.mid(11));
        if (value.isBool())
            return value.toBool();
        if (value.isDouble())
            return value.toDouble();
        if (value.isString())
            return value.toString();
    }
    return {};
}

// Renewal dates recur yearly: as of a past day, the renewal that mattered is the anniversary
// of the stored date that came next after that day.
QDate renewalAsOf(const QDate& renewal, const QDate& asOf)
{
    QDate date = renewal;
    while (date.addYears(-1) >= asOf)
        date = date.addYears(-1);
    return date;
}

// A threshold's figure, a negative one with the minus sign (U+2212), as observed values are shown.
QString number(double value)
{
    QString text = QString::number(value, 'g', 6);
    if (text.startsWith(u'-'))
        text[0] = QChar(0x2212);
    return text;
}

} // namespace

Evaluator::Evaluator(RuleSet rules)
    : m_rules(std::move(rules))
{
    for (const Stage& stage : m_rules.stages) {
        for (const HealthCriterion& criterion : stage.criteria)
            m_thresholds.insert(stage.id + QLatin1Char('/') + criterion.id, describe(criterion.scoring));
    }
}

QVariant Evaluator::measure(const Measure& measure, const Account& account, const QList<Outcome>& outcomes,
                            const AccountActivity& activity, int day)
{
    const int window = measure.windowDays;
    auto perSeat = [&](double value) -> QVariant {
        if (!measure.perSeat)
            return value;
        if (!account.seats || *account.seats <= 0)
            return {};
        return value / *account.seats;
    };
    switch (measure.kind) {
    case Measure::Kind::EventCount:
        return perSeat(activity.sum(measure.events, day - window + 1, day));
    case Measure::Kind::ActiveUsers:
        return perSeat(activity.distinctUsers(day - window + 1, day));
    case Measure::Kind::DaysSinceEvent: {
        const auto last = activity.lastDay(measure.events, day);
        return last ? QVariant(double(day - *last)) : QVariant();
    }
    case Measure::Kind::DaysUntilDate:
    case Measure::Kind::DaysSinceDate: {
        QDate date
            = measure.field == QLatin1String("renewal_date") ? account.renewalDate : account.signupDate;
        if (!date.isValid())
            return {};
        const QDate asOf = DayClock::date(day);
        if (measure.field == QLatin1String("renewal_date"))
            date = renewalAsOf(date, asOf);
        const qint64 until = asOf.daysTo(date);
        return double(measure.kind == Measure::Kind::DaysUntilDate ? until : -until);
    }
    case Measure::Kind::AccountField:
        return accountField(account, measure.field);
    case Measure::Kind::Trend: {
        const double current = activity.sum(measure.events, day - window + 1, day);
        const double previous = activity.sum(measure.events, day - 2 * window + 1, day - window);
        if (previous == 0)
            // From nothing to something counts as +100%; no activity in either window is no trend at all
            // (giving it "0% change" would reward accounts that have gone silent).
            return current == 0 ? QVariant() : QVariant(100.0);
        return (current - previous) / previous * 100.0;
    }
    case Measure::Kind::DaysSinceOutcome: {
        const QDate asOf = DayClock::date(day);
        std::optional<qint64> since;
        for (const Outcome& outcome : outcomes) {
            if (outcome.kind == measure.outcome && outcome.date <= asOf) {
                const qint64 days = outcome.date.daysTo(asOf);
                if (!since || days < *since)
                    since = days;
            }
        }
        return since ? QVariant(double(*since)) : QVariant();
    }
    }
    return {};
}

bool Evaluator::holds(const Comparison& comparison, const QVariant& observed)
{
    if (!observed.isValid())
        return false;
    using Op = Comparison::Op;
    if (comparison.value.typeId() == QMetaType::QString || observed.typeId() == QMetaType::QString) {
        const bool equal = observed.toString().compare(comparison.value.toString(), Qt::CaseInsensitive) == 0;
        return comparison.op == Op::Equal ? equal : comparison.op == Op::NotEqual ? !equal : false;
    }
    const double left
        = observed.typeId() == QMetaType::Bool ? double(observed.toBool()) : observed.toDouble();
    const double right = comparison.value.typeId() == QMetaType::Bool ? double(comparison.value.toBool())
                                                                      : comparison.value.toDouble();
    switch (comparison.op) {
    case Op::AtLeast:
        return left >= right;
    case Op::AtMost:
        return left <= right;
    case Op::Greater:
        return left > right;
    case Op::Less:
        return left < right;
    case Op::Equal:
        return left == right;
    case Op::NotEqual:
        return left != right;
    }
    return false;
}

double Evaluator::share(const Scoring& scoring, const QVariant& observed)
{
    switch (scoring.mode) {
    case Scoring::Mode::Pass:
        return holds(scoring.pass, observed) ? 1.0 : 0.0;
    case Scoring::Mode::Linear: {
        if (!observed.isValid())
            return 0;
        return graded(scoring, observed.toDouble());
    }
    case Scoring::Mode::Tiers:
        return observed.isValid() ? graded(scoring, observed.toDouble()) : 0;
    }
    return 0;
}

double Evaluator::graded(const Scoring& scoring, double value)
{
    if (scoring.mode == Scoring::Mode::Linear)
        return std::clamp((value - scoring.zeroAt) / (scoring.fullAt - scoring.zeroAt), 0.0, 1.0);
    double share = 0;
    for (const Scoring::Tier& tier : scoring.tiers) {
        if (value >= tier.from)
            share = tier.share;
    }
    return share;
}

QString Evaluator::describe(const Scoring& scoring)
{
    switch (scoring.mode) {
    case Scoring::Mode::Pass:
        return RuleSetJson::opName(scoring.pass.op) + QLatin1Char(' ')
            + (scoring.pass.value.typeId() == QMetaType::Double ? number(scoring.pass.value.toDouble())
                                                                : scoring.pass.value.toString());
    case Scoring::Mode::Linear:
        return QStringLiteral("%1 → %2").arg(number(scoring.zeroAt), number(scoring.fullAt));
    case Scoring::Mode::Tiers: {
        QStringList tiers;
        for (const Scoring::Tier& tier : scoring.tiers)
            tiers << QStringLiteral("%1+: %2%").arg(number(tier.from), number(tier.share * 100));
        return tiers.join(QStringLiteral(", "));
    }
    }
    return {};
}

QString Evaluator::bandFor(double score) const
{
    for (const Band& band : m_rules.bands) {
        if (score >= band.minScore)
            return band.name;
    }
    return m_rules.bands.isEmpty() ? QString() : m_rules.bands.constLast().name;
}

bool Evaluator::holds(const Condition& condition, const Account& account, const QList<Outcome>& outcomes,
                      const AccountActivity& activity, int day) const
{
    switch (condition.type) {
    case Condition::Type::Leaf:
        return holds(condition.comparison, measure(condition.measure, account, outcomes, activity, day));
    case Condition::Type::All:
        return std::all_of(condition.children.begin(), condition.children.end(), [&](const Condition& child) {
            return holds(child, account, outcomes, activity, day);
        });
    case Condition::Type::Any:
        return std::any_of(condition.children.begin(), condition.children.end(), [&](const Condition& child) {
            return holds(child, account, outcomes, activity, day);
        });
    }
    return false;
}

AccountStatus Evaluator::evaluate(const Account& account, const QList<Outcome>& outcomes,
                                  const AccountActivity& activity, int day, Detail detail) const
{
    AccountStatus status;
    status.accountId = account.id;
    status.day = day;
    const Stage* stage = nullptr;
    for (const Stage& candidate : m_rules.stages) {
        if (!candidate.when || holds(*candidate.when, account, outcomes, activity, day)) {
            stage = &candidate;
            break;
        }
    }
    if (!stage)
        stage = &m_rules.stages.constLast(); // validation guarantees a catch-all in practice
    status.stage = stage->id;
    if (stage->criteria.isEmpty())
        return status;

    double earned = 0;
    double possible = 0;
    const bool full = detail == Detail::Full;
    if (full)
        status.breakdown.reserve(stage->criteria.size());
    for (const HealthCriterion& criterion : stage->criteria) {
        const QVariant observed = measure(criterion.measure, account, outcomes, activity, day);
        const double points = criterion.weight * share(criterion.scoring, observed);
        earned += points;
        possible += criterion.weight;
        if (full) {
            status.breakdown.append({ criterion.id, criterion.label, observed,
                                      m_thresholds.value(stage->id + QLatin1Char('/') + criterion.id), points,
                                      criterion.weight });
        }
    }
    // One decimal, so that a score shown as 70.0 is in the band that starts at 70.
    status.score = std::round(earned / possible * 1000.0) / 10.0;
    status.band = bandFor(*status.score);
    return status;
}

} // namespace tenure
