#pragma once

#include "engine/AccountScoring.h"
#include "engine/ActivitySource.h"
#include "engine/DayScorer.h"
#include "engine/DayTally.h"
#include "engine/PoolTask.h"
#include "engine/ScoringEngine.h"

#include <QStringList>
#include <QThreadPool>

#include <climits>
#include <memory>
#include <optional>
#include <vector>

namespace tenure {

class Database;
class SummaryStore;

// One scoring pass over a list of accounts, a chunk at a time, in two steps per chunk:
// 1. scoreChunk(), on a worker: each account's activity from the pass's ActivitySource, scored
//    (ScoredAccount::compute), its aggregates encoded too when they come from the log;
// 2. storeChunk(), on the engine's thread: the chunk's results in one transaction (retried), then
//    the summary and the day tally.
// run() starts chunk n + 1 before it stores chunk n, so that a worker scores while the engine's
// thread writes. Each chunk in flight has a lane of its own (a DayScorer and an activity reader,
// neither of which can be shared): two lanes, one for the chunk being stored, one for the next.
// A pass that writes the live read side (a new day) is not alone on it: another engine on the
// same file (a second window, `tenure-cli score`) may fold events in between a chunk's read and
// its store. storeChunk() then reads and scores the chunk again inside its write transaction.
class ChunkPipeline
{
public:
    struct Pass
    {
        SummaryStore& target; // statuses and history go there (and aggregates from the log)
        const ActivitySource& source;
        std::optional<int> historyFrom; // history from this day; default: back-filled
        DayTally* tally = nullptr; // counts the history committed, when set
    };

    ChunkPipeline(Database& db, QThreadPool& pool, const ScoringEngine::Tuning& tuning,
                  const ScoringContext& context, const Pass& pass);
    ~ChunkPipeline();

    Status run(const QStringList& ids, ScoringEngine::Summary& summary,
               const ScoringEngine::Progress& progress, const std::atomic_bool* cancel);

private:
    struct Lane
    {
        Lane(const Evaluator& evaluator, std::unique_ptr<ActivitySource::Reader> reader)
            : scorer(evaluator)
            , reader(std::move(reader))
        {
        }
        DayScorer scorer;
        std::unique_ptr<ActivitySource::Reader> reader;
    };
    struct Chunk
    {
        std::unique_ptr<Lane> lane; // back to the free lanes once stored
        QStringList ids;
        qsizetype begin = 0; // of ids in the pass's
        qint64 checkpoint = -1; // the live checkpoint when its activities were read; -1: a shadow's
        std::vector<ScoredAccount> scored;
        DayTally tally;
        QString error;
        PoolTask<void> done; // last: destroying a chunk waits for its worker
    };

    // Takes a free lane, prepares the chunk ids[begin, begin + count) and scores it on a worker.
    Result<std::unique_ptr<Chunk>> start(const QStringList& ids, qsizetype begin, qsizetype count);
    void scoreChunk(Chunk& chunk) const; // on the worker
    Status storeChunk(Chunk& chunk, ScoringEngine::Summary& summary);

    Database& m_db;
    QThreadPool& m_pool;
    const ScoringEngine::Tuning& m_tuning;
    const ScoringContext& m_context;
    Pass m_pass;
    int m_from; // the first day of history to score
    qsizetype m_perChunk;
    std::vector<std::unique_ptr<Lane>> m_freeLanes;
};

// Runs `attempt` until it succeeds, at most tuning.maxAttempts times with exponential backoff.
Status withRetries(const ScoringEngine::Tuning& tuning, const QString& what,
                   const std::function<Status()>& attempt);

} // namespace tenure
