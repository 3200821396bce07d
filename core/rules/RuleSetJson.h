#pragma once

#include "rules/RuleSet.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>

namespace tenure {

// Reads and writes rule sets as JSON. Every error names where it is and what was expected,
// e.g. "stages[2].criteria[0].measure.window_days: must be > 0".
class RuleSetJson
{
    Q_DECLARE_TR_FUNCTIONS(RuleSetJson)

public:
    static Result<RuleSet> parse(const QByteArray& json);
    static Result<RuleSet> fromObject(const QJsonObject& object);
    static QJsonObject toObject(const RuleSet& rules);
    static QByteArray serialize(const RuleSet& rules);

    // The rule set that ships with Tenure in the locale's language: resources/rules/
    // default-rules.<language>.json (e.g. default-rules.ja.json, same rules with Japanese names
    // and labels) when there is one, else default-rules.json (English). A new workspace gets
    // the defaults of the default locale, which the app sets to the window's language.
    static RuleSet defaults(const QLocale& locale = QLocale());

    // A threshold as typed in a form and back: "5" → 5, "true" / "false" → a boolean, anything
    // else → the text, trimmed.
    static QJsonValue valueFromText(const QString& text);
    static QString textOfValue(const QJsonValue& value);

    static QString measureKindName(Measure::Kind kind);
    static QString opName(Comparison::Op op);
};

} // namespace tenure
