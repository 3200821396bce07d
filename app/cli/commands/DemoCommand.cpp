#include "cli/commands/DemoCommand.h"

#include "demo/DemoWorkspace.h"
#include "rules/RuleStore.h"
#include "store/WorkspaceSettings.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLocale>

namespace tenure::cli {

DemoCommand::DemoCommand()
    : Command(
        QStringLiteral("demo"),
        tr("Create or fill a workspace with a demo portfolio: accounts, a year of product events, outcomes."))
{
}

void DemoCommand::addOptions(CommandHelp& parser)
{
    parser.addOption({ QStringLiteral("seed"), tr("Random seed; the same seed gives the same workspace."),
                       tr("number"), QString::number(DemoGenerator::Options {}.seed) });
    parser.addOption({ QStringLiteral("accounts"), tr("Number of accounts."), QStringLiteral("count"),
                       QStringLiteral("300") });
    parser.addOption({ QStringLiteral("today"), tr("The demo's today (events end the day before)."),
                       QStringLiteral("YYYY-MM-DD") });
    addTimeZoneOption(parser, tr("The workspace time zone (default: this machine's)."));
}

int DemoCommand::run(const QCommandLineParser& parser, Context& context)
{
    DemoGenerator::Options options;
    bool ok = false;
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) {
        context.err << tr("tenure-cli demo: --seed expects a whole number, got \"%1\".")
                           .arg(parser.value(QStringLiteral("seed")))
                    << Qt::endl;
        return UsageError;
    }
    options.accounts = parser.value(QStringLiteral("accounts")).toInt(&ok);
    if (!ok || options.accounts < 1 || options.accounts > 1000000) {
        context.err << tr("tenure-cli demo: --accounts expects a number from 1 to 1000000.") << Qt::endl;
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("today"))) {
        options.today = QDate::fromString(parser.value(QStringLiteral("today")), Qt::ISODate);
        if (!options.today.isValid()) {
            context.err << tr("tenure-cli demo: --today expects a date as YYYY-MM-DD, got \"%1\".")
                               .arg(parser.value(QStringLiteral("today")))
                        << Qt::endl;
            return UsageError;
        }
    }

    QByteArray zone;
    if (!readTimeZone(parser, context, zone))
        return UsageError;

    std::unique_ptr<Database> db = openWorkspace(parser, context, Database::Mode::ReadWrite);
    if (!db)
        return Failure;
    QElapsedTimer timer;
    timer.start();
    const Result<DemoWorkspace::Summary> summary = DemoWorkspace::populate(*db, options);
    if (!summary) {
        context.err << tr("tenure-cli demo: %1").arg(summary.error()) << Qt::endl;
        return Failure;
    }
    // Once the demo is in: a demo refused leaves the workspace's zone as it was.
    if (!zone.isEmpty()) {
        if (Status set = WorkspaceSettings(*db).setTimeZone(zone); !set) {
            context.err << tr("tenure-cli demo: %1").arg(set.error()) << Qt::endl;
            return Failure;
        }
    }
    // The default rules in the language the demo was made in (--language), not in that of
    // whatever scores it first.
    if (const Result<RuleStore::Active> rules = RuleStore(*db).active(); !rules) {
        context.err << tr("tenure-cli demo: %1").arg(rules.error()) << Qt::endl;
        return Failure;
    }
    const QLocale c = QLocale::c();
    context.out << tr("Demo workspace %1: %2 accounts, %3 new events, %4 outcomes (%5 s).")
                       .arg(QDir::toNativeSeparators(db->path()), c.toString(summary->accounts),
                            c.toString(summary->events), c.toString(summary->outcomes),
                            QString::number(timer.elapsed() / 1000.0, 'f', 1))
                << Qt::endl;
    return Success;
}

} // namespace tenure::cli
