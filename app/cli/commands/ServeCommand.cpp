#include "cli/commands/ServeCommand.h"

#include "team/TeamDatabase.h"
#include "team/TeamEngine.h"
#include "team/TeamService.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <atomic>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace tenure::cli {

namespace {

int g_signalPipe[2] = { -1, -1 };
std::atomic_bool g_stopping { false }; // lock-free: safe to set from the handler

void onSignal(int)
{
    g_stopping = true; // a pass in progress stops at its next step
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

ServeCommand::ServeCommand()
    : Command(QStringLiteral("serve"),
              tr("Be the team workspace's engine: score after every pull, change and day; stop on SIGTERM."))
{
}

void ServeCommand::addOptions(CommandHelp& parser)
{
    parser.addOption({ QStringLiteral("replica"),
                       tr("The engine's working copy of the team's log (default: in the cache folder)."),
                       QStringLiteral("file") });
    parser.addOption({ QStringLiteral("every"), tr("Score at least every N minutes (default 5)."),
                       QStringLiteral("minutes") });
    parser.addOption(
        { QStringLiteral("standby"),
          tr("While another process is the engine, try to take over every N seconds (default 15)."),
          QStringLiteral("seconds") });
}

int ServeCommand::run(const QCommandLineParser& parser, Context& context)
{
    const QString where = workspacePath(parser, context);
    if (!TeamLocation::isTeamLocation(where)) {
        context.err << tr(
            "tenure-cli serve: --db must name a team workspace (postgresql://… or a .tenure-team file); "
            "a workspace file is scored by the app that opens it")
                    << Qt::endl;
        return UsageError;
    }
    Result<TeamLocation> location = TeamLocation::parse(where);
    if (!location) {
        context.err << tr("tenure-cli serve: %1").arg(location.error()) << Qt::endl;
        return UsageError;
    }
    // A login that may not be the engine is refused now, not retried for ever. A server that does
    // not answer yet is the service's to wait for.
    if (Result<std::unique_ptr<TeamDatabase>> db = TeamDatabase::open(*location); db) {
        if (Status may = TeamEngine::mayBeTheEngine(**db); !may) {
            context.err << tr("tenure-cli serve: %1").arg(may.error()) << Qt::endl;
            return Failure;
        }
    }
    TeamService::Options options;
    if (parser.isSet(QStringLiteral("every")))
        options.intervalMinutes = qMax(1, parser.value(QStringLiteral("every")).toInt());
    if (parser.isSet(QStringLiteral("standby")))
        options.standbySeconds = qMax(1, parser.value(QStringLiteral("standby")).toInt());
    options.engine.replicaPath = parser.value(QStringLiteral("replica"));
    options.cancel = &g_stopping;

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        context.err << tr("tenure-cli serve: cannot set up signal handling") << Qt::endl;
        return Failure;
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, [] {
        char byte;
        [[maybe_unused]] const ssize_t read = ::read(g_signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    ::sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);

    int code = Success;
    {
        TeamService service(*location, options);
        QObject::connect(&service, &TeamService::log,
                         [&context](const QString& line) { context.out << line << Qt::endl; });
        service.start();
        QCoreApplication::exec();
        // Said of this process: one that only stood by held no lock to hand on.
        context.out << (service.isElected()
                            ? tr("Stopping: the engine lock is released for the next engine.")
                            : tr("Stopping: this process stood by; the engine runs elsewhere."))
                    << Qt::endl;
    }
    ::close(g_signalPipe[0]);
    ::close(g_signalPipe[1]);
    return code;
}

} // namespace tenure::cli
