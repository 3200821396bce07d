#pragma once

#include "workspace/TeamSignIn.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace tenure {

class TeamDeskSync;
class TeamService;

// A desktop's session on a team workspace: this machine's copy of it, kept current on a thread of
// its own (TeamDeskSync: the views read the copy, so the server being slow or gone never freezes
// them), and, for an admin, the team's engine where no service runs (TeamService on another
// thread: it stands by while `tenure-cli serve` or another desktop holds the engine lock, and
// takes over when they stop).
//
// Closing never waits for the network: the threads are told to stop and finish on their own
// (a connection attempt under way ends at its timeout), then delete themselves.
class TeamSession : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString copyPath; // empty: TeamDeskSync::defaultCopyPath()
        bool engine = true; // an admin's desktop stands by as the team's engine
        int heartbeatMs = 3000;
        int retryMs = 2000;
    };

    TeamSession(TeamLocation location, QString password, Options options, QObject* parent = nullptr);
    ~TeamSession() override;

    void start();
    // Filled once ready() is emitted.
    const TeamSignIn& access() const { return m_access; }
    QString copyPath() const { return m_copyPath; }
    const Options& options() const { return m_options; }
    bool isReachable() const { return m_reachable; }
    // Why the server cannot be reached, while it cannot.
    QString lostReason() const { return m_reachable ? QString() : m_lostReason; }
    bool runsEngine() const { return m_engineStarted; }

signals:
    void ready(const QString& copyPath);
    void failed(const QString& message);
    void lost(const QString& message);
    void recovered();
    // The server refused the password while the copy is shown: sign in again (nothing retries).
    void passwordRefused(const QString& message);
    // The server says the login is not a member (removed since): nothing retries either.
    void notAMember(const QString& message);
    void refreshed(int parts);
    void engineLog(const QString& line);

private:
    void startSync();
    void startEngine();

    TeamSignIn m_access;
    Options m_options;
    QString m_copyPath;
    bool m_reachable = false;
    QString m_lostReason;
    bool m_engineStarted = false;
    // Heap threads: a thread still in a connection attempt when the session closes finishes and
    // deletes itself later.
    QThread* m_syncThread = nullptr;
    TeamDeskSync* m_sync = nullptr; // lives on m_syncThread
    QThread* m_engineThread = nullptr;
    QObject* m_engineContext = nullptr; // lives on m_engineThread; owns the engine's TeamService
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
};

} // namespace tenure
