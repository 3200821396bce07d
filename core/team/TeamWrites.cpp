#include "team/TeamWrites.h"

#include "actions/ActionRules.h"
#include "domain/Outcome.h"
#include "rules/RuleSet.h"
#include "rules/RuleSetJson.h"
#include "team/TeamDatabase.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QVariant>

namespace tenure {

Result<int> TeamWrites::saveRuleSet(TeamDatabase& team, const RuleSet& rules, const QString& author)
{
    // Round-trip through the validator, as a workspace file does: what is stored always loads.
    const QByteArray definition = RuleSetJson::serialize(rules);
    if (Result<RuleSet> valid = RuleSetJson::parse(definition); !valid)
        return Error { tr("The rule set is not valid: %1").arg(valid.error()) };
    // Versions are numbered by the server; two admins saving at once get one version each or,
    // when they collide, a message (the primary key refuses the second).
    Result<QSqlQuery> saved = team.exec(
        QStringLiteral("INSERT INTO rule_sets (version, name, definition, created_at, author) "
                       "SELECT coalesce(max(version), 0) + 1, ?, CAST(? AS json), ?, ? FROM rule_sets "
                       "RETURNING version"),
        { rules.name, QString::fromUtf8(definition), QDateTime::currentMSecsSinceEpoch(), author });
    if (!saved) {
        if (saved.error().contains(QLatin1String("duplicate key")))
            return Error { tr("Another admin saved rules at the same moment; save again.") };
        return Error { tr("Cannot save the rule set to the team workspace: %1").arg(saved.error()) };
    }
    if (!saved->next())
        return Error { tr("Cannot save the rule set to the team workspace: no version came back.") };
    return saved->value(0).toInt();
}

Result<ActionRules> TeamWrites::actionRules(TeamDatabase& team)
{
    Result<QVariant> stored = team.scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"),
                                          { ActionRules::kSettingsKey });
    if (!stored)
        return Error { stored.error() };
    if (!stored->isValid())
        return ActionRules {};
    // As ActionRules::load: what does not read as rules leaves the defaults.
    Result<ActionRules> rules
        = ActionRules::fromJson(QJsonDocument::fromJson(stored->toString().toUtf8()).object());
    return rules ? rules.value() : ActionRules {};
}

Status TeamWrites::saveActionRules(TeamDatabase& team, const ActionRules& rules)
{
    Result<QSqlQuery> saved = team.exec(
        QStringLiteral(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
            "excluded.value"),
        { ActionRules::kSettingsKey,
          QString::fromUtf8(QJsonDocument(rules.toJson()).toJson(QJsonDocument::Compact)) });
    if (!saved)
        return Error { tr("Cannot save the action rules to the team workspace: %1").arg(saved.error()) };
    return {};
}

Result<bool> TeamWrites::addOutcome(TeamDatabase& team, const Outcome& outcome)
{
    Result<QSqlQuery> added = team.exec(
        QStringLiteral(
            "INSERT INTO outcomes (account_id, kind, occurred_on, amount, note, source, external_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, external_id) DO NOTHING"),
        { outcome.accountId, Outcome::kindName(outcome.kind), outcome.date.toString(Qt::ISODate),
          outcome.amount ? QVariant(*outcome.amount) : QVariant(QMetaType(QMetaType::Double)), outcome.note,
          outcome.source, outcome.externalId });
    if (!added)
        return Error { tr("Cannot record the outcome in the team workspace: %1").arg(added.error()) };
    return added->numRowsAffected() == 1;
}

} // namespace tenure
