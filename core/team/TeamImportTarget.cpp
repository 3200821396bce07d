#include "team/TeamImportTarget.h"

#include "store/Database.h"
#include "team/TeamDatabase.h"
#include "team/TeamImport.h"

#include <QTemporaryDir>

namespace tenure {

TeamImportTarget::TeamImportTarget(TeamLocation location, QString password)
    : m_location(std::move(location))
    , m_password(std::move(password))
{
}

TeamImportTarget::~TeamImportTarget()
{
    close();
}

Result<Database*> TeamImportTarget::open()
{
    close();
    Result<std::unique_ptr<TeamDatabase>> team
        = TeamDatabase::open(m_location, TeamDatabase::Purpose::Use, m_password);
    if (!team)
        return Error { team.error() };
    m_team = std::move(team).value();
    m_folder = std::make_unique<QTemporaryDir>();
    if (!m_folder->isValid())
        return Error {
            tr("No temporary folder to stage the team's data in: %1").arg(m_folder->errorString())
        };
    Result<std::unique_ptr<TeamImport>> staged
        = TeamImport::stage(*m_team, m_folder->filePath(QStringLiteral("staging.tenure")));
    if (!staged)
        return Error { staged.error() };
    m_staged = std::move(staged).value();
    return &m_staged->staging();
}

Result<QString> TeamImportTarget::land()
{
    if (!m_staged)
        return Error { tr("Nothing was staged for %1.").arg(m_location.display()) };
    Result<TeamPush::Report> sent = m_staged->publish();
    if (!sent)
        return Error { sent.error() };
    return m_staged->describe(*sent);
}

void TeamImportTarget::close()
{
    m_staged.reset(); // before the connection it staged from, and the folder its file is in
    m_team.reset();
    m_folder.reset();
}

} // namespace tenure
