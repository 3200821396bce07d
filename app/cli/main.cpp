// tenure-cli: the headless front of Tenure, for automation, cron jobs and tests.
#include "Version.h"
#include "cli/CommandRegistry.h"
#include "store/WorkspacePaths.h"
#include "util/EnglishPlurals.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace tenure;

namespace {

void printUsage(QTextStream& stream, const cli::CommandRegistry& registry)
{
    stream << "Usage: tenure-cli [--db PATH] COMMAND [options]\n\n"
           << "Global options:\n"
           << "  --db PATH      Workspace file (default: " << WorkspacePaths::defaultWorkspace() << ")\n"
           << "  --version      Print the version and exit\n"
           << "  -h, --help     Show this help; COMMAND --help shows a command's options\n\n"
           << "Commands:\n";
    for (const auto& command : registry.commands())
        stream << "  " << command->name().leftJustified(12) << ' ' << command->description() << '\n';
    stream << Qt::flush;
}

} // namespace

// Reports lay text out with fonts, which needs a GUI application; on a machine without a display
// it runs on the offscreen platform. Every other command stays a plain console program.
bool needsGui(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "report") == 0)
            return true;
    return false;
}

int main(int argc, char* argv[])
{
    std::unique_ptr<QTemporaryDir> runtime; // outlives the application
    std::unique_ptr<QCoreApplication> application;
    if (needsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // A cron job or a service has no session: Qt then makes /tmp/runtime-USER itself, with a
        // warning on stderr for every report. Made here, the same way (private to the user), quietly.
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            runtime = std::make_unique<QTemporaryDir>(QDir::tempPath()
                                                      + QStringLiteral("/tenure-runtime-XXXXXX"));
            if (runtime->isValid()
                && QFile::setPermissions(runtime->path(),
                                         QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
                qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime->path()));
        }
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication& app = *application;
    QCoreApplication::setApplicationName(QString::fromLatin1(kApplicationName));
    QCoreApplication::setOrganizationName(QString::fromLatin1(kOrganizationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    installEnglishPlurals(); // "Wrote report.pdf (1 page)."

    QTextStream out(stdout);
    QTextStream err(stderr);
    const cli::CommandRegistry registry;

    QStringList args = app.arguments().mid(1);
    QString db = WorkspacePaths::defaultWorkspace();
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--version") || option == QLatin1String("-v")) {
            out << "tenure-cli " << kVersion << Qt::endl;
            return 0;
        }
        if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            printUsage(out, registry);
            return 0;
        }
        if (option == QLatin1String("--db") && !args.isEmpty()) {
            db = args.takeFirst();
        } else if (option.startsWith(QLatin1String("--db="))) {
            db = option.mid(5);
        } else {
            err << "tenure-cli: unknown or incomplete option " << option << "\n\n";
            printUsage(err, registry);
            return cli::Command::UsageError;
        }
    }
    if (args.isEmpty()) {
        printUsage(err, registry);
        return cli::Command::UsageError;
    }
    cli::Command* command = registry.find(args.first());
    if (!command) {
        err << "tenure-cli: unknown command \"" << args.first() << "\"\n\n";
        printUsage(err, registry);
        return cli::Command::UsageError;
    }
    cli::Context context { out, err, db };
    return command->execute(args, context);
}
