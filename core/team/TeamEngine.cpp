#include "team/TeamEngine.h"

#include "store/Database.h"
#include "store/WorkspaceSettings.h"
#include "team/TeamDatabase.h"
#include "team/TeamPublisher.h"
#include "team/TeamReadCopy.h"
#include "team/TeamReplica.h"
#include "team/TeamSchema.h"

#include <QElapsedTimer>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tenure {

TeamEngine::TeamEngine(TeamLocation location, Options options, QString password)
    : m_location(std::move(location))
    , m_options(std::move(options))
    , m_password(std::move(password))
{
}

QString TeamEngine::describeSteps(const Pass::Steps& steps)
{
    const auto secondsOf = [](qint64 ms) { return QString::number(ms / 1000.0, 'f', 2); };
    return tr("copying the log %1 s, scoring %2 s, publishing %3 s, the action queue %4 s")
        .arg(secondsOf(steps.copyMs), secondsOf(steps.scoreMs), secondsOf(steps.publishMs),
             secondsOf(steps.actionsMs));
}

QString TeamEngine::describeStartOver()
{
    return tr("The team's log is not the one this machine's copy was made from (the database was restored "
              "from a backup, or made anew): the copy was made again from the server, and every score "
              "published again.");
}

TeamEngine::~TeamEngine()
{
    // The engine and its copy go before the lock: no other engine starts while this one writes.
    m_engine.reset();
    m_replica.reset();
    m_work.reset();
    m_lock.reset();
}

QString TeamEngine::replicaPath() const
{
    return m_options.replicaPath.isEmpty() ? TeamReplica::defaultPath(m_location) : m_options.replicaPath;
}

bool TeamEngine::isElected() const
{
    return m_lock && m_lockPid != 0;
}

Result<QString> TeamEngine::describeHolder(TeamDatabase& db)
{
    Result<QSqlQuery> holder = db.exec(
        QStringLiteral(
            "SELECT a.usename, a.client_addr::text, a.application_name, "
            "to_char(a.backend_start, 'YYYY-MM-DD HH24:MI') FROM pg_locks l JOIN pg_stat_activity a ON "
            "a.pid = l.pid WHERE l.locktype = 'advisory' AND l.classid = ? AND l.objid = ? AND l.granted"),
        { qint64(quint64(TeamSchema::kEngineLock) >> 32),
          qint64(quint64(TeamSchema::kEngineLock) & 0xffffffffu) });
    if (!holder)
        return Error { holder.error() };
    if (!holder->next())
        return QString();
    const QString login = holder->value(0).toString();
    const QString application = holder->value(2).toString();
    // Another login's address and start are hidden from a member without pg_read_all_stats: they
    // come back NULL, and then only the login and the program are named.
    if (holder->value(3).isNull())
        return application.isEmpty() ? login : tr("%1 (%2)").arg(login, application);
    const QString from = holder->value(1).isNull() ? tr("a local socket") : holder->value(1).toString();
    return tr("%1 from %2 (%3, connected %4)").arg(login, from, application, holder->value(3).toString());
}

bool TeamEngine::holdsLock()
{
    if (!m_lock)
        return false;
    // The lock is the session's: a session the server ended (a restart, a terminated backend, a
    // network that dropped it) took the lock with it, and a standby may hold it now.
    Result<QVariant> held = m_lock->scalar(
        QStringLiteral(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = ? AND "
            "objid = ? AND objsubid = 1 AND granted AND pid = pg_backend_pid())"),
        { qint64(quint64(TeamSchema::kEngineLock) >> 32),
          qint64(quint64(TeamSchema::kEngineLock) & 0xffffffffu) });
    if (held && held->toBool())
        return true;
    resign();
    return false;
}

void TeamEngine::resign()
{
    m_engine.reset();
    m_replica.reset();
    m_work.reset();
    m_lock.reset();
    m_replicaLock.reset();
    m_lockPid = 0;
    m_lastPublished = -1;
    m_lastStamp.clear();
}

Result<bool> TeamEngine::tryElect()
{
    if (m_lock && holdsLock())
        return true;
    Result<std::unique_ptr<TeamDatabase>> lock
        = TeamDatabase::open(m_location, TeamDatabase::Purpose::Use, m_password);
    if (!lock)
        return Error { lock.error() };
    if (Status may = mayBeTheEngine(**lock); !may)
        return Error { may.error() };
    Result<QVariant> got
        = (*lock)->scalar(QStringLiteral("SELECT pg_try_advisory_lock(?)"), { TeamSchema::kEngineLock });
    if (!got)
        return Error { got.error() };
    if (!got->toBool())
        return false;
    Result<QVariant> pid = (*lock)->scalar(QStringLiteral("SELECT pg_backend_pid()"));
    if (!pid)
        return Error { pid.error() };
    m_lock = std::move(lock).value();
    m_lockPid = pid->toInt();
    return true;
}

