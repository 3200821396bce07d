#include "ingest/connectors/ConnectorProbe.h"

#include "ingest/connectors/ConnectorStore.h"
#include "store/Database.h"
#include "store/EventLog.h"

#include <QTemporaryDir>

namespace tenure {

Result<ConnectorProbe::Outcome> ConnectorProbe::firstPage(const ConnectorConfig& config,
                                                          const QString& secret, int sampleSize)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error { tr("Cannot create a scratch folder to try the connector: %1").arg(dir.errorString()) };
    Outcome outcome;
    // The scratch workspace has no accounts: outcome events are left for the real pulls.
    ConnectorConfig trial = config;
    trial.outcomeEvents.clear();
    {
        Result<std::unique_ptr<Database>> db = Database::open(dir.filePath(QStringLiteral("probe.tenure")));
        if (!db)
            return Error { db.error() };
        if (Status saved = ConnectorStore(**db).save(trial); !saved)
            return Error { saved.error() };
        PullRunner runner(**db, trial);
        runner.setSecret(secret);
        runner.setMaxPages(1);
        Result<PullRunner::Report> report = runner.runToEnd();
        if (!report)
            return Error { report.error() };
        outcome.report = report.value();
        Result<QList<StoredEvent>> sample = EventLog(**db).readAfter(0, sampleSize);
        if (!sample)
            return Error { sample.error() };
        outcome.sample = std::move(sample).value();
    } // the scratch workspace closes before its folder goes
    return outcome;
}

} // namespace tenure
