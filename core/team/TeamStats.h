#pragma once

#include "store/WorkspaceStats.h"
#include "util/Result.h"

namespace tenure {

class TeamDatabase;

// WorkspaceStats of a team workspace: the same counts, read from PostgreSQL.
Result<WorkspaceStats> loadTeamStats(TeamDatabase& db);

} // namespace tenure
