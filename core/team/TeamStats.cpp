#include "team/TeamStats.h"

#include "team/TeamDatabase.h"

#include <QJsonDocument>
#include <QTimeZone>
#include <QVariant>

namespace tenure {

Result<WorkspaceStats> loadTeamStats(TeamDatabase& db)
{
    Result<QSqlQuery> counts = db.exec(QStringLiteral(
        "SELECT (SELECT count(*) FROM accounts), (SELECT count(*) FROM events), (SELECT count(*) FROM "
        "outcomes), "
        "(SELECT count(*) FROM sources), (SELECT value FROM settings WHERE key = 'time_zone')"));
    if (!counts)
        return Error { counts.error() };
    if (!counts->next())
        return Error { QStringLiteral("no counts from %1").arg(db.location().display()) };
    WorkspaceStats stats;
    stats.accounts = counts->value(0).toLongLong();
    stats.events = counts->value(1).toLongLong();
    stats.outcomes = counts->value(2).toLongLong();
    stats.sources = counts->value(3).toLongLong();
    stats.timeZone = counts->value(4).toString();
    stats.schemaVersion = db.schemaVersion();
    Result<QSqlQuery> bySource = db.exec(QStringLiteral(
        "SELECT s.name, (SELECT count(*) FROM events e WHERE e.source = s.name) FROM sources s "
        "ORDER BY s.name"));
    if (!bySource)
        return Error { bySource.error() };
    while (bySource->next())
        stats.eventsBySource.append({ bySource->value(0).toString(), bySource->value(1).toLongLong() });
    return stats;
}

Result<QList<SourceStore::Overview>> loadTeamSources(TeamDatabase& db)
{
    Result<QSqlQuery> query = db.exec(QStringLiteral(
        "SELECT s.name, s.kind, s.config::text, s.created_at, (SELECT count(*) FROM events e WHERE e.source "
        "= "
        "s.name), st.state::text FROM sources s LEFT JOIN source_state st ON st.source = s.name ORDER BY "
        "s.name"));
    if (!query)
        return Error { query.error() };
    QList<SourceStore::Overview> rows;
    while (query->next()) {
        SourceStore::Source source { query->value(0).toString(), query->value(1).toString(),
                                     QJsonDocument::fromJson(query->value(2).toByteArray()).object(),
                                     QDateTime::fromMSecsSinceEpoch(query->value(3).toLongLong(),
                                                                    QTimeZone::utc()) };
        rows.append({ std::move(source), query->value(4).toLongLong(),
                      QJsonDocument::fromJson(query->value(5).toByteArray()).object() });
    }
    return rows;
}

} // namespace tenure
