#include "tuning/BacktestJson.h"

#include <QJsonArray>

namespace tenure {

namespace {

QJsonValue optional(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonArray interval(const stats::Interval& i)
{
    return { i.low, i.high };
}

QJsonArray rates(const QList<BacktestRate>& rows)
{
    QJsonArray array;
    for (const BacktestRate& r : rows) {
        array.append(QJsonObject { { QStringLiteral("key"), r.key },
                                   { QStringLiteral("name"), r.name },
                                   { QStringLiteral("cases"), r.cases },
                                   { QStringLiteral("churned"), r.churned },
                                   { QStringLiteral("churn_rate"), r.churnRate() },
                                   { QStringLiteral("churn_rate_95"), interval(r.churnInterval()) },
                                   { QStringLiteral("expanded"), r.expanded },
                                   { QStringLiteral("expansion_rate"), r.expansionRate() } });
    }
    return array;
}

QJsonArray histogram(const std::array<qint64, 10>& bins)
{
    QJsonArray array;
    for (qint64 n : bins)
        array.append(n);
    return array;
}

} // namespace

QJsonObject BacktestJson::toObject(const BacktestReport& report)
{
    QJsonArray criteria;
    for (const CriterionEvidence& e : report.perCriterion) {
        QJsonObject object { { QStringLiteral("stage"), e.stage },
                             { QStringLiteral("criterion"), e.criterion },
                             { QStringLiteral("label"), e.label },
                             { QStringLiteral("threshold"), e.threshold },
                             { QStringLiteral("pass_cases"), e.passCases },
                             { QStringLiteral("pass_churned"), e.passChurned },
                             { QStringLiteral("pass_churn_rate"), e.passRate() },
                             { QStringLiteral("pass_churn_rate_95"), interval(e.passInterval()) },
                             { QStringLiteral("fail_cases"), e.failCases },
                             { QStringLiteral("fail_churned"), e.failChurned },
                             { QStringLiteral("fail_churn_rate"), e.failRate() },
                             { QStringLiteral("fail_churn_rate_95"), interval(e.failInterval()) },
                             { QStringLiteral("lift"), optional(e.lift()) },
                             { QStringLiteral("auc"), optional(e.auc) },
                             { QStringLiteral("too_small"), e.tooSmall } };
        if (e.suggested) {
            object.insert(QStringLiteral("suggested"),
                          QJsonObject { { QStringLiteral("flag_when"),
                                          e.lowFlags ? QStringLiteral("below") : QStringLiteral("above") },
                                        { QStringLiteral("threshold"), e.suggested->threshold },
                                        { QStringLiteral("youden_j"), e.suggested->youdenJ },
                                        { QStringLiteral("tpr"), e.suggested->tpr },
                                        { QStringLiteral("fpr"), e.suggested->fpr } });
        }
        criteria.append(object);
    }
    QJsonArray roc;
    for (const stats::RocPoint& p : report.roc)
        roc.append(QJsonArray { p.fpr, p.tpr, p.threshold });

    return QJsonObject {
        { QStringLiteral("rules"), report.rulesName },
        { QStringLiteral("horizon_days"), report.horizonDays },
        { QStringLiteral("as_of"), report.today.toString(Qt::ISODate) },
        { QStringLiteral("cases"), report.cases },
        { QStringLiteral("churned"), report.churned },
        { QStringLiteral("outcome_cases"), report.outcomeCases },
        { QStringLiteral("baseline_cases"), report.cases - report.outcomeCases },
        { QStringLiteral("skipped_no_history"), report.skipped },
        { QStringLiteral("skipped_no_events_no_signup"), report.skippedNoStart },
        { QStringLiteral("warnings"),
          report.skippedNoStart ? QJsonArray { report.skippedNoStartMessage() } : QJsonArray {} },
        { QStringLiteral("scored"), report.scored },
        { QStringLiteral("auc"), optional(report.auc) },
        { QStringLiteral("flag"),
          QJsonObject { { QStringLiteral("band"), report.flagBand },
                        { QStringLiteral("flagged"), report.flagged },
                        { QStringLiteral("precision"), optional(report.precision()) },
                        { QStringLiteral("recall"), optional(report.recall()) } } },
        { QStringLiteral("per_band"), rates(report.perBand) },
        { QStringLiteral("per_stage"), rates(report.perStage) },
        { QStringLiteral("per_criterion"), criteria },
        { QStringLiteral("roc"), roc },
        { QStringLiteral("score_distribution"),
          QJsonObject { { QStringLiteral("bins"), 10 },
                        { QStringLiteral("churned"), histogram(report.churnedScores) },
                        { QStringLiteral("retained"), histogram(report.retainedScores) } } },
    };
}

} // namespace tenure
