#include "team/TeamCopyRows.h"

#include "store/Database.h"
#include "team/PgCopy.h"
#include "team/TeamDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tenure::teamcopy {

namespace {

QVariant textOrNull(const PgCopyOut::Field& field)
{
    if (field.null)
        return QVariant(QMetaType(QMetaType::QString));
    // An empty text is not a NULL: a null QString would be bound as one.
    return field.value.isEmpty() ? QVariant(QStringLiteral("")) : QVariant(QString::fromUtf8(field.value));
}

QVariant numberOrNull(const PgCopyOut::Field& field, bool integer)
{
    if (field.null)
        return QVariant(QMetaType(integer ? QMetaType::LongLong : QMetaType::Double));
    return integer ? QVariant(field.value.toLongLong()) : QVariant(field.value.toDouble());
}

} // namespace

Status localExec(Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql))
        return Error { query.lastError().text() };
    return {};
}

Result<qint64> copyRows(TeamDatabase& team, Database& local, const QString& teamSelect,
                        const QString& localInsert, const QByteArray& kinds)
{
    PgCopyOut out(team.handle());
    if (Status started = out.start(QStringLiteral("COPY (%1) TO STDOUT").arg(teamSelect)); !started)
        return Error { started.error() };
    QSqlQuery insert(local.connection());
    if (!insert.prepare(localInsert))
        return Error { insert.lastError().text() };
    qint64 rows = 0;
    while (out.next()) {
        const QList<PgCopyOut::Field>& fields = out.fields();
        for (qsizetype i = 0; i < fields.size() && i < kinds.size(); ++i) {
            const char kind = kinds[i];
            insert.bindValue(int(i),
                             kind == 't' ? textOrNull(fields[i]) : numberOrNull(fields[i], kind == 'i'));
        }
        if (!insert.exec())
            return Error { insert.lastError().text() };
        ++rows;
    }
    if (!out.error().isEmpty())
        return Error { out.error() };
    return rows;
}

} // namespace tenure::teamcopy
