#pragma once

#include "engine/AccountStatus.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace tenure {

class Database;
class Evaluator;
struct RuleSet;

// Turns the event log and the account data into each account's stage, score and history.
//
// run() is incremental: it folds the events after the checkpoint into the daily aggregates and
// re-scores the accounts they touched, each batch in one transaction that also moves the
// checkpoint, so a crash or kill never loses or double-counts an event. When the day changes or
// the account data changes it re-scores every account. When the rules change it re-scores every
// account from the stored aggregates (they do not depend on the rules) into shadow tables and
// swaps them in at once, so readers keep seeing the old summaries until the new ones are complete.
// rebuild() recomputes everything, aggregates included, from the log, the same way; run() does
// that instead of a re-score when the aggregates cannot be trusted (no engine state yet, or made
// in another time zone).
//
// Synchronous and thread-agnostic: ScoringWorker runs it on a worker thread, tenure-cli directly.
// How it works inside: core/engine/README.md.
class ScoringEngine
{
    Q_DECLARE_TR_FUNCTIONS(ScoringEngine)

public:
    struct Options
    {
        std::optional<QDate> today; // the as-of day; default: today in the workspace zone
        // Keep this many days of status_history (from the first of that day's month when four
        // weeks or more: historyWindowStart).
        int historyDays = 400;
    };
    // The implementation's knobs (batch sizes, retries, caches, partitions), for tests and
    // benchmarks: engine/ScoringEngineTuning.h.
    struct Tuning;

    struct Summary
    {
        qint64 events = 0; // events folded in
        qint64 accounts = 0; // accounts scored
        qint64 historyRows = 0;
        bool rebuilt = false; // every summary replaced at once: rebuilt from the log, or re-scored
        bool rescored = false; // re-scored from the stored aggregates (a rules change)
        qint64 checkpoint = 0;
        QDate asOf;
        int rulesVersion = 0;
        // Every status may have moved: a new day, rules or accounts, or a rebuild that could not
        // compare its results with the summaries it replaced.
        bool allAccountsChanged = false;
        // Otherwise: the accounts whose status was re-computed; of a rebuild, those whose results
        // (status or history) differ from the summaries it replaced, and any it folded in after.
        QSet<QString> changedAccounts;
        // Otherwise: the checkpoint from which changedAccounts names every account re-scored (where
        // the pass began, where another engine on the same file left it, or the checkpoint of the
        // summaries a rebuild replaced); -1 when unknown.
        qint64 changedSince = -1;
        // The generation of the summaries at changedSince, and after the pass (see generation()).
        QString changedSinceGeneration;
        QString generation;
        // Of a rebuild that compared: the first day of history compared (the back-fill's first day;
        // the history before it, which a rebuild does not write, is not compared). Invalid when
        // the whole history counts (an incremental pass writes what it re-scored, from any day).
        QDate historyComparedFrom;
        // ...and the accounts whose replaced history held days before it (gone with the swap).
        QSet<QString> historyDroppedAccounts;
    };

    // (phase, done, total); called on the engine's thread. A negative total: a message with no
    // amount (waiting for another engine's rebuild of the same file, RebuildLock).
    using Progress = std::function<void(const QString& phase, qint64 done, qint64 total)>;

    explicit ScoringEngine(Database& db);
    ScoringEngine(Database& db, Options options);
    ScoringEngine(Database& db, Options options, const Tuning& tuning);
    ~ScoringEngine();

    Result<Summary> run(const Progress& progress = {}, const std::atomic_bool* cancel = nullptr);
    Result<Summary> rebuild(const Progress& progress = {}, const std::atomic_bool* cancel = nullptr);
    // The checkpoint of the workspace's summaries: the last event they hold.
    static qint64 checkpoint(Database& db);
    // Which set of summaries the workspace holds: a new one after each rebuild or re-score swapped
    // in (empty before the first). With the checkpoint, what a reader of them saw.
    static QString generation(Database& db);
    // The keys of engine_state that a pass writes with, or after, the statuses it stores (the
    // checkpoint, the rules version, the day, the master data's stamp, the time zone): what tells
    // a reader of the statuses that they may have changed (CustomerList).
    static QStringList statusStateKeys();

    // The account's status as of the end of `asOf`, from the aggregates (bring them up to date with
    // run() first) with the active rules, or with `evaluator`'s. Only events up to `asOf` count.
    Result<AccountStatus> evaluate(const QString& accountId, const QDate& asOf);
    Result<AccountStatus> evaluate(const QString& accountId, const QDate& asOf, const Evaluator& evaluator);

    // The rule set the last run used (null before the first run).
    const RuleSet* rules() const;

private:
    class Private; // the passes and their state: engine/ScoringEngineInternal.h
    std::unique_ptr<Private> d;
};

} // namespace tenure
