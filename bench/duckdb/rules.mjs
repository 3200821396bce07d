// bench_engine's DuckDB side: the shipped default rules as one SQL query (the same query
// bench/BenchEngine.cpp runs in SQLite, in DuckDB's dialect), over the events, accounts and
// outcomes bench_engine exported as CSV. Loads them into an in-memory database on two threads,
// runs the query, compares every account's stage and band with Tenure's, and prints one JSON
// line: {"version", "threads", "loadSeconds", "querySeconds", "accounts", "differ", "missing"}.
//
//   node rules.mjs --dir DIR --day YYYY-MM-DD [--threads 2] [--runs 1]
//
// DIR holds events.csv (account_id, user_id, name, occurred_at, quantity), accounts.csv (id, plan,
// is_trial, seats, signup_date, renewal_date), outcomes.csv (account_id, kind, occurred_on) and
// tenure.csv (account_id, stage, band: Tenure's account_status). With --runs N the query runs N
// times and querySeconds is the fastest (the first run of a query also warms DuckDB's caches).
import { DuckDBInstance, version } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function options(argv) {
  const out = { threads: 2, runs: 1 };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (i + 1 >= argv.length)
      throw new Error(`--${key} needs a value`);
    out[key] = argv[i + 1];
  }
  if (!out.dir || !/^\d{4}-\d{2}-\d{2}$/.test(out.day ?? ''))
    throw new Error('usage: node rules.mjs --dir DIR --day YYYY-MM-DD [--threads N] [--runs N]');
  out.threads = Number(out.threads);
  out.runs = Math.max(1, Number(out.runs));
  return out;
}

// The SQLite query of BenchEngine.cpp's sqlFormulation(), translated where the dialects differ:
// SQLite's two-argument max()/min() are greatest()/least() here, and those skip a NULL argument
// where SQLite's return NULL, so the one measure that can be NULL (the login trend) is tested
// first; `/` of two integers is `//`; booleans are cast before they are multiplied; day
// arithmetic on DATEs instead of julianday().
function rulesQuery(p) {
  return `
WITH w AS (
  SELECT account_id,
    sum(CASE WHEN name = 'login' AND occurred_at >= ${p.d30} THEN quantity ELSE 0 END) AS logins30,
    sum(CASE WHEN name = 'login' AND occurred_at >= ${p.d60} AND occurred_at < ${p.d30} THEN quantity ELSE 0 END) AS loginsPrev30,
    sum(CASE WHEN name = 'report_created' AND occurred_at >= ${p.d30} THEN quantity ELSE 0 END) AS reports30,
    sum(CASE WHEN name = 'report_created' AND occurred_at >= ${p.d14} THEN quantity ELSE 0 END) AS reports14,
    sum(CASE WHEN name = 'invite_sent' AND occurred_at >= ${p.d30} THEN quantity ELSE 0 END) AS invites30,
    sum(CASE WHEN name = 'integration_sync' AND occurred_at >= ${p.d14} THEN quantity ELSE 0 END) AS sync14,
    sum(CASE WHEN name = 'support_ticket' AND occurred_at >= ${p.d30} THEN quantity ELSE 0 END) AS tickets30,
    count(DISTINCT CASE WHEN occurred_at >= ${p.d30} THEN user_id END) AS users30,
    count(DISTINCT CASE WHEN occurred_at >= ${p.d14} THEN user_id END) AS users14,
    count(DISTINCT CASE WHEN occurred_at >= ${p.d7} THEN user_id END) AS users7,
    max(occurred_at) AS lastAt
  FROM events WHERE occurred_at < ${p.end} GROUP BY account_id),
m AS (
  SELECT a.id, a.seats,
    coalesce(w.logins30, 0) AS logins30, coalesce(w.loginsPrev30, 0) AS loginsPrev30,
    coalesce(w.reports30, 0) AS reports30, coalesce(w.reports14, 0) AS reports14,
    coalesce(w.invites30, 0) AS invites30, coalesce(w.sync14, 0) AS sync14, coalesce(w.tickets30, 0) AS tickets30,
    coalesce(w.users30, 0) AS users30, coalesce(w.users14, 0) AS users14, coalesce(w.users7, 0) AS users7,
    CASE WHEN w.lastAt IS NULL THEN NULL ELSE (${p.endDay} - 1) - (w.lastAt // 86400000) END AS recency,
    CASE
      WHEN EXISTS (SELECT 1 FROM outcomes o WHERE o.account_id = a.id AND o.kind = 'churned' AND o.occurred_on <= DATE '${p.day}') THEN 'churned'
      WHEN a.plan = 'Trial' OR a.is_trial THEN 'trial'
      WHEN DATE '${p.day}' - a.signup_date <= 60 THEN 'onboarding'
      WHEN a.renewal_date - DATE '${p.day}' BETWEEN 0 AND 90 THEN 'renewal'
      ELSE 'adoption' END AS stage
  FROM accounts a LEFT JOIN w ON w.account_id = a.id),
s AS (
  SELECT id, stage,
    CASE WHEN seats > 0 THEN 1.0 * users30 / seats END AS share30,
    CASE WHEN seats > 0 THEN 1.0 * users14 / seats END AS share14,
    CASE WHEN seats > 0 THEN 1.0 * users7 / seats END AS share7,
    CASE WHEN seats > 0 THEN 1.0 * logins30 / seats END AS loginsPerSeat,
    CASE WHEN loginsPrev30 = 0 THEN (CASE WHEN logins30 = 0 THEN NULL ELSE 100 END)
         ELSE (logins30 - loginsPrev30) * 100.0 / loginsPrev30 END AS trend,
    recency, reports30, reports14, invites30, sync14, tickets30
  FROM m),
lin AS (SELECT s.*,
    greatest(0, least(1, (coalesce(share30, -1e9) - 0.05) / 0.45)) AS fActive30,
    greatest(0, least(1, coalesce(share14, -1e9) / 0.4)) AS fActive14,
    greatest(0, least(1, coalesce(share7, -1e9) / 0.5)) AS fActive7,
    greatest(0, least(1, coalesce(loginsPerSeat, -1e9) / 4)) AS fLogins,
    CASE WHEN trend IS NULL THEN 0 ELSE greatest(0, least(1, (trend + 50) / 50)) END AS fTrend,
    CASE WHEN recency IS NULL THEN 0 ELSE greatest(0, least(1, (recency - 14) / -12.0)) END AS fRecency,
    greatest(0, least(1, (tickets30 - 5) / -5.0)) AS fTickets,
    CASE WHEN reports30 >= 5 THEN 1 WHEN reports30 >= 1 THEN 0.4 ELSE 0 END AS fReports30
  FROM s),
scored AS (SELECT id, stage,
    CASE stage
      WHEN 'churned' THEN NULL
      WHEN 'trial' THEN round((40 * fActive7 + 30 * (CASE WHEN invites30 >= 3 THEN 1 WHEN invites30 >= 1 THEN 0.5 ELSE 0 END)
                         + 30 * (reports14 >= 1)::INTEGER) * 1000.0 / 100) / 10.0
      WHEN 'onboarding' THEN round((40 * fActive14 + 20 * (invites30 >= 2)::INTEGER + 20 * (sync14 >= 1)::INTEGER
                         + 20 * (CASE WHEN reports30 >= 5 THEN 1 WHEN reports30 >= 1 THEN 0.5 ELSE 0 END)) * 1000.0 / 100) / 10.0
      WHEN 'renewal' THEN round((30 * fActive30 + 25 * fTrend + 20 * fRecency + 10 * fTickets + 15 * fReports30) * 1000.0 / 100) / 10.0
      ELSE round((30 * fActive30 + 20 * fLogins + 20 * fTrend + 10 * fRecency + 10 * fReports30 + 10 * fTickets) * 1000.0 / 100) / 10.0
    END AS score
  FROM lin)
SELECT id, stage, score, CASE WHEN score IS NULL THEN '' WHEN score >= 70 THEN 'Good' WHEN score >= 40 THEN 'Normal' ELSE 'Bad' END AS band
FROM scored`;
}

