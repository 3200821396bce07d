#include "tuning/SuggestionJson.h"

#include "rules/RuleSetJson.h"

#include <QJsonArray>

namespace tenure {

namespace {

QJsonValue optional(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonValue auc(const std::optional<stats::AucEstimate>& e)
{
    if (!e)
        return QJsonValue();
    return QJsonObject { { QStringLiteral("auc"), e->auc },
                         { QStringLiteral("auc_95"), QJsonArray { e->ci95.low, e->ci95.high } } };
}

} // namespace

QJsonObject SuggestionJson::toObject(const Suggestion& s)
{
    QJsonArray criteria;
    for (const SuggestedCriterion& c : s.criteria) {
        criteria.append(QJsonObject { { QStringLiteral("id"), c.id },
                                      { QStringLiteral("label"), c.label },
                                      { QStringLiteral("stages"), c.stage },
                                      { QStringLiteral("scoring"), c.scoring },
                                      { QStringLiteral("weight"), c.weight },
                                      { QStringLiteral("coefficient"), c.coefficient },
                                      { QStringLiteral("training_auc"), c.trainingAuc },
                                      { QStringLiteral("lift"), optional(c.lift) },
                                      { QStringLiteral("pass_cases"), c.passCases },
                                      { QStringLiteral("pass_churned"), c.passChurned },
                                      { QStringLiteral("fail_cases"), c.failCases },
                                      { QStringLiteral("fail_churned"), c.failChurned } });
    }
    QJsonArray excluded;
    for (const ExcludedCandidate& e : s.excluded)
        excluded.append(
            QJsonObject { { QStringLiteral("label"), e.label }, { QStringLiteral("reason"), e.reason } });
    QJsonObject object {
        { QStringLiteral("suggested"), s.suggested },
        { QStringLiteral("reason"), s.reason },
        { QStringLiteral("summary"), s.summary() },
        { QStringLiteral("active_rules"), s.activeName },
        { QStringLiteral("horizon_days"), s.horizonDays },
        { QStringLiteral("as_of"), s.today.toString(Qt::ISODate) },
        { QStringLiteral("cutoff"), s.cutoff.toString(Qt::ISODate) },
        { QStringLiteral("candidates"), s.candidates },
        { QStringLiteral("training"),
          QJsonObject { { QStringLiteral("cases"), s.trainingCases },
                        { QStringLiteral("churned"), s.trainingChurned },
                        { QStringLiteral("auc"), optional(s.trainingAuc) } } },
        { QStringLiteral("holdout"),
          QJsonObject { { QStringLiteral("cases"), s.holdoutCases },
                        { QStringLiteral("churned"), s.holdoutChurned },
                        { QStringLiteral("suggested"), auc(s.holdout) },
                        { QStringLiteral("active"), auc(s.activeHoldout) },
                        { QStringLiteral("difference"), optional(s.difference) },
                        { QStringLiteral("difference_95"),
                          s.differenceCi95
                              ? QJsonValue(QJsonArray { s.differenceCi95->low, s.differenceCi95->high })
                              : QJsonValue() } } },
        { QStringLiteral("criteria"), criteria },
        { QStringLiteral("excluded"), excluded },
    };
    if (s.rules)
        object.insert(QStringLiteral("rules"), RuleSetJson::toObject(*s.rules));
    return object;
}

} // namespace tenure
