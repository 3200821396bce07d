// Prints how fast events get from files into the log, beside the raw SQLite insert rate of the
// same rows measured in the same run: JSON lines (a Mixpanel-style export read by a connector
// from a file:// URL, decoded with simdjson) and CSV (the importer, streamed). Targets (issue
// #4): each at least 50% of the raw insert rate, and at least 300k events/s for JSON lines.
//
//   bench_ingest [--events N] [--accounts N] [--only raw|append|jsonl|csv]
#include "BenchOptions.h"
#include "ingest/CsvImporter.h"
#include "ingest/connectors/ConnectorConfig.h"
#include "ingest/connectors/PullRunner.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimeZone>
#include <QUrl>

#include <sqlite3.h>

#include <climits>
#include <cstdio>
#include <sys/resource.h>

using namespace tenure;

namespace {

struct Row
{
    QByteArray id, account, user, name, properties;
    qint64 time;
    int count;
};

QList<Row> makeRows(int n, int accounts)
{
    static const char* names[] = { "login",       "report_created", "dashboard_viewed", "export_csv",
                                   "invite_sent", "api_call",       "ログイン",         "settings_changed" };
    QList<Row> rows;
    rows.reserve(n);
    quint64 state = 88172645463325252ULL;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    const qint64 start = QDateTime(QDate(2025, 11, 25), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    for (int i = 0; i < n; ++i) {
        const quint64 r = next();
        Row row;
        row.id = "ins-" + QByteArray::number(i);
        row.account = "acct-" + QByteArray::number(r % quint64(accounts));
        row.user = "user-" + QByteArray::number((r >> 20) % 1000000);
        row.name = names[(r >> 40) % 8];
        row.time = start + qint64((r >> 8) % (365 * 86400));
        row.count = 1 + int((r >> 50) % 5);
        // What the connector keeps as the event's properties: Mixpanel's whole properties object.
        row.properties = R"({"time":)" + QByteArray::number(row.time) + R"(,"distinct_id":")" + row.user
            + R"(","$insert_id":")" + row.id + R"(","account_id":")" + row.account
            + R"(","$os":"Windows","plan":"pro","duration_ms":)" + QByteArray::number((r >> 30) % 5000) + "}";
        rows.append(row);
    }
    return rows;
}

std::unique_ptr<Database> fresh(const QString& name)
{
    auto db = Database::open(bench::Options::scratchPath(name));
    if (!db)
        bench::fail(db.error());
    return std::move(db).value();
}

