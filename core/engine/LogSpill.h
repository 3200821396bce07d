#pragma once

#include "engine/AccountActivity.h"
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
// compactly (account, name, user, day, quantity), to its partition's temporary file; each
// partition is then folded from its file. The files go when the spill does.
class LogSpill
{
    Q_DECLARE_TR_FUNCTIONS(LogSpill)

public:
    using Progress = std::function<void(qint64 rows)>;

    // Reads events with seq <= upTo into `partitions` files (partition = qHash(account) % partitions).
    static Result<std::unique_ptr<LogSpill>> write(sqlite3* db, DayClock& clock, qint64 upTo, int partitions,
                                                   const Progress& progress, const std::atomic_bool* cancel);

    qint64 rows() const { return m_rows; }
    // The activity of every account of the partition, unfinished (call finish() on each).
    Result<QHash<QString, AccountActivity>> fold(int partition) const;

private:
    std::vector<std::unique_ptr<QTemporaryFile>> m_files;
    qint64 m_rows = 0;
};

} // namespace tenure
