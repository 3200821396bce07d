#include "tuning/SuggestFeatures.h"

#include <QJsonValue>

#include <cmath>
#include <limits>

namespace tenure::suggest {

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

CandidateMeasure make(Measure::Kind kind, const QStringList& events, int window, bool perSeat = false)
{
    CandidateMeasure c;
    c.measure.kind = kind;
    c.measure.events = events;
    c.measure.windowDays = window;
    c.measure.perSeat = perSeat;
    c.label = SuggestFeatures::label(c.measure);
    return c;
}

CandidateMeasure field(const QString& name, CandidateMeasure::Type type)
{
    CandidateMeasure c;
    c.measure.kind = Measure::Kind::AccountField;
    c.measure.field = name;
    c.type = type;
    c.fromMasterData = true;
    c.label = SuggestFeatures::label(c.measure);
    return c;
}

CandidateMeasure date(Measure::Kind kind, const QString& name)
{
    CandidateMeasure c;
    c.measure.kind = kind;
    c.measure.field = name;
    c.fromMasterData = true; // the dates as the CRM has them today
    c.label = SuggestFeatures::label(c.measure);
    return c;
}

} // namespace

void Column::add(const QVariant& observed, CandidateMeasure::Type type)
{
    if (!observed.isValid()) {
        values.push_back(kNone);
        return;
    }
    switch (type) {
    case CandidateMeasure::Type::Number:
        if (observed.typeId() == QMetaType::QString) {
            bool ok = false;
            const double v = observed.toString().toDouble(&ok);
            values.push_back(ok ? v : kNone);
        } else {
            values.push_back(observed.toDouble());
        }
        return;
    case CandidateMeasure::Type::Boolean:
        values.push_back(observed.typeId() == QMetaType::Bool ? double(observed.toBool()) : kNone);
        return;
    case CandidateMeasure::Type::Text: {
        const QString text = observed.toString();
        auto it = index.constFind(text);
        if (it == index.constEnd()) {
            it = index.insert(text, int(levels.size()));
            levels.append(text);
        }
        values.push_back(double(*it));
        return;
    }
    }
}

QVariant Column::observed(size_t i, CandidateMeasure::Type type) const
{
    const double v = values[i];
    if (std::isnan(v))
        return {};
    switch (type) {
    case CandidateMeasure::Type::Number:
        return v;
    case CandidateMeasure::Type::Boolean:
        return v != 0;
    case CandidateMeasure::Type::Text:
        return levels.at(qsizetype(v));
    }
    return {};
}

