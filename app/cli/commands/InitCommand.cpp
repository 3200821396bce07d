#include "cli/commands/InitCommand.h"

#include "store/WorkspaceSettings.h"

#include <QDir>
#include <QFileInfo>

namespace tenure::cli {

InitCommand::InitCommand()
    : Command(QStringLiteral("init"), tr("Create an empty workspace, or upgrade an existing one."))
{
}

void InitCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("time-zone"),
                       tr("IANA time zone whose calendar days the rules count in (default: this machine's)."),
                       tr("zone") });
}

int InitCommand::run(const QCommandLineParser& parser, Context& context)
{
    const bool existed = QFileInfo::exists(workspacePath(parser, context));
    std::unique_ptr<Database> db = openWorkspace(parser, context, Database::Mode::ReadWrite);
    if (!db)
        return Failure;
    WorkspaceSettings settings(*db);
    const QString zone = parser.value(QStringLiteral("time-zone"));
    if (!zone.isEmpty() || settings.value(QStringLiteral("time_zone")).isEmpty()) {
        const QByteArray id = zone.isEmpty() ? QTimeZone::systemTimeZoneId() : zone.toUtf8();
        if (Status set = settings.setTimeZone(id); !set) {
            context.err << tr("tenure-cli init: %1").arg(set.error()) << Qt::endl;
            return zone.isEmpty() ? Failure : UsageError;
        }
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
