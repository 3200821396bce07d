#include "cli/commands/InitCommand.h"

#include "rules/RuleStore.h"
#include "store/WorkspaceSettings.h"

#include <QDir>
#include <QFileInfo>

namespace tenure::cli {

InitCommand::InitCommand()
    : Command(QStringLiteral("init"), tr("Create an empty workspace, or upgrade an existing one."))
{
}

void InitCommand::addOptions(CommandHelp& parser)
{
    addTimeZoneOption(parser,
                      tr("IANA time zone whose calendar days the rules count in (default: this machine's)."));
}

int InitCommand::run(const QCommandLineParser& parser, Context& context)
{
    QByteArray zone;
    if (!readTimeZone(parser, context, zone))
        return UsageError;
    const bool existed = QFileInfo::exists(workspacePath(parser, context));
    std::unique_ptr<Database> db = openWorkspace(parser, context, Database::Mode::ReadWrite);
    if (!db)
        return Failure;
    WorkspaceSettings settings(*db); // a new workspace already has this machine's zone
    if (!zone.isEmpty()) {
        if (Status set = settings.setTimeZone(zone); !set) {
            context.err << tr("tenure-cli init: %1").arg(set.error()) << Qt::endl;
            return Failure;
        }
    }
    // A new workspace keeps the default rules in the language it was made in (--language).
    if (const Result<RuleStore::Active> rules = RuleStore(*db).active(); !rules) {
        context.err << tr("tenure-cli init: %1").arg(rules.error()) << Qt::endl;
        return Failure;
    }
    const QString shown = QDir::toNativeSeparators(db->path());
    context.out << (existed ? tr("Workspace %1 is ready (schema %2, time zone %3).")
                            : tr("Created workspace %1 (schema %2, time zone %3)."))
                       .arg(shown)
                       .arg(db->schemaVersion())
                       .arg(QString::fromUtf8(settings.timeZone().id()))
                << Qt::endl;
    return Success;
}

} // namespace tenure::cli
