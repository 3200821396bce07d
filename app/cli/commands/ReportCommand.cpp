#include "cli/commands/ReportCommand.h"

#include "print/ReportPdf.h"
#include "report/AccountReport.h"
#include "report/PortfolioReport.h"
#include "store/WorkspaceSettings.h"

namespace tenure::cli {

ReportCommand::ReportCommand()
    : Command(QStringLiteral("report"),
              tr("Write an account report (ACCOUNT_ID) or a portfolio report (--portfolio) as PDF."))
{
}

void ReportCommand::addOptions(CommandHelp& parser)
{
    parser.addPositionalArgument(QStringLiteral("account"), tr("The account to report on."),
                                 QStringLiteral("[ACCOUNT_ID]"));
    parser.addOption(
        { QStringLiteral("portfolio"), tr("A portfolio report of every account (or one owner's).") });
    parser.addOption({ QStringLiteral("owner"), tr("With --portfolio: only this owner's accounts."),
                       QStringLiteral("name") });
    parser.addOption({ QStringLiteral("pdf"), tr("The PDF file to write."), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("page-size"), tr("a4 or letter (default: by the locale)."),
                       QStringLiteral("size") });
    parser.addOption(
        { QStringLiteral("as-of"), tr("The report's day (default: today)."), QStringLiteral("YYYY-MM-DD") });
}

int ReportCommand::run(const QCommandLineParser& parser, Context& context)
{
    const QStringList positional = parser.positionalArguments();
    const bool portfolio = parser.isSet(QStringLiteral("portfolio"));
    if (!parser.isSet(QStringLiteral("pdf"))
        || (portfolio ? !positional.isEmpty() : positional.size() != 1)) {
        context.err << tr(
            "tenure-cli report: expected ACCOUNT_ID --pdf FILE, or --portfolio [--owner NAME] --pdf FILE")
                    << Qt::endl;
        return UsageError;
    }
    QPageSize::PageSizeId size = ReportPdf::defaultPageSize();
    if (parser.isSet(QStringLiteral("page-size"))) {
        const QString name = parser.value(QStringLiteral("page-size")).toLower();
        if (name != QLatin1String("a4") && name != QLatin1String("letter")) {
            context.err << tr("tenure-cli report: --page-size expects a4 or letter, got \"%1\"").arg(name)
                        << Qt::endl;
            return UsageError;
        }
        size = name == QLatin1String("a4") ? QPageSize::A4 : QPageSize::Letter;
    }
    QDate asOf;
    if (parser.isSet(QStringLiteral("as-of"))) {
        asOf = QDate::fromString(parser.value(QStringLiteral("as-of")), Qt::ISODate);
        if (!asOf.isValid()) {
            context.err << tr("tenure-cli report: --as-of expects YYYY-MM-DD") << Qt::endl;
            return UsageError;
        }
    }
    std::unique_ptr<Database> db = openForReading(parser, context, Database::Mode::ReadOnly);
    if (!db)
        return Failure;
    if (!asOf.isValid())
        asOf = WorkspaceSettings(*db).today();
    const QString path = parser.value(QStringLiteral("pdf"));
    Result<int> pages = Error { QString() };
    if (portfolio) {
        const Result<PortfolioReport> report
            = PortfolioReport::load(*db, asOf, parser.value(QStringLiteral("owner")));
        if (!report) {
            context.err << tr("tenure-cli report: %1").arg(report.error()) << Qt::endl;
            return Failure;
        }
        if (report->rows.isEmpty()) {
            context.err << tr("tenure-cli report: no accounts%1")
                               .arg(parser.isSet(QStringLiteral("owner"))
                                        ? tr(" owned by \"%1\"").arg(parser.value(QStringLiteral("owner")))
                                        : QString())
                        << Qt::endl;
            return Failure;
        }
        pages = ReportPdf::write(*report, path, size);
    } else {
        const Result<AccountReport> report = AccountReport::load(*db, positional.first(), asOf);
        if (!report) {
            context.err << tr("tenure-cli report: %1").arg(report.error()) << Qt::endl;
            return Failure;
        }
        pages = ReportPdf::write(*report, path, size);
    }
    if (!pages) {
        context.err << tr("tenure-cli report: %1").arg(pages.error()) << Qt::endl;
        return Failure;
    }
    // The context tr() has at run time (Command's), named for lupdate: "1 page" is in tenure_en.ts.
    context.out
        << QCoreApplication::translate("Command", "Wrote %1 (%n pages).", nullptr, pages.value()).arg(path)
        << Qt::endl;
    return Success;
}

} // namespace tenure::cli
