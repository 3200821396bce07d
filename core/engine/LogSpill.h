#pragma once

#include "engine/LogPartition.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QTemporaryFile>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

struct sqlite3;

namespace tenure {

class DayClock;

// How a rebuild splits the accounts into partitions. By ranges of their ids (in the database's
// order), so that the partitions, scored in turn, write the summaries in the order of their keys:
// each insert lands at the end of its table's index instead of anywhere in it. By hash when no
// ids are known beforehand (events of accounts the CRM never named). The ranges hold as many of
// the CRM's accounts each, not as many events: a range whose accounts bring many more events than
// the others (or many accounts the CRM does not know) makes a larger partition, at 24 bytes an
// event.
class AccountPartitioning
{
public:
    static AccountPartitioning byHash(int partitions);
    // `ids` sorted by their bytes; the ranges hold about as many of them each. Accounts not among
    // them fall in the range their id sorts into. By hash when there are fewer ids than partitions.
    static AccountPartitioning byRanges(const std::vector<QByteArray>& ids, int partitions);

    int count() const { return m_count; }
    int of(QByteArrayView account) const;

private:
    int m_count = 1;
    std::vector<QByteArray> m_bounds; // partition i holds ids below m_bounds[i] (the last, the rest)
};

// A rebuild scores the log one partition of the accounts at a time, to bound its memory. Rather
// than scanning the whole log once per partition, LogSpill scans it once and writes each event,
// as numbers (account, name and user numbered as first seen, day, quantity), to its partition's
// temporary file; each partition is then gathered from its file without a string in sight. The
// files go when the spill does. gather() may run on another thread than write() did.
//
// The scan reads the log through its segments (EventSegment: each batch's strings numbered once,
// not once per event) and reads the rows of any seq range no segment covers. A long log is
// scanned by two threads, each on its own read-only connection (the log below the rebuild's
// high-water mark never changes), taking ranges of it in turn (split between segments), each
// numbering what it sees and writing its own files; gather() reads a partition's files back
// (LogPartition), from which each account's activity is built as it is scored.
class LogSpill
{
    Q_DECLARE_TR_FUNCTIONS(LogSpill)

public:
    using Progress = std::function<void(qint64 rows)>;

    // Reads events with seq <= upTo into a file per partition of the accounts. From
    // `parallelFrom` events on, two threads scan the log, each on a read-only connection of its
    // own, and `meanwhile` runs on the calling thread while they do; otherwise (or when the
    // workspace has no file to open again) the calling thread runs `meanwhile`, then scans. Either
    // way `meanwhile` runs exactly once, and `progress` is called on the calling thread.
    static Result<std::unique_ptr<LogSpill>> write(sqlite3* db, const DayClock& clock, qint64 upTo,
                                                   const AccountPartitioning& partitioning,
                                                   qint64 parallelFrom, const Progress& progress,
                                                   const std::function<void()>& meanwhile,
                                                   const std::atomic_bool* cancel);

    qint64 rows() const;
    // The partition's events, gathered by account. Any thread; one at a time.
    Result<std::unique_ptr<LogPartition>> gather(int partition) const;
    // Memory for a later gather() to reuse (a partition's events, once scored): it is then not
    // fetched from the system again, page by page.
    void recycle(std::vector<LogPartition::Event> events) const;

    struct Shard
    {
        std::vector<std::unique_ptr<QTemporaryFile>> files; // per partition
        qint64 rows = 0;
        // The files hold numbers: accounts, event names and users are these strings.
        QStringList accounts;
        QStringList names;
        QStringList users;
    };

private:
    std::vector<Shard> m_shards; // one per scanning thread
    mutable std::mutex m_spareLock;
    mutable std::vector<LogPartition::Event> m_spare; // see recycle()
};

} // namespace tenure
