#include "rules/RuleErrorText.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tenure {

namespace {

// What a list's element is called, and which of its fields names it.
struct ListWords
{
    const char* key;
    const char* nameField;
};

constexpr ListWords kLists[] = {
    { "stages", "name" }, { "criteria", "label" }, { "bands", "name" },  { "events", nullptr },
    { "all", nullptr },   { "any", nullptr },      { "tiers", nullptr },
};

QString elementWord(const QString& key, int number)
{
    if (key == QLatin1String("stages"))
        return RuleErrorText::tr("Stage %1").arg(number);
    if (key == QLatin1String("criteria"))
        return RuleErrorText::tr("criterion %1").arg(number);
    if (key == QLatin1String("bands"))
        return RuleErrorText::tr("band %1").arg(number);
    if (key == QLatin1String("events"))
        return RuleErrorText::tr("event %1").arg(number);
    if (key == QLatin1String("tiers"))
        return RuleErrorText::tr("tier %1").arg(number);
    if (key == QLatin1String("all"))
        return RuleErrorText::tr("all of, condition %1").arg(number);
    return RuleErrorText::tr("any of, condition %1").arg(number);
}

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
        QString word = elementWord(key, index + 1);
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
