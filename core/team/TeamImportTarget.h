#pragma once

#include "ingest/ImportWorker.h"
#include "team/TeamLocation.h"

#include <QCoreApplication>

#include <memory>

class QTemporaryDir;

namespace tenure {

class TeamDatabase;
class TeamImport;

// A desktop's CSV import into its team workspace (an ImportTarget): each run signs in as the
// desktop's member, stages the team's master data in a file of a temporary folder (TeamImport),
// lets the importer run on it as on any workspace file, and lands what it added on the server in
// one transaction. The server refuses the import of a login that is not an admin; a check (a dry
// run) reads the team and writes nothing. Used on the import job's thread only.
class TeamImportTarget : public ImportTarget
{
    Q_DECLARE_TR_FUNCTIONS(TeamImportTarget)

public:
    // `password` empty: the keychain, ~/.pgpass or PGPASSWORD (TeamDatabase::open).
    TeamImportTarget(TeamLocation location, QString password);
    ~TeamImportTarget() override;

    Result<Database*> open() override;
    Result<QString> land() override;
    void close() override;

private:
    TeamLocation m_location;
    QString m_password;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<TeamImport> m_staged;
};

} // namespace tenure
