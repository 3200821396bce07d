#include "ingest/connectors/ConnectorStore.h"

#include "store/SourceStore.h"
#include "store/Transaction.h"

namespace tenure {

ConnectorStore::ConnectorStore(Database& db)
    : m_db(db)
{
}

bool ConnectorStore::isConnectorKind(const QString& sourceKind)
{
    for (ConnectorConfig::Kind kind :
         { ConnectorConfig::Kind::Rest, ConnectorConfig::Kind::Mixpanel, ConnectorConfig::Kind::Segment })
        if (ConnectorConfig::kindName(kind) == sourceKind)
            return true;
    return false;
}

Status ConnectorStore::save(const ConnectorConfig& config)
{
    if (Status fetchable = config.checkFetchable(); !fetchable)
        return fetchable;
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return Error { transaction.startError() };
    SourceStore sources(m_db);
    if (Status registered = sources.ensure(config.name, ConnectorConfig::kindName(config.kind)); !registered)
        return registered;
    if (Status saved = sources.setConfig(config.name, config.toJson()); !saved)
        return saved;
    return transaction.commit();
}

Result<QList<ConnectorStore::Entry>> ConnectorStore::all() const
{
    SourceStore sources(m_db);
    Result<QList<SourceStore::Source>> all = sources.all();
    if (!all)
        return Error { all.error() };
    QList<Entry> entries;
    for (const SourceStore::Source& source : *all) {
        if (!isConnectorKind(source.kind))
            continue;
        QJsonObject json = source.config;
        json.insert(QStringLiteral("name"), source.name);
        json.insert(QStringLiteral("kind"), source.kind);
        Result<ConnectorConfig> config = ConnectorConfig::fromJson(json);
        if (!config)
            return Error {
                tr("Connector \"%1\" has a damaged definition: %2").arg(source.name, config.error())
            };
        Result<QJsonObject> state = sources.state(source.name);
        entries.append({ std::move(config).value(), state ? state.value() : QJsonObject() });
    }
    return entries;
}

Result<ConnectorStore::Entry> ConnectorStore::find(const QString& name) const
{
    Result<QList<Entry>> entries = all();
    if (!entries)
        return Error { entries.error() };
    QStringList names;
    for (const Entry& entry : *entries) {
        if (entry.config.name == name)
            return entry;
        names.append(entry.config.name);
    }
    return Error {
        names.isEmpty()
            ? tr("No connector \"%1\": this workspace has none yet (tenure-cli connector add FILE).")
                  .arg(name)
            : tr("No connector \"%1\"; this workspace has: %2").arg(name, names.join(QStringLiteral(", ")))
    };
}

} // namespace tenure