// The window bounds, in milliseconds since the epoch, as bench_engine binds them in SQLite.
function parameters(day) {
  const dayMs = 86400000;
  const endDay = Date.parse(`${day}T00:00:00Z`) / dayMs + 1; // days since the epoch, after `day`
  const p = { day, endDay, end: endDay * dayMs };
  for (const window of [7, 14, 30, 60])
    p[`d${window}`] = (endDay - window) * dayMs;
  return p;
}

function csv(dir, name, columns) {
  const path = join(dir, name).replaceAll("'", "''");
  const types = Object.entries(columns).map(([column, type]) => `'${column}': '${type}'`).join(', ');
  return `read_csv('${path}', header = true, columns = {${types}})`;
}

function tenureStatuses(dir) {
  const statuses = new Map();
  const lines = readFileSync(join(dir, 'tenure.csv'), 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    if (!line)
      continue;
    // Ids, stages and bands hold no commas; a field may still be quoted ("" is an empty band).
    const [id, stage, band] = line.split(',').map((field) => field.replace(/^"(.*)"$/, '$1').replaceAll('""', '"'));
    statuses.set(id, `${stage}/${band}`);
  }
  return statuses;
}

async function main() {
  const o = options(process.argv);
  const instance = await DuckDBInstance.create(':memory:', { threads: String(o.threads) });
  const connection = await instance.connect();

  let started = process.hrtime.bigint();
  await connection.run(`CREATE TABLE events AS SELECT * FROM ${csv(o.dir, 'events.csv', {
    account_id: 'VARCHAR', user_id: 'VARCHAR', name: 'VARCHAR', occurred_at: 'BIGINT', quantity: 'DOUBLE' })}`);
  await connection.run(`CREATE TABLE accounts AS SELECT * FROM ${csv(o.dir, 'accounts.csv', {
    id: 'VARCHAR', plan: 'VARCHAR', is_trial: 'BOOLEAN', seats: 'BIGINT', signup_date: 'DATE', renewal_date: 'DATE' })}`);
  await connection.run(`CREATE TABLE outcomes AS SELECT * FROM ${csv(o.dir, 'outcomes.csv', {
    account_id: 'VARCHAR', kind: 'VARCHAR', occurred_on: 'DATE' })}`);
  const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const sql = rulesQuery(parameters(o.day));
  let querySeconds = Infinity;
  let rows = [];
  for (let run = 0; run < o.runs; ++run) {
    started = process.hrtime.bigint();
    const reader = await connection.runAndReadAll(sql);
    rows = reader.getRows();
    querySeconds = Math.min(querySeconds, Number(process.hrtime.bigint() - started) / 1e9);
  }

  // Every account of either side counts: one that only one side scored differs too.
  const tenure = tenureStatuses(o.dir);
  const seen = new Set();
  let differ = 0;
  for (const [id, stage, , band] of rows) {
    seen.add(id);
    if (tenure.get(id) !== `${stage}/${band}`)
      ++differ;
  }
  const missing = [...tenure.keys()].filter((id) => !seen.has(id)).length;
  connection.closeSync();
  instance.closeSync();
  console.log(JSON.stringify({ version: version(), threads: o.threads, loadSeconds, querySeconds,
                               accounts: rows.length, differ, missing }));
}

main().catch((error) => {
  console.error(`duckdb: ${error.message}`);
  process.exit(1);
});
