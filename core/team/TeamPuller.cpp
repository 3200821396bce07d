#include "team/TeamPuller.h"

#include "ingest/connectors/ConnectorStore.h"
#include "ingest/connectors/PullRunner.h"
#include "ingest/connectors/PullWorker.h"
#include "ingest/connectors/SecretStore.h"
#include "team/TeamDatabase.h"
#include "team/TeamImport.h"

#include <QTemporaryDir>

namespace tenure {

Result<qint64> TeamPuller::pullDue(const TeamLocation& location, const QString& password,
                                   const QDateTime& now, const Log& log)
{
    Result<std::unique_ptr<TeamDatabase>> team
        = TeamDatabase::open(location, TeamDatabase::Purpose::Use, password);
    if (!team)
        return Error { team.error() };
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error { tr("no temporary folder to stage the pulls in: %1").arg(dir.errorString()) };
    Result<std::unique_ptr<TeamImport>> staged
        = TeamImport::stage(**team, dir.filePath(QStringLiteral("pull.tenure")), TeamImport::Kind::Pull);
    if (!staged)
        return Error { staged.error() };
    Result<QList<ConnectorStore::Entry>> entries = ConnectorStore((*staged)->staging()).all();
    if (!entries)
        return Error { entries.error() };
    int pulled = 0;
    for (const ConnectorStore::Entry& entry : std::as_const(*entries)) {
        if (!PullWorker::isDue(entry.config, entry.state, now))
            continue;
        const QString& name = entry.config.name;
        Result<QString> secret = SecretStore::read(name);
        if (entry.config.auth != ConnectorConfig::Auth::None && (!secret || secret->isEmpty())) {
            log(tr("Pull of %1 skipped: no secret on this machine (set %2).")
                    .arg(name, SecretStore::environmentVariable(name)));
            continue;
        }
        PullRunner runner((*staged)->staging(), entry.config);
        runner.setSecret(secret ? secret.value() : QString());
        const Result<PullRunner::Report> report = runner.runToEnd();
        if (!report) {
            log(tr("Pull of %1 failed: %2").arg(name, report.error()));
            continue;
        }
        ++pulled;
        log(tr("Pulled %1: %2 pages, %3 records, %4 rejected.")
                .arg(name)
                .arg(report->pages)
                .arg(report->records)
                .arg(report->rejected));
    }
    if (pulled == 0)
        return qint64(0);
    Result<TeamPush::Report> sent = (*staged)->publish();
    if (!sent)
        return Error { sent.error() };
    qint64 events = 0;
    for (const TeamPush::TableCount& table : sent->tables)
        if (table.table == QLatin1String("events"))
            events += table.added;
    return events;
}

} // namespace tenure
