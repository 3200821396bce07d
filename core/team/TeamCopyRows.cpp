#include "team/TeamCopyRows.h"

#include "store/Database.h"
#include "store/SqliteStatement.h"
#include "team/PgCopy.h"
#include "team/TeamDatabase.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tenure::teamcopy {

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
    // Bound on SQLite's own handle, the server's UTF-8 as it comes: a desktop copies every
    // account's status and history after a rebuild, while its views read the same file.
    Result<SqliteStatement> insert
        = SqliteStatement::prepare(local.handle(), localInsert.toUtf8().constData());
    if (!insert)
        return Error { insert.error() };
    sqlite3_stmt* const statement = insert->get();
    qint64 rows = 0;
    while (out.next()) {
        const QList<PgCopyOut::Field>& fields = out.fields();
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
        for (qsizetype i = 0; i < fields.size() && i < kinds.size(); ++i) {
            const PgCopyOut::Field& field = fields[i];
            const int index = int(i) + 1;
            if (field.null)
                sqlite3_bind_null(statement, index);
            else if (kinds[i] == 'i')
                sqlite3_bind_int64(statement, index, field.value.toLongLong());
            else if (kinds[i] == 'r')
                sqlite3_bind_double(statement, index, field.value.toDouble());
            else // an empty text is bound as one, not as a NULL
                sqlite3_bind_text(statement, index, field.value.constData(), int(field.value.size()),
                                  SQLITE_TRANSIENT);
        }
        if (sqlite3_step(statement) != SQLITE_DONE)
            return Error { QString::fromUtf8(sqlite3_errmsg(local.handle())) };
        ++rows;
    }
    if (!out.error().isEmpty())
        return Error { out.error() };
    return rows;
}

} // namespace tenure::teamcopy
