#pragma once

#include "domain/Account.h"
#include "rules/RuleSet.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace tenure::suggest {

// A measure the suggestion tries, in the rule model's own terms, so that whatever it finds is
// a criterion the engine scores exactly as it was validated.
struct CandidateMeasure
{
    enum class Type { Number, Text, Boolean };
    Measure measure;
    QString label; // what the criterion will be called
    Type type = Type::Number;
    // Master data (account fields and attributes): Tenure keeps no history of it, so a past case
    // sees today's value. Such a field can hold what was written after the outcome.
    bool fromMasterData = false;
};

// The values one measure took on every case: numbers as they are and booleans as 0 or 1 (NaN:
// no value); text as an index into `levels` (NaN: no value).
struct Column
{
    std::vector<double> values;
    QStringList levels;
    QHash<QString, int> index;

    void add(const QVariant& observed, CandidateMeasure::Type type);
    // The value as the engine saw it: what Evaluator::share() is given.
    QVariant observed(size_t i, CandidateMeasure::Type type) const;
};

class SuggestFeatures
{
    Q_DECLARE_TR_FUNCTIONS(RuleSuggester)

public:
    // The candidate measures of a workspace: counts, per-seat counts, trends and recency of each
    // event name (and of any event), active users and the share of seats active, days until the
    // renewal and since signup, and every account field and attribute that has values.
    static QList<CandidateMeasure> candidates(const QStringList& eventNames, const QList<Account>& accounts);
    // What a measure is called in a suggested rule set.
    static QString label(const Measure& measure);
    // A number rounded to two significant digits (three when two would make it equal `other`),
    // so that a threshold reads as a person would write it.
    static double round(double value, int digits = 2);
};

} // namespace tenure::suggest
