#pragma once

#include "engine/AccountStatus.h"
#include "engine/DayClock.h"
#include "engine/SummaryStore.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QSet>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <optional>

namespace tenure {

class Database;
class AccountPartitioning;
class DayTally;
class Evaluator;
class LogPartition;
class WalCheckpointer;
struct RuleSet;
struct Account;
struct Outcome;

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
class ScoringEngine
{
    Q_DECLARE_TR_FUNCTIONS(ScoringEngine)

public:
    struct Options
    {
        std::optional<QDate> today; // the as-of day; default: today in the workspace zone
        int batchSize = 20000; // events per transaction
        int historyDays = 400; // back-fill at most this many days of status_history
        int accountsPerTransaction = 1000;
        qint64 historyDaysPerTransaction = 100000; // fewer accounts when each has a long history
        int maxAttempts = 3; // a failing batch is retried with exponential backoff, then reported
        int backoffMs = 200;
        // SQLite page cache for the engine's connection: the aggregates are B-trees of millions of
        // rows, and a rebuild that thrashes SQLite's default 2 MB cache is many times slower.
        int cacheMiB = 64;
        // Pages of write-ahead log between checkpoints, which run on a thread of their own
        // (WalCheckpointer).
        int checkpointPages = 16384;
        // A rebuild gathers the log in memory this many events' worth of accounts at a time,
        // which bounds its memory (24 bytes an event, for the partition scored and the next one
        // gathered meanwhile) whatever the size of the log.
        qint64 eventsPerFoldPartition = 700000;
        // A rebuild scans a log of at least this many events on two threads, each with a
        // read-only connection of its own (a smaller one, on its own thread).
        qint64 eventsScannedInParallel = 100000;
    };

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
        bool allAccountsChanged = false; // a rebuild or full re-score: every status may have moved
        QSet<QString> changedAccounts; // otherwise: the accounts whose status was re-computed
    };

    // (phase, done, total); called on the engine's thread.
    using Progress = std::function<void(const QString& phase, qint64 done, qint64 total)>;

    explicit ScoringEngine(Database& db);
    ScoringEngine(Database& db, Options options);
    ~ScoringEngine();

    Result<Summary> run(const Progress& progress = {}, const std::atomic_bool* cancel = nullptr);
    Result<Summary> rebuild(const Progress& progress = {}, const std::atomic_bool* cancel = nullptr);

    // The account's status as of the end of `asOf`, from the aggregates (bring them up to date with
    // run() first) with the active rules, or with `evaluator`'s. Only events up to `asOf` count.
    Result<AccountStatus> evaluate(const QString& accountId, const QDate& asOf);
    Result<AccountStatus> evaluate(const QString& accountId, const QDate& asOf, const Evaluator& evaluator);

    // The rule set the last run used (null before the first run).
    const RuleSet* rules() const;

private:
    struct Context;
    // One scoring pass over a list of accounts.
    struct Pass
    {
        SummaryStore& target; // statuses and history go there
        const SummaryStore& source; // the stored aggregates come from there...
        QHash<QString, AccountActivity>* memory = nullptr; // ...unless a rebuild folded them (stored too)
        std::optional<int> historyFrom; // history from this day; default: back-filled
        DayTally* tally = nullptr; // counts the history committed, when set
        // A rebuild's partition of the log, whose accounts' activities are built as they are
        // scored (and stored too); the ids scored are then its ids().
        const LogPartition* partition = nullptr;
    };

    Result<Summary> rescore(Context& context, const Progress& progress, const std::atomic_bool* cancel);
    bool aggregatesReusable() const;
    // Stamps the shadow as complete up to `checkpoint` (or the copied one), swaps it in and folds
    // the events that arrived meanwhile.
    Result<Summary> finishShadow(Context& context, SummaryStore::Scope scope, const DayTally& tally,
                                 std::optional<qint64> checkpoint, Summary summary, const Progress& progress,
                                 const std::atomic_bool* cancel);
    Result<Summary> runIncremental(Context& context, const Progress& progress,
                                   const std::atomic_bool* cancel);
    Status loadContext(Context& context);
    Status aggregate(Context& context, SummaryStore& target, qint64 after, qint64 upTo, Summary& summary,
                     const Progress& progress, const std::atomic_bool* cancel);
    Result<QHash<QString, AccountActivity>> readLog(qint64 upTo, int partition,
                                                    const AccountPartitioning& partitioning, Summary& summary,
                                                    const Progress& progress, const std::atomic_bool* cancel);
    Status scoreAccounts(Context& context, const Pass& pass, const QStringList& ids, Summary& summary,
                         const Progress& progress, const std::atomic_bool* cancel);
    Status withRetries(const QString& what, const std::function<Status()>& attempt);
    int today() const;

    Database& m_db;
    Options m_options;
    DayClock m_clock;
    std::unique_ptr<Context> m_context;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // see checkpointPages
    QThreadPool m_pool; // the engine's helpers; last, so they finish before anything else goes
};

} // namespace tenure
