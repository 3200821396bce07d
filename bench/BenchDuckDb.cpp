#include "BenchDuckDb.h"

#include "BenchOptions.h"
#include "store/Database.h"
#include "store/SqliteStatement.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

namespace tenure::bench {

namespace {

void appendField(QByteArray& out, sqlite3_stmt* row, int column)
{
    switch (sqlite3_column_type(row, column)) {
    case SQLITE_NULL:
        return; // an empty field: DuckDB reads NULL
    case SQLITE_FLOAT:
        out += QByteArray::number(sqlite3_column_double(row, column), 'g', 17); // exactly the stored double
        return;
    default:
        break;
    }
    const QByteArrayView text(reinterpret_cast<const char*>(sqlite3_column_text(row, column)),
                              sqlite3_column_bytes(row, column));
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n') && !text.contains('\r')
        && !text.isEmpty()) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

// Writes `sql`'s rows to `path` as CSV, with `header` as its first line.
void exportCsv(Database& db, const char* sql, const QString& path, const QByteArray& header)
{
    Result<SqliteStatement> read = SqliteStatement::prepare(db.handle(), sql);
    if (!read)
        fail(QStringLiteral("cannot export for DuckDB: %1").arg(read.error()));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    QByteArray buffer = header + '\n';
    const int columns = sqlite3_column_count(read->get());
    int rc;
    while ((rc = sqlite3_step(read->get())) == SQLITE_ROW) {
        for (int column = 0; column < columns; ++column) {
            if (column)
                buffer += ',';
            appendField(buffer, read->get(), column);
        }
        buffer += '\n';
        if (buffer.size() > (1 << 22)) {
            if (file.write(buffer) != buffer.size())
                fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
            buffer.clear();
        }
    }
    if (rc != SQLITE_DONE)
        fail(QStringLiteral("cannot export for DuckDB: %1")
                 .arg(QString::fromUtf8(sqlite3_errmsg(db.handle()))));
    if (file.write(buffer) != buffer.size() || !file.flush())
        fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
}

} // namespace

std::optional<DuckDbFigures> runDuckDb(Database& db, const QDate& today, int runs, QString& skipped)
{
    const QDir package(QStringLiteral(TENURE_BENCH_DUCKDB_DIR));
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty() || !package.exists(QStringLiteral("node_modules/@duckdb/node-api/package.json"))) {
        skipped = QStringLiteral("run npm ci in bench/duckdb");
        return std::nullopt;
    }

    QElapsedTimer timer;
    timer.start();
    const QString dir = Options::scratchPath(QStringLiteral("duckdb"));
    if (!QDir().mkpath(dir))
        fail(QStringLiteral("cannot create %1").arg(dir));
    exportCsv(db, "SELECT account_id, user_id, name, occurred_at, quantity FROM events",
              dir + QStringLiteral("/events.csv"), "account_id,user_id,name,occurred_at,quantity");
    // The query's only JSON look-up is a property of the master data: read here, as a column.
    exportCsv(
        db,
        "SELECT id, plan, CASE WHEN json_extract(attributes, '$.is_trial') = 1 THEN 'true' ELSE 'false' "
        "END, seats, date(signup_date), date(renewal_date) FROM accounts",
        dir + QStringLiteral("/accounts.csv"), "id,plan,is_trial,seats,signup_date,renewal_date");
    exportCsv(db, "SELECT account_id, kind, occurred_on FROM outcomes", dir + QStringLiteral("/outcomes.csv"),
              "account_id,kind,occurred_on");
    exportCsv(db, "SELECT account_id, stage, coalesce(band, '') FROM account_status",
              dir + QStringLiteral("/tenure.csv"), "account_id,stage,band");
    DuckDbFigures figures;
    figures.exportSeconds = timer.nsecsElapsed() / 1e9;

    QProcess script;
    script.setWorkingDirectory(package.path());
    script.start(node,
                 { package.filePath(QStringLiteral("rules.mjs")), QStringLiteral("--dir"), dir,
                   QStringLiteral("--day"), today.toString(Qt::ISODate), QStringLiteral("--threads"),
                   QStringLiteral("2"), QStringLiteral("--runs"), QString::number(runs) });
    if (!script.waitForFinished(-1) || script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0)
        fail(QStringLiteral("DuckDB failed: %1 %2")
                 .arg(script.errorString(), QString::fromUtf8(script.readAllStandardError()).trimmed()));
    const QJsonObject out = QJsonDocument::fromJson(script.readAllStandardOutput()).object();
    if (!out.contains(QStringLiteral("querySeconds")))
        fail(QStringLiteral("DuckDB's script printed no figures"));
    figures.version = out.value(QStringLiteral("version")).toString();
    figures.loadSeconds = out.value(QStringLiteral("loadSeconds")).toDouble();
    figures.querySeconds = out.value(QStringLiteral("querySeconds")).toDouble();
    figures.accounts = out.value(QStringLiteral("accounts")).toInteger();
    figures.differ
        = out.value(QStringLiteral("differ")).toInteger() + out.value(QStringLiteral("missing")).toInteger();
    return figures;
}

} // namespace tenure::bench
