#pragma once

#include "ingest/connectors/ConnectorConfig.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace tenure {

class Database;

// The connectors of a workspace: sources of kind rest, mixpanel or segment, whose stored
// configuration is the connector definition (never a secret) and whose state is the cursor.
class ConnectorStore
{
    Q_DECLARE_TR_FUNCTIONS(ConnectorStore)

public:
    struct Entry
    {
        ConnectorConfig config;
        QJsonObject state;
    };

    explicit ConnectorStore(Database& db);

    // Adds the connector, or replaces the definition of an existing one of the same kind.
    Status save(const ConnectorConfig& config);
    Result<QList<Entry>> all() const;
    Result<Entry> find(const QString& name) const;

    static bool isConnectorKind(const QString& sourceKind);

private:
    Database& m_db;
};

} // namespace tenure