void print(const char* what, int rows, qint64 ns, double raw = 0)
{
    const double rate = rows / (ns / 1e9);
    if (raw > 0)
        std::printf("%-44s %9d rows %9.1f ms %10.0f rows/s  %5.1f%% of its raw insert\n", what, rows,
                    ns / 1e6, rate, 100 * rate / raw);
    else
        std::printf("%-44s %9d rows %9.1f ms %10.0f rows/s\n", what, rows, ns / 1e6, rate);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    bench::Options options(
        QStringLiteral("How fast events get from JSON lines and CSV files into the log, beside "
                       "raw SQLite inserts of the same rows."),
        100000, 1000000, bench::Options::Db::Refuse);
    options.parser().addOption(
        { QStringLiteral("only"),
          QStringLiteral("Run one phase only, for profiling: raw, append, jsonl or csv."),
          QStringLiteral("phase") });
    options.process(app);
    const QString only = options.parser().value(QStringLiteral("only"));
    if (!only.isEmpty() && !QStringList { "raw", "append", "jsonl", "csv" }.contains(only))
        bench::fail(QStringLiteral("--only takes raw, append, jsonl or csv, not \"%1\"").arg(only));
    if (options.events() > INT_MAX)
        bench::fail(QStringLiteral("--events: at most %1").arg(INT_MAX));
    const int count = int(options.events());
    auto runs = [&only](const char* phase) { return only.isEmpty() || only == QLatin1String(phase); };
    const QList<Row> rows = makeRows(count, options.accounts());
    QElapsedTimer timer;

    // The input files, written once.
    const QString jsonl = bench::Options::scratchPath(QStringLiteral("export.jsonl"));
    const QString csv = bench::Options::scratchPath(QStringLiteral("usage.csv"));
    {
        QFile lines(jsonl);
        QFile table(csv);
        if (!lines.open(QIODevice::WriteOnly) || !table.open(QIODevice::WriteOnly))
            bench::fail(QStringLiteral("cannot write the input files"));
        table.write("event_id,account_id,user_id,event,timestamp,count\n");
        QByteArray a, b;
        for (const Row& r : rows) {
            a += R"({"event":")" + r.name + R"(","properties":)" + r.properties + "}\n";
            b += r.id + ',' + r.account + ',' + r.user + ',' + r.name + ','
                + QDateTime::fromSecsSinceEpoch(r.time, QTimeZone::utc()).toString(Qt::ISODate).toLatin1()
                + ',' + QByteArray::number(r.count) + '\n';
            if (a.size() > (4 << 20)) {
                lines.write(a);
                table.write(b);
                a.clear();
                b.clear();
            }
        }
        lines.write(a);
        table.write(b);
        std::printf("%d events: %.1f MB of JSON lines, %.1f MB of CSV\n\n", count, lines.size() / 1e6,
                    table.size() / 1e6);
    }

    // Baselines: the same rows, already in memory, inserted with the raw C API in one transaction
    // into the same table (with its UNIQUE (source, external_id) index): no parsing, no checks.
    // The JSON-lines rows keep Mixpanel's properties object, as the connector stores it; the CSV
    // rows have no other columns, so their properties are empty, as the importer stores them.
    auto rawInsert = [&](const QString& file, bool withProperties) {
        auto db = fresh(file);
        (void)SourceStore(*db).ensure(QStringLiteral("raw"), QStringLiteral("rest"));
        sqlite3* handle = db->handle();
        sqlite3_stmt* statement = nullptr;
        timer.start();
        sqlite3_exec(handle, "BEGIN", nullptr, nullptr, nullptr);
        sqlite3_prepare_v2(
            handle,
            "INSERT INTO events (source, external_id, account_id, user_id, name, occurred_at, quantity, "
            "received_at, properties) VALUES ('raw',?,?,?,?,?,?,0,?)",
            -1, &statement, nullptr);
        for (const Row& r : rows) {
            sqlite3_bind_text(statement, 1, r.id.constData(), int(r.id.size()), SQLITE_STATIC);
            sqlite3_bind_text(statement, 2, r.account.constData(), int(r.account.size()), SQLITE_STATIC);
            sqlite3_bind_text(statement, 3, r.user.constData(), int(r.user.size()), SQLITE_STATIC);
            sqlite3_bind_text(statement, 4, r.name.constData(), int(r.name.size()), SQLITE_STATIC);
            sqlite3_bind_int64(statement, 5, r.time * 1000);
            sqlite3_bind_double(statement, 6, withProperties ? 1.0 : r.count);
            if (withProperties)
                sqlite3_bind_text(statement, 7, r.properties.constData(), int(r.properties.size()),
                                  SQLITE_STATIC);
            else
                sqlite3_bind_text(statement, 7, "{}", 2, SQLITE_STATIC);
            if (sqlite3_step(statement) != SQLITE_DONE)
                bench::fail(
                    QStringLiteral("raw insert failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle))));
            sqlite3_reset(statement);
        }
        sqlite3_finalize(statement);
        sqlite3_exec(handle, "COMMIT", nullptr, nullptr, nullptr);
        return timer.nsecsElapsed();
    };
    double rawJsonl = 0;
    double rawCsv = 0;
    if (runs("raw") || runs("jsonl") || runs("append")) {
        const qint64 ns = rawInsert(QStringLiteral("raw-jsonl.tenure"), true);
        rawJsonl = count / (ns / 1e9);
        print("raw insert, JSON-lines rows (baseline)", count, ns);
    }
    if (runs("raw") || runs("csv")) {
        const qint64 ns = rawInsert(QStringLiteral("raw-csv.tenure"), false);
        rawCsv = count / (ns / 1e9);
        print("raw insert, CSV rows (baseline)", count, ns);
    }
    std::printf("\n");
    if (runs("append")) {
        // The log's own append of the same rows, already decoded: what is left is parsing.
        auto db = fresh(QStringLiteral("append.tenure"));
        (void)SourceStore(*db).ensure(QStringLiteral("raw"), QStringLiteral("rest"));
        QList<EncodedEvent> events;
        events.reserve(count);
        for (const Row& r : rows)
            events.append(
                { "raw", r.id, r.account, r.user, r.name, r.time * 1000, double(r.count), r.properties });
        timer.start();
        const Result<EventLog::AppendResult> appended = EventLog(*db).append(events);
        const qint64 ns = timer.nsecsElapsed();
        if (!appended || appended->inserted != count)
            bench::fail(QStringLiteral("append failed"));
        print("EventLog::append, JSON-lines rows in memory", count, ns, rawJsonl);
    }
    if (runs("jsonl")) {
        auto db = fresh(QStringLiteral("jsonl.tenure"));
        ConnectorConfig config = ConnectorConfig::defaultsFor(ConnectorConfig::Kind::Mixpanel);
        config.name = QStringLiteral("mixpanel");
        config.url = QUrl::fromLocalFile(jsonl).toString();
        PullRunner runner(*db, config);
        timer.start();
        const Result<PullRunner::Report> report = runner.runToEnd();
        const qint64 ns = timer.nsecsElapsed();
        if (!report || report->inserted != count)
            bench::fail(QStringLiteral("JSONL pull failed: %1")
                            .arg(report ? QStringLiteral("wrong count") : report.error()));
        print("JSON lines to the log (connector)", count, ns, rawJsonl);
    }
    if (runs("csv")) {
        auto db = fresh(QStringLiteral("csv.tenure"));
        CsvImporter importer(*db, QTimeZone::utc());
        CsvImporter::Options options;
        options.kind = ImportMapping::Kind::Events;
        timer.start();
        const Result<CsvImporter::Report> report = importer.run(csv, options);
        const qint64 ns = timer.nsecsElapsed();
        if (!report || report->inserted != count)
            bench::fail(QStringLiteral("CSV import failed: %1")
                            .arg(report ? QStringLiteral("wrong count") : report.error()));
        print("CSV to the log (importer)", count, ns, rawCsv);
    }
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("\npeak RSS of the whole benchmark (input rows held in memory included): %.0f MB\n",
                usage.ru_maxrss / 1024.0);
    return 0;
}
