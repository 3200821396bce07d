#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace tenure {
class Database;
}

namespace tenure::bench {

// DuckDB beside Tenure in bench_engine: the same default rules as one SQL query, run by DuckDB (an
// analytical engine built for such queries) on two threads over the same events, loaded into its
// own in-memory tables. Runs bench/duckdb/rules.mjs with Node; needs `npm ci` in bench/duckdb.
struct DuckDbFigures
{
    QString version;
    double exportSeconds = 0; // writing the workspace's tables out as CSV (not DuckDB's)
    double loadSeconds = 0; // DuckDB reading the CSV files into its tables
    double querySeconds = 0; // the rules query on the loaded tables, the fastest of its runs
    qint64 accounts = 0;
    qint64 differ = 0; // accounts whose stage or band differs from Tenure's account_status
};

// Exports the workspace's events, accounts, outcomes and statuses as of `today` (its scored
// account_status) to CSV in the scratch folder and runs the query `runs` times. Empty when Node or
// the package is missing, with the reason in `skipped`; ends the benchmark when DuckDB fails.
std::optional<DuckDbFigures> runDuckDb(Database& db, const QDate& today, int runs, QString& skipped);

} // namespace tenure::bench
