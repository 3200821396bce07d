#include "cli/commands/PullCommand.h"

#include "ingest/connectors/ConnectorStore.h"
#include "ingest/connectors/PullRunner.h"
#include "ingest/connectors/SecretStore.h"
#include "team/TeamDatabase.h"

#include <QElapsedTimer>

namespace tenure::cli {

PullCommand::PullCommand()
    : Command(QStringLiteral("pull"),
              tr("Pull new events from the product API connectors (all, or the one named)."))
{
}

void PullCommand::addOptions(CommandHelp& parser)
{
    parser.addPositionalArgument(QStringLiteral("name"), tr("The connector to pull (default: all)."),
                                 QStringLiteral("[name]"));
}

int PullCommand::run(const QCommandLineParser& parser, Context& context)
{
    const QStringList positional = parser.positionalArguments(); // at most one (maxArguments())
    // A team workspace: the connectors pull into a staged copy that goes on from the team's
    // cursors; the events and the moved cursors go to the team together at the end (TeamImport).
    WritableWorkspace workspace;
    if (!openWritable(parser, context, TeamImport::Kind::Pull, workspace))
        return Failure;
    Database* db = workspace.db;
    if (!db)
        return Failure;
    ConnectorStore store(*db);
    QList<ConnectorStore::Entry> entries;
    if (positional.isEmpty()) {
        Result<QList<ConnectorStore::Entry>> all = store.all();
        if (!all) {
            context.err << tr("tenure-cli pull: %1").arg(all.error()) << Qt::endl;
            return Failure;
        }
        entries = std::move(all).value();
        if (entries.isEmpty()) {
            // A team's connectors come in with a push (docs/team.md).
            context.out << (workspace.team
                                ? tr("The team workspace %1 has no connectors to pull: an admin adds them to "
                                     "a workspace file "
                                     "(tenure-cli connector add) and moves them in with tenure-cli team push "
                                     "(docs/team.md).")
                                      .arg(workspace.team->location().display())
                                : tr("No connectors to pull. Add one with: tenure-cli connector add FILE"))
                        << Qt::endl;
            return Success;
        }
    } else {
        Result<ConnectorStore::Entry> one = store.find(positional.first());
        if (!one) {
            context.err << tr("tenure-cli pull: %1").arg(one.error()) << Qt::endl;
            return Failure;
        }
        entries.append(std::move(one).value());
    }

    int failures = 0;
    for (const ConnectorStore::Entry& entry : std::as_const(entries)) {
        const QString& name = entry.config.name;
        Result<QString> secret = SecretStore::read(name);
        if (entry.config.auth != ConnectorConfig::Auth::None && (!secret || secret->isEmpty())) {
            context.err << tr("tenure-cli pull: %1: %2")
                               .arg(name,
                                    secret
                                        ? tr("no secret stored; run tenure-cli connector secret %1 or set %2")
                                              .arg(name, SecretStore::environmentVariable(name))
                                        : secret.error())
                        << Qt::endl;
            ++failures;
            continue;
        }
        QElapsedTimer timer;
        timer.start();
        PullRunner runner(*db, entry.config);
        runner.setSecret(secret ? secret.value() : QString());
        const Result<PullRunner::Report> report = runner.runToEnd();
        if (!report) {
            context.err << tr("tenure-cli pull: %1").arg(report.error()) << Qt::endl;
            ++failures;
            continue;
        }
        for (const QString& rejection : report->rejections)
            context.err << tr("%1: %2").arg(name, rejection) << '\n';
        context.err << Qt::flush;
        // Into a team, the events went into a staged copy, which holds none of the team's log: what
        // is new to the team is said once they are sent ("Into the team workspace …").
        const QString events = workspace.staged
            ? tr("%1 events read").arg(report->inserted + report->duplicates)
            : tr("%1 new events, %2 already there").arg(report->inserted).arg(report->duplicates);
        // The connector's name goes in last, in one arg(): a "%2" in a name is not a place to fill.
        const QString counts = tr("%1 pages, %2 records: %3, %4 rejected, %5 retries%6 (%7 s).")
                                   .arg(report->pages)
                                   .arg(report->records)
                                   .arg(events)
                                   .arg(report->rejected)
                                   .arg(report->retries)
                                   .arg(report->resumed ? tr(", resumed an interrupted run") : QString())
                                   .arg(timer.elapsed() / 1000.0, 0, 'f', 2);
        context.out << tr("%1: %2").arg(name, counts) << Qt::endl;
    }
    if (Result<QString> sent = workspace.publish(); !sent) {
        context.err << tr("tenure-cli pull: %1").arg(sent.error()) << Qt::endl;
        return Failure;
    } else if (!sent->isEmpty()) {
        context.out << sent.value() << Qt::endl;
    }
    return failures > 0 ? Failure : Success;
}

} // namespace tenure::cli
