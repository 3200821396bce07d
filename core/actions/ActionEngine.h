#pragma once

#include "actions/ActionRules.h"
#include "actions/ActionWrites.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QSqlDatabase>

namespace tenure {

class Database;

// Opens, updates and clears actions from the summary tables: after every scoring pass, each
// account is checked against the triggers of the ActionRules. One live action per account and
// trigger: a trigger that keeps firing updates its action's priority and reason; one that stops
// firing clears it (done, by "Tenure", with the reason in the history); a snoozed action wakes
// up on its date. Actions the CSMs worked on keep their history.
class ActionEngine
{
    Q_DECLARE_TR_FUNCTIONS(ActionEngine)

public:
    // What the refresh opened, updated, cleared and woke, and the open actions after it.
    struct Summary : ActionChanges::Counts
    {
        int open = 0;
    };

    ActionEngine(Database& db, ActionRules rules);

    Result<Summary> refresh(const QDate& today);
    // The same, with the triggers read from this workspace (a team engine's working copy) and the
    // actions opened, updated and cleared in `target` (the team workspace's connection).
    Result<Summary> refreshInto(QSqlDatabase target, const QDate& today, bool team);

private:
    Database& m_db;
    ActionRules m_rules;
};

} // namespace tenure
