#include "workspace/TeamSession.h"

#include "Async.h"
#include "team/TeamDatabase.h"
#include "team/TeamDeskSync.h"
#include "team/TeamService.h"

namespace tenure {

TeamSession::TeamSession(TeamLocation location, QString password, Options options, QObject* parent)
    : QObject(parent)
    , m_access { std::move(location), std::move(password), {}, {} }
    , m_options(std::move(options))
    , m_copyPath(m_options.copyPath.isEmpty() ? TeamDeskSync::defaultCopyPath(m_access.location)
                                              : m_options.copyPath)
{
    m_syncThread.setObjectName(QStringLiteral("tenure-team-sync"));
    m_engineThread.setObjectName(QStringLiteral("tenure-team-engine"));
}

TeamSession::~TeamSession()
{
    if (m_sync) {
        QMetaObject::invokeMethod(m_sync, &TeamDeskSync::stop, Qt::BlockingQueuedConnection);
        m_syncThread.quit();
        m_syncThread.wait();
        delete m_sync;
    }
    if (m_engineContext) {
        m_cancel = true; // a pass under way ends early
        QMetaObject::invokeMethod(
            m_engineContext,
            [this] {
                delete m_service;
                m_service = nullptr;
            },
            Qt::BlockingQueuedConnection);
        m_engineThread.quit();
        m_engineThread.wait();
        delete m_engineContext;
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
    m_sync = new TeamDeskSync(m_access.location, m_access.password, m_copyPath, options);
    m_sync->moveToThread(&m_syncThread);
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
        emit lost(message);
    });
    connect(m_sync, &TeamDeskSync::recovered, this, [this] {
        m_reachable = true;
        emit recovered();
    });
    connect(m_sync, &TeamDeskSync::refreshed, this, &TeamSession::refreshed);
    m_syncThread.start();
    QMetaObject::invokeMethod(m_sync, &TeamDeskSync::start, Qt::QueuedConnection);
}

void TeamSession::startEngine()
{
    if (m_engineContext)
        return;
    m_engineStarted = true;
    m_engineContext = new QObject;
    m_engineContext->moveToThread(&m_engineThread);
    m_engineThread.start();
    QMetaObject::invokeMethod(m_engineContext, [this] {
        TeamService::Options options;
        options.cancel = &m_cancel;
        m_service = new TeamService(m_access.location, options, m_access.password);
        connect(m_service, &TeamService::log, this, &TeamSession::engineLog);
        m_service->start();
    });
}

} // namespace tenure
