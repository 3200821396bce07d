#include "team/TeamReplica.h"

#include "domain/Event.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "store/Transaction.h"
#include "store/WorkspaceSettings.h"
#include "team/PgCopy.h"
#include "team/TeamCopyRows.h"
#include "team/TeamDatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

#include <vector>

namespace tenure {

using teamcopy::copyRows;
using teamcopy::localExec;

namespace {

const QString kTeamSeq = QStringLiteral("team_seq");
const QString& kMasterFingerprint = WorkspaceSettings::kTeamMasterFingerprint;
// The number of the last publication of the engine's results this copy holds (TeamPublisher).
const QString& kTeamPublication = WorkspaceSettings::kTeamPublication;
const QString kTeamWorkspaceId = QStringLiteral("team_workspace_id");
// The random stamp of that publication (the team's `publications`, schema 7).
const QString& kTeamPublicationStamp = WorkspaceSettings::kTeamPublicationStamp;
// A mark made anew whenever the copy's statuses change (for the customer list).
const QString& kTeamStatusesChanged = WorkspaceSettings::kTeamStatusesChanged;
// The key (source, unit separator, external id) of the team's event at `team_seq`.
const QString kTeamSeqKey = QStringLiteral("team_seq_key");
constexpr int kEventsPerBatch = 20000;

// Changes whenever accounts, outcomes, keys, sources or the time zone change, whoever changed
// them and however (a hand-written UPDATE that keeps updated_at included): every column the copy
// takes is in it (an outcome's and a key's whole row).
const QString kFingerprintSql = QStringLiteral(R"(SELECT concat_ws('/',
    (SELECT concat_ws(':', count(*), max(updated_at), sum(hashtext(id || ':' || updated_at || ':' || name || ':'
            || coalesce(owner, '') || ':' || coalesce(plan, '') || ':' || coalesce(arr::text, '') || ':'
            || coalesce(seats::text, '') || ':' || coalesce(signup_date, '') || ':' || coalesce(renewal_date, '')
            || ':' || currency || ':' || attributes::text))) FROM accounts),
    (SELECT concat_ws(':', count(*), max(id), sum(hashtext(o::text))) FROM outcomes o),
    (SELECT concat_ws(':', count(*), sum(hashtext(k::text))) FROM account_keys k),
    (SELECT md5(coalesce(string_agg(name || ':' || kind || ':' || config::text, ',' ORDER BY name), '')) FROM sources),
    (SELECT md5(coalesce(string_agg(key || '=' || value, ',' ORDER BY key), '')) FROM settings
     WHERE substr(key, 1, 5) <> 'team_')))");

} // namespace

TeamReplica::TeamReplica(TeamDatabase& team, Database& local, bool inCallersSnapshot)
    : m_team(team)
    , m_local(local)
    , m_callersSnapshot(inCallersSnapshot)
{
}

