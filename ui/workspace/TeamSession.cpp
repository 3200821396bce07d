#include "workspace/TeamSession.h"

#include "Async.h"
#include "team/TeamDatabase.h"
#include "team/TeamDeskSync.h"
#include "team/TeamService.h"
#include "util/ThreadPriority.h"

#include <functional>

namespace tenure {

TeamSession::TeamSession(TeamLocation location, QString password, Options options, QObject* parent)
    : QObject(parent)
    , m_access { std::move(location), std::move(password), {}, {} }
    , m_options(std::move(options))
    , m_copyPath(m_options.copyPath.isEmpty() ? TeamDeskSync::defaultCopyPath(m_access.location)
                                              : m_options.copyPath)
{
}

// Lives on the engine's thread: owns the TeamService there and relays its log lines, so the
// session never has to be reached from that thread.
class EngineHost : public QObject
{
    Q_OBJECT

public:
    // The service (a child) goes before the flag it reads.
    ~EngineHost() override
    {
        const QObjectList services = children();
        qDeleteAll(services);
    }

    std::shared_ptr<std::atomic_bool> cancel;

signals:
    void log(const QString& line);
};

namespace {
// Ends `thread` once `work` (which lives on it) has stopped and been deleted there; the thread
// deletes itself when it finishes. Nothing here waits: a thread blocked on the network ends later.
void retire(QThread* thread, QObject* work, const std::function<void()>& stop)
{
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    QMetaObject::invokeMethod(
        work,
        [thread, work, stop] {
            if (stop)
                stop();
            delete work;
            thread->quit();
        },
        Qt::QueuedConnection);
}
} // namespace

TeamSession::~TeamSession()
{
    if (m_sync) {
        m_sync->disconnect(this);
        retire(m_syncThread, m_sync, [sync = m_sync] { sync->stop(); });
    }
    if (m_engineContext) {
        *m_cancel = true; // a pass under way ends early
        // The service is a child of the context: deleting the context on its thread stops it and
        // hands the engine lock on (its connection closes).
        retire(m_engineThread, m_engineContext, {});
    }
}

void TeamSession::start()
{
    if (!m_access.password.isEmpty()) {
        startSync();
        return;
    }
    // The keychain is read once, off the GUI thread, before anything connects: the sync's thread
    // and the views' workers then sign in with it and never wait on the keychain themselves.
    runAsync(
        this, [location = m_access.location] { return TeamDatabase::storedPassword(location); },
        [this](const QString& password) {
            m_access.password = password;
            startSync();
        });
}

void TeamSession::startSync()
{
    TeamDeskSync::Options options;
    options.heartbeatMs = m_options.heartbeatMs;
    options.retryMs = m_options.retryMs;
    m_syncThread = new QThread;
    m_syncThread->setObjectName(QStringLiteral("tenure-team-sync"));
    m_sync = new TeamDeskSync(m_access.location, m_access.password, m_copyPath, options);
    m_sync->moveToThread(m_syncThread);
    // Copying the team's publications is background work, as scoring is on a workspace file: the
    // window's own searches of the copy come first on a busy machine.
    lowerPriorityWhenStarted(m_syncThread);
    connect(m_sync, &TeamDeskSync::ready, this,
            [this](const QString& path, const QString& member, const QString& role) {
                m_access.member = member;
                m_access.role = role;
                m_reachable = true;
                emit ready(path);
                if (m_options.engine && role == QLatin1String("admin"))
                    startEngine();
            });
    connect(m_sync, &TeamDeskSync::failed, this, &TeamSession::failed);
    connect(m_sync, &TeamDeskSync::lost, this, [this](const QString& message) {
        m_reachable = false;
        m_lostReason = message;
        emit lost(message);
    });
    connect(m_sync, &TeamDeskSync::passwordRefused, this, &TeamSession::passwordRefused);
    connect(m_sync, &TeamDeskSync::notAMember, this, &TeamSession::notAMember);
    connect(m_sync, &TeamDeskSync::recovered, this, [this] {
        m_reachable = true;
        emit recovered();
    });
    connect(m_sync, &TeamDeskSync::refreshed, this, &TeamSession::refreshed);
    m_syncThread->start();
    QMetaObject::invokeMethod(m_sync, &TeamDeskSync::start, Qt::QueuedConnection);
}

void TeamSession::startEngine()
{
    if (m_engineContext)
        return;
    m_engineStarted = true;
    m_engineThread = new QThread;
    m_engineThread->setObjectName(QStringLiteral("tenure-team-engine"));
    auto* host = new EngineHost;
    connect(host, &EngineHost::log, this, &TeamSession::engineLog); // queued: the host moves
    host->moveToThread(m_engineThread);
    // The elected engine scores in the background, like the engine of a workspace file
    // (ScoringWorker); its pool's threads inherit the lowered priority.
    lowerPriorityWhenStarted(m_engineThread);
    m_engineContext = host;
    m_engineThread->start();
    // Everything the engine's thread uses is its own (copied, or shared like the cancel flag,
    // which the host keeps alive as long as the service): the session may close first.
    QMetaObject::invokeMethod(
        host, [host, location = m_access.location, password = m_access.password, cancel = m_cancel] {
            TeamService::Options options;
            options.cancel = cancel.get();
            host->cancel = cancel;
            // A child of the host: created, run and deleted on the engine's thread, where its timers are.
            auto* service = new TeamService(location, options, password, host);
            QObject::connect(service, &TeamService::log, host, &EngineHost::log);
            service->start();
        });
}

} // namespace tenure

#include "TeamSession.moc"
