#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace tenure {

// A rule set's error for a person editing it in forms rather than JSON: the JSON path
// RuleSetJson names ("stages[3].criteria[1].label: expected a non-empty text") reads as
// "Stage 4 “Adoption”, criterion 2 “Weekly logins”, label: expected a non-empty text",
// counted from 1 and named as the rule set names them. Text without a path is returned as it is.
class RuleErrorText
{
    Q_DECLARE_TR_FUNCTIONS(RuleErrorText)

public:
    static QString forPeople(const QString& error, const QJsonObject& rules);
};

} // namespace tenure
