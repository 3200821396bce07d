#pragma once

#include "domain/Event.h"
#include "ingest/connectors/ConnectorConfig.h"
#include "ingest/connectors/PullRunner.h"
#include "util/Result.h"

#include <QCoreApplication>

namespace tenure {

// Tries a connector out before it is saved: pulls its first page (or the first batch of a
// streamed export) into a scratch workspace that is thrown away, and returns what came back
// (records, events, rejections with their reasons) and the first events as they would land.
// Synchronous: run it on a worker thread.
class ConnectorProbe
{
    Q_DECLARE_TR_FUNCTIONS(ConnectorProbe)

public:
    struct Outcome
    {
        PullRunner::Report report;
        QList<StoredEvent> sample; // the first events, as the log would hold them
    };

    static Result<Outcome> firstPage(const ConnectorConfig& config, const QString& secret,
                                     int sampleSize = 5);
};

} // namespace tenure
