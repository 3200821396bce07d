#include "store/SourceStore.h"

#include "store/Database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tenure {

SourceStore::SourceStore(Database& db)
    : m_db(db)
{
}

Status SourceStore::ensure(const QString& name, const QString& kind, const QJsonObject& config)
{
    if (name.trimmed().isEmpty())
        return Error { tr("A source needs a name.") };
    QSqlQuery existing(m_db.connection());
    existing.prepare(QStringLiteral("SELECT kind FROM sources WHERE name = ?"));
    existing.addBindValue(name);
    if (!existing.exec())
        return Error { existing.lastError().text() };
    if (existing.next()) {
        if (existing.value(0).toString() != kind)
            return Error { tr("Source \"%1\" already exists as a %2 source, not %3.")
                               .arg(name, existing.value(0).toString(), kind) };
        return {};
    }
    QSqlQuery insert(m_db.connection());
    insert.prepare(
        QStringLiteral("INSERT INTO sources (name, kind, config, created_at) VALUES (?, ?, ?, ?)"));
    insert.addBindValue(name);
    insert.addBindValue(kind);
    insert.addBindValue(QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact)));
    insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!insert.exec())
        return Error { tr("Cannot register source \"%1\": %2").arg(name, insert.lastError().databaseText()) };
    return {};
}

Status SourceStore::setConfig(const QString& name, const QJsonObject& config)
{
    QSqlQuery update(m_db.connection());
    update.prepare(QStringLiteral("UPDATE sources SET config = ? WHERE name = ?"));
    update.addBindValue(QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact)));
    update.addBindValue(name);
    if (!update.exec())
        return Error {
            tr("Cannot save the settings of source \"%1\": %2").arg(name, update.lastError().databaseText())
        };
    if (update.numRowsAffected() != 1)
        return Error { tr("Source \"%1\" is not registered in this workspace.").arg(name) };
    return {};
}

std::optional<SourceStore::Source> SourceStore::find(const QString& name) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT name, kind, config, created_at FROM sources WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return Source { query.value(0).toString(), query.value(1).toString(),
                    QJsonDocument::fromJson(query.value(2).toByteArray()).object(),
                    QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC) };
}

Result<QJsonObject> SourceStore::state(const QString& name) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT state FROM source_state WHERE source = ?"));
    query.addBindValue(name);
    if (!query.exec())
        return Error { query.lastError().text() };
    if (!query.next())
        return QJsonObject();
    return QJsonDocument::fromJson(query.value(0).toByteArray()).object();
}

Status SourceStore::setState(const QString& name, const QJsonObject& state)
{
    QSqlQuery upsert(m_db.connection());
    upsert.prepare(QStringLiteral("INSERT INTO source_state (source, state, updated_at) VALUES (?, ?, ?) "
                                  "ON CONFLICT (source) DO UPDATE SET state = excluded.state, "
                                  "updated_at = excluded.updated_at"));
    upsert.addBindValue(name);
    upsert.addBindValue(QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)));
    upsert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!upsert.exec())
        return Error {
            tr("Cannot save the progress of source \"%1\": %2").arg(name, upsert.lastError().databaseText())
        };
    return {};
}

Result<QList<SourceStore::Source>> SourceStore::all() const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT name, kind, config, created_at FROM sources ORDER BY name")))
        return Error { query.lastError().text() };
    QList<Source> sources;
    while (query.next()) {
        sources.append({ query.value(0).toString(), query.value(1).toString(),
                         QJsonDocument::fromJson(query.value(2).toByteArray()).object(),
                         QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC) });
    }
    return sources;
}

Result<QHash<QString, qint64>> SourceStore::eventCounts() const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT source, count(*) FROM events GROUP BY source")))
        return Error { query.lastError().text() };
    QHash<QString, qint64> counts;
    while (query.next())
        counts.insert(query.value(0).toString(), query.value(1).toLongLong());
    return counts;
}

Result<QList<SourceStore::Overview>> SourceStore::overview() const
{
    Result<QList<Source>> sources = all();
    if (!sources)
        return Error { sources.error() };
    Result<QHash<QString, qint64>> counts = eventCounts();
    if (!counts)
        return Error { counts.error() };
    QList<Overview> rows;
    for (Source& source : *sources) {
        Result<QJsonObject> marker = state(source.name);
        if (!marker)
            return Error { marker.error() };
        const qint64 events = counts->value(source.name);
        rows.append({ std::move(source), events, std::move(marker).value() });
    }
    return rows;
}

qint64 SourceStore::count() const
{
    QSqlQuery query(m_db.connection());
    return query.exec(QStringLiteral("SELECT count(*) FROM sources")) && query.next()
        ? query.value(0).toLongLong()
        : -1;
}

} // namespace tenure
