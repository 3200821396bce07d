// tenure-cli: the headless front of Tenure, for automation, cron jobs and tests.
#include "Version.h"
#include "cli/CommandRegistry.h"
#include "cli/TextColumns.h"
#include "store/WorkspacePaths.h"
#include "util/Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <optional>

using namespace tenure;

namespace {

void printUsage(QTextStream& stream, const cli::CommandRegistry& registry)
{
    stream << cli::Command::tr("Usage: tenure-cli [--db PATH] [--language en|ja] COMMAND [options]") << "\n\n"
           << cli::Command::tr("Global options:") << '\n'
           << "  --db PATH        "
           << cli::Command::tr("Workspace file or team workspace (default: %1)")
                  .arg(WorkspacePaths::defaultWorkspace())
           << '\n'
           << "  --language CODE  "
           << cli::Command::tr("en or ja: messages and reports (default: the ui/language setting, else the "
                               "system's)")
           << '\n'
           << "  --version        " << cli::Command::tr("Print the version and exit") << '\n'
           << "  -h, --help       "
           << cli::Command::tr("Show this help; COMMAND --help shows a command's options") << "\n\n"
           << cli::Command::tr("Commands:") << '\n';
    for (const auto& command : registry.commands())
        stream << "  " << cli::padRight(command->name(), 12) << ' ' << command->description() << '\n';
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
    QTextStream out(stdout);
    QTextStream err(stderr);

    // The options before the command: --db, --language, --help, --version.
    QStringList args = app.arguments().mid(1);
    QString db = WorkspacePaths::defaultWorkspace();
    std::optional<QString> language; // as given
    bool help = false;
    bool version = false;
    QString badOption;
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--version") || option == QLatin1String("-v")) {
            version = true;
        } else if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            help = true;
        } else if (option == QLatin1String("--db") && !args.isEmpty()) {
            db = args.takeFirst();
        } else if (option.startsWith(QLatin1String("--db="))) {
            db = option.mid(5);
        } else if (option == QLatin1String("--language") && !args.isEmpty()) {
            language = args.takeFirst();
        } else if (option.startsWith(QLatin1String("--language="))) {
            language = option.mid(11);
        } else {
            badOption = option;
            break;
        }
    }
    if (version) {
        out << "tenure-cli " << kVersion << Qt::endl;
        return 0;
    }
    const bool knownLanguage = !language || supportedLanguages().contains(*language);
    // Messages, reports and exports in the chosen language (else the setting's, or the system's).
    installLanguage(knownLanguage && language ? *language : QString());
    const cli::CommandRegistry registry; // its commands' descriptions are in that language
    if (!knownLanguage) {
        err << cli::Command::tr("tenure-cli: --language expects %1, got \"%2\"")
                   .arg(supportedLanguages().join(QStringLiteral(" or ")), *language)
            << "\n\n";
        printUsage(err, registry);
        return cli::Command::UsageError;
    }
    if (help) {
        printUsage(out, registry);
        return 0;
    }
    if (!badOption.isEmpty()) {
        err << cli::Command::tr("tenure-cli: unknown or incomplete option %1").arg(badOption) << "\n\n";
        printUsage(err, registry);
        return cli::Command::UsageError;
    }
    if (args.isEmpty()) {
        printUsage(err, registry);
        return cli::Command::UsageError;
    }
    cli::Command* command = registry.find(args.first());
    if (!command) {
        err << cli::Command::tr("tenure-cli: unknown command \"%1\"").arg(args.first()) << "\n\n";
        printUsage(err, registry);
        return cli::Command::UsageError;
    }
    cli::Context context { out, err, db };
    return command->execute(args, context);
}
