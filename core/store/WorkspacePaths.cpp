#include "store/WorkspacePaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace tenure {

namespace {

// <data>/<organisation>/<application>: where Tenure 0.1 kept its workspaces.
QString appDataLocation()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString dataFile(const QString& name)
{
    const QString file = QDir(WorkspacePaths::dataFolder()).filePath(name);
    const QString legacy = QDir(appDataLocation()).filePath(name);
    if (legacy != file && !QFileInfo::exists(file) && QFileInfo::exists(legacy))
        return legacy;
    return file;
}

} // namespace

QString WorkspacePaths::dataFolder()
{
    // AppDataLocation ends in /<organisation>/<application> (each when set): take both off and
    // put the application's name back.
    QString base = appDataLocation();
    const QString application = QCoreApplication::applicationName();
    for (const QString& part : { application, QCoreApplication::organizationName() }) {
        const QString suffix = u'/' + part;
        if (!part.isEmpty() && base.endsWith(suffix))
            base.chop(suffix.size());
    }
    return QDir(base).filePath(application.isEmpty() ? QStringLiteral("Tenure") : application);
}

QString WorkspacePaths::defaultWorkspace()
{
    return dataFile(QStringLiteral("workspace.tenure"));
}

QString WorkspacePaths::defaultDemoWorkspace()
{
    return dataFile(QStringLiteral("demo.tenure"));
}

bool WorkspacePaths::ensureParentExists(const QString& path)
{
    return QDir().mkpath(QFileInfo(path).absolutePath());
}

} // namespace tenure
