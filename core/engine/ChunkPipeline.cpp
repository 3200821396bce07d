#include "engine/ChunkPipeline.h"

#include "engine/Evaluator.h"
#include "engine/ScoringEngineInternal.h"
#include "engine/ScoringEngineTuning.h"
#include "engine/SummaryStore.h"
#include "store/Transaction.h"

#include <QThread>

namespace tenure {

using engine_state::cancelled;

ChunkPipeline::ChunkPipeline(Database& db, QThreadPool& pool, const ScoringEngine::Tuning& tuning,
                             const ScoringContext& context, const Pass& pass)
    : m_db(db)
    , m_pool(pool)
    , m_tuning(tuning)
    , m_context(context)
    , m_pass(pass)
    , m_from(pass.historyFrom.value_or(INT_MIN))
{
    // Accounts per chunk: fewer when each brings a long history, to bound the memory in flight.
    const qint64 historySpan = std::max<qint64>(
        1,
        qint64(context.today)
            - std::max<qint64>(m_from, historyWindowStart(context.today, context.historyDays)) + 1);
    m_perChunk = qsizetype(std::max<qint64>(
        1, std::min<qint64>(tuning.accountsPerTransaction, tuning.historyDaysPerTransaction / historySpan)));
    for (int i = 0; i < 2; ++i)
        m_freeLanes.push_back(std::make_unique<Lane>(*context.evaluator, pass.source.reader()));
}

ChunkPipeline::~ChunkPipeline() = default;

Status ChunkPipeline::run(const QStringList& ids, ScoringEngine::Summary& summary,
                          const ScoringEngine::Progress& progress, const std::atomic_bool* cancel)
{
    std::unique_ptr<Chunk> pending; // scored or being scored, not stored yet
    qsizetype stored = 0;
    for (qsizetype begin = 0; begin < ids.size(); begin += m_perChunk) {
        if (cancelled(cancel))
            return Error { ScoringEngine::tr("Scoring was cancelled.") };
        Result<std::unique_ptr<Chunk>> next = start(ids, begin, std::min(m_perChunk, ids.size() - begin));
        if (!next)
            return Error { next.error() };
        if (pending) {
            if (Status done = storeChunk(*pending, summary); !done)
                return done;
            stored += pending->ids.size();
            m_freeLanes.push_back(std::move(pending->lane));
            if (progress)
                progress(ScoringEngine::tr("Scoring accounts"), stored, ids.size());
        }
        pending = std::move(next).value();
    }
    if (pending) {
        if (Status done = storeChunk(*pending, summary); !done)
            return done;
        m_freeLanes.push_back(std::move(pending->lane));
        if (progress)
            progress(ScoringEngine::tr("Scoring accounts"), ids.size(), ids.size());
    }
    return {};
}

Result<std::unique_ptr<ChunkPipeline::Chunk>> ChunkPipeline::start(const QStringList& ids, qsizetype begin,
                                                                   qsizetype count)
{
    Q_ASSERT(!m_freeLanes.empty());
    auto chunk = std::make_unique<Chunk>();
    chunk->lane = std::move(m_freeLanes.back());
    m_freeLanes.pop_back();
    chunk->ids = ids.mid(begin, count);
    chunk->begin = begin;
    if (!m_pass.target.isShadow())
        chunk->checkpoint = m_pass.target.state(engine_state::kCheckpoint, QStringLiteral("0")).toLongLong();
    if (Status prepared = chunk->lane->reader->prepare(chunk->ids, begin); !prepared) {
        m_freeLanes.push_back(std::move(chunk->lane));
        return Error { prepared.error() };
    }
    Chunk* work = chunk.get();
    chunk->done = PoolTask<void>(m_pool, [this, work] { scoreChunk(*work); });
    return chunk;
}

void ChunkPipeline::scoreChunk(Chunk& chunk) const
{
    const bool fromLog = m_pass.source.fromLog(); // a rebuild's: its aggregates are stored too
    chunk.scored.clear();
    chunk.tally = {};
    chunk.error.clear();
    chunk.scored.reserve(std::size_t(chunk.ids.size()));
    for (qsizetype i = 0; i < chunk.ids.size(); ++i) {
        const Result<const AccountActivity*> activity = chunk.lane->reader->activity(i);
        if (!activity) {
            chunk.error = activity.error();
            return;
        }
        ScoredAccount& scored = chunk.scored.emplace_back(
            ScoredAccount::compute(m_context, chunk.lane->scorer, chunk.ids[i], **activity, m_from));
        if (fromLog)
            scored.aggregates = (*activity)->serialize();
        if (m_pass.tally)
            chunk.tally.add(scored.first, scored.days);
    }
}

Status ChunkPipeline::storeChunk(Chunk& chunk, ScoringEngine::Summary& summary)
{
    chunk.done.get();
    if (!chunk.error.isEmpty())
        return Error { chunk.error };
    const Status done = withRetries(
        m_tuning, ScoringEngine::tr("Scoring accounts %1 to %2").arg(chunk.ids.first(), chunk.ids.last()),
        [&]() -> Status {
            Transaction transaction(m_db);
            if (!transaction.isActive())
                return Error { transaction.startError() };
            if (chunk.checkpoint >= 0) {
                const qint64 now
                    = m_pass.target.state(engine_state::kCheckpoint, QStringLiteral("0")).toLongLong();
                if (now != chunk.checkpoint) {
                    // Another engine folded events in since the chunk was read: its activities
                    // again, under the write lock, so that no status older than its aggregates
                    // is stored over a newer one. The checkpoint is taken as read only once
                    // they are: a failed attempt leaves the next one to read them again.
                    if (Status prepared = chunk.lane->reader->prepare(chunk.ids, chunk.begin); !prepared)
                        return prepared;
                    scoreChunk(chunk);
                    if (!chunk.error.isEmpty())
                        return Error { chunk.error };
                    chunk.checkpoint = now;
                }
            }
            if (!chunk.error.isEmpty())
                return Error { chunk.error };
            for (const ScoredAccount& scored : chunk.scored) {
                if (Status stored = scored.store(m_pass.target, m_context.rulesVersion); !stored)
                    return stored;
            }
            return transaction.commit();
        });
    if (!done)
        return done;
    for (const ScoredAccount& scored : chunk.scored) {
        summary.historyRows += qint64(scored.days.size());
        if (!summary.allAccountsChanged)
            summary.changedAccounts.insert(scored.id);
    }
    summary.accounts += qint64(chunk.scored.size());
    if (m_pass.tally)
        m_pass.tally->merge(chunk.tally); // only what was committed
    return {};
}

Status withRetries(const ScoringEngine::Tuning& tuning, const QString& what,
                   const std::function<Status()>& attempt)
{
    QString lastError;
    for (int i = 1; i <= tuning.maxAttempts; ++i) {
        const Status done = attempt();
        if (done)
            return {};
        lastError = done.error();
        qWarning("%s: attempt %d of %d failed: %s", qPrintable(what), i, tuning.maxAttempts,
                 qPrintable(lastError));
        if (i < tuning.maxAttempts)
            QThread::msleep(ulong(tuning.backoffMs) << (2 * (i - 1)));
    }
    return Error { ScoringEngine::tr("%1 failed after %2 attempts; nothing of it was kept: %3")
                       .arg(what)
                       .arg(tuning.maxAttempts)
                       .arg(lastError) };
}

} // namespace tenure
