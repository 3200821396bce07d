#pragma once

#include "engine/LogPartition.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QTemporaryFile>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

struct sqlite3;

namespace tenure {

class DayClock;

// A rebuild folds the log one partition of the accounts at a time, to bound its memory. Rather
// than scanning the whole log once per partition, LogSpill scans it once and writes each event,
// as numbers (account, name and user numbered as first seen, day, quantity), to its partition's
// temporary file; each partition is then folded from its file without a string in sight. The
// files go when the spill does. gather() may run on another thread than write() did.
//
// The scan reads the log through its segments (EventSegment: each batch's strings numbered once,
// not once per event) and reads the rows of any seq range no segment covers. It runs in two
// halves of the log at once, split between segments, each on its own read-only connection and
// thread (the log below the rebuild's high-water mark never changes), each numbering what it
// sees and writing its own files; gather() reads a partition's files back (LogPartition), from
// which each account's activity is built as it is scored.
class LogSpill
{
    Q_DECLARE_TR_FUNCTIONS(LogSpill)

public:
    using Progress = std::function<void(qint64 rows)>;

    // Reads events with seq <= upTo into `partitions` files (partition = qHash(account) % partitions).
    // `meanwhile` runs on the calling thread, exactly once, while the log is scanned on others
    // (or before it is scanned here, when the workspace has no file to open twice or the log is
    // small); `progress` is called on the calling thread too.
    static Result<std::unique_ptr<LogSpill>> write(sqlite3* db, const DayClock& clock, qint64 upTo,
                                                   int partitions, const Progress& progress,
                                                   const std::function<void()>& meanwhile,
                                                   const std::atomic_bool* cancel);

    qint64 rows() const;
    // The partition's events, gathered by account.
    Result<std::unique_ptr<LogPartition>> gather(int partition) const;

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
    std::vector<Shard> m_shards; // in log order
};

} // namespace tenure
