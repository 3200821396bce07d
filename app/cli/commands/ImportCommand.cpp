#include "cli/commands/ImportCommand.h"

#include "ingest/CsvImporter.h"
#include "ingest/CsvReader.h"
#include "ingest/TextDecoding.h"
#include "store/WorkspaceSettings.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <climits>

namespace tenure::cli {

ImportCommand::ImportCommand()
    : Command(QStringLiteral("import"),
              tr("Import a CSV export: KIND is accounts, events, outcomes or keys (another key → account)."))
{
}

void ImportCommand::addOptions(CommandHelp& parser)
{
    parser.addPositionalArgument(QStringLiteral("kind"), tr("accounts, events, outcomes or keys"));
    parser.addPositionalArgument(QStringLiteral("file"), tr("The CSV file."));
    parser.addOption({ QStringLiteral("mapping"), tr("Column mapping (JSON) instead of the detected one."),
                       QStringLiteral("file") });
    parser.addOption({ QStringLiteral("encoding"),
                       tr("utf-8, utf-16le, utf-16be, cp932 (shift_jis), windows-1252, euc-jp "
                          "(default: detected)."),
                       QStringLiteral("name") });
    parser.addOption({ QStringLiteral("source"),
                       tr("Source name (default: the file name). Re-imports of the same "
                          "source add nothing twice; its mapping is kept as a preset."),
                       QStringLiteral("name") });
    parser.addOption({ QStringLiteral("namespace"),
                       tr("For keys: what the keys are (e.g. subscription, user)."),
                       QStringLiteral("name") });
    parser.addOption(
        { QStringLiteral("skip-bad-rows"),
          tr("Import the good rows and report the bad ones (default: any bad row aborts the import).") });
    parser.addOption({ QStringLiteral("dry-run"), tr("Check every row and report, write nothing.") });
    parser.addOption({ QStringLiteral("json"), tr("Print the report as one JSON object.") });
}

int ImportCommand::run(const QCommandLineParser& parser, Context& context)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        context.err << tr(
            "tenure-cli import: expected KIND and FILE, e.g. tenure-cli import events usage.csv")
                    << Qt::endl;
        return UsageError;
    }
    const std::optional<ImportMapping::Kind> kind = ImportMapping::kindFromName(positional[0]);
    if (!kind) {
        context.err
            << tr("tenure-cli import: unknown kind \"%1\"; expected accounts, events, outcomes or keys")
                   .arg(positional[0])
            << Qt::endl;
        return UsageError;
    }
    // The command line first, then the file: neither opens the workspace when wrong.
    if (parser.isSet(QStringLiteral("encoding"))) {
        if (Result<QByteArray> named = TextDecoding::canonicalName(parser.value(QStringLiteral("encoding")));
            !named) {
            context.err << tr("tenure-cli import: %1").arg(named.error()) << Qt::endl;
            return UsageError;
        }
    }
    if (const QFileInfo csv(positional[1]); !csv.isFile() || !csv.isReadable()) {
        context.err << tr("tenure-cli import: %1: %2")
                           .arg(positional[1], csv.exists() ? tr("not a readable file") : tr("no such file"))
                    << Qt::endl;
        return Failure;
    }
    CsvImporter::Options options;
    options.kind = *kind;
    options.source = parser.value(QStringLiteral("source"));
    options.encoding = parser.value(QStringLiteral("encoding"));
    options.keyNamespace = parser.value(QStringLiteral("namespace"));
    options.onError = parser.isSet(QStringLiteral("skip-bad-rows")) ? CsvImporter::OnError::Skip
                                                                    : CsvImporter::OnError::Abort;
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (parser.isSet(QStringLiteral("mapping"))) {
        Result<ImportMapping> mapping = ImportMapping::load(parser.value(QStringLiteral("mapping")));
        if (!mapping) {
            context.err << tr("tenure-cli import: %1").arg(mapping.error()) << Qt::endl;
            return Failure;
        }
        options.mapping = std::move(mapping).value();
    }

    // A team workspace: the importer runs on a staged copy of the team's master data, and what it
    // added is published to the team in one transaction (TeamImport).
    WritableWorkspace workspace;
    if (!openWritable(parser, context, TeamImport::Kind::Import, workspace))
        return Failure;
    Database* db = workspace.db;
    QElapsedTimer timer;
    timer.start();
    CsvImporter importer(*db, WorkspaceSettings(*db).timeZone());
    const Result<CsvImporter::Report> report = importer.run(positional[1], options);
    if (!report) {
        context.err << tr("tenure-cli import: %1").arg(report.error()) << Qt::endl;
        return Failure;
    }
    const bool failed = report->rejected > 0 && options.onError == CsvImporter::OnError::Abort;
    // Into the team: only what the importer committed, all at once.
    QString published;
    if (report->committed && !failed && !options.dryRun) {
        Result<QString> sent = workspace.publish();
        if (!sent) {
            context.err << tr("tenure-cli import: %1").arg(sent.error()) << Qt::endl;
            return Failure;
        }
        published = sent.value();
    }
    const double seconds = timer.elapsed() / 1000.0;

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray errors;
        for (const RowError& error : report->errors)
            errors.append(QJsonObject { { QStringLiteral("line"), error.line },
                                        { QStringLiteral("column"), error.column },
                                        { QStringLiteral("column_name"), error.columnName },
                                        { QStringLiteral("message"), error.message } });
        const QJsonObject object { { QStringLiteral("file"), report->fileName },
                                   { QStringLiteral("kind"), ImportMapping::kindName(*kind) },
                                   { QStringLiteral("source"), report->source },
                                   { QStringLiteral("encoding"), QString::fromLatin1(report->encoding) },
                                   { QStringLiteral("delimiter"), QString(report->delimiter) },
                                   { QStringLiteral("mapping"), report->mapping.toJson() },
                                   { QStringLiteral("rows"), report->rows },
                                   { QStringLiteral("inserted"), report->inserted },
                                   { QStringLiteral("updated"), report->updated },
                                   { QStringLiteral("unchanged"), report->unchanged },
                                   { QStringLiteral("rejected"), report->rejected },
                                   { QStringLiteral("left_out"), report->leftOut },
                                   { QStringLiteral("currency_assumed"), report->currencyAssumed },
                                   { QStringLiteral("committed"), report->committed },
                                   { QStringLiteral("dry_run"), options.dryRun },
                                   { QStringLiteral("errors"), errors },
                                   { QStringLiteral("seconds"), seconds },
                                   { QStringLiteral("team"), published } };
        context.out << QJsonDocument(object).toJson(QJsonDocument::Indented) << Qt::flush;
        return failed ? Failure : Success;
    }

    for (const RowError& error : report->errors)
        context.err << error.toString(report->fileName) << '\n';
    // Counted in the shared "Command" context, named for lupdate: "1 row" is in tenure_en.ts.
    // (Counts as plain ints: lupdate loops on a template's angle brackets among translate()'s
    // arguments; and a translate() call in a chain of << makes lupdate file the calls after it
    // under another context, so each is made on a line of its own.)
    const int rejected = int(std::min<qint64>(report->rejected, INT_MAX));
    if (report->rejected > report->errors.size()) {
        const int more = int(std::min<qint64>(report->rejected - report->errors.size(), INT_MAX));
        context.err << QCoreApplication::translate("Command", "... and %n more bad rows", nullptr, more)
                    << '\n';
    }
    context.err << Qt::flush;
    // One arg() for all: a file name with "%2" in it stays as it is.
    const int rows = int(std::min<qint64>(report->rows, INT_MAX));
    const QString rowsRead = QCoreApplication::translate("Command", "%n rows", nullptr, rows);
    context.out << tr("%1 (%2, %3-separated) → source \"%4\": %5 read.")
                       .arg(report->fileName, QString::fromLatin1(report->encoding),
                            CsvReader::delimiterName(report->delimiter), report->source, rowsRead)
                << '\n'
                << tr("Columns: %1").arg(report->mapping.describe()) << '\n';
    if (report->leftOut > 0) {
        const int leftOut = int(std::min<qint64>(report->leftOut, INT_MAX));
        context.out << QCoreApplication::translate(
            "Command", "%n rows left out: the mapping's \"when\" does not keep them (not errors).", nullptr,
            leftOut) << '\n';
    }
    if (report->currencyAssumed > 0 && (report->committed || options.dryRun))
        context.out << report->currencyNotice() << '\n';
    if (options.dryRun) {
        context.out << tr("Dry run: %1 rows ready, %2 bad; nothing was written.")
                           .arg(report->inserted)
                           .arg(report->rejected)
                    << Qt::endl;
        return report->rejected > 0 ? Failure : Success;
    }
    if (failed) {
        context.out << QCoreApplication::translate(
            "Command",
            "%n bad rows: nothing was imported. Fix them, or import the rest with --skip-bad-rows.", nullptr,
            rejected)
                    << Qt::endl;
        return Failure;
    }
    const int imported
        = int(std::min<qint64>(report->inserted + report->updated + report->unchanged, INT_MAX));
    QString counted;
    switch (*kind) {
    case ImportMapping::Kind::Accounts:
        counted = QCoreApplication::translate("Command", "%n accounts", nullptr, imported);
        break;
    case ImportMapping::Kind::Events:
        counted = QCoreApplication::translate("Command", "%n events", nullptr, imported);
        break;
    case ImportMapping::Kind::Outcomes:
        counted = QCoreApplication::translate("Command", "%n outcomes", nullptr, imported);
        break;
    case ImportMapping::Kind::Keys:
        counted = QCoreApplication::translate("Command", "%n account keys", nullptr, imported);
        break;
    }
    context.out << tr("Imported %1: %2 new, %3 updated, %4 already there, %5 (%6 s).")
                       .arg(counted)
                       .arg(report->inserted)
                       .arg(report->updated)
                       .arg(report->unchanged)
                       .arg(QCoreApplication::translate("Command", "%n bad rows skipped", nullptr, rejected))
                       .arg(seconds, 0, 'f', 2)
                << Qt::endl;
    if (!published.isEmpty())
        context.out << published << Qt::endl;
    return Success;
}

} // namespace tenure::cli
