#include "actions/ActionRules.h"

#include "store/WorkspaceSettings.h"
#include "util/JsonInput.h"

#include <QJsonDocument>

namespace tenure {

const QString ActionRules::kSettingsKey = QStringLiteral("action_rules");

QJsonObject ActionRules::toJson() const
{
    return { { QStringLiteral("weights"),
               QJsonObject { { QStringLiteral("band"), bandWeight },
                             { QStringLiteral("arr"), arrWeight },
                             { QStringLiteral("renewal"), renewalWeight },
                             { QStringLiteral("drop"), dropWeight } } },
             { QStringLiteral("triggers"),
               QJsonObject { { QStringLiteral("worst_band"), worstBand },
                             { QStringLiteral("renewal_within_days"), renewalWithinDays },
                             { QStringLiteral("inactive_days"), inactiveDays },
                             { QStringLiteral("score_drop_points"), scoreDropPoints },
                             { QStringLiteral("drop_window_days"), dropWindowDays } } } };
}

Result<ActionRules> ActionRules::fromJson(const QJsonObject& json)
{
    ActionRules rules;
    // Every key is checked: a misspelt one would otherwise leave its default in place, silently.
    if (Status known
        = json::onlyKnownKeys(json, {}, { QStringLiteral("weights"), QStringLiteral("triggers") });
        !known)
        return Error { known.error() };
    for (const char* part : { "weights", "triggers" }) {
        const QJsonValue value = json.value(QLatin1String(part));
        if (!value.isUndefined() && !value.isObject())
            return Error { tr("%1: expected an object ({ … })").arg(QLatin1String(part)) };
    }
    const QJsonObject weights = json.value(QStringLiteral("weights")).toObject();
    const QJsonObject triggers = json.value(QStringLiteral("triggers")).toObject();
    if (Status known = json::onlyKnownKeys(weights, QStringLiteral("weights"),
                                           { QStringLiteral("band"), QStringLiteral("arr"),
                                             QStringLiteral("renewal"), QStringLiteral("drop") });
        !known)
        return Error { known.error() };
    if (Status known
        = json::onlyKnownKeys(triggers, QStringLiteral("triggers"),
                              { QStringLiteral("worst_band"), QStringLiteral("renewal_within_days"),
                                QStringLiteral("inactive_days"), QStringLiteral("score_drop_points"),
                                QStringLiteral("drop_window_days") });
        !known)
        return Error { known.error() };
    auto number = [](const QJsonObject& object, const char* key, const QString& path, double minimum,
                     double& into) -> Status {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined())
            return {};
        if (!value.isDouble() || value.toDouble() < minimum)
            return Error { tr("%1: expected a number ≥ %2").arg(path).arg(minimum) };
        into = value.toDouble();
        return {};
    };
    double renewal = rules.renewalWithinDays, inactive = rules.inactiveDays, window = rules.dropWindowDays;
    const std::initializer_list<std::tuple<const QJsonObject*, const char*, const char*, double, double*>>
        fields {
            { &weights, "band", "weights.band", 0, &rules.bandWeight },
            { &weights, "arr", "weights.arr", 0, &rules.arrWeight },
            { &weights, "renewal", "weights.renewal", 0, &rules.renewalWeight },
            { &weights, "drop", "weights.drop", 0, &rules.dropWeight },
            { &triggers, "renewal_within_days", "triggers.renewal_within_days", 1, &renewal },
            { &triggers, "inactive_days", "triggers.inactive_days", 1, &inactive },
            { &triggers, "score_drop_points", "triggers.score_drop_points", 1, &rules.scoreDropPoints },
            { &triggers, "drop_window_days", "triggers.drop_window_days", 1, &window },
        };
    for (const auto& [object, key, path, minimum, into] : fields)
        if (Status s = number(*object, key, QLatin1String(path), minimum, *into); !s)
            return Error { s.error() };
    if (rules.bandWeight + rules.arrWeight + rules.renewalWeight + rules.dropWeight <= 0)
        return Error { tr("weights: at least one weight must be above 0") };
    rules.renewalWithinDays = int(renewal);
    rules.inactiveDays = int(inactive);
    rules.dropWindowDays = int(window);
    const QJsonValue worst = triggers.value(QStringLiteral("worst_band"));
    if (!worst.isUndefined() && !worst.isBool())
        return Error { tr("triggers.worst_band: expected true or false") };
    rules.worstBand = worst.toBool(true);
    return rules;
}

ActionRules ActionRules::load(Database& db)
{
    const QString stored = WorkspaceSettings(db).value(kSettingsKey);
    if (stored.isEmpty())
        return {};
    Result<ActionRules> rules = fromJson(QJsonDocument::fromJson(stored.toUtf8()).object());
    return rules ? rules.value() : ActionRules {};
}

Status ActionRules::save(Database& db) const
{
    return WorkspaceSettings(db).setValue(
        kSettingsKey, QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact)));
}

} // namespace tenure
