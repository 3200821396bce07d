#include "store/WorkspaceSettings.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tenure {

namespace {
const QString kTimeZoneKey = QStringLiteral("time_zone");
}

WorkspaceSettings::WorkspaceSettings(Database& db)
    : m_db(db)
{
}

QTimeZone WorkspaceSettings::timeZone() const
{
    const QString id = value(kTimeZoneKey);
    const QTimeZone zone(id.toUtf8());
    return !id.isEmpty() && zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

QDate WorkspaceSettings::dateAt(const QDateTime& instant) const
{
    return instant.toTimeZone(timeZone()).date();
}

Status WorkspaceSettings::checkTimeZone(const QByteArray& ianaId)
{
    if (ianaId.isEmpty() || !QTimeZone(ianaId).isValid())
        return Error {
            tr("Unknown time zone \"%1\" (expected an IANA id such as Asia/Tokyo or Europe/Paris).")
                .arg(QString::fromUtf8(ianaId))
        };
    return {};
}

Status WorkspaceSettings::setTimeZone(const QByteArray& ianaId)
{
    if (Status known = checkTimeZone(ianaId); !known)
        return known;
    return setValue(kTimeZoneKey, QString::fromUtf8(ianaId));
}

Status WorkspaceSettings::pinTimeZone()
{
    if (!value(kTimeZoneKey).isEmpty())
        return {};
    const QByteArray system = QTimeZone::systemTimeZoneId();
    return setTimeZone(QTimeZone(system).isValid() ? system : QByteArrayLiteral("UTC"));
}

QString WorkspaceSettings::value(const QString& key, const QString& fallback) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(key);
    return query.exec() && query.next() ? query.value(0).toString() : fallback;
}

Status WorkspaceSettings::setValue(const QString& key, const QString& value)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO "
                                 "UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec())
        return Error { tr("Cannot save setting %1: %2").arg(key, query.lastError().databaseText()) };
    return {};
}

} // namespace tenure
