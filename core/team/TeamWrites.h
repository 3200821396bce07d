#pragma once

#include "util/Result.h"

#include <QCoreApplication>

namespace tenure {

struct RuleSet;
class TeamDatabase;
struct Outcome;

// What a desktop writes to a team workspace besides the action queue (ActionStore does that):
// a new rule set version (admins) and an outcome recorded on a customer's page (admins and
// CSMs). The server decides who may: a refusal comes back as its message. Each write announces
// itself (the server's NOTIFY triggers), so the engine re-scores and every desktop follows.
class TeamWrites
{
    Q_DECLARE_TR_FUNCTIONS(TeamWrites)

public:
    // The new version's number.
    static Result<int> saveRuleSet(TeamDatabase& team, const RuleSet& rules, const QString& author);
    // False when the same (source, external id) is already recorded.
    static Result<bool> addOutcome(TeamDatabase& team, const Outcome& outcome);
};

} // namespace tenure
