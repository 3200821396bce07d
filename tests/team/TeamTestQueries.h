#pragma once

// Small helpers the team tests share: a query's rows as text, a count, whether a statement is
// accepted, and a run of tenure-cli
// as a member (password in PGPASSWORD, no keychain). Include from a test (TENURE_BIN_DIR).
#include "TestSupport.h"
#include "store/Database.h"
#include "team/TeamDatabase.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace tenure::test {

// Every row as "field|field|…" (NULL for nulls); one "error: …" row when the query fails.
inline QStringList rows(TeamDatabase& db, const QString& sql, const QVariantList& values = {})
{
    QStringList rows;
    Result<QSqlQuery> query = db.exec(sql, values);
    if (!query)
        return { QStringLiteral("error: ") + query.error() };
    while (query->next()) {
        QStringList fields;
        for (int i = 0; i < query->record().count(); ++i)
            fields << (query->value(i).isNull() ? QStringLiteral("NULL") : query->value(i).toString());
        rows << fields.join(QLatin1Char('|'));
    }
    return rows;
}

// The same from a workspace file (a copy of the team's), so that the two compare line by line.
inline QStringList localRows(Database& db, const QString& sql)
{
    QStringList rows;
    QSqlQuery query(db.connection());
    if (!query.exec(sql))
        return { QStringLiteral("error: ") + query.lastError().text() };
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < query.record().count(); ++i)
            fields << (query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
        rows << fields.join(QLatin1Char('|'));
    }
    return rows;
}

// The first column of the first row as a number; -1 when the query fails.
inline qint64 count(TeamDatabase& db, const QString& sql, const QVariantList& values = {})
{
    Result<QVariant> value = db.scalar(sql, values);
    return value ? value->toLongLong() : -1;
}

// Runs `sql` and says whether the server accepted it; the refusal's text goes to `error`.
inline bool accepted(TeamDatabase& db, const QString& sql, QString* error = nullptr)
{
    Result<QSqlQuery> done = db.exec(sql);
    if (!done && error)
        *error = done.error();
    return done.ok();
}

struct Cli
{
    int code;
    QString out, err;
};

// `cacheDir`: where the run keeps its copies of the team (XDG_CACHE_HOME), or the default.
inline Cli runCli(const QString& password, const QStringList& arguments, const QString& cacheDir = {})
{
    QProcess process;
    QProcessEnvironment environment = test::programEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), password);
    environment.insert(QStringLiteral("TENURE_NO_KEYCHAIN"), QStringLiteral("1"));
    if (!cacheDir.isEmpty())
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), cacheDir);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TENURE_BIN_DIR "/tenure-cli"), arguments);
    if (!process.waitForFinished(120000))
        process.kill();
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
             QString::fromUtf8(process.readAllStandardOutput()),
             QString::fromUtf8(process.readAllStandardError()) };
}

} // namespace tenure::test
