#pragma once

#include "domain/Outcome.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace tenure {

// What a criterion looks at in an account's behaviour or data, as of a day.
struct Measure
{
    enum class Kind {
        EventCount, // sum of the quantity of events named `events` (any when empty) in the last window_days
        ActiveUsers, // distinct users in the last window_days, or that number per seat
        DaysSinceEvent, // days since the last event named `events` (any when empty)
        DaysUntilDate, // days from the as-of day until an account date (renewal_date, signup_date)
        DaysSinceDate, // days from an account date until the as-of day
        AccountField, // an account field as it is: plan, arr, seats, owner, currency, attributes.X
        Trend, // % change of events in the last window_days against the window_days before
        DaysSinceOutcome, // days since the last outcome of a kind (churned, renewed, ...)
    };

    Kind kind = Kind::EventCount;
    QStringList events;
    int windowDays = 30;
    bool perSeat = false;
    QString field;
    Outcome::Kind outcome = Outcome::Kind::Churned;
};

// A comparison of a measured value with a threshold: "at least 10", "== Enterprise".
struct Comparison
{
    enum class Op { AtLeast, AtMost, Greater, Less, Equal, NotEqual };
    Op op = Op::AtLeast;
    QVariant value; // double, bool or string
};

// A stage's entry condition: a leaf comparison, or all / any of its children.
struct Condition
{
    enum class Type { Leaf, All, Any };
    Type type = Type::Leaf;
    Measure measure;
    Comparison comparison;
    QList<Condition> children;
};

// How a health criterion turns its measured value into points.
struct Scoring
{
    enum class Mode {
        Pass, // full points when `pass` holds, none otherwise
        Linear, // none at zeroAt, full at fullAt, linear between (either direction)
        Tiers, // the share of the highest tier whose `from` the value reaches
    };
    struct Tier
    {
        double from;
        double share; // 0..1 of the criterion's weight
    };

    Mode mode = Mode::Pass;
    Comparison pass;
    double zeroAt = 0;
    double fullAt = 1;
    QList<Tier> tiers; // ascending by `from`
};

struct HealthCriterion
{
    QString id;
    QString label;
    double weight = 1;
    Measure measure;
    Scoring scoring;
};

struct Stage
{
    QString id;
    QString name;
    QString color;
    std::optional<Condition> when; // none: the stage always applies (put it last)
    QList<HealthCriterion> criteria; // none: accounts in this stage get no score
};

struct Band
{
    QString name;
    QString color;
    double minScore = 0;
};

// A complete, validated rule set: the first stage whose condition holds is the account's stage;
// its criteria give the score (0-100); the first band whose minimum the score reaches is the band.
struct RuleSet
{
    QString name;
    QList<Band> bands; // descending by minScore; the last one catches everything
    QList<Stage> stages;

    // Lookups for views and reports: a stage by id (null when the rules have none of that id),
    // its display name and colour; a band's colour by name. Unknown ids (rules changed since)
    // fall back to the id and a neutral grey.
    const Stage* stage(const QString& id) const
    {
        for (const Stage& candidate : stages)
            if (candidate.id == id)
                return &candidate;
        return nullptr;
    }
    QString stageName(const QString& id) const
    {
        const Stage* found = stage(id);
        return found ? found->name : id;
    }
    QString stageColor(const QString& id) const
    {
        const Stage* found = stage(id);
        return found ? found->color : QStringLiteral("#9e9e9e");
    }
    QString bandColor(const QString& band) const
    {
        for (const Band& b : bands)
            if (b.name == band)
                return b.color;
        return QStringLiteral("#9e9e9e");
    }
};

} // namespace tenure
