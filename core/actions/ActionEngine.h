#pragma once

#include "actions/ActionRules.h"
#include "actions/ActionWrites.h"
#include "engine/ScoringEngine.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QSet>
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
        qint64 accountsChecked = 0; // the accounts whose triggers were looked at
        bool everyAccount = true; // every account's (else only the scope's: see Scope)
    };

    // Which accounts a refresh looks at. Every account's by default. After a scoring pass that
    // re-scored some accounts only (events came in; the day, the rules, the accounts and outcomes
    // unchanged: ScoringEngine::Summary), or a rebuild that compared its results with the
    // summaries it replaced, only theirs: the others' triggers read what they read at the last
    // refresh. Only when the queue's stamp says that last refresh saw everything up to where the
    // pass began (the summaries' generation and checkpoint), on the same day, rules and action
    // rules, and the summaries are still where the pass left them; otherwise every account's.
    // When the score-drop trigger reads a day before a rebuild's history, the accounts that had
    // history before it are looked at too. Snoozed actions whose day
    // has come are woken whatever their account.
    struct Scope
    {
        bool everyAccount = true;
        QSet<QString> accounts;
        qint64 since = -1; // the summaries' checkpoint from which `accounts` are all that changed...
        qint64 upTo = -1; // ...up to this one, where the pass left them
        QString sinceGeneration; // the summaries' generation at `since` (ScoringEngine::generation)...
        QString generation; // ...and where the pass left them
        QDate historyFrom; // of a rebuild: the history before this day was not compared...
        QSet<QString> historyDropped; // ...and these accounts held some (which the swap dropped)
    };
    static Scope scopeOf(const ScoringEngine::Summary& pass);

    ActionEngine(Database& db, ActionRules rules);

    Result<Summary> refresh(const QDate& today); // every account's
    Result<Summary> refresh(const QDate& today, const Scope& scope);
    // The same, with the triggers read from this workspace (a team engine's working copy) and the
    // actions opened, updated and cleared in `target` (the team workspace's connection).
    Result<Summary> refreshInto(QSqlDatabase target, const QDate& today, bool team);
    Result<Summary> refreshInto(QSqlDatabase target, const QDate& today, bool team, const Scope& scope);

private:
    // The stamp of a refresh, but for the summaries' generation and checkpoint (ActionEngine.cpp).
    QString stampBase(const QDate& today, int rulesVersion);

    Database& m_db;
    ActionRules m_rules;
};

} // namespace tenure
