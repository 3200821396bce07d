#include "cli/Command.h"

#include "store/WorkspacePaths.h"
#include "store/WorkspaceSettings.h"
#include "team/TeamCopies.h"
#include "team/TeamDatabase.h"
#include "team/TeamLocation.h"
#include "team/TeamReadCopy.h"
#include "team/TeamReplica.h"

#include <QDir>
#include <QFileInfo>

namespace tenure::cli {

namespace {
const QString kDbOption = QStringLiteral("db");
}

Command::Command(QString name, QString description)
    : m_name(std::move(name))
    , m_description(std::move(description))
{
}

Command::~Command() = default;

void Command::addOptions(CommandHelp&) { }

int Command::execute(const QStringList& arguments, Context& context)
{
    QCommandLineParser parser;
    CommandHelp options(parser);
    options.addOption(
        { kDbOption,
          tr("Workspace file, or team workspace (postgresql:// URL or .tenure-team file) (default: %1).")
              .arg(context.defaultDb),
          QStringLiteral("path") });
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help."));
    options.addOption(help);
    addOptions(options);
    if (!parser.parse(arguments)) {
        context.err << tr("tenure-cli %1: %2").arg(m_name, parser.errorText()) << Qt::endl;
        return UsageError;
    }
    if (parser.isSet(help)) {
        context.out << options.text(m_name, m_description) << Qt::flush;
        return Success;
    }
    if (const QStringList positional = parser.positionalArguments(); positional.size() > maxArguments()) {
        context.err << tr("tenure-cli %1: unexpected argument \"%2\" (see tenure-cli %1 --help)")
                           .arg(m_name, positional.value(maxArguments()))
                    << Qt::endl;
        return UsageError;
    }
    return run(parser, context);
}

QString Command::workspacePath(const QCommandLineParser& parser, const Context& context) const
{
    return parser.isSet(kDbOption) ? parser.value(kDbOption) : context.defaultDb;
}

void Command::addTimeZoneOption(CommandHelp& parser, const QString& help)
{
    parser.addOption({ QStringLiteral("time-zone"), help, QStringLiteral("zone") });
}

bool Command::readTimeZone(const QCommandLineParser& parser, Context& context, QByteArray& zone) const
{
    zone = parser.value(QStringLiteral("time-zone")).toUtf8();
    if (zone.isEmpty())
        return true;
    if (Status known = WorkspaceSettings::checkTimeZone(zone); !known) {
        context.err << tr("tenure-cli %1: %2").arg(m_name, known.error()) << Qt::endl;
        return false;
    }
    return true;
}

std::unique_ptr<Database> Command::openForReading(const QCommandLineParser& parser, Context& context,
                                                  Database::Mode fileMode, std::optional<QDate> today) const
{
    const QString path = workspacePath(parser, context);
    if (!TeamLocation::isTeamLocation(path))
        return openWorkspace(parser, context, fileMode);
    Result<TeamLocation> location = TeamLocation::parse(path);
    if (!location) {
        context.err << tr("tenure-cli %1: %2").arg(m_name, location.error()) << Qt::endl;
        return nullptr;
    }
    Result<std::unique_ptr<TeamDatabase>> team = TeamDatabase::open(*location);
    if (!team) {
        context.err << tr("tenure-cli %1: %2").arg(m_name, teamRefusal(*location, team.error())) << Qt::endl;
        return nullptr;
    }
    Result<std::unique_ptr<Database>> copy
        = TeamReadCopy::refresh(**team, TeamReplica::defaultPath(*location, QStringLiteral("read")), today);
    if (!copy) {
        context.err << tr("tenure-cli %1: %2").arg(m_name, copy.error()) << Qt::endl;
        return nullptr;
    }
    return std::move(copy).value();
}

QString Command::teamRefusal(const TeamLocation& location, const QString& error)
{
    // The command's own copies; the desktop's, with the notes it kept, the desktop removes itself.
    const QStringList own { QStringLiteral("read"), QStringLiteral("engine") };
    if (!TeamDatabase::refusesMembership(location, error) || TeamCopies::files(location, own).isEmpty())
        return error;
    if (Status removed = TeamCopies::remove(location, own); !removed)
        return error + QLatin1Char(' ') + removed.error();
    return error + QLatin1Char(' ') + tr("This machine's copies of the team's data were removed.");
}

WritableWorkspace::WritableWorkspace() = default;
WritableWorkspace::~WritableWorkspace()
{
    staged.reset(); // before the team connection it stages from
}

Result<QString> WritableWorkspace::publish()
{
    if (!staged)
        return QString();
    Result<TeamPush::Report> sent = staged->publish();
    if (!sent)
        return Error { sent.error() };
    return staged->describe(*sent);
}

bool Command::openWritable(const QCommandLineParser& parser, Context& context, TeamImport::Kind kind,
                           WritableWorkspace& workspace) const
{
    const QString path = workspacePath(parser, context);
    if (!TeamLocation::isTeamLocation(path)) {
        workspace.file = openWorkspace(parser, context, Database::Mode::ReadWrite);
        workspace.db = workspace.file.get();
        return workspace.db != nullptr;
    }
    const auto fail = [&](const QString& message) {
        context.err << tr("tenure-cli %1: %2").arg(m_name, message) << Qt::endl;
        return false;
    };
    Result<TeamLocation> location = TeamLocation::parse(path);
    if (!location)
        return fail(location.error());
    Result<std::unique_ptr<TeamDatabase>> team = TeamDatabase::open(*location);
    if (!team)
        return fail(teamRefusal(*location, team.error()));
    workspace.team = std::move(team).value();
    if (!workspace.stagingDir.isValid())
        return fail(tr("no temporary folder to stage the team's data in: %1")
                        .arg(workspace.stagingDir.errorString()));
    Result<std::unique_ptr<TeamImport>> staged = TeamImport::stage(
        *workspace.team, workspace.stagingDir.filePath(QStringLiteral("staging.tenure")), kind);
    if (!staged)
        return fail(staged.error());
    workspace.staged = std::move(staged).value();
    workspace.db = &workspace.staged->staging();
    return true;
}

std::unique_ptr<Database> Command::openWorkspace(const QCommandLineParser& parser, Context& context,
                                                 Database::Mode mode) const
{
    const QString path = workspacePath(parser, context);
    if (TeamLocation::isTeamLocation(path)) {
        context.err
            << tr("tenure-cli %1: works on workspace files only for now; on a team workspace, run it on a "
                  "file and move that in with tenure-cli team push (see docs/team.md)")
                   .arg(m_name)
            << Qt::endl;
        return nullptr;
    }
    // Only the default location is created on demand; a path the user typed must already have its
    // folder, and be a workspace unless the command makes one.
    if (!parser.isSet(kDbOption) && mode == Database::Mode::ReadWrite)
        WorkspacePaths::ensureParentExists(path);
    else if (!createsWorkspace() && !QFileInfo::exists(path)) {
        context.err << tr("tenure-cli %1: there is no workspace at %2 (check the path, or create one with "
                          "tenure-cli --db %2 init)")
                           .arg(m_name, QDir::toNativeSeparators(path))
                    << Qt::endl;
        return nullptr;
    }
    Result<std::unique_ptr<Database>> db = Database::open(path, mode);
    if (!db) {
        context.err << tr("tenure-cli %1: %2").arg(m_name, db.error()) << Qt::endl;
        return nullptr;
    }
    return std::move(db).value();
}

} // namespace tenure::cli
