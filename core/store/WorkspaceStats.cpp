#include "store/WorkspaceStats.h"

#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"
#include "store/WorkspaceSettings.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tenure {

Result<WorkspaceStats> WorkspaceStats::load(Database& db, Detail detail)
{
    WorkspaceStats stats;
    AccountStore accounts(db);
    stats.accounts = accounts.count();
    stats.outcomes = accounts.outcomeCount();
    stats.events = EventLog(db).count();
    stats.sources = SourceStore(db).count();
    stats.timeZone = QString::fromUtf8(WorkspaceSettings(db).timeZone().id());
    stats.schemaVersion = db.schemaVersion();
    if (stats.accounts < 0 || stats.events < 0 || stats.outcomes < 0 || stats.sources < 0)
        return Error {
            QStringLiteral("Cannot count the workspace contents: %1").arg(db.connection().lastError().text())
        };
    if (detail == Detail::PerSource) {
        // Walks the (source, external_id) index: fine for a CLI call, too slow for every repaint.
        QSqlQuery query(db.connection());
        if (!query.exec(QStringLiteral(
                "SELECT s.name, (SELECT count(*) FROM events e WHERE e.source = s.name) FROM sources s "
                "ORDER BY s.name")))
            return Error { query.lastError().text() };
        while (query.next())
            stats.eventsBySource.append({ query.value(0).toString(), query.value(1).toLongLong() });
    }
    return stats;
}

} // namespace tenure
