#pragma once

// The engine's inside, shared by its sources: ScoringEngine.cpp (incremental passes),
// ScoringEngineRebuild.cpp (rebuilds and re-scores) and ChunkPipeline.cpp. Not part of the
// engine's interface; tests and benchmarks set its knobs through ScoringEngineTuning.h only.

#include "engine/AccountScoring.h"
#include "engine/DayClock.h"
#include "engine/DayScorer.h"
#include "engine/ScoringEngine.h"
#include "engine/ScoringEngineTuning.h"
#include "engine/SummaryStore.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

namespace tenure::engine_state {

// Keys of engine_state.
inline const QString kCheckpoint = QStringLiteral("checkpoint"); // the last event folded in
inline const QString kRulesVersion = QStringLiteral("rules_version");
inline const QString kAsOfDay = QStringLiteral("as_of_day");
inline const QString kMasterStamp = QStringLiteral("master_stamp");
// What the engine computes from the accounts, numbered, at the end of the master data's stamp: a
// workspace scored by a Tenure that computed otherwise finds the stamp changed, and its next pass
// re-scores every account. h3: history from the signup date when it is earlier than the first
// event (historyStart), back to the first of the month the window reaches (historyWindowStart).
inline const QString kMasterFormat = QStringLiteral("|h3");
inline const QString kTimeZone = QStringLiteral("time_zone"); // the days of the aggregates
// A new random id for each set of summaries a rebuild or re-score swaps in (ScoringEngine::generation).
inline const QString kGeneration = QStringLiteral("generation");

inline bool cancelled(const std::atomic_bool* cancel)
{
    return cancel && cancel->load();
}

} // namespace tenure::engine_state

namespace tenure {

class AccountPartitioning;
class ActivitySource;
class DayTally;
class WalCheckpointer;

// What the engine scores with (rules, accounts, day), kept between runs.
struct EngineContext : ScoringContext
{
    std::unique_ptr<DayScorer> scorer; // of evaluator's rules, for the engine's thread
};

// The engine's passes and the state they share.
class ScoringEngine::Private
{
    Q_DECLARE_TR_FUNCTIONS(ScoringEngine)

public:
    Private(Database& db, Options options, const Tuning& tuning);
    ~Private();

    Result<Summary> run(const Progress& progress, const std::atomic_bool* cancel);
    Result<Summary> rebuild(const Progress& progress, const std::atomic_bool* cancel);

    Database& db;
    const Options options;
    const Tuning tuning;
    DayClock clock;
    EngineContext context;

private:
    // With the rebuild lock held (RebuildLock): a rebuild from the log, a re-score after new rules.
    Result<Summary> rebuildLocked(const Progress& progress, const std::atomic_bool* cancel);
    Result<Summary> rescore(const Progress& progress, const std::atomic_bool* cancel);
    bool aggregatesReusable() const;
    // Stamps the shadow as complete up to `checkpoint` (or the copied one), swaps it in and folds
    // the events that arrived meanwhile.
    Result<Summary> finishShadow(SummaryStore::Scope scope, const DayTally& tally,
                                 std::optional<qint64> checkpoint, Summary summary, const Progress& progress,
                                 const std::atomic_bool* cancel);
    Result<Summary> runIncremental(const Progress& progress, const std::atomic_bool* cancel);
    Status loadContext();
    // Folds the events in (after, upTo] into `target`'s aggregates, a batch per transaction.
    // `reached`: the checkpoint this pass last saw (its own batches', or another engine's).
    Status aggregate(SummaryStore& target, qint64 after, qint64 upTo, Summary& summary,
                     const Progress& progress, const std::atomic_bool* cancel, qint64& reached);
    // The rebuild's way without a spill: the partition's activities from the log's rows.
    Result<QHash<QString, AccountActivity>> readLog(qint64 upTo, int partition,
                                                    const AccountPartitioning& partitioning, Summary& summary,
                                                    const Progress& progress, const std::atomic_bool* cancel);
    // Scores `ids` with activities from `source` into `target` (ChunkPipeline).
    Status scoreAccounts(SummaryStore& target, const ActivitySource& source, const QStringList& ids,
                         std::optional<int> historyFrom, DayTally* tally, Summary& summary,
                         const Progress& progress, const std::atomic_bool* cancel);
    int today() const;

    std::unique_ptr<WalCheckpointer> m_checkpointer; // see Tuning::checkpointPages
    QThreadPool m_pool; // the engine's helpers; last, so they finish before anything else goes
};

} // namespace tenure
