#include "cli/commands/StatsCommand.h"

#include "cli/TextColumns.h"
#include "store/WorkspaceStats.h"
#include "team/TeamAccess.h"
#include "team/TeamDatabase.h"
#include "team/TeamStats.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace tenure::cli {

StatsCommand::StatsCommand()
    : Command(QStringLiteral("stats"), tr("Count the accounts, events, outcomes and sources of a workspace."))
{
}

void StatsCommand::addOptions(CommandHelp& parser)
{
    parser.addOption({ QStringLiteral("json"), tr("Print one JSON object instead of a table.") });
}

int StatsCommand::run(const QCommandLineParser& parser, Context& context)
{
    const QString path = workspacePath(parser, context);
    std::unique_ptr<Database> db;
    std::unique_ptr<TeamDatabase> team;
    Result<WorkspaceStats> stats = Error {};
    if (TeamLocation::isTeamLocation(path)) {
        Result<TeamLocation> location = TeamLocation::parse(path);
        Result<std::unique_ptr<TeamDatabase>> opened = location
            ? TeamDatabase::open(*location)
            : Result<std::unique_ptr<TeamDatabase>>(Error { location.error() });
        if (!opened) {
            context.err << tr("tenure-cli stats: %1").arg(opened.error()) << Qt::endl;
            return Failure;
        }
        team = std::move(opened).value();
        stats = loadTeamStats(*team);
    } else {
        // Read-only: stats never changes a workspace, and works on one that is write-protected.
        db = openWorkspace(parser, context, Database::Mode::ReadOnly);
        if (!db)
            return Failure;
        stats = WorkspaceStats::load(*db, WorkspaceStats::Detail::PerSource);
    }
    const QString shown = team ? team->location().display() : QDir::toNativeSeparators(db->path());
    if (!stats) {
        context.err << tr("tenure-cli stats: %1").arg(stats.error()) << Qt::endl;
        return Failure;
    }
    // A team's counts are what the signed-in login sees: with own-accounts-only on, a CSM's own.
    std::optional<bool> ownOnly;
    std::optional<bool> seesAll;
    if (team) {
        Result<bool> setting = TeamAccess::ownAccountsOnly(*team);
        Result<bool> everything = setting ? TeamAccess::seesEverything(*team) : Result<bool>(false);
        if (!setting || !everything) {
            context.err << tr("tenure-cli stats: %1").arg(setting ? everything.error() : setting.error())
                        << Qt::endl;
            return Failure;
        }
        ownOnly = *setting;
        seesAll = *everything;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject bySource;
        for (const auto& [source, count] : stats->eventsBySource)
            bySource.insert(source, count);
        QJsonObject object { { QStringLiteral("workspace"), team ? team->location().toUrl() : db->path() },
                             { QStringLiteral("schema"), stats->schemaVersion },
                             { QStringLiteral("time_zone"), stats->timeZone },
                             { QStringLiteral("accounts"), stats->accounts },
                             { QStringLiteral("events"), stats->events },
                             { QStringLiteral("outcomes"), stats->outcomes },
                             { QStringLiteral("sources"), stats->sources },
                             { QStringLiteral("events_by_source"), bySource } };
        if (ownOnly) {
            object.insert(QStringLiteral("own_accounts_only"), *ownOnly);
            object.insert(QStringLiteral("sees_every_account"), *seesAll);
        }
        context.out << QJsonDocument(object).toJson(QJsonDocument::Indented) << Qt::flush;
        return Success;
    }
    QTextStream& out = context.out;
    out << tr("Workspace  %1").arg(shown) << '\n'
        << tr("Schema     %1").arg(stats->schemaVersion) << '\n'
        << tr("Time zone  %1").arg(stats->timeZone) << '\n'
        << tr("Accounts   %1").arg(stats->accounts) << '\n'
        << tr("Events     %1").arg(stats->events) << '\n'
        << tr("Outcomes   %1").arg(stats->outcomes) << '\n'
        << tr("Sources    %1").arg(stats->sources) << '\n';
    for (const auto& [source, count] : stats->eventsBySource)
        out << "  " << padRight(source, 24) << ' ' << count << '\n';
    if (ownOnly)
        out << tr("Visible    %1")
                   .arg(!*ownOnly      ? tr("every account (own-accounts-only off)")
                            : *seesAll ? tr("every account (own-accounts-only on; admins see all)")
                                       : tr("your own accounts only (own-accounts-only on)"))
            << '\n';
    out << Qt::flush;
    return Success;
}

} // namespace tenure::cli
