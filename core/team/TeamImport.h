#pragma once

#include "team/TeamPush.h"
#include "util/Result.h"

#include <QCoreApplication>

#include <memory>

namespace tenure {

class Database;
class TeamDatabase;

// An import (or a connector pull) into a team workspace, with the importers a workspace file uses: the team's
// master data (accounts, keys, outcomes, sources, settings; not the log) is staged in a new workspace file,
// the importer runs on it as on any file (same mapping, checks and messages), and publish() sends what the
// import added or changed — new and updated accounts, keys, outcomes and sources, and every imported event —
// to the team in one transaction under the log's lock. A failed import or a failed publication leaves the
// team untouched; running it again adds nothing twice (events by source and external id, outcomes by source
// and external id, accounts by id).
class TeamImport
{
    Q_DECLARE_TR_FUNCTIONS(TeamImport)

public:
    ~TeamImport();

    // What runs on the staged copy: a CSV import (master data and events), or a connector pull
    // (events and the connectors' cursors: what the `ingest` role may write).
    enum class Kind { Import, Pull };

    static Result<std::unique_ptr<TeamImport>> stage(TeamDatabase& team, const QString& stagingPath,
                                                     Kind kind = Kind::Import);

    // The staged workspace: run the importer (or the puller) on it.
    Database& staging() { return *m_staging; }
    Result<TeamPush::Report> publish();
    // What publish() sent, in words: "Into the team workspace X: 120 accounts, 4,000 events."
    QString describe(const TeamPush::Report& sent) const;

private:
    TeamImport(TeamDatabase& team, std::unique_ptr<Database> staging, qint64 lastOutcome, Kind kind);

    TeamDatabase& m_team;
    std::unique_ptr<Database> m_staging;
    qint64 m_lastOutcome = 0; // the staged outcomes' newest id before the import
    Kind m_kind;
};

} // namespace tenure
