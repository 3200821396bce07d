#include "team/TeamImport.h"

#include "store/Database.h"
#include "team/TeamDatabase.h"
#include "team/TeamReplica.h"
#include "team/TeamSchema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tenure {

namespace {
const QString kAccountColumns = QStringLiteral(
    "id, name, owner, plan, arr, currency, seats, signup_date, renewal_date, attributes, updated_at");
const QString kOutcomeColumns
    = QStringLiteral("account_id, kind, occurred_on, amount, note, source, external_id");
} // namespace

TeamImport::TeamImport(TeamDatabase& team, std::unique_ptr<Database> staging, qint64 lastOutcome, Kind kind)
    : m_team(team)
    , m_staging(std::move(staging))
    , m_lastOutcome(lastOutcome)
    , m_kind(kind)
{
}

TeamImport::~TeamImport() = default;

Result<std::unique_ptr<TeamImport>> TeamImport::stage(TeamDatabase& team, const QString& stagingPath,
                                                      Kind kind)
{
    // The server refuses anyone else table by table, once the whole file has been read: said first.
    if (const std::optional<TeamDatabase::Member>& member = team.member()) {
        const bool may = member->role == QLatin1String("admin")
            || (kind == Kind::Pull && member->role == QLatin1String("ingest"));
        if (!may)
            return Error {
                kind == Kind::Pull
                    ? tr("Only an admin or an ingest login pulls into the team workspace %1: %2 is a "
                         "member with the %3 role. Nothing was pulled.")
                          .arg(team.location().display(), member->login, member->role)
                    : tr("Only an admin imports into the team workspace %1: %2 is a member with the "
                         "%3 role. Nothing was imported.")
                          .arg(team.location().display(), member->login, member->role)
            };
    }
    Result<std::unique_ptr<Database>> staging = Database::open(stagingPath, Database::Mode::ReadWrite);
    if (!staging)
        return Error { tr("Cannot prepare the import (%1): %2").arg(stagingPath, staging.error()) };
    if (Result<TeamReplica::Pull> pulled
        = TeamReplica(team, **staging)
              .pullWithoutLog(kind == Kind::Pull ? TeamReplica::MasterData::ForPull
                                                 : TeamReplica::MasterData::Everything);
        !pulled)
        return Error { pulled.error() };
    QSqlQuery query((*staging)->connection());
    // A pull goes on from the connectors' cursors in the team.
    if (kind == Kind::Pull) {
        Result<QSqlQuery> cursors
            = team.exec(QStringLiteral("SELECT source, state::text, updated_at FROM source_state"));
        if (!cursors)
            return Error { tr("Cannot prepare the pull: %1").arg(cursors.error()) };
        query.prepare(
            QStringLiteral("INSERT INTO source_state (source, state, updated_at) VALUES (?, ?, ?)"));
        while (cursors->next()) {
            for (int i = 0; i < 3; ++i)
                query.bindValue(i, cursors->value(i));
            if (!query.exec())
                return Error { tr("Cannot prepare the pull: %1").arg(query.lastError().text()) };
        }
    }
    // What the team has now, to tell afterwards what the import changed (temporary tables: this
    // connection's own, never part of the workspace).
    for (const char* sql :
         { "CREATE TEMP TABLE import_accounts AS SELECT id, updated_at FROM accounts",
           "CREATE TEMP TABLE import_keys AS SELECT namespace, key, account_id FROM account_keys",
           "CREATE TEMP TABLE import_sources AS SELECT name, kind, config FROM sources",
           "CREATE TEMP TABLE import_cursors AS SELECT source, state FROM source_state" }) {
        if (!query.exec(QString::fromLatin1(sql)))
            return Error { tr("Cannot prepare the import: %1").arg(query.lastError().text()) };
    }
    if (!query.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM outcomes")) || !query.next())
        return Error { tr("Cannot prepare the import: %1").arg(query.lastError().text()) };
    const qint64 lastOutcome = query.value(0).toLongLong();
    query.finish();
    return std::unique_ptr<TeamImport>(new TeamImport(team, std::move(staging).value(), lastOutcome, kind));
}

Result<TeamPush::Report> TeamImport::publish()
{
    const TeamPush::Step events = TeamPush::eventsStep();
    // The cursors travel with the events they cover, in one transaction, as on a pull into a file.
    const TeamPush::Step cursors {
        QStringLiteral("source_state"),
        QStringLiteral("SELECT source, state, updated_at FROM source_state s WHERE NOT EXISTS (SELECT 1 FROM "
                       "temp.import_cursors b WHERE b.source = s.source AND b.state = s.state)"),
        QStringLiteral("source, state, updated_at FROM source_state"),
        QStringLiteral(
            "INSERT INTO source_state SELECT * FROM push_source_state ON CONFLICT (source) DO UPDATE SET "
            "state = excluded.state, updated_at = excluded.updated_at")
    };
    const QList<TeamPush::Step> steps = m_kind == Kind::Pull
        ? QList<TeamPush::Step> { events, cursors }
        : QList<TeamPush::Step> {
              { QStringLiteral("sources"),
                QStringLiteral(
                    "SELECT name, kind, config, created_at FROM sources s WHERE NOT EXISTS (SELECT 1 FROM "
                    "temp.import_sources b WHERE b.name = s.name AND b.kind = s.kind AND b.config = "
                    "s.config)"),
                QStringLiteral("name, kind, config, created_at FROM sources"),
                QStringLiteral(
                    "INSERT INTO sources SELECT * FROM push_sources ON CONFLICT (name) DO UPDATE SET "
                    "kind = excluded.kind, config = excluded.config") },
              { QStringLiteral("accounts"),
                QStringLiteral(
                    "SELECT %1 FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM temp.import_accounts b "
                    "WHERE b.id = a.id AND b.updated_at = a.updated_at)")
                    .arg(kAccountColumns),
                QStringLiteral("%1 FROM accounts").arg(kAccountColumns),
                QStringLiteral(
                    "INSERT INTO accounts SELECT * FROM push_accounts ON CONFLICT (id) DO UPDATE SET "
                    "name = excluded.name, owner = excluded.owner, plan = excluded.plan, arr = excluded.arr, "
                    "currency = excluded.currency, seats = excluded.seats, signup_date = "
                    "excluded.signup_date, "
                    "renewal_date = excluded.renewal_date, attributes = excluded.attributes, "
                    "updated_at = excluded.updated_at") },
              { QStringLiteral("account_keys"),
                QStringLiteral(
                    "SELECT namespace, key, account_id, source, updated_at FROM account_keys k WHERE NOT "
                    "EXISTS (SELECT 1 FROM temp.import_keys b WHERE b.namespace = k.namespace AND b.key = "
                    "k.key AND b.account_id = k.account_id)"),
                QStringLiteral("namespace, key, account_id, source, updated_at FROM account_keys"),
                QStringLiteral(
                    "INSERT INTO account_keys SELECT * FROM push_account_keys ON CONFLICT (namespace, key) "
                    "DO UPDATE SET account_id = excluded.account_id, source = excluded.source, "
                    "updated_at = excluded.updated_at") },
              // m_lastOutcome is this process's own number, not data: it may be part of the statement.
              { QStringLiteral("outcomes"),
                QStringLiteral("SELECT id, %1 FROM outcomes WHERE id > %2 ORDER BY id")
                    .arg(kOutcomeColumns)
                    .arg(m_lastOutcome),
                QStringLiteral("0::bigint AS local_id, %1 FROM outcomes").arg(kOutcomeColumns),
                QStringLiteral(
                    "INSERT INTO outcomes (%1) SELECT %1 FROM push_outcomes ORDER BY local_id ON CONFLICT DO "
                    "NOTHING")
                    .arg(kOutcomeColumns) },
              // The staged workspace held no log: every event in it is the import's.
              events,
          };
    const auto failed = [this](const QString& why) -> Result<TeamPush::Report> {
        m_team.rollback();
        return Error { (m_kind == Kind::Pull ? tr("Nothing pulled was added to %1: %2")
                                             : tr("Nothing was imported into %1: %2"))
                           .arg(m_team.location().display(), why) };
    };
    if (Status begun = m_team.begin(); !begun)
        return failed(begun.error());
    if (Result<QSqlQuery> locked
        = m_team.exec(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), { TeamSchema::kLogLock });
        !locked)
        return failed(locked.error());
    TeamPush::Report report;
    if (Status merged = TeamPush::stageAndMerge(*m_staging, m_team, steps, report.tables); !merged)
        return failed(merged.error());
    if (Status committed = m_team.commit(); !committed)
        return failed(committed.error());
    return report;
}

QString TeamImport::describe(const TeamPush::Report& sent) const
{
    QStringList parts;
    for (const TeamPush::TableCount& table : sent.tables)
        if (table.added > 0)
            parts << TeamPush::countedRows(table.table, table.added);
    return tr("Into the team workspace %1: %2.")
        .arg(m_team.location().display(), parts.isEmpty() ? tr("nothing new") : parts.join(tr(", ")));
}

} // namespace tenure
