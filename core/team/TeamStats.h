#pragma once

#include "store/SourceStore.h"
#include "store/WorkspaceStats.h"
#include "util/Result.h"

namespace tenure {

class TeamDatabase;

// WorkspaceStats of a team workspace: the same counts, read from PostgreSQL.
Result<WorkspaceStats> loadTeamStats(TeamDatabase& db);
// SourceStore::overview() of a team workspace: its sources with their events and cursors, read
// from PostgreSQL (a desktop's copy of the team holds the sources, but not the log).
Result<QList<SourceStore::Overview>> loadTeamSources(TeamDatabase& db);

} // namespace tenure
