// Prints the event log's append rate beside two baselines measured on the same rows in the same
// run: QSqlQuery with bound values, and the raw SQLite C API with no validation at all.
//
//   bench_append [--events N] [--accounts N]
#include "BenchOptions.h"
#include "demo/DemoGenerator.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <climits>
#include <cstdio>

using namespace tenure;

namespace {

QList<Event> makeRows(int count, int accounts)
{
    DemoGenerator::Options options;
    options.accounts = accounts;
    options.today = QDate(2026, 6, 15);
    const DemoGenerator generator(options);
    QList<Event> rows;
    for (int i = 0; rows.size() < count; ++i)
        rows += generator.eventsFor(i % options.accounts);
    rows.resize(count);
    for (int i = 0; i < count; ++i)
        rows[i].externalId = QString::number(i); // unique even when accounts repeat
    return rows;
}

std::unique_ptr<Database> freshWorkspace(const QString& name)
{
    auto db = Database::open(bench::Options::scratchPath(name));
    if (!db)
        bench::fail(db.error());
    if (!SourceStore(*db.value()).ensure(QStringLiteral("demo"), QStringLiteral("demo")))
        bench::fail(QStringLiteral("cannot register the benchmark's source"));
    return std::move(db).value();
}

// A rate is reported only for rows that are really in the log.
void report(Database& db, const char* what, int rows, qint64 ns)
{
    QSqlQuery count(db.connection());
    if (!count.exec(QStringLiteral("SELECT count(*) FROM events")) || !count.next()
        || count.value(0).toLongLong() != rows)
        bench::fail(QStringLiteral("%1: the log holds %2 events instead of %3")
                        .arg(QString::fromLatin1(what), count.value(0).toString())
                        .arg(rows));
    std::printf("%-34s %9d rows  %8.1f ms  %10.0f rows/s\n", what, rows, ns / 1e6, rows / (ns / 1e9));
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    bench::Options options(
        QStringLiteral("The event log's append rate beside QSqlQuery and raw SQLite inserts of "
                       "the same rows."),
        200, 500000, bench::Options::Db::Refuse);
    options.process(app);
    if (options.events() > INT_MAX)
        bench::fail(QStringLiteral("--events: at most %1").arg(INT_MAX));
    const int count = int(options.events());
    const QList<Event> rows = makeRows(count, options.accounts());
    QElapsedTimer timer;

    {
        auto db = freshWorkspace(QStringLiteral("log.tenure"));
        EventLog log(*db);
        timer.start();
        const auto result = log.append(rows);
        const qint64 ns = timer.nsecsElapsed();
        if (!result || result->inserted != count)
            bench::fail(
                QStringLiteral("EventLog::append failed: %1").arg(result ? QString() : result.error()));
        report(*db, "EventLog::append (one batch)", count, ns);
    }
    {
        auto db = freshWorkspace(QStringLiteral("batched.tenure"));
        EventLog log(*db);
        timer.start();
        for (int offset = 0; offset < count; offset += 10000)
            (void)log.append(std::span(rows).subspan(offset, std::min(10000, count - offset)));
        report(*db, "EventLog::append (10k batches)", count, timer.nsecsElapsed());
    }
    {
        auto db = freshWorkspace(QStringLiteral("qsql.tenure"));
        QSqlQuery query(db->connection());
        timer.start();
        db->connection().transaction();
        query.prepare(
            QStringLiteral("INSERT INTO events (source, external_id, account_id, user_id, name, "
                           "occurred_at, quantity, received_at, properties) VALUES (?,?,?,?,?,?,?,?,?) "
                           "ON CONFLICT (source, external_id) DO NOTHING"));
        for (const Event& e : rows) {
            query.addBindValue(e.source);
            query.addBindValue(e.externalId);
            query.addBindValue(e.accountId);
            query.addBindValue(e.userId);
            query.addBindValue(e.name);
            query.addBindValue(e.occurredAt);
            query.addBindValue(e.quantity);
            query.addBindValue(qint64(0));
            query.addBindValue(e.properties.isEmpty() ? QStringLiteral("{}")
                                                      : QString::fromUtf8(e.properties));
            query.exec();
        }
        db->connection().commit();
        const qint64 ns = timer.nsecsElapsed();
        report(*db, "QSqlQuery binds (baseline)", count, ns);
    }
    {
        auto db = freshWorkspace(QStringLiteral("raw.tenure"));
        sqlite3* handle = db->handle();
        sqlite3_stmt* statement = nullptr;
        timer.start();
        sqlite3_exec(handle, "BEGIN", nullptr, nullptr, nullptr);
        sqlite3_prepare_v2(handle,
                           "INSERT INTO events (source, external_id, account_id, user_id, name, occurred_at, "
                           "quantity, received_at, "
                           "properties) VALUES (?,?,?,?,?,?,?,?,?)",
                           -1, &statement, nullptr);
        for (const Event& e : rows) {
            const QByteArray f[] = { e.source.toUtf8(), e.externalId.toUtf8(), e.accountId.toUtf8(),
                                     e.userId.toUtf8(), e.name.toUtf8() };
            for (int i = 0; i < 5; ++i)
                sqlite3_bind_text(statement, i + 1, f[i].constData(), int(f[i].size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(statement, 6, e.occurredAt);
            sqlite3_bind_double(statement, 7, e.quantity);
            sqlite3_bind_int64(statement, 8, 0);
            sqlite3_bind_text(statement, 9, e.properties.isEmpty() ? "{}" : e.properties.constData(), -1,
                              SQLITE_TRANSIENT);
            sqlite3_step(statement);
            sqlite3_reset(statement);
        }
        sqlite3_finalize(statement);
        sqlite3_exec(handle, "COMMIT", nullptr, nullptr, nullptr);
        const qint64 ns = timer.nsecsElapsed();
        report(*db, "raw sqlite3 insert (baseline)", count, ns);
    }
    return 0;
}
