#pragma once

#include "util/Result.h"

#include <QList>
#include <QPair>
#include <QString>

namespace tenure {

class Database;

// What a workspace holds, in numbers: for the status bar and `tenure-cli stats`.
struct WorkspaceStats
{
    qint64 accounts = 0;
    qint64 events = 0;
    qint64 outcomes = 0;
    qint64 sources = 0;
    QList<QPair<QString, qint64>> eventsBySource; // only when loaded with detail
    QString timeZone;
    int schemaVersion = 0;

    enum class Detail { Counts, PerSource };
    static Result<WorkspaceStats> load(Database& db, Detail detail = Detail::Counts);
};

} // namespace tenure
