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
    parser.addOption(
        { QStringLiteral("db"),
          tr("Workspace file, or team workspace (postgresql:// URL or .tenure-team file) (default: %1).")
              .arg(WorkspacePaths::defaultWorkspace()),
          tr("path") });
    parser.addOption({ QStringLiteral("demo"),
                       tr("Open the demo workspace, creating it first if needed (at --db, or %1).")
                           .arg(WorkspacePaths::defaultDemoWorkspace()) });
    parser.addOption(
        { QStringLiteral("screenshot"),
          tr("Render the window to a PNG file once the workspace is loaded and scored, then exit."),
          tr("file") });
    parser.addOption(
        { QStringLiteral("language"),
          tr("The language of the window: en or ja (default: the ui/language setting, else the system's)."),
          tr("code") });
    parser.addOption(
        { QStringLiteral("view"),
          tr("The view to open: overview, customers, actions, customer (the customer page, with the "
             "customers opened last), rules, tuning, datasources or customer:ACCOUNT_ID."),
          tr("name") });
    QCommandLineOption measure(QStringLiteral("measure-startup"),
                               tr("Print start-up times and peak memory, then quit (for bench_startup)."));
    measure.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(measure);
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
    options.view = parser.value(QStringLiteral("view"));
    options.language = parser.value(QStringLiteral("language"));
    options.measureStartup = parser.isSet(measure);
    // The names MainWindow::showView takes.
    static const QStringList views { QStringLiteral("overview"),   QStringLiteral("customers"),
                                     QStringLiteral("actions"),    QStringLiteral("customer"),
                                     QStringLiteral("rules"),      QStringLiteral("tuning"),
                                     QStringLiteral("datasources") };
    if (!options.view.isEmpty() && !views.contains(options.view)
        && !options.view.startsWith(QLatin1String("customer:"))) {
        message = tr("--view: expected overview, customers, actions, customer, rules, tuning, datasources "
                     "or customer:ACCOUNT_ID, got \"%1\"\n")
                      .arg(options.view);
        exitCode = 2;
        return false;
    }
    return true;
}

} // namespace tenure
