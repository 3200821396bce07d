#pragma once

#include "ingest/connectors/ConnectorConfig.h"

#include <QCoreApplication>
#include <QString>

namespace tenure {

// The words the Data Sources view and the Connectors dialog show for kinds the workspace stores
// as keywords (a source's "csv" or "mixpanel", a CSV preset's "events"), in the reader's
// language. A keyword this Tenure does not know (written by a newer one) is shown as stored.
class SourceKinds
{
    Q_DECLARE_TR_FUNCTIONS(SourceKinds)

public:
    static QString connector(ConnectorConfig::Kind kind); // "Mixpanel", short, for a table's column
    static QString source(const QString& kind); // csv, demo, rest, mixpanel, segment
    static QString importKind(const QString& kind); // accounts, events, outcomes, keys
};

} // namespace tenure
