#include "cli/commands/TeamCommand.h"

#include "cli/TextColumns.h"
#include "store/Database.h"
#include "team/TeamAccess.h"
#include "team/TeamDatabase.h"
#include "team/TeamMembers.h"
#include "team/TeamPush.h"
#include "team/TeamSchema.h"

#include <QDir>
#include <QSaveFile>

#include <cstdio>

namespace tenure::cli {

namespace {

const QString kName = QStringLiteral("name");
const QString kRole = QStringLiteral("role");
const QString kPasswordStdin = QStringLiteral("password-stdin");
const QString kFrom = QStringLiteral("from");
const QString kSave = QStringLiteral("save");

QString readPasswordLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

TeamCommand::TeamCommand()
    : Command(
        QStringLiteral("team"),
        tr("Team workspaces on PostgreSQL: init URL, upgrade URL, add-member LOGIN, list, remove LOGIN, "
           "push --from FILE URL, set own-accounts-only on|off URL."))
{
}

void TeamCommand::addOptions(CommandHelp& parser)
{
    parser.addPositionalArgument(QStringLiteral("action"),
                                 tr("init, upgrade, add-member, list, remove, push or set"));
    parser.addPositionalArgument(
        QStringLiteral("argument"),
        tr("init, upgrade, push: the team workspace (postgresql://user@host:port/db or "
           "a .tenure-team file; or --db); add-member, remove: the login; set: "
           "own-accounts-only on|off, then the team workspace"));
    addTimeZoneOption(parser, tr("init: the team's time zone (default: this machine's)."));
    parser.addOption({ kName, tr("add-member: the member's display name, as accounts name their owner."),
                       QStringLiteral("name") });
    parser.addOption({ kRole, tr("add-member: admin, csm or ingest."), QStringLiteral("role") });
    parser.addOption({ kPasswordStdin,
                       tr("add-member: read the member's password from standard input (one "
                          "line; it is sent only as a SCRAM verifier).") });
    parser.addOption({ kFrom, tr("push: the workspace file to move in."), QStringLiteral("file") });
    parser.addOption({ kSave, tr("init: also write a .tenure-team file for the team's desktops."),
                       QStringLiteral("file") });
}

int TeamCommand::run(const QCommandLineParser& parser, Context& context)
{
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    static const QStringList actions { QStringLiteral("init"), QStringLiteral("add-member"),
                                       QStringLiteral("list"), QStringLiteral("remove"),
                                       QStringLiteral("push"), QStringLiteral("upgrade"),
                                       QStringLiteral("set") };
    const bool setting = action == QLatin1String("set");
    if (!actions.contains(action) || positional.size() > (setting ? 4 : 2)) {
        context.err << tr("tenure-cli team: expected init URL, upgrade URL, add-member LOGIN --name NAME "
                          "--role ROLE, list, remove LOGIN, push --from FILE URL or set own-accounts-only "
                          "on|off URL")
                    << Qt::endl;
        return UsageError;
    }
    const bool takesLogin = action == QLatin1String("add-member") || action == QLatin1String("remove");
    if (takesLogin && positional.size() != 2) {
        context.err << tr("tenure-cli team %1: expected the member's login").arg(action) << Qt::endl;
        return UsageError;
    }
    if (setting
        && (positional.size() < 3 || positional[1] != QLatin1String("own-accounts-only")
            || (positional[2] != QLatin1String("on") && positional[2] != QLatin1String("off")))) {
        context.err << tr("tenure-cli team set: expected own-accounts-only on|off and the team workspace")
                    << Qt::endl;
        return UsageError;
    }
    // The workspace: the positional after the action's own arguments (init, upgrade, push, set),
    // else --db.
    const qsizetype own = setting ? 3 : takesLogin ? 2 : 1;
    // (--db before the command name, `tenure-cli --db office.tenure-team team list`, too.)
    const QString where = positional.size() > own ? positional[own] : workspacePath(parser, context);
    if (where.isEmpty() || !TeamLocation::isTeamLocation(where)) {
        context.err
            << tr("tenure-cli team %1: name the team workspace as postgresql://user@host:port/database or a "
                  ".tenure-team file (positional or --db)")
                   .arg(action)
            << Qt::endl;
        return UsageError;
    }
    Result<TeamLocation> location = TeamLocation::parse(where);
    if (!location) {
        context.err << tr("tenure-cli team: %1").arg(location.error()) << Qt::endl;
        return UsageError;
    }
    if (action == QLatin1String("init"))
        return init(*location, parser, context);
    if (action == QLatin1String("upgrade"))
        return upgrade(*location, context);

    Result<std::unique_ptr<TeamDatabase>> db = TeamDatabase::open(*location);
    if (!db) {
        context.err << tr("tenure-cli team: %1").arg(db.error()) << Qt::endl;
        return Failure;
    }
    if (action == QLatin1String("add-member"))
        return addMember(**db, positional[1], parser, context);
    if (action == QLatin1String("list"))
        return list(**db, context);
    if (setting)
        return set(**db, positional[1], positional[2], context);
    if (action == QLatin1String("remove")) {
        if (Status removed = TeamMembers(**db).remove(positional[1]); !removed) {
            context.err << tr("tenure-cli team remove: %1").arg(removed.error()) << Qt::endl;
            return Failure;
        }
        context.out << tr("Removed %1 from the team (the login stays; drop it with DROP ROLE if it has no "
                          "other use).")
                           .arg(positional[1])
                    << Qt::endl;
        return Success;
    }
    return push(**db, parser, context);
}

int TeamCommand::init(const TeamLocation& location, const QCommandLineParser& parser, Context& context)
{
    QByteArray zone;
    if (!readTimeZone(parser, context, zone))
        return UsageError;
    // A location file that cannot be written stops here, before the database is initialised (a
    // second init would then be refused, and the file never written). It is written once the
    // database is ready, so a failed init leaves an earlier file of that name as it was.
    const QString save = parser.value(kSave);
    if (!save.isEmpty()) {
        QSaveFile probe(save);
        if (!probe.open(QIODevice::WriteOnly)) {
            context.err << tr("tenure-cli team init: cannot write %1: %2")
                               .arg(QDir::toNativeSeparators(save), probe.errorString())
                        << Qt::endl;
            return Failure;
        }
        probe.cancelWriting();
    }
    const auto fail = [&](const QString& why) {
        context.err << tr("tenure-cli team init: %1").arg(why) << Qt::endl;
        return Failure;
    };
    Result<std::unique_ptr<TeamDatabase>> db
        = TeamDatabase::open(location, TeamDatabase::Purpose::Initialise);
    if (!db)
        return fail(db.error());
    if (Status done = TeamSchema::initialise(**db, zone); !done)
        return fail(done.error());
    warnIfOpenToEveryLogin(**db, context);
    if (!save.isEmpty()) {
        if (Status saved = location.writeFile(save); !saved) {
            context.err << tr("tenure-cli team init: %1").arg(saved.error()) << Qt::endl;
            return Failure;
        }
    }
    // The next command as it can be pasted: the file just written, or the URL quoted for the shell
    // (its '?' and '&' would be the shell's).
    const QString next
        = save.isEmpty() ? QStringLiteral("'%1'").arg(location.toUrl()) : QDir::toNativeSeparators(save);
    context.out
        << tr("Team workspace %1 is ready (schema %2). Add members with: tenure-cli team add-member LOGIN "
              "--name NAME --role admin|csm|ingest --password-stdin --db %3")
               .arg(location.display())
               .arg(TeamSchema::currentVersion())
               .arg(next)
        << Qt::endl;
    if (!save.isEmpty())
        context.out
            << tr("Wrote %1: open it in Tenure or pass it as --db.").arg(QDir::toNativeSeparators(save))
            << Qt::endl;
    return Success;
}

void TeamCommand::warnIfOpenToEveryLogin(TeamDatabase& db, Context& context)
{
    // A database owned by another login than the workspace's keeps its door open to every login
    // of the server (TeamAccess): said, not refused, since only the database's owner can close it.
    Result<QString> advice = TeamAccess::connectAdvice(db);
    if (!advice)
        context.err << tr("Warning: cannot tell who may connect: %1").arg(advice.error()) << Qt::endl;
    else if (!advice->isEmpty())
        context.err << tr("Warning: %1").arg(*advice) << Qt::endl;
}

int TeamCommand::addMember(TeamDatabase& db, const QString& login, const QCommandLineParser& parser,
                           Context& context)
{
    if (!parser.isSet(kName) || !parser.isSet(kRole)) {
        context.err << tr("tenure-cli team add-member: expected --name NAME and --role admin|csm|ingest")
                    << Qt::endl;
        return UsageError;
    }
    const QString password = parser.isSet(kPasswordStdin) ? readPasswordLine() : QString();
    if (parser.isSet(kPasswordStdin) && password.isEmpty()) {
        context.err << tr("tenure-cli team add-member: --password-stdin read no password") << Qt::endl;
        return UsageError;
    }
    if (Status added = TeamMembers(db).add(login, parser.value(kName), parser.value(kRole), password);
        !added) {
        context.err << tr("tenure-cli team add-member: %1").arg(added.error()) << Qt::endl;
        return Failure;
    }
    context.out
        << tr("%1 (%2) is a member with role %3.").arg(parser.value(kName), login, parser.value(kRole))
        << Qt::endl;
    if (!parser.isSet(kPasswordStdin))
        // A login made here without one has no password: it signs in only by the server's other
        // means (pg_hba.conf). One the server had before keeps its own.
        context.err << tr("Note: no password was given (--password-stdin): %1 signs in with the password its "
                          "login had already, if any, or by the server's other means (pg_hba.conf); a login "
                          "without either cannot sign in.")
                           .arg(login)
                    << Qt::endl;
    return Success;
}

int TeamCommand::list(TeamDatabase& db, Context& context)
{
    Result<QList<TeamDatabase::Member>> members = TeamMembers(db).list();
    if (!members) {
        context.err << tr("tenure-cli team list: %1").arg(members.error()) << Qt::endl;
        return Failure;
    }
    context.out << padRight(tr("Login"), 20) << ' ' << padRight(tr("Role"), 8) << ' ' << tr("Name") << '\n';
    for (const TeamDatabase::Member& member : *members)
        context.out << padRight(member.login, 20) << ' ' << padRight(member.role, 8) << ' '
                    << member.displayName << '\n';
    Result<bool> ownOnly = TeamAccess::ownAccountsOnly(db);
    if (!ownOnly) {
        context.err << tr("tenure-cli team list: %1").arg(ownOnly.error()) << Qt::endl;
        return Failure;
    }
    context.out << '\n'
                << (*ownOnly ? tr("own-accounts-only: on (each CSM sees only the accounts they own)")
                             : tr("own-accounts-only: off (every member sees every account)"))
                << Qt::endl;
    return Success;
}

int TeamCommand::upgrade(const TeamLocation& location, Context& context)
{
    Result<std::unique_ptr<TeamDatabase>> db = TeamDatabase::open(location, TeamDatabase::Purpose::Upgrade);
    if (!db) {
        context.err << tr("tenure-cli team upgrade: %1").arg(db.error()) << Qt::endl;
        return Failure;
    }
    Result<int> was = TeamSchema::upgrade(**db);
    if (!was) {
        context.err << tr("tenure-cli team upgrade: %1").arg(was.error()) << Qt::endl;
        return Failure;
    }
    warnIfOpenToEveryLogin(**db, context);
    if (*was == TeamSchema::currentVersion())
        context.out << tr("Team workspace %1 has schema %2 already.").arg(location.display()).arg(*was)
                    << Qt::endl;
    else
        context.out << tr("Team workspace %1 upgraded from schema %2 to %3.")
                           .arg(location.display())
                           .arg(*was)
                           .arg(TeamSchema::currentVersion())
                    << Qt::endl;
    return Success;
}

int TeamCommand::set(TeamDatabase& db, const QString& setting, const QString& value, Context& context)
{
    Q_ASSERT(setting == QLatin1String("own-accounts-only"));
    const bool on = value == QLatin1String("on");
    if (Status done = TeamAccess::setOwnAccountsOnly(db, on); !done) {
        context.err << tr("tenure-cli team set: %1").arg(done.error()) << Qt::endl;
        return Failure;
    }
    context.out << (on ? tr("own-accounts-only is on: each CSM of %1 now sees only the accounts they own "
                            "(admins, the engine and the ingest role see every account).")
                       : tr("own-accounts-only is off: every member of %1 sees every account."))
                       .arg(db.location().display())
                << Qt::endl;
    return Success;
}

int TeamCommand::push(TeamDatabase& db, const QCommandLineParser& parser, Context& context)
{
    if (!parser.isSet(kFrom)) {
        context.err << tr("tenure-cli team push: expected --from FILE, the workspace file to move in")
                    << Qt::endl;
        return UsageError;
    }
    Result<std::unique_ptr<Database>> local = Database::open(parser.value(kFrom), Database::Mode::ReadOnly);
    if (!local) {
        context.err << tr("tenure-cli team push: %1").arg(local.error()) << Qt::endl;
        return Failure;
    }
    Result<TeamPush::Report> report = TeamPush(**local, db).run();
    if (!report) {
        context.err << tr("tenure-cli team push: %1").arg(report.error()) << Qt::endl;
        return Failure;
    }
    context.out << padRight(tr("Table"), 16) << ' ' << padLeft(tr("In the file"), 12) << ' '
                << padLeft(tr("Added"), 12) << '\n';
    for (const TeamPush::TableCount& table : report->tables)
        context.out << padRight(table.table, 16) << ' ' << padLeft(QString::number(table.source), 12) << ' '
                    << padLeft(QString::number(table.added), 12) << '\n';
    for (const QString& warning : report->warnings)
        context.out << tr("Note: %1").arg(warning) << '\n';
    context.out << tr("Pushed %1 into %2: %3 rows added.")
                       .arg(QDir::toNativeSeparators((*local)->path()), db.location().display())
                       .arg(report->added())
                << Qt::endl;
    return Success;
}

} // namespace tenure::cli
