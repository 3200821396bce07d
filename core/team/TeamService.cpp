#include "team/TeamService.h"

#include "team/TeamAccess.h"
#include "team/TeamDatabase.h"
#include "team/TeamPuller.h"

#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <climits>

namespace tenure {

namespace {
const QStringList kChannels { QStringLiteral("tenure_events"), QStringLiteral("tenure_master"),
                              QStringLiteral("tenure_rules") };
}

TeamService::TeamService(TeamLocation location, Options options, QString password, QObject* parent)
    : QObject(parent)
    , m_location(location)
    , m_options(options)
    , m_password(password)
    , m_engine(std::move(location), options.engine, std::move(password))
{
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &TeamService::tick);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(m_options.debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { runPass(tr("changes announced by the server")); });
}

TeamService::~TeamService() = default;

void TeamService::start()
{
    emit log(
        tr("Serving team workspace %1 (engine copy: %2).").arg(m_location.display(), m_engine.replicaPath()));
    tick();
    m_clock.start();
}

void TeamService::tick()
{
    if (!m_engine.isElected()) {
        if (m_sinceTry.isValid() && m_sinceTry.elapsed() < qint64(m_options.standbySeconds) * 1000)
            return;
        m_sinceTry.start();
        Result<bool> elected = m_engine.tryElect();
        if (!elected) {
            emit log(tr("Cannot reach the team workspace: %1 (trying again in %2 s).")
                         .arg(elected.error())
                         .arg(m_options.standbySeconds));
            return;
        }
        if (!elected.value()) {
            QString holder;
            if (Result<std::unique_ptr<TeamDatabase>> db
                = TeamDatabase::open(m_location, TeamDatabase::Purpose::Use, m_password);
                db) {
                if (Result<QString> who = TeamEngine::describeHolder(**db); who)
                    holder = who.value();
            }
            if (!m_announcedStandby || holder != m_lastHolder)
                emit log(tr("Standing by: the team's engine is %1.")
                             .arg(holder.isEmpty() ? tr("another process") : holder));
            m_announcedStandby = true;
            m_lastHolder = holder;
            return;
        }
        m_announcedStandby = false;
        emit log(tr("Elected: this process is the team's engine."));
        listen();
        runPass(tr("elected"));
        return;
    }
    // Still the engine? A server restart or a dropped session ends the election without a word.
    if (!m_sinceTry.isValid() || m_sinceTry.elapsed() >= qint64(m_options.standbySeconds) * 1000) {
        m_sinceTry.start();
        const int session = m_engine.lockSession();
        Result<bool> still = m_engine.tryElect();
        if (!still || !still.value()) {
            emit log(tr("Lost the engine lock (the server ended this session, or another engine took over): "
                        "standing by."));
            m_listener.reset();
            m_announcedStandby = false;
            return;
        }
        if (m_engine.lockSession() != session) {
            // The server ended the session and this process took the lock straight back: the
            // listener's session most likely went too, and what it missed meanwhile is scored now.
            emit log(tr("Elected again: the server ended the engine's session, and this process took the "
                        "lock back."));
            listen();
            runPass(tr("elected again"));
            return;
        }
        // Listening on a session of its own, which can end alone: listen again on a new one, and
        // score what was announced while no one listened.
        if (!m_listener || !m_listener->scalar(QStringLiteral("SELECT 1"))) {
            if (listen(true)) {
                emit log(tr("Listening for changes again on a new session."));
                m_debounce.start();
            }
        }
    }
    if (m_options.pullCheckSeconds > 0
        && (!m_sincePullCheck.isValid()
            || m_sincePullCheck.elapsed() >= qint64(m_options.pullCheckSeconds) * 1000)) {
        m_sincePullCheck.start();
        pullDue();
    }
    const QDate today = teamToday();
    if (m_lastDay.isValid() && today != m_lastDay)
        runPass(tr("the day changed"));
    else if (m_sincePass.isValid() && m_sincePass.elapsed() >= qint64(m_options.intervalMinutes) * 60000)
        runPass(tr("every %1 minutes").arg(m_options.intervalMinutes));
}

