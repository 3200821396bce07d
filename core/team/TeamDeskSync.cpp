#include "team/TeamDeskSync.h"

#include "store/Database.h"
#include "store/WorkspaceSettings.h"
#include "team/TeamAccess.h"
#include "team/TeamDatabase.h"
#include "team/TeamReadCopy.h"
#include "team/TeamReplica.h"

#include <QSqlQuery>

namespace tenure {

namespace {
const QStringList kChannels { QStringLiteral("tenure_events"), QStringLiteral("tenure_master"),
                              QStringLiteral("tenure_rules"), QStringLiteral("tenure_actions"),
                              QStringLiteral("tenure_statuses") };

// Who signed in last on this copy (local settings: the team's own settings never start with team_).
const QString kDeskMember = QStringLiteral("team_desk_member");
const QString kDeskRole = QStringLiteral("team_desk_role");

TeamDeskSync::Parts partsOf(const QString& channel)
{
    if (channel == QLatin1String("tenure_actions"))
        return TeamDeskSync::Actions;
    // A publication follows new events, and the engine's action refresh follows it.
    if (channel == QLatin1String("tenure_statuses"))
        return TeamDeskSync::Everything;
    return TeamDeskSync::WriteSide;
}
} // namespace

TeamDeskSync::TeamDeskSync(TeamLocation location, QString password, QString copyPath, Options options)
    : m_location(std::move(location))
    , m_password(std::move(password))
    , m_copyPath(std::move(copyPath))
    , m_options(options)
{
}

TeamDeskSync::TeamDeskSync(TeamLocation location, QString password, QString copyPath)
    : TeamDeskSync(std::move(location), std::move(password), std::move(copyPath), Options {})
{
}

TeamDeskSync::~TeamDeskSync() = default;

QString TeamDeskSync::defaultCopyPath(const TeamLocation& location)
{
    return TeamReplica::defaultPath(location, QStringLiteral("desk"));
}

void TeamDeskSync::start()
{
    m_heartbeat = std::make_unique<QTimer>();
    m_heartbeat->setInterval(m_options.heartbeatMs);
    connect(m_heartbeat.get(), &QTimer::timeout, this, &TeamDeskSync::heartbeat);
    m_retry = std::make_unique<QTimer>();
    m_retry->setSingleShot(true);
    m_retry->setInterval(m_options.retryMs);
    connect(m_retry.get(), &QTimer::timeout, this, &TeamDeskSync::retry);
    m_debounce = std::make_unique<QTimer>();
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(m_options.debounceMs);
    connect(m_debounce.get(), &QTimer::timeout, this, &TeamDeskSync::syncPending);

    Result<std::unique_ptr<Database>> copy = Database::open(m_copyPath, Database::Mode::ReadWrite);
    if (!copy) {
        emit failed(tr("Cannot open this machine's copy of the team workspace (%1): %2")
                        .arg(m_copyPath, copy.error()));
        return;
    }
    // Who signed in on this copy before, for a start while the server is away.
    const QString lastMember = WorkspaceSettings(**copy).value(kDeskMember);
    const QString lastRole = WorkspaceSettings(**copy).value(kDeskRole);
    m_copy = std::move(copy).value();
    QString error;
    if (!connectToTeam(&error)) {
        m_team.reset();
        // A copy made before shows its last data while the server is away; a first connection
        // that fails has nothing to show.
        if (lastMember.isEmpty() || !m_copy) {
            emit failed(error);
            return;
        }
        m_ready = true;
        emit ready(m_copyPath, lastMember, lastRole);
        retryLater(error);
        return;
    }
    m_ready = true;
    const TeamDatabase::Member member = m_team->member().value_or(TeamDatabase::Member {});
    emit ready(m_copyPath, member.displayName, member.role);
    m_heartbeat->start();
}

void TeamDeskSync::stop()
{
    for (QTimer* timer : { m_heartbeat.get(), m_retry.get(), m_debounce.get() })
        if (timer)
            timer->stop();
    m_team.reset();
    m_copy.reset();
}

bool TeamDeskSync::connectToTeam(QString* error)
{
    m_signedInAsNoMember = false;
    Result<std::unique_ptr<TeamDatabase>> team
        = TeamDatabase::open(m_location, TeamDatabase::Purpose::Use, m_password);
    if (!team) {
        *error = team.error();
        return false;
    }
    m_team = std::move(team).value();
    m_signedInAsNoMember = !m_team->member();
    if (m_signedInAsNoMember) {
        *error = tr("Signed in to %1 as %2, which is not a member of the team (an admin adds members with "
                    "tenure-cli team add-member).")
                     .arg(m_location.display(), m_team->login());
        return false;
    }
    // The copy holds what this login sees: another scope (own-accounts-only switched, accounts
    // reassigned) starts it over.
    Result<QString> scope = TeamAccess::scope(*m_team);
    if (!scope) {
        *error = scope.error();
        return false;
    }
    if (!openCopy(*scope, error))
        return false;
    // A copy made before the team's workspace was restored from a backup holds events and scores
    // the server no longer has: it starts over (the views notice the new file).
    if (Result<bool> restarted = TeamReadCopy::startOverIfRestored(*m_team, m_copy, m_scope); !restarted) {
        *error = restarted.error();
        return false;
    }
    // Subscribe first: a change made while the copy is being made is announced, and copied again.
    QSqlDriver* driver = m_team->connection().driver();
    for (const QString& channel : kChannels)
        driver->subscribeToNotification(channel);
    connect(driver, &QSqlDriver::notification, this, &TeamDeskSync::onNotification);
    TeamReplica replica(*m_team, *m_copy);
    if (Result<TeamReplica::Pull> pulled = replica.pull(); !pulled) {
        *error = pulled.error();
        return false;
    }
    // Whole on every (re)connection: what the member sees may have changed while away.
    if (Result<qint64> actions = replica.pullActions(TeamReplica::ActionsCopy::Whole); !actions) {
        *error = actions.error();
        return false;
    }
    if (Result<qint64> statuses = replica.pullStatuses(); !statuses) {
        *error = statuses.error();
        return false;
    }
    rememberMember();
    return true;
}

void TeamDeskSync::rememberMember()
{
    // For a start while the server is away, in this copy (one that started over too); a copy
    // that cannot remember still works.
    const TeamDatabase::Member member = m_team->member().value_or(TeamDatabase::Member {});
    WorkspaceSettings settings(*m_copy);
    if (Status remembered = settings.setValue(kDeskMember, member.displayName); remembered)
        (void)settings.setValue(kDeskRole, member.role);
}

bool TeamDeskSync::openCopy(const QString& scope, QString* error)
{
    if (m_copy && scope == m_scope)
        return true;
    m_copy.reset(); // a copy that starts over is removed: nothing may hold it open
    Result<std::unique_ptr<Database>> copy = TeamReadCopy::openForScope(m_copyPath, scope);
    if (!copy) {
        *error = copy.error();
        return false;
    }
    m_copy = std::move(copy).value();
    m_scope = scope;
    return true;
}

void TeamDeskSync::refreshNow(int parts)
{
    m_pending |= parts;
    syncPending();
}

void TeamDeskSync::onNotification(const QString& channel, QSqlDriver::NotificationSource, const QVariant&)
{
    m_pending |= int(partsOf(channel));
    if (!m_debounce->isActive())
        m_debounce->start();
}

void TeamDeskSync::syncPending()
{
    if (!m_team || m_lost || m_pending == 0)
        return;
    Parts parts = Parts::fromInt(m_pending);
    m_pending = 0;
    if (parts & WriteSide) {
        Result<QString> scope = TeamAccess::scope(*m_team);
        if (!scope)
            return markLost(scope.error());
        bool madeAnew = false;
        if (*scope != m_scope) {
            QString error;
            if (!openCopy(*scope, &error))
                return markLost(error);
            madeAnew = true;
        }
        Result<bool> restarted = TeamReadCopy::startOverIfRestored(*m_team, m_copy, m_scope);
        if (!restarted)
            return markLost(restarted.error());
        if (madeAnew || *restarted) {
            parts = Everything; // a new copy: all of it
            rememberMember();
        }
    }
    TeamReplica replica(*m_team, *m_copy);
    if (parts & WriteSide) {
        if (Result<TeamReplica::Pull> pulled = replica.pull(); !pulled)
            return markLost(pulled.error());
    }
    // Only the actions written since the last copy: a CSM's Done copies one action, not the queue
    // (what this member may see changed starts a new copy above, through its scope).
    if (parts & Actions) {
        if (Result<qint64> actions = replica.pullActions(); !actions)
            return markLost(actions.error());
    }
    if (parts & Statuses) {
        if (Result<qint64> statuses = replica.pullStatuses(); !statuses)
            return markLost(statuses.error());
    }
    emit refreshed(int(parts));
}

void TeamDeskSync::heartbeat()
{
    if (!m_team || m_lost)
        return;
    // A read only members may make: a member removed meanwhile keeps the session it had, but no
    // longer reads the team's tables (its role was revoked), and signing in again says why.
    if (Result<QVariant> alive = m_team->scalar(QStringLiteral("SELECT 1 FROM tenure_meta LIMIT 1")); !alive)
        markLost(alive.error());
}

void TeamDeskSync::markLost(const QString& message)
{
    // The copy is left as it was (every copy step is one local transaction): the views keep it.
    m_team.reset();
    m_heartbeat->stop();
    // A dropped statement says little ("server closed the connection"); signing in again says
    // what is wrong now (refused, host unknown, timed out), or that it was a blip.
    QString why;
    if (connectToTeam(&why)) {
        m_heartbeat->start();
        emit refreshed(Everything);
        return;
    }
    m_team.reset();
    retryLater(why.isEmpty() ? message : why);
}

void TeamDeskSync::retryLater(const QString& why)
{
    if (!m_lost) {
        m_lost = true;
        emit lost(why);
    }
    if (refusesPassword(why)) {
        emit passwordRefused(why);
        return;
    }
    if (refusesMembership(why)) {
        emit notAMember(why);
        return;
    }
    m_retry->start();
}

bool TeamDeskSync::refusesMembership(const QString& message) const
{
    // A login that is not a member is refused at the door (only members connect, schema 9), or,
    // on a workspace whose database lets every login in, finds no membership once signed in.
    return TeamDatabase::refusesMembership(m_location, message) || m_signedInAsNoMember;
}

bool TeamDeskSync::refusesPassword(const QString& message) const
{
    // TeamDatabase words every refused password alike, and every missing one (describeFailure).
    return message
        == TeamDatabase::describeFailure(m_location, QStringLiteral("password authentication failed"))
        || message == TeamDatabase::describeFailure(m_location, QStringLiteral("no password supplied"));
}

void TeamDeskSync::retry()
{
    QString error;
    if (!connectToTeam(&error)) {
        m_team.reset();
        if (refusesPassword(error))
            emit passwordRefused(error);
        else if (refusesMembership(error))
            emit notAMember(error);
        else
            m_retry->start();
        return;
    }
    m_lost = false;
    m_pending = 0;
    m_heartbeat->start();
    emit recovered();
    emit refreshed(Everything);
}

} // namespace tenure