QList<CandidateMeasure> SuggestFeatures::candidates(const QStringList& eventNames,
                                                    const QList<Account>& accounts)
{
    using K = Measure::Kind;
    QList<CandidateMeasure> out;
    qsizetype withSeats = 0;
    qsizetype withRenewal = 0;
    qsizetype withSignup = 0;
    qsizetype withArr = 0;
    QHash<QString, QHash<int, qsizetype>> attributeTypes; // name -> JSON type -> accounts
    QHash<QString, QSet<QString>> attributeTexts;
    QSet<QString> plans;
    for (const Account& account : accounts) {
        withSeats += account.seats && *account.seats > 0;
        withRenewal += account.renewalDate.isValid();
        withSignup += account.signupDate.isValid();
        withArr += account.arr.has_value();
        if (!account.plan.isEmpty())
            plans.insert(account.plan);
        for (auto it = account.attributes.begin(); it != account.attributes.end(); ++it) {
            const QJsonValue value = it.value();
            if (value.isNull() || value.isUndefined() || value.isArray() || value.isObject())
                continue;
            attributeTypes[it.key()][int(value.type())] += 1;
            if (value.isString() && attributeTexts[it.key()].size() <= 50)
                attributeTexts[it.key()].insert(value.toString());
        }
    }
    const bool perSeat = withSeats * 2 >= accounts.size() && withSeats > 0;
    const bool anyEvents = !eventNames.isEmpty();
    if (anyEvents) {
        out << make(K::EventCount, {}, 30) << make(K::DaysSinceEvent, {}, 30) << make(K::Trend, {}, 30)
            << make(K::ActiveUsers, {}, 30) << make(K::ActiveUsers, {}, 7);
        if (perSeat)
            out << make(K::ActiveUsers, {}, 30, true) << make(K::ActiveUsers, {}, 7, true);
    }
    for (const QString& name : eventNames) {
        out << make(K::EventCount, { name }, 30) << make(K::EventCount, { name }, 90)
            << make(K::Trend, { name }, 30) << make(K::DaysSinceEvent, { name }, 30);
        if (perSeat)
            out << make(K::EventCount, { name }, 30, true);
    }
    if (withRenewal > 0)
        out << date(K::DaysUntilDate, QStringLiteral("renewal_date"));
    if (withSignup > 0)
        out << date(K::DaysSinceDate, QStringLiteral("signup_date"));
    if (withSeats > 0)
        out << field(QStringLiteral("seats"), CandidateMeasure::Type::Number);
    if (withArr > 0)
        out << field(QStringLiteral("arr"), CandidateMeasure::Type::Number);
    if (plans.size() > 1 && plans.size() <= 50)
        out << field(QStringLiteral("plan"), CandidateMeasure::Type::Text);
    QStringList names = attributeTypes.keys();
    names.sort();
    for (const QString& name : names) {
        const QHash<int, qsizetype>& types = attributeTypes.value(name);
        // The type most of its values have; a text attribute with more than 50 values is an id or a note.
        int type = -1;
        qsizetype most = 0;
        for (auto it = types.begin(); it != types.end(); ++it)
            if (it.value() > most)
                type = it.key(), most = it.value();
        if (type == int(QJsonValue::Double))
            out << field(QStringLiteral("attributes.") + name, CandidateMeasure::Type::Number);
        else if (type == int(QJsonValue::Bool))
            out << field(QStringLiteral("attributes.") + name, CandidateMeasure::Type::Boolean);
        else if (type == int(QJsonValue::String) && attributeTexts.value(name).size() > 1
                 && attributeTexts.value(name).size() <= 50)
            out << field(QStringLiteral("attributes.") + name, CandidateMeasure::Type::Text);
    }
    return out;
}

QString SuggestFeatures::label(const Measure& m)
{
    using K = Measure::Kind;
    const QString name = m.events.join(QStringLiteral(", "));
    switch (m.kind) {
    case K::EventCount:
        if (name.isEmpty())
            return m.perSeat ? tr("Events per seat in the last %1 days").arg(m.windowDays)
                             : tr("Events in the last %1 days").arg(m.windowDays);
        return m.perSeat ? tr("“%1” events per seat in the last %2 days").arg(name).arg(m.windowDays)
                         : tr("“%1” events in the last %2 days").arg(name).arg(m.windowDays);
    case K::ActiveUsers:
        return m.perSeat ? tr("Share of seats active in the last %1 days").arg(m.windowDays)
                         : tr("Active users in the last %1 days").arg(m.windowDays);
    case K::DaysSinceEvent:
        return name.isEmpty() ? tr("Days since the last activity")
                              : tr("Days since the last “%1” event").arg(name);
    case K::Trend:
        return name.isEmpty()
            ? tr("Change in activity, last %1 days vs the %1 before (%)").arg(m.windowDays)
            : tr("Change in “%1” events, last %2 days vs the %2 before (%)").arg(name).arg(m.windowDays);
    case K::DaysUntilDate:
        return tr("Days until the renewal");
    case K::DaysSinceDate:
        return tr("Days since signup");
    case K::AccountField:
        return tr("Account field “%1”").arg(m.field);
    case K::DaysSinceOutcome:
        return tr("Days since the last outcome");
    }
    return {};
}

double SuggestFeatures::round(double value, int digits)
{
    if (value == 0 || !std::isfinite(value))
        return value;
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::abs(value))) - (digits - 1));
    return std::round(value / magnitude) * magnitude;
}

} // namespace tenure::suggest
