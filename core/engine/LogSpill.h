#pragma once

#include "engine/AccountPartitioning.h"
#include "engine/LogPartition.h"
#include "util/Result.h"
#include "util/SortedNumbering.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

struct sqlite3;

namespace tenure {

class DayClock;

// A rebuild scores the log one partition of the accounts at a time, to bound its memory. Rather
// than scanning the whole log once per partition, LogSpill scans it once and writes each event,
// as numbers (account, name and user keys, day, quantity), to its partition's temporary file;
// each partition is then gathered from its file without a string in sight. The files go when the
// spill does. gather() may run on another thread than write() did.
//
// The scan reads the log through its segments (EventSegment) and reads the rows of any seq range
// no segment covers (EventRows). A long log is scanned by two threads, each on its own read-only
// connection (the log below the rebuild's high-water mark never changes), taking ranges of it in
// turn (split between segments), each writing its own files with keys of its own (StringNumbering:
// the strings as it first meets them). Once both are done, write() numbers the strings of the
// rebuild once, in sorted order (SortedNumbering); gather() hands a partition's events over with
// those numbers (LogPartition), from which each account's activity is built as it is scored.
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
    void recycle(HugeVector<LogPartition::Event> events) const;

    LogSpill();
    ~LogSpill();

private:
    struct Shard; // what one scanning thread wrote
    class ShardScanner;
    // The one numbering of the rebuild's strings, once the shards are written.
    void numberStrings();

    std::vector<Shard> m_shards; // one per scanning thread
    SortedNumbering m_accounts;
    SortedNumbering m_names;
    SortedNumbering m_users;
    mutable std::mutex m_spareLock;
    mutable HugeVector<LogPartition::Event> m_spare; // see recycle()
};

} // namespace tenure
