#include "store/WorkspacePaths.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace tenure {

namespace {
QString dataFile(const QString& name)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(name);
}
} // namespace

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
