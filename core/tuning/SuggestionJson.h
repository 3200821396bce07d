#pragma once

#include "tuning/RuleSuggester.h"

#include <QJsonObject>

namespace tenure {

// A suggestion as one JSON object (tenure-cli tune suggest --json); the suggested rule set, when
// there is one, under "rules" in the rule file format.
class SuggestionJson
{
public:
    static QJsonObject toObject(const Suggestion& suggestion);
};

} // namespace tenure
