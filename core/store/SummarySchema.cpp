#include "store/SummarySchema.h"

namespace tenure {

namespace {

// The status history, packed by account and month (see StatusHistory), and the accounts per day,
// stage and band that a rebuild counts.
QStringList historyStatements(const QString& suffix)
{
    return { QStringLiteral(R"(CREATE TABLE history_months%1 (
            account_id TEXT NOT NULL,
            month      TEXT NOT NULL,
            legend     TEXT NOT NULL,
            days       TEXT NOT NULL,
            PRIMARY KEY (account_id, month)) WITHOUT ROWID)")
                 .arg(suffix),
             QStringLiteral(R"(CREATE TABLE history_days%1 (
            day      TEXT    NOT NULL,
            stage    TEXT    NOT NULL,
            band     TEXT    NOT NULL,
            accounts INTEGER NOT NULL,
            PRIMARY KEY (day, stage, band)) WITHOUT ROWID)")
                 .arg(suffix) };
}

} // namespace

QStringList SummarySchema::createStatements(const QString& suffix, Scope scope)
{
    QStringList statements;
    if (scope == Scope::Everything) {
        // Per account: its daily event quantities by name and its active users by day, packed by
        // AccountActivity::serialize(). One row per account keeps both rebuilds and reads cheap.
        statements << QStringLiteral(R"(CREATE TABLE agg_activity%1 (
            account_id TEXT PRIMARY KEY,
            data       BLOB NOT NULL))")
                          .arg(suffix);
    }
    statements << QStringLiteral(R"(CREATE TABLE account_status%1 (
            account_id    TEXT PRIMARY KEY,
            stage         TEXT    NOT NULL,
            score         REAL,
            band          TEXT,
            breakdown     TEXT    NOT NULL,
            day           TEXT    NOT NULL,
            computed_at   INTEGER NOT NULL,
            rules_version INTEGER NOT NULL,
            last_active   TEXT))")
                      .arg(suffix)
               << QStringLiteral("CREATE TABLE engine_state%1 (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                      .arg(suffix);
    return statements + historyStatements(suffix);
}

QStringList SummarySchema::indexStatements()
{
    return {
        // With account_id, the band index alone answers "how many Good accounts" and feeds the join.
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS account_status_band ON account_status (band, score, account_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS account_status_stage ON account_status (stage)"),
        // The customer list's default order (worst score first) walks this index.
        QStringLiteral("CREATE INDEX IF NOT EXISTS account_status_score ON account_status (score)"),
        // One day of every account (the overview's month ends, the score 30 days ago) reads one month.
        QStringLiteral("CREATE INDEX IF NOT EXISTS history_months_month ON history_months (month)"),
    };
}

QStringList SummarySchema::viewStatements()
{
    return { QStringLiteral(R"(CREATE VIEW IF NOT EXISTS status_history AS
            SELECT h.account_id AS account_id,
                   h.month || printf('-%02d', d.key + 1) AS day,
                   json_extract(h.legend, '$[' || json_extract(d.value, '$[0]') || '][0]') AS stage,
                   json_extract(d.value, '$[1]') AS score,
                   json_extract(h.legend, '$[' || json_extract(d.value, '$[0]') || '][1]') AS band
            FROM history_months h, json_each(h.days) d
            WHERE d.type = 'array')") };
}

QStringList SummarySchema::dropViewStatements()
{
    return { QStringLiteral("DROP VIEW IF EXISTS status_history") };
}

} // namespace tenure
