#include "cli/commands/ExportCommand.h"

#include "report/CustomerExport.h"
#include "store/WorkspaceSettings.h"

namespace tenure::cli {

ExportCommand::ExportCommand()
    : Command(QStringLiteral("export"),
              tr("Export the customer list (status, ARR, renewal) as CSV for spreadsheets."))
{
}

void ExportCommand::addOptions(CommandHelp& parser)
{
    parser.addPositionalArgument(QStringLiteral("what"), tr("customers"));
    parser.addOption({ QStringLiteral("csv"), tr("The CSV file to write."), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("encoding"),
                       tr("utf-8 (with a byte-order mark, the default) or cp932."), QStringLiteral("name") });
    parser.addOption({ QStringLiteral("owner"), tr("Only this owner's accounts."), QStringLiteral("name") });
}

int ExportCommand::run(const QCommandLineParser& parser, Context& context)
{
    const QStringList positional = parser.positionalArguments();
    if (positional != QStringList { QStringLiteral("customers") } || !parser.isSet(QStringLiteral("csv"))) {
        context.err << tr(
            "tenure-cli export: expected customers --csv FILE [--encoding cp932] [--owner NAME]")
                    << Qt::endl;
        return UsageError;
    }
    if (Result<QByteArray> encoding = CustomerExport::encodingNamed(parser.value(QStringLiteral("encoding")));
        !encoding) {
        context.err << tr("tenure-cli export: %1").arg(encoding.error()) << Qt::endl;
        return UsageError; // before anything is opened
    }
    std::unique_ptr<Database> db = openForReading(parser, context, Database::Mode::ReadOnly);
    if (!db)
        return Failure;
    const QDate today = WorkspaceSettings(*db).today();
    const Result<PortfolioReport> list
        = PortfolioReport::load(*db, today, parser.value(QStringLiteral("owner")));
    if (!list) {
        context.err << tr("tenure-cli export: %1").arg(list.error()) << Qt::endl;
        return Failure;
    }
    const QString path = parser.value(QStringLiteral("csv"));
    if (Status written = CustomerExport::write(*list, path, parser.value(QStringLiteral("encoding")));
        !written) {
        context.err << tr("tenure-cli export: %1").arg(written.error()) << Qt::endl;
        return Failure;
    }
    context.out << tr("Wrote %1 accounts to %2.").arg(list->rows.size()).arg(path) << Qt::endl;
    return Success;
}

} // namespace tenure::cli
