#include "rules/RuleErrorText.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tenure {

namespace {

// A list of the rule set: what its element is called ("%1" its number, from 1), and which of its
// fields names it.
struct ListWords
{
    const char* key;
    const char* word;
    const char* nameField;
};

constexpr ListWords kLists[] = {
    { "stages", QT_TRANSLATE_NOOP("RuleErrorText", "Stage %1"), "name" },
    { "criteria", QT_TRANSLATE_NOOP("RuleErrorText", "criterion %1"), "label" },
    { "bands", QT_TRANSLATE_NOOP("RuleErrorText", "band %1"), "name" },
    { "events", QT_TRANSLATE_NOOP("RuleErrorText", "event %1"), nullptr },
    { "tiers", QT_TRANSLATE_NOOP("RuleErrorText", "tier %1"), nullptr },
    { "all", QT_TRANSLATE_NOOP("RuleErrorText", "all of, condition %1"), nullptr },
    { "any", QT_TRANSLATE_NOOP("RuleErrorText", "any of, condition %1"), nullptr },
};

} // namespace

QString RuleErrorText::forPeople(const QString& error, const QJsonObject& rules)
{
    static const QRegularExpression pathAndText(QStringLiteral(R"(^([A-Za-z_][\w.\[\]]*): (.*)$)"),
                                                QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression indexed(QStringLiteral(R"(^(\w+)\[(\d+)\]$)"));
    const QRegularExpressionMatch match = pathAndText.match(error);
    if (!match.hasMatch())
        return error;
    QStringList words;
    QJsonValue at = rules;
    for (const QString& segment : match.captured(1).split(u'.')) {
        const QRegularExpressionMatch element = indexed.match(segment);
        if (!element.hasMatch()) {
            words << segment; // a field: its JSON name, as the forms' labels follow them
            at = at.toObject().value(segment);
            continue;
        }
        const QString key = element.captured(1);
        const auto list = std::find_if(std::begin(kLists), std::end(kLists),
                                       [&](const ListWords& l) { return key == QLatin1String(l.key); });
        if (list == std::end(kLists))
            return error; // not a path of a rule set: left as written
        const int index = element.captured(2).toInt();
        at = at.toObject().value(key).toArray().at(index);
        QString word = tr(list->word).arg(index + 1);
        const QString name = list->nameField
            ? at.toObject().value(QLatin1String(list->nameField)).toString().trimmed()
            : at.toString().trimmed(); // an event's name; empty for conditions and tiers
        if (!name.isEmpty())
            word = tr("%1 “%2”").arg(word, name);
        words << word;
    }
    return tr("%1: %2").arg(words.join(tr(", ")), match.captured(2));
}

} // namespace tenure
