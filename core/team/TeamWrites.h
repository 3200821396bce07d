#pragma once

#include "util/Result.h"

#include <QCoreApplication>

namespace tenure {

struct ActionRules;
struct RuleSet;
class TeamDatabase;
struct Outcome;

// What a desktop or tenure-cli writes to a team workspace besides the action queue (ActionStore
// does that): a new rule set version and the action queue's triggers and weights (admins), and an
// outcome recorded on a customer's page (admins and CSMs). The server decides who may: a refusal comes back
// as its message. Each write announces itself (the server's NOTIFY triggers), so the engine re-scores and
// every desktop follows.
class TeamWrites
{
    Q_DECLARE_TR_FUNCTIONS(TeamWrites)

public:
    // The new version's number.
    static Result<int> saveRuleSet(TeamDatabase& team, const RuleSet& rules, const QString& author);
    // The team's action rules (the settings key "action_rules"), or the defaults; and, for an
    // admin, new ones, which the engine applies from its next pass (it re-scores on any change
    // of the team's settings).
    static Result<ActionRules> actionRules(TeamDatabase& team);
    static Status saveActionRules(TeamDatabase& team, const ActionRules& rules);
    // False when the same (source, external id) is already recorded.
    static Result<bool> addOutcome(TeamDatabase& team, const Outcome& outcome);
};

} // namespace tenure
