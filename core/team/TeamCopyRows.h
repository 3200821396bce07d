#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace tenure {

class Database;
class TeamDatabase;

// The steps TeamReplica's copies are made of: rows of a team query into a table of this machine's
// copy of the workspace.
namespace teamcopy {

Status localExec(Database& db, const QString& sql);

// Copies the rows of a team query into a table of the copy, column by column (`kinds` tells
// the number columns, 'i' whole and 'r' real, from text ones, 't'). Returns the rows copied.
Result<qint64> copyRows(TeamDatabase& team, Database& local, const QString& teamSelect,
                        const QString& localInsert, const QByteArray& kinds);

} // namespace teamcopy
} // namespace tenure