Status TeamEngine::mayBeTheEngine(const TeamDatabase& db)
{
    const std::optional<TeamDatabase::Member> member = db.member();
    if (member && member->role == QLatin1String("admin"))
        return {};
    if (!member) {
        // Only members connect, and the workspace's owner, who is none; on a database whose door is
        // open to every login (TeamAccess::connectAdvice), anyone else is not the engine either.
        const Result<QVariant> owner = db.scalar(
            QStringLiteral("SELECT pg_has_role(session_user, c.relowner, 'USAGE') FROM pg_class c "
                           "WHERE c.oid = 'public.tenure_meta'::regclass"));
        if (owner && owner->toBool())
            return {};
        return Error {
            tr("%1 is neither a member of the team workspace %2 nor its owner: the team's engine signs "
               "in as an admin (docs/team.md, The one engine).")
                .arg(db.login(), db.location().database)
        };
    }
    return Error {
        tr("%1 is a member of the team workspace %2 with the %3 role, and the team's engine signs in "
           "as an admin: it publishes the scores every desktop reads (docs/team.md, The one engine).")
            .arg(member->login, db.location().database, member->role)
    };
}

Status TeamEngine::openConnections()
{
    if (!m_work) {
        Result<std::unique_ptr<TeamDatabase>> work
            = TeamDatabase::open(m_location, TeamDatabase::Purpose::Use, m_password);
        if (!work)
            return Error { work.error() };
        m_work = std::move(work).value();
    }
    if (!m_replicaLock) {
        // One engine per working copy: a second process on this machine (a `score` beside the
        // service) waits instead of scoring the same file at once. Kept while the copy starts over.
        auto lock = std::make_unique<QLockFile>(replicaPath() + QStringLiteral(".lock"));
        lock->setStaleLockTime(0);
        if (!lock->tryLock(30000))
            return Error {
                tr("The engine's copy %1 is in use by another process on this machine.").arg(replicaPath())
            };
        m_replicaLock = std::move(lock);
    }
    if (!m_replica) {
        Result<std::unique_ptr<Database>> replica = Database::open(replicaPath(), Database::Mode::ReadWrite);
        if (!replica)
            return Error {
                tr("Cannot open the engine's copy of the team workspace: %1").arg(replica.error())
            };
        m_replica = std::move(replica).value();
        m_engine = std::make_unique<ScoringEngine>(*m_replica, m_options.engine);
    }
    return {};
}

Result<bool> TeamEngine::startOverIfRestored()
{
    Result<bool> same = TeamReplica(*m_work, *m_replica).madeFromThisHistory();
    if (!same)
        return Error { tr("Cannot read the team workspace %1: %2").arg(m_location.display(), same.error()) };
    if (*same)
        return false;
    // The copy is a cache of the team's write side: made anew from the team as it is now, and
    // everything published again (the desktops' copies then start over by themselves).
    m_engine.reset();
    m_replica.reset();
    if (Status removed = TeamReadCopy::remove(replicaPath()); !removed)
        return Error { removed.error() };
    if (Status opened = openConnections(); !opened)
        return Error { opened.error() };
    m_lastPublished = -1;
    m_lastStamp.clear();
    return true;
}

// A team without rules scores with the shipped defaults, which the engine's first pass saves as
// version 1 in its copy: the team gets the same version, so every desktop shows the rules used.
Status TeamEngine::shareDefaultRules(Database& local)
{
    Result<QVariant> count = m_work->scalar(QStringLiteral("SELECT count(*) FROM rule_sets"));
    if (!count)
        return Error { count.error() };
    if (count->toLongLong() > 0)
        return {};
    QSqlQuery rules(local.connection());
    if (!rules.exec(QStringLiteral(
            "SELECT version, name, definition, created_at, author FROM rule_sets ORDER BY version")))
        return Error { rules.lastError().text() };
    while (rules.next()) {
        if (Result<QSqlQuery> saved = m_work->exec(
                QStringLiteral(
                    "INSERT INTO rule_sets (version, name, definition, created_at, author) VALUES (?, ?, ?, "
                    "?, ?) ON CONFLICT (version) DO NOTHING"),
                { rules.value(0), rules.value(1), rules.value(2), rules.value(3), rules.value(4) });
            !saved)
            return Error { saved.error() };
    }
    return {};
}

Result<TeamEngine::Pass> TeamEngine::runPass(bool rebuild, const ScoringEngine::Progress& progress,
                                             const std::atomic_bool* cancel)
{
    Result<Pass> pass = attemptPass(rebuild, progress, cancel);
    // A failed pass may have lost its connection (server restart, terminated backend): the next
    // one connects afresh. What it wrote was one transaction, rolled back whole.
    if (!pass) {
        m_work.reset();
        // What this pass scored may not have reached the team: the next one publishes everything.
        m_lastPublished = -1;
    }
    return pass;
}

