#include "team/TeamPush.h"

#include "store/Database.h"
#include "store/SqliteStatement.h"
#include "team/PgCopy.h"
#include "team/TeamDatabase.h"
#include "team/TeamSchema.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <climits>

namespace tenure {

namespace {

const QString kActionKey
    = QStringLiteral("a.account_id = p.account_id AND a.trigger = p.trigger AND a.created_at = p.created_at");

} // namespace

struct TeamPush::Group
{
    QString name;
    bool appendsToLog = false;
    QList<TeamPush::Step> steps;
};

qint64 TeamPush::Report::added() const
{
    qint64 total = 0;
    for (const TableCount& table : tables)
        total += table.added;
    return total;
}

QString TeamPush::countedRows(const QString& table, qint64 count)
{
    const int n = int(std::min<qint64>(count, INT_MAX));
    static const QHash<QString, const char*> kWords {
        { QStringLiteral("events"), QT_TRANSLATE_N_NOOP("TeamPush", "%n events") },
        { QStringLiteral("source_state"), QT_TRANSLATE_N_NOOP("TeamPush", "%n connector cursors") },
        { QStringLiteral("sources"), QT_TRANSLATE_N_NOOP("TeamPush", "%n sources") },
        { QStringLiteral("accounts"), QT_TRANSLATE_N_NOOP("TeamPush", "%n accounts") },
        { QStringLiteral("account_keys"), QT_TRANSLATE_N_NOOP("TeamPush", "%n account keys") },
        { QStringLiteral("outcomes"), QT_TRANSLATE_N_NOOP("TeamPush", "%n outcomes") },
        { QStringLiteral("settings"), QT_TRANSLATE_N_NOOP("TeamPush", "%n settings") },
        { QStringLiteral("rule_sets"), QT_TRANSLATE_N_NOOP("TeamPush", "%n rule set versions") },
        { QStringLiteral("actions"), QT_TRANSLATE_N_NOOP("TeamPush", "%n actions") },
        { QStringLiteral("action_history"), QT_TRANSLATE_N_NOOP("TeamPush", "%n action history entries") },
        { QStringLiteral("account_notes"), QT_TRANSLATE_N_NOOP("TeamPush", "%n account notes") },
    };
    if (const char* words = kWords.value(table))
        return tr(words, nullptr, n);
    return tr("%n rows of %1", nullptr, n).arg(table);
}

TeamPush::TeamPush(Database& local, TeamDatabase& team)
    : m_local(local)
    , m_team(team)
{
}

TeamPush::Step TeamPush::eventsStep()
{
    const QString columns = QStringLiteral(
        "source, external_id, account_id, user_id, name, occurred_at, quantity, received_at, properties");
    // An anti-join, not ON CONFLICT DO NOTHING: that one inserts each row speculatively, twice the
    // time of a 10M-event push (bench_team).
    return { QStringLiteral("events"), QStringLiteral("SELECT seq, %1 FROM events ORDER BY seq").arg(columns),
             QStringLiteral("0::bigint AS local_seq, %1 FROM events").arg(columns),
             QStringLiteral("INSERT INTO events (%1) SELECT %1 FROM push_events p WHERE NOT EXISTS (SELECT 1 "
                            "FROM events e WHERE e.source = p.source AND e.external_id = p.external_id) "
                            "ORDER BY local_seq")
                 .arg(columns) };
}

Result<TeamPush::Report> TeamPush::run(const Progress& progress)
{
    // The server refuses anyone else table by table; said once, before anything is sent.
    const std::optional<TeamDatabase::Member> member = m_team.member();
    if (member && member->role != QLatin1String("admin"))
        return Error {
            tr("Only an admin moves a workspace into the team workspace %1: %2 is a member with the %3 "
               "role. Nothing was pushed.")
                .arg(m_team.location().display(), member->login, member->role)
        };
    const QString accountColumns = QStringLiteral(
        "id, name, owner, plan, arr, currency, seats, signup_date, renewal_date, attributes, updated_at");
    const QString outcomeColumns
        = QStringLiteral("account_id, kind, occurred_on, amount, note, source, external_id");
    const QString eventColumns = QStringLiteral(
        "source, external_id, account_id, user_id, name, occurred_at, quantity, received_at, properties");
    const QString actionColumns = QStringLiteral("account_id, trigger, status, priority, reason, owner, "
                                                 "snoozed_until, suppress, created_at, updated_at");

    const QList<Group> groups {
        { tr("master data"),
          false,
          {
              { QStringLiteral("sources"),
                QStringLiteral("SELECT name, kind, config, created_at FROM sources"),
                QStringLiteral("name, kind, config, created_at FROM sources"),
                QStringLiteral("INSERT INTO sources SELECT * FROM push_sources ON CONFLICT DO NOTHING") },
              { QStringLiteral("accounts"), QStringLiteral("SELECT %1 FROM accounts").arg(accountColumns),
                QStringLiteral("%1 FROM accounts").arg(accountColumns),
                QStringLiteral("INSERT INTO accounts SELECT * FROM push_accounts ON CONFLICT DO NOTHING") },
              { QStringLiteral("account_keys"),
                QStringLiteral("SELECT namespace, key, account_id, source, updated_at FROM account_keys"),
                QStringLiteral("namespace, key, account_id, source, updated_at FROM account_keys"),
                QStringLiteral(
                    "INSERT INTO account_keys SELECT * FROM push_account_keys ON CONFLICT DO NOTHING") },
              { QStringLiteral("outcomes"),
                QStringLiteral("SELECT id, %1 FROM outcomes ORDER BY id").arg(outcomeColumns),
                QStringLiteral("0::bigint AS local_id, %1 FROM outcomes").arg(outcomeColumns),
                QStringLiteral("INSERT INTO outcomes (%1) SELECT %1 FROM push_outcomes ORDER BY local_id "
                               "ON CONFLICT DO NOTHING")
                    .arg(outcomeColumns) },
              // The team's own settings (its time zone first of all) win over the file's.
              { QStringLiteral("settings"),
                QStringLiteral("SELECT key, value FROM settings WHERE substr(key, 1, 5) <> 'team_'"),
                QStringLiteral("key, value FROM settings"),
                QStringLiteral("INSERT INTO settings SELECT * FROM push_settings ON CONFLICT DO NOTHING") },
          } },
        // The cursors travel with the events they cover, in one transaction, as on a pull.
        { tr("event log"),
          true,
          {
              eventsStep(),
              { QStringLiteral("source_state"),
                QStringLiteral("SELECT source, state, updated_at FROM source_state"),
                QStringLiteral("source, state, updated_at FROM source_state"),
                QStringLiteral(
                    "INSERT INTO source_state SELECT * FROM push_source_state ON CONFLICT DO NOTHING") },
          } },
        // Versions are the team's: the file's versions follow the team's newest, in their order.
        { tr("rule sets"),
          false,
          {
              { QStringLiteral("rule_sets"),
                QStringLiteral(
                    "SELECT version, name, definition, created_at, author FROM rule_sets ORDER BY version"),
                QStringLiteral("version, name, definition, created_at, author FROM rule_sets"),
                QStringLiteral(R"(INSERT INTO rule_sets (version, name, definition, created_at, author)
                    SELECT (SELECT coalesce(max(version), 0) FROM rule_sets) + row_number() OVER (ORDER BY p.version),
                           p.name, p.definition, p.created_at, p.author
                    FROM push_rule_sets p
                    WHERE NOT EXISTS (SELECT 1 FROM rule_sets r WHERE r.created_at = p.created_at
                                      AND r.name = p.name AND r.definition::text = p.definition::text))") },
          } },
        // An action is known by its account, trigger and creation time; its history follows it
        // to the team's id for it.
        { tr("actions and notes"),
          false,
          {
              { QStringLiteral("actions"),
                QStringLiteral("SELECT id, %1 FROM actions ORDER BY id").arg(actionColumns),
                QStringLiteral("0::bigint AS local_id, %1 FROM actions").arg(actionColumns),
                QStringLiteral("INSERT INTO actions (%1) SELECT %1 FROM push_actions p WHERE NOT EXISTS "
                               "(SELECT 1 FROM actions a WHERE %2) ORDER BY local_id ON CONFLICT DO NOTHING")
                    .arg(actionColumns, kActionKey) },
              { QStringLiteral("action_history"),
                QStringLiteral("SELECT action_id, at, author, kind, detail FROM action_history ORDER BY id"),
                QStringLiteral("0::bigint AS local_action_id, at, author, kind, detail FROM action_history"),
                QStringLiteral(R"(INSERT INTO action_history (action_id, at, author, kind, detail)
                    SELECT m.id, h.at, h.author, h.kind, h.detail
                    FROM push_action_history h
                    JOIN (SELECT DISTINCT ON (p.local_id) p.local_id, a.id FROM push_actions p
                          JOIN actions a ON %1 ORDER BY p.local_id, a.id) m ON m.local_id = h.local_action_id
                    WHERE NOT EXISTS (SELECT 1 FROM action_history x WHERE x.action_id = m.id AND x.at = h.at
                                      AND x.kind = h.kind AND x.detail = h.detail)
                    ORDER BY h.ctid)")
                    .arg(kActionKey) },
              { QStringLiteral("account_notes"),
                QStringLiteral("SELECT account_id, at, author, text FROM account_notes ORDER BY id"),
                QStringLiteral("account_id, at, author, text FROM account_notes"),
                QStringLiteral(R"(INSERT INTO account_notes (account_id, at, author, text)
                    SELECT p.account_id, p.at, p.author, p.text FROM push_account_notes p
                    WHERE NOT EXISTS (SELECT 1 FROM account_notes n WHERE n.account_id = p.account_id
                                      AND n.at = p.at AND n.text = p.text)
                    ORDER BY p.ctid)") },
          } },
    };

    // The server writes a member's history rows and notes under the member's own name
    // (tenure_stamp_author, schema 3), whatever the file says; the owner and superusers, who are
    // no members, keep the file's authors. So history rows and notes are matched without their
    // authors: a second push adds nothing, whoever pushed first (a member's push says so).
    Report report;
    for (const Group& group : groups) {
        if (Status pushed = pushGroup(group, report, progress); !pushed)
            return Error {
                tr("Pushing the %1 failed and was rolled back (%2 rows of earlier groups were added "
                   "and stay; run the push again to finish): %3")
                    .arg(group.name)
                    .arg(report.added())
                    .arg(pushed.error())
            };
    }
    Result<QVariant> localZone = [this]() -> Result<QVariant> {
        QSqlQuery query(m_local.connection());
        if (!query.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'time_zone'")))
            return Error { query.lastError().text() };
        return query.next() ? query.value(0) : QVariant();
    }();
    Result<QVariant> teamZone
        = m_team.scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'time_zone'"));
    if (localZone && teamZone && localZone->isValid() && localZone->toString() != teamZone->toString())
        report.warnings
            << tr("The workspace file counts days in %1, the team workspace in %2: the team's engine "
                  "scores in %2.")
                   .arg(localZone->toString(), teamZone->toString());
    if (member) {
        qint64 authored = 0; // history rows and notes in the file
        for (const TableCount& table : std::as_const(report.tables)) {
            if (table.table == QLatin1String("action_history")
                || table.table == QLatin1String("account_notes"))
                authored += table.source;
        }
        if (authored > 0)
            report.warnings
                << tr("The server writes a member's history rows and notes under the member's name: "
                      "those pushed by %1 are under %2, whoever wrote them in the file. To keep the "
                      "file's authors, the team workspace's owner pushes it, before any member does.")
                       .arg(member->login, member->displayName);
    }
    return report;
}

Status TeamPush::pushGroup(const Group& group, Report& report, const Progress& progress)
{
    if (Status begun = m_team.begin(); !begun)
        return begun;
    const auto fail = [this](const QString& why) -> Status {
        m_team.rollback();
        return Error { why };
    };
    if (group.appendsToLog) {
        if (Result<QSqlQuery> locked
            = m_team.exec(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), { TeamSchema::kLogLock });
            !locked)
            return fail(locked.error());
    }
    QList<TableCount> counts;
    if (Status merged = stageAndMerge(m_local, m_team, group.steps, counts, progress); !merged)
        return fail(merged.error());
    if (Status committed = m_team.commit(); !committed)
        return fail(committed.error());
    report.tables += counts;
    return {};
}

Status TeamPush::stageAndMerge(Database& local, TeamDatabase& team, const QList<Step>& steps,
                               QList<TableCount>& counts, const Progress& progress)
{
    for (const Step& step : steps) {
        if (progress)
            progress(step.table);
        if (Result<QSqlQuery> staged = team.exec(QStringLiteral("CREATE TEMP TABLE push_%1 ON COMMIT DROP AS "
                                                                "SELECT %2 WITH NO DATA")
                                                     .arg(step.table, step.stagingColumns));
            !staged)
            return Error { staged.error() };
        // Read on SQLite's own handle: no QVariant for each of 10M events' ten values.
        Result<SqliteStatement> rows
            = SqliteStatement::prepare(local.handle(), step.localSelect.toUtf8().constData());
        if (!rows)
            return Error { tr("Cannot read %1 from %2: %3").arg(step.table, local.path(), rows.error()) };
        PgCopy copy(team.handle());
        if (Status started = copy.start(QStringLiteral("COPY push_%1 FROM STDIN").arg(step.table)); !started)
            return Error { started.error() };
        Result<qint64> copied = copy.copyAll(rows->get());
        if (!copied) // the file's read or the server's copy
            return Error { tr("Cannot copy %1 from %2: %3").arg(step.table, local.path(), copied.error()) };
        Result<QSqlQuery> merged = team.exec(step.merge);
        if (!merged)
            return Error { tr("%1: %2").arg(step.table, merged.error()) };
        counts.append({ step.table, copied.value(), merged->numRowsAffected() });
    }
    return {};
}

} // namespace tenure
