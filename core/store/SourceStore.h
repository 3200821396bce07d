#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace tenure {

class Database;

// The registry of data sources (CSV presets, API connectors, the demo generator). Every event
// names the source that delivered it; a source must be registered before its events land.
class SourceStore
{
    Q_DECLARE_TR_FUNCTIONS(SourceStore)

public:
    struct Source
    {
        QString name;
        QString kind; // "csv", "rest", "mixpanel", "segment", "demo", ...
        QJsonObject config; // never holds secrets: those live in the OS keychain
        QDateTime createdAt;
    };

    explicit SourceStore(Database& db);

    // Registers the source, or leaves an existing one of the same kind as it is.
    Status ensure(const QString& name, const QString& kind, const QJsonObject& config = {});
    // Replaces the stored configuration (a CSV mapping preset, a connector definition).
    Status setConfig(const QString& name, const QJsonObject& config);
    std::optional<Source> find(const QString& name) const;
    Result<QList<Source>> all() const;

    // A source's progress marker (cursor, high-water mark): empty until first set. Connectors
    // write it inside the transaction that appends the events it covers.
    Result<QJsonObject> state(const QString& name) const;
    Status setState(const QString& name, const QJsonObject& state);
    qint64 count() const;
    // How many events each source has delivered, by source name (sources without any are absent).
    Result<QHash<QString, qint64>> eventCounts() const;

    // A source as the Data sources page lists it: with the events it delivered and its progress
    // marker. A team workspace lists the same from its server (team/TeamStats: loadTeamSources).
    struct Overview
    {
        Source source;
        qint64 events = 0;
        QJsonObject state;
    };
    Result<QList<Overview>> overview() const;

private:
    Database& m_db;
};

} // namespace tenure
