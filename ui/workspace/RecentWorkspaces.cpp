#include "workspace/RecentWorkspaces.h"

#include "team/TeamLocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace tenure {

namespace {
const QString kKey = QStringLiteral("recent/workspaces");
}

QStringList RecentWorkspaces::list()
{
    return QSettings().value(kKey).toStringList();
}

void RecentWorkspaces::add(const QString& pathOrUrl)
{
    QString entry = pathOrUrl;
    if (TeamLocation::isTeamLocation(pathOrUrl)) {
        // A .tenure-team file stays a file; a URL is kept as the location writes it (no password).
        if (Result<TeamLocation> location = TeamLocation::fromUrl(pathOrUrl); location)
            entry = location->toUrl();
    } else {
        entry = QFileInfo(pathOrUrl).absoluteFilePath();
    }
    QStringList entries = list();
    entries.removeAll(entry);
    entries.prepend(entry);
    while (entries.size() > kKept)
        entries.removeLast();
    QSettings().setValue(kKey, entries);
}

void RecentWorkspaces::clear()
{
    QSettings().remove(kKey);
}

QString RecentWorkspaces::label(const QString& pathOrUrl)
{
    if (TeamLocation::isTeamLocation(pathOrUrl) && !pathOrUrl.endsWith(QLatin1String(".tenure-team"))) {
        if (Result<TeamLocation> location = TeamLocation::fromUrl(pathOrUrl); location)
            return QCoreApplication::translate("tenure::RecentWorkspaces", "Team: %1")
                .arg(location->display());
    }
    const QFileInfo file(pathOrUrl);
    return QStringLiteral("%1 (%2)").arg(file.fileName(), QDir::toNativeSeparators(file.absolutePath()));
}

} // namespace tenure
