#include "engine/BreakdownCodec.h"

#include "engine/Evaluator.h"
#include "rules/RuleSet.h"
#include "util/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tenure::BreakdownCodec {

QByteArray encode(const QList<CriterionResult>& breakdown)
{
    // Written directly (see JsonText.h): the engine writes one for every account it scores.
    QByteArray out;
    out.reserve(breakdown.size() * 32);
    out.append('[');
    for (const CriterionResult& c : breakdown) {
        if (out.size() > 1)
            out.append(',');
        out.append('[');
        json::appendString(out, c.id);
        out.append(',');
        json::appendVariant(out, c.observed);
        out.append(',');
        json::appendNumber(out, c.earned);
        out.append(']');
    }
    out.append(']');
    return out;
}

namespace {

CriterionResult fromObject(const QJsonObject& o)
{
    return {
        o.value(QStringLiteral("id")).toString(),        o.value(QStringLiteral("label")).toString(),
        o.value(QStringLiteral("observed")).toVariant(), o.value(QStringLiteral("threshold")).toString(),
        o.value(QStringLiteral("earned")).toDouble(),    o.value(QStringLiteral("possible")).toDouble()
    };
}

const HealthCriterion* criterion(const Stage* stage, const QString& id)
{
    if (!stage)
        return nullptr;
    for (const HealthCriterion& candidate : stage->criteria) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

} // namespace

QList<CriterionResult> decode(const QByteArray& stored, const Stage* stage)
{
    QList<CriterionResult> breakdown;
    for (const QJsonValue& value : QJsonDocument::fromJson(stored).array()) {
        if (value.isObject()) {
            breakdown.append(fromObject(value.toObject()));
            continue;
        }
        const QJsonArray row = value.toArray();
        CriterionResult result {
            row.at(0).toString(), {}, row.at(1).toVariant(), {}, row.at(2).toDouble(), 0
        };
        if (const HealthCriterion* rule = criterion(stage, result.id)) {
            result.label = rule->label;
            result.threshold = Evaluator::describe(rule->scoring);
            result.possible = rule->weight;
        } else {
            result.label = result.id;
        }
        breakdown.append(result);
    }
    return breakdown;
}

} // namespace tenure::BreakdownCodec