QDateTime TeamService::now() const
{
    return m_options.now ? m_options.now() : QDateTime::currentDateTimeUtc();
}

QDate TeamService::teamToday() const
{
    return now().toTimeZone(m_zone).date();
}

void TeamService::pullDue()
{
    // New events are announced by the server (tenure_events): the pass after them follows by itself.
    Result<qint64> pulled = TeamPuller::pullDue(m_location, m_password, QDateTime::currentDateTimeUtc(),
                                                [this](const QString& line) { emit log(line); });
    if (!pulled)
        emit log(tr("Scheduled pulls failed: %1").arg(pulled.error()));
    else if (*pulled > 0)
        emit log(tr("Scheduled pulls added %1 events to the team's log.").arg(*pulled));
}

bool TeamService::listen(bool again)
{
    m_listener.reset();
    Result<std::unique_ptr<TeamDatabase>> listener
        = TeamDatabase::open(m_location, TeamDatabase::Purpose::Use, m_password);
    if (!listener) {
        // Said once until it listens again: the service tries every standby period.
        if (!m_listenFailed)
            emit log(tr("Cannot listen for changes (scoring every %1 minutes instead): %2")
                         .arg(m_options.intervalMinutes)
                         .arg(listener.error()));
        m_listenFailed = true;
        return false;
    }
    m_listener = std::move(listener).value();
    m_listenFailed = false;
    // Said once an election, in the journal an admin reads: only members should connect.
    if (!again) {
        if (Result<QString> advice = TeamAccess::connectAdvice(*m_listener); advice && !advice->isEmpty())
            emit log(*advice);
    }
    QSqlDriver* driver = m_listener->connection().driver();
    for (const QString& channel : kChannels)
        driver->subscribeToNotification(channel);
    connect(driver, &QSqlDriver::notification, this, &TeamService::onNotification);
    return true;
}

void TeamService::onNotification(const QString&, QSqlDriver::NotificationSource, const QVariant&)
{
    if (m_engine.isElected() && !m_debounce.isActive())
        m_debounce.start();
}

void TeamService::runPass(const QString& why)
{
    QElapsedTimer timer;
    timer.start();
    // The day the pass began in: a pass across midnight leaves the new day to the next tick.
    const QDateTime began = now();
    Result<TeamEngine::Pass> pass = m_engine.runPass(false, {}, m_options.cancel);
    m_sincePass.start();
    if (pass && pass->timeZone.isValid())
        m_zone = pass->timeZone;
    m_lastDay = began.toTimeZone(m_zone).date();
    if (!pass) {
        emit log(tr("Scoring failed (%1): %2").arg(why, pass.error()));
        emit passFinished(false);
        return;
    }
    if (pass->startedOver)
        emit log(TeamEngine::describeStartOver());
    emit log(
        tr("Scored (%1): %2, log up to seq %3, %4 written, as of %5 with rules v%6; "
           "action queue: %7 open, %8 new, %9 cleared (%10 s: %11).")
            .arg(why)
            .arg(tr("%n new events", nullptr, int(std::min<qint64>(pass->eventsPulled, INT_MAX))))
            .arg(pass->teamSeq)
            .arg(tr("%n statuses", nullptr, int(std::min<qint64>(pass->statusesPublished, INT_MAX))))
            .arg(pass->summary.asOf.toString(Qt::ISODate))
            .arg(pass->summary.rulesVersion)
            .arg(pass->actions.open)
            .arg(pass->actions.opened)
            .arg(pass->actions.cleared)
            .arg(QString::number(timer.elapsed() / 1000.0, 'f', 2), TeamEngine::describeSteps(pass->steps)));
    if (pass->eventsSetAside > 0)
        emit log(tr("%1 events of the team's log were set aside, not scored (the first: %2).")
                     .arg(pass->eventsSetAside)
                     .arg(pass->firstSetAside));
    emit passFinished(true);
}

} // namespace tenure