Result<TeamEngine::Pass> TeamEngine::attemptPass(bool rebuild, const ScoringEngine::Progress& progress,
                                                 const std::atomic_bool* cancel)
{
    if (!isElected())
        return Error { tr("This process is not the team's engine.") };
    if (Status opened = openConnections(); !opened)
        return Error { opened.error() };
    Pass pass;
    QElapsedTimer step;
    step.start();
    Result<bool> startedOver = startOverIfRestored();
    if (!startedOver)
        return Error { startedOver.error() };
    pass.startedOver = *startedOver;
    if (progress)
        progress(tr("Copying the team's log"), 0, 0);
    Result<TeamReplica::Pull> pulled = TeamReplica(*m_work, *m_replica)
                                           .pull(
                                               [&progress](qint64 done) {
                                                   if (progress)
                                                       progress(tr("Copying the team's log"), done, 0);
                                               },
                                               cancel);
    if (!pulled)
        return Error { pulled.error() };
    if (pulled->masterDataReplaced || pulled->ruleSetsReplaced)
        m_engine = std::make_unique<ScoringEngine>(*m_replica, m_options.engine); // reloads what it cached
    pass.eventsPulled = pulled->events;
    pass.eventsSetAside = pulled->rejected;
    pass.firstSetAside = pulled->firstRejection;
    pass.teamSeq = pulled->teamSeq;
    pass.steps.copyMs = step.restart();

    Result<ScoringEngine::Summary> scored
        = rebuild ? m_engine->rebuild(progress, cancel) : m_engine->run(progress, cancel);
    if (!scored)
        return Error { scored.error() };
    pass.summary = scored.value();
    pass.timeZone = WorkspaceSettings(*m_replica).timeZone(); // the team's, copied with its settings
    pass.steps.scoreMs = step.restart();
    if (Status shared = shareDefaultRules(*m_replica); !shared)
        return Error {
            tr("Cannot share the default rules with %1: %2").arg(m_location.display(), shared.error())
        };

    // Everything the first time (or after another engine published, or a restore took this
    // engine's last publication back), only what moved after that.
    Result<QSqlQuery> published = m_work->exec(QStringLiteral(
        "SELECT (SELECT value::bigint FROM engine_state WHERE key = 'team_seq'), (SELECT stamp FROM "
        "publications WHERE number = (SELECT value::bigint FROM engine_state WHERE key = 'publication'))"));
    const bool same = published && published->next() && !published->value(0).isNull()
        && published->value(0).toLongLong() == m_lastPublished
        && published->value(1).toString() == m_lastStamp;
    if (published)
        published->finish();
    TeamPublisher::Publication publication;
    publication.everything = pass.summary.allAccountsChanged || pass.summary.rebuilt || !same;
    publication.accounts = pass.summary.changedAccounts;
    publication.teamSeq = pass.teamSeq;
    publication.asOf = pass.summary.asOf;
    publication.rulesVersion = pass.summary.rulesVersion;
    // Nothing to publish when the team's publication is still this engine's last, the log has not
    // moved since, and no account's results changed (a pass on the service's timer, say): no new
    // publication then, so that no desktop copies anything for nothing.
    pass.published = !same || publication.everything || !publication.accounts.isEmpty()
        || pass.teamSeq != m_lastPublished;
    if (pass.published) {
        // Published on the session that holds the engine lock: should the server end that session
        // mid-way, the publication is rolled back with it, and no standby's is overwritten.
        TeamPublisher publisher(*m_replica, *m_lock, m_lockPid);
        Result<qint64> statuses = publisher.publish(publication);
        if (!statuses)
            return Error { statuses.error() };
        m_lastPublished = pass.teamSeq;
        m_lastStamp = publisher.stamp();
        pass.statusesPublished = statuses.value();
    }
    pass.steps.publishMs = step.restart();

    // The team's action queue follows the published statuses: the triggers read the working copy,
    // the actions (which CSMs work on the server) are opened, updated and cleared on the server.
    Result<ActionEngine::Summary> actions = ActionEngine(*m_replica, ActionRules::load(*m_replica))
                                                .refreshInto(m_lock->connection(), pass.summary.asOf, true,
                                                             ActionEngine::scopeOf(pass.summary));
    if (!actions)
        return Error { tr("The scores of %1 are published, but its action queue could not be refreshed: %2")
                           .arg(m_location.display(), actions.error()) };
    pass.actions = actions.value();
    pass.steps.actionsMs = step.elapsed();
    return pass;
}

} // namespace tenure