QString TeamReplica::defaultPath(const TeamLocation& location, const QString& purpose)
{
    const QByteArray key
        = QCryptographicHash::hash(location.toUrl().toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    const QString dir
        = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/team");
    QDir().mkpath(dir);
    return dir + QStringLiteral("/%1-%2-%3.tenure").arg(location.database, QString::fromLatin1(key), purpose);
}

void TeamReplica::endSnapshot()
{
    if (!m_callersSnapshot)
        m_team.rollback();
}

Status TeamReplica::beginSnapshot()
{
    if (m_callersSnapshot)
        return {};
    // Read only, and every statement sees the server as of the first one.
    if (Status begun = m_team.begin(); !begun)
        return begun;
    if (Result<QSqlQuery> snapshot
        = m_team.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
        !snapshot) {
        m_team.rollback();
        return Error { snapshot.error() };
    }
    return {};
}

Result<bool> TeamReplica::madeFromThisHistory()
{
    // A copy is of one team database: after a new `team init` under the same name the workspace
    // id differs. After a restore from a backup the id is the same, but the log's numbers count
    // again from the backup's, for other events: the event the copy took last under its number
    // is no longer there, or another one is. (A copy that has not noted that event yet, made by an
    // older Tenure, is checked as before: the log must reach its number.)
    Result<QVariant> id
        = m_team.scalar(QStringLiteral("SELECT value FROM tenure_meta WHERE key = 'workspace_id'"));
    if (!id)
        return Error { id.error() };
    WorkspaceSettings settings(m_local);
    const QString mine = settings.value(kTeamWorkspaceId);
    const QString theirs = id->isValid() ? id->toString() : QString();
    if (!mine.isEmpty() && mine != theirs)
        return false;
    const qint64 seen = settings.value(kTeamSeq, QStringLiteral("0")).toLongLong();
    if (seen > 0) {
        const QString key = settings.value(kTeamSeqKey);
        Result<QVariant> there = key.isEmpty()
            ? m_team.scalar(QStringLiteral("SELECT coalesce(max(seq), 0) >= ? FROM events"), { seen })
            : m_team.scalar(
                QStringLiteral("SELECT source || chr(31) || external_id = ? FROM events WHERE seq = ?"),
                { key, seen });
        if (!there)
            return Error { there.error() };
        if (!there->isValid() || there->isNull() || !there->toBool())
            return false;
    }
    if (mine.isEmpty() && !theirs.isEmpty()) {
        if (Status set = settings.setValue(kTeamWorkspaceId, theirs); !set)
            return Error { set.error() };
    }
    return true;
}

Result<TeamReplica::Pull> TeamReplica::pull(const Progress& progress, const std::atomic_bool* cancel)
{
    Pull pull;
    Result<bool> same = madeFromThisHistory();
    if (!same)
        return Error { tr("Cannot use this machine's copy of the team workspace: %1").arg(same.error()) };
    if (!*same)
        return Error { tr("Cannot use this machine's copy of the team workspace: the copy %1 was made from "
                          "another database than %2, or from it before it was restored from a backup. "
                          "Delete the copy, and the next pass makes a new one.")
                           .arg(m_local.path(), m_team.location().display()) };
    // One snapshot for the master data, the rules and the log: an event names a source, which a
    // copy refuses unless it holds that source, so a source added between the two reads (and
    // the events from it) must both come, or both wait for the next pull. Appenders commit in
    // the order of their seqs (the log's lock), so the log of a snapshot has no gap.
    if (Status begun = beginSnapshot(); !begun)
        return Error {
            tr("Cannot read the team workspace %1: %2").arg(m_team.location().display(), begun.error())
        };
    const auto failed = [this](const QString& what, const QString& why) -> Result<Pull> {
        endSnapshot();
        return Error { what.arg(m_team.location().display(), why) };
    };
    if (Status master = pullMasterData(pull); !master)
        return failed(tr("Cannot copy the team's accounts from %1: %2"), master.error());
    if (Status rules = pullRuleSets(pull); !rules)
        return failed(tr("Cannot copy the team's rules from %1: %2"), rules.error());
    if (Status log = pullLog(pull, progress, cancel); !log)
        return failed(tr("Cannot copy the team's event log from %1: %2"), log.error());
    endSnapshot(); // read only: nothing to keep
    return pull;
}

Result<TeamReplica::Pull> TeamReplica::pullWithoutLog(MasterData scope)
{
    Pull pull;
    Result<bool> same = madeFromThisHistory();
    if (!same)
        return Error { tr("Cannot use this machine's copy of the team workspace: %1").arg(same.error()) };
    if (!*same)
        return Error { tr("Cannot use this machine's copy of the team workspace: the copy %1 was made from "
                          "another database than %2, or from it before it was restored from a backup. "
                          "Delete the copy, and the next pass makes a new one.")
                           .arg(m_local.path(), m_team.location().display()) };
    // One snapshot, so that the fingerprint kept describes the rows copied.
    if (Status begun = beginSnapshot(); !begun)
        return Error {
            tr("Cannot read the team workspace %1: %2").arg(m_team.location().display(), begun.error())
        };
    const Status master = pullMasterData(pull, scope);
    endSnapshot(); // read only: nothing to keep
    if (!master)
        return Error {
            tr("Cannot copy the team's accounts from %1: %2").arg(m_team.location().display(), master.error())
        };
    return pull;
}

Status TeamReplica::pullMasterData(Pull& pull, MasterData scope)
{
    // A pull's staging reads no account or outcome, and is not kept: no fingerprint (which reads
    // them) to tell whether it is up to date, and none kept.
    const bool everything = scope == MasterData::Everything;
    Result<QVariant> fingerprint = everything ? m_team.scalar(kFingerprintSql) : QVariant();
    if (!fingerprint)
        return Error { fingerprint.error() };
    WorkspaceSettings settings(m_local);
    if (everything && settings.value(kMasterFingerprint) == fingerprint->toString())
        return {};

    Result<QVariant> zone
        = m_team.scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'time_zone'"));
    if (!zone)
        return Error { zone.error() };
    Transaction transaction(m_local);
    if (!transaction.startError().isEmpty())
        return Error { transaction.startError() };
    if (zone->isValid() && settings.timeZone().id() != zone->toString().toUtf8()) {
        if (Status set = settings.setTimeZone(zone->toString().toUtf8()); !set)
            return set;
    }
    for (const char* sql : { "DELETE FROM outcomes", "DELETE FROM accounts", "DELETE FROM account_keys" }) {
        if (Status done = localExec(m_local, QString::fromLatin1(sql)); !done)
            return done;
    }
    const QList<std::tuple<QString, QString, QByteArray>> tables {
        { QStringLiteral("SELECT name, kind, config::text, created_at FROM sources"),
          QStringLiteral("INSERT INTO sources (name, kind, config, created_at) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, config = excluded.config"),
          "ttti" },
        { QStringLiteral("SELECT id, name, owner, plan, arr, currency, seats, signup_date, renewal_date, "
                         "attributes::text, updated_at FROM accounts"),
          QStringLiteral("INSERT INTO accounts (id, name, owner, plan, arr, currency, seats, signup_date, "
                         "renewal_date, attributes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          "ttttrtitttI" },
        { QStringLiteral(
              "SELECT id, account_id, kind, occurred_on, amount, note, source, external_id FROM outcomes"),
          QStringLiteral("INSERT INTO outcomes (id, account_id, kind, occurred_on, amount, note, source, "
                         "external_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
          "itttrttt" },
        // The team's settings (the action queue's weights among them); the time zone is set above.
        { QStringLiteral(
              "SELECT key, value FROM settings WHERE key <> 'time_zone' AND substr(key, 1, 5) <> 'team_'"),
          QStringLiteral(
              "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
              "excluded.value"),
          "tt" },
        { QStringLiteral("SELECT namespace, key, account_id, source, updated_at FROM account_keys"),
          QStringLiteral("INSERT INTO account_keys (namespace, key, account_id, source, updated_at) "
                         "VALUES (?, ?, ?, ?, ?)"),
          "tttti" },
    };
    for (const auto& [select, insert, kinds] : tables) {
        if (!everything
            && (select.contains(QLatin1String(" FROM accounts"))
                || select.contains(QLatin1String(" FROM outcomes"))))
            continue;
        QByteArray columnKinds = kinds;
        columnKinds.replace('I', 'i');
        if (Result<qint64> copied = copyRows(m_team, m_local, select, insert, columnKinds); !copied)
            return Error { copied.error() };
    }
    // The engine's own stamp of the master data (counts and newest change) can miss an edit the
    // fingerprint saw: forget it, so that the next pass re-scores every account.
    if (Status forgotten
        = localExec(m_local, QStringLiteral("DELETE FROM engine_state WHERE key = 'master_stamp'"));
        !forgotten)
        return forgotten;
    if (Status stamped
        = everything ? settings.setValue(kMasterFingerprint, fingerprint->toString()) : Status {};
        !stamped)
        return stamped;
    if (Status committed = transaction.commit(); !committed)
        return committed;
    pull.masterDataReplaced = true;
    return {};
}

Result<qint64> TeamReplica::pullStatuses()
{
    Transaction transaction(m_local);
    if (!transaction.startError().isEmpty())
        return Error { transaction.startError() };
    // One snapshot for the three tables: a publication lands in them together.
    if (Status begun = beginSnapshot(); !begun)
        return Error {
            tr("Cannot copy the team's scores from %1: %2").arg(m_team.location().display(), begun.error())
        };
    const auto failed = [this](const QString& why) -> Result<qint64> {
        endSnapshot();
        return Error {
            tr("Cannot copy the team's scores from %1: %2").arg(m_team.location().display(), why)
        };
    };
    // A status's breakdown takes its words from the rules version it names: the versions of the
    // same snapshot first.
    Pull rulesOnly;
    if (Status rules = pullRuleSets(rulesOnly); !rules)
        return failed(rules.error());
    WorkspaceSettings settings(m_local);
    const qint64 mine = settings.value(kTeamPublication, QStringLiteral("-1")).toLongLong();
    const QString myStamp = settings.value(kTeamPublicationStamp);
    Result<QSqlQuery> numbers = m_team.exec(
        QStringLiteral(
            "WITH latest AS (SELECT value::bigint AS number FROM engine_state WHERE key = 'publication') "
            "SELECT (SELECT number FROM latest), (SELECT value::bigint FROM engine_state WHERE key = "
            "'publication_everything'), (SELECT count(*) FROM account_status), (SELECT stamp FROM "
            "publications WHERE number = (SELECT number FROM latest)), (SELECT stamp FROM publications "
            "WHERE number = ?)"),
        { mine });
    if (!numbers || !numbers->next())
        return failed(numbers ? numbers->lastError().text() : numbers.error());
    const auto numberOr = [&](int column) {
        return numbers->value(column).isNull() ? qint64(-1) : numbers->value(column).toLongLong();
    };
    const qint64 latest = numberOr(0);
    const qint64 everything = numberOr(1);
    const qint64 teamStatuses = numbers->value(2).toLongLong();
    const QString latestStamp = numbers->value(3).toString();
    // The team's publication of the copy's number is the one the copy holds: not so after a
    // restore from a backup, which numbers publications again from the backup's. (Neither has a
    // stamp when the copy holds a publication made before schema 7; a stamp the team no longer
    // keeps, TeamPublisher, tells nothing: the copy takes the scores whole.)
    const bool sameAsMine = mine >= 0
        && (numbers->value(4).isNull() ? myStamp.isEmpty() : numbers->value(4).toString() == myStamp);
    numbers->finish();
    if (latest >= 0 && latest == mine && sameAsMine) {
        endSnapshot(); // read only: nothing to keep
        return qint64(0);
    }

    // The rows of the publications after the copy's, in place of its rows of the same accounts;
    // all of them when one of those replaced every account's (or the copy has no number yet).
    // The copy's statuses moved when it took any or dropped any (so not for each sync of a team
    // with no publication yet, whose copy stays empty).
    qint64 dropped = 0;
    const auto copy = [&](bool whole) -> Result<qint64> {
        const QString newer = whole ? QString() : QStringLiteral(" WHERE publication > %1").arg(mine);
        if (whole) {
            QSqlQuery forget(m_local.connection());
            if (!forget.exec(QStringLiteral("DELETE FROM account_status")))
                return Error { forget.lastError().text() };
            dropped += forget.numRowsAffected();
            if (Status done = localExec(m_local, QStringLiteral("DELETE FROM history_months")); !done)
                return Error { done.error() };
        } else {
            QSqlQuery forget(m_local.connection());
            forget.prepare(QStringLiteral("DELETE FROM account_status WHERE account_id = :id"));
            QSqlQuery forgetMonths(m_local.connection());
            forgetMonths.prepare(QStringLiteral("DELETE FROM history_months WHERE account_id = :id"));
            PgCopyOut changed(m_team.handle());
            // `mine` is a number this code formats: nothing of the data enters the statement.
            if (Status started
                = changed.start(QStringLiteral("COPY (SELECT account_id FROM account_status%1 "
                                               "UNION SELECT account_id FROM history_months%1) "
                                               "TO STDOUT")
                                    .arg(newer));
                !started)
                return Error { started.error() };
            while (changed.next()) {
                const QString id = QString::fromUtf8(changed.fields().value(0).value);
                forget.bindValue(QStringLiteral(":id"), id);
                forgetMonths.bindValue(QStringLiteral(":id"), id);
                if (!forget.exec() || !forgetMonths.exec())
                    return Error { forget.lastError().text() + forgetMonths.lastError().text() };
                dropped += forget.numRowsAffected();
            }
            if (!changed.error().isEmpty())
                return Error { changed.error() };
        }
        if (Status done = localExec(m_local, QStringLiteral("DELETE FROM history_days")); !done)
            return Error { done.error() };
        Result<qint64> statuses = copyRows(
            m_team, m_local,
            QStringLiteral(
                "SELECT account_id, stage, score, band, breakdown, day, computed_at, rules_version, "
                "last_active FROM account_status")
                + newer,
            QStringLiteral("INSERT INTO account_status (account_id, stage, score, band, breakdown, day, "
                           "computed_at, rules_version, last_active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            "ttrtttiit");
        if (!statuses)
            return statuses;
        if (Result<qint64> months = copyRows(
                m_team, m_local,
                QStringLiteral("SELECT account_id, month, legend, days FROM history_months") + newer,
                QStringLiteral(
                    "INSERT INTO history_months (account_id, month, legend, days) VALUES (?, ?, ?, ?)"),
                "tttt");
            !months)
            return months;
        if (Result<qint64> days = copyRows(
                m_team, m_local, QStringLiteral("SELECT day, stage, band, accounts FROM history_days"),
                QStringLiteral("INSERT INTO history_days (day, stage, band, accounts) VALUES (?, ?, ?, ?)"),
                "ttti");
            !days)
            return days;
        return statuses;
    };
    const bool whole = latest < 0 || !sameAsMine || everything > mine || latest < mine;
    Result<qint64> copied = copy(whole);
    if (!copied)
        return failed(copied.error());
    if (!whole) {
        // A publication that removed an account's status leaves no newer row to say so: a copy
        // that no longer counts as the team's is made whole again, in the same snapshot.
        QSqlQuery count(m_local.connection());
        if (!count.exec(QStringLiteral("SELECT count(*) FROM account_status")) || !count.next())
            return failed(count.lastError().text());
        const bool differs = count.value(0).toLongLong() != teamStatuses;
        count.finish();
        if (differs) {
            copied = copy(true);
            if (!copied)
                return failed(copied.error());
        }
    }
    endSnapshot(); // read only: nothing to keep
    if (Status set = settings.setValue(kTeamPublication, QString::number(latest)); !set)
        return Error { set.error() };
    // Marked anew only when statuses moved: the customer list reads the copy again on a new mark.
    if (dropped > 0 || copied.value() > 0) {
        if (Status set
            = settings.setValue(kTeamStatusesChanged, QUuid::createUuid().toString(QUuid::WithoutBraces));
            !set)
            return Error { set.error() };
    }
    if (Status set
        = settings.setValue(kTeamPublicationStamp, latestStamp.isNull() ? QStringLiteral("") : latestStamp);
        !set)
        return Error { set.error() };
    if (Status committed = transaction.commit(); !committed)
        return Error { committed.error() };
    return copied.value();
}

Status TeamReplica::pullRuleSets(Pull& pull)
{
    // Versions are immutable: the copy takes the versions it lacks. A copy whose versions disagree
    // with the team's (its engine made the default rules before the team had any) starts over.
    QSqlQuery local(m_local.connection());
    if (!local.exec(QStringLiteral("SELECT version, definition FROM rule_sets ORDER BY version")))
        return Error { local.lastError().text() };
    QHash<int, QString> mine;
    while (local.next())
        mine.insert(local.value(0).toInt(), local.value(1).toString());
    local.finish();

    Result<QSqlQuery> theirs = m_team.exec(
        QStringLiteral("SELECT version, name, definition::text, created_at, author FROM rule_sets "
                       "ORDER BY version"));
    if (!theirs)
        return Error { theirs.error() };
    struct Version
    {
        int version;
        QString name, definition;
        qint64 createdAt;
        QString author;
    };
    QList<Version> versions;
    bool disagree = false;
    while (theirs->next()) {
        Version v { theirs->value(0).toInt(), theirs->value(1).toString(), theirs->value(2).toString(),
                    theirs->value(3).toLongLong(), theirs->value(4).toString() };
        if (mine.contains(v.version) && mine.value(v.version) != v.definition)
            disagree = true;
        versions.append(v);
    }
    if (versions.isEmpty())
        return {}; // the engine's first pass saves the defaults, which TeamEngine shares
    Transaction transaction(m_local);
    if (!transaction.startError().isEmpty())
        return Error { transaction.startError() };
    if (disagree || mine.size() > versions.size()) {
        // The versions the copy scored with are not the team's: its scores must be made again.
        for (const char* sql :
             { "DELETE FROM rule_sets", "DELETE FROM engine_state WHERE key = 'rules_version'" }) {
            if (Status cleared = localExec(m_local, QString::fromLatin1(sql)); !cleared)
                return cleared;
        }
        mine.clear();
        pull.ruleSetsReplaced = true;
    }
    QSqlQuery insert(m_local.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO rule_sets (version, name, definition, created_at, author) VALUES (?, ?, ?, ?, ?)"));
    for (const Version& v : versions) {
        if (mine.contains(v.version))
            continue;
        insert.addBindValue(v.version);
        insert.addBindValue(v.name);
        insert.addBindValue(v.definition);
        insert.addBindValue(v.createdAt);
        insert.addBindValue(v.author);
        if (!insert.exec())
            return Error { insert.lastError().text() };
        ++pull.ruleSets;
    }
    return transaction.commit();
}

Status TeamReplica::pullLog(Pull& pull, const Progress& progress, const std::atomic_bool* cancel)
{
    WorkspaceSettings settings(m_local);
    const qint64 after = settings.value(kTeamSeq, QStringLiteral("0")).toLongLong();
    pull.teamSeq = after;
    PgCopyOut out(m_team.handle());
    // `after` is a number this code formats: nothing of the data enters the statement.
    if (Status started = out.start(
            QStringLiteral(
                "COPY (SELECT seq, source, external_id, account_id, user_id, name, occurred_at, quantity, "
                "properties::text FROM events WHERE seq > %1 ORDER BY seq) TO STDOUT")
                .arg(after));
        !started)
        return started;

    std::vector<EncodedEvent> batch;
    batch.reserve(kEventsPerBatch);
    qint64 lastSeq = after;
    EventLog log(m_local);
    const auto flush = [&]() -> Status {
        if (batch.empty())
            return {};
        Transaction transaction(m_local);
        if (!transaction.startError().isEmpty())
            return Error { transaction.startError() };
        // An event the server took but a workspace would refuse (written by another tool) is set
        // aside and counted, never a reason to stop scoring the rest of the log.
        Result<EventLog::AppendResult> appended = log.append(
            std::span<const EncodedEvent>(batch.data(), batch.size()), EventLog::Policy::SkipInvalid);
        if (!appended)
            return Error { appended.error() };
        for (const EventLog::Rejection& rejection : appended->rejected) {
            if (pull.rejected == 0)
                pull.firstRejection = tr("event %1/%2: %3")
                                          .arg(QString::fromUtf8(batch[size_t(rejection.index)].source),
                                               QString::fromUtf8(batch[size_t(rejection.index)].externalId),
                                               rejection.reason);
            ++pull.rejected;
        }
        const EncodedEvent& last = batch.back();
        if (Status set = settings.setValue(kTeamSeq, QString::number(lastSeq)); !set)
            return set;
        if (Status set
            = settings.setValue(kTeamSeqKey, QString::fromUtf8(last.source + '\x1f' + last.externalId));
            !set)
            return set;
        if (Status committed = transaction.commit(); !committed)
            return committed;
        pull.events += appended->inserted;
        pull.teamSeq = lastSeq;
        batch.clear();
        if (progress)
            progress(pull.events);
        return {};
    };
    while (out.next()) {
        const QList<PgCopyOut::Field>& f = out.fields();
        if (f.size() != 9)
            return Error { tr("unexpected row from the team's log (%1 fields)").arg(f.size()) };
        EncodedEvent event;
        event.source = f[1].value;
        event.externalId = f[2].value;
        event.accountId = f[3].value;
        event.userId = f[4].null ? QByteArray() : f[4].value;
        event.name = f[5].value;
        event.occurredAt = f[6].value.toLongLong();
        event.quantity = f[7].value.toDouble();
        event.properties = f[8].value;
        lastSeq = f[0].value.toLongLong();
        batch.push_back(std::move(event));
        if (int(batch.size()) >= kEventsPerBatch) {
            if (cancel && cancel->load())
                return Error { tr("cancelled") };
            if (Status done = flush(); !done)
                return done;
        }
    }
    if (!out.error().isEmpty())
        return Error { out.error() };
    return flush();
}

} // namespace tenure
