#include "AppOptions.h"

#include "store/WorkspacePaths.h"

#include <QCommandLineParser>

namespace tenure {

bool AppOptions::parse(const QStringList& arguments, AppOptions& options, QString& message, int& exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Tenure: customer health, stages and action queues."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({ QStringLiteral("db"),
                       tr("Workspace file (default: %1).").arg(WorkspacePaths::defaultWorkspace()),
                       tr("path") });
    parser.addOption({ QStringLiteral("demo"),
                       tr("Open the demo workspace, creating it first if needed (at --db, or %1).")
                           .arg(WorkspacePaths::defaultDemoWorkspace()) });
    parser.addOption(
        { QStringLiteral("screenshot"),
          tr("Render the window to a PNG file once the workspace is loaded and scored, then exit."),
          tr("file") });
    if (!parser.parse(arguments)) {
        message = parser.errorText() + QLatin1Char('\n') + parser.helpText();
        exitCode = 2;
        return false;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        message = QStringLiteral("tenure %1\n").arg(QCoreApplication::applicationVersion());
        exitCode = 0;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        message = parser.helpText();
        exitCode = 0;
        return false;
    }
    options.db = parser.value(QStringLiteral("db"));
    options.demo = parser.isSet(QStringLiteral("demo"));
    options.screenshot = parser.value(QStringLiteral("screenshot"));
    return true;
}

} // namespace tenure
