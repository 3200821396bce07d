#pragma once

#include "engine/AccountActivity.h"
#include "util/Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

namespace tenure {

class LogPartition;
class SummaryStore;

// Where the accounts of one scoring pass get their activity, finished and ready to score. One
// implementation per source:
// - StoredActivities: the aggregates stored in a SummaryStore (a re-score, a new day), read on the
//   engine's thread a chunk at a time and decoded on a worker;
// - PartitionActivities: a rebuild's partition of the log (LogPartition), each account's built on
//   a worker from its events;
// - FoldedActivities: activities folded in memory (a rebuild that read the log's rows).
// ChunkPipeline asks a source for one Reader per chunk in flight.
class ActivitySource
{
public:
    // Reads the activities of one chunk of accounts at a time: prepared on the engine's thread,
    // then read on one worker.
    class Reader
    {
    public:
        virtual ~Reader() = default;
        // On the engine's thread, before the chunk goes to a worker: what it needs from the
        // database. `chunk` is the pass's ids from `begin` on.
        virtual Status prepare(const QStringList& chunk, qsizetype begin) = 0;
        // On the worker: the activity of the chunk's i-th account, finished; valid until the
        // next call.
        virtual Result<const AccountActivity*> activity(qsizetype i) = 0;
    };

    virtual ~ActivitySource() = default;
    virtual std::unique_ptr<Reader> reader() const = 0;
    // Whether the activities were folded from the log (a rebuild's): they are then stored beside
    // the scores.
    virtual bool fromLog() const = 0;
};

class StoredActivities : public ActivitySource
{
public:
    explicit StoredActivities(const SummaryStore& store)
        : m_store(store)
    {
    }
    std::unique_ptr<Reader> reader() const override;
    bool fromLog() const override { return false; }

private:
    const SummaryStore& m_store;
};

// The pass's ids must be the partition's ids().
class PartitionActivities : public ActivitySource
{
public:
    explicit PartitionActivities(const LogPartition& partition)
        : m_partition(partition)
    {
    }
    std::unique_ptr<Reader> reader() const override;
    bool fromLog() const override { return true; }

private:
    const LogPartition& m_partition;
};

// Each activity is finished on the worker that scores it.
class FoldedActivities : public ActivitySource
{
public:
    explicit FoldedActivities(QHash<QString, AccountActivity>& folded)
        : m_folded(folded)
    {
    }
    std::unique_ptr<Reader> reader() const override;
    bool fromLog() const override { return true; }

private:
    QHash<QString, AccountActivity>& m_folded;
};

} // namespace tenure
