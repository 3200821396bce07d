#pragma once

#include "workspace/TeamSignIn.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace tenure {

class TeamDeskSync;
class TeamService;

// A desktop's session on a team workspace: this machine's copy of it, kept current on a thread of
// its own (TeamDeskSync: the views read the copy, so the server being slow or gone never freezes
// them), and, for an admin, the team's engine where no service runs (TeamService on another
// thread: it stands by while `tenure-cli serve` or another desktop holds the engine lock, and
// takes over when they stop).
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
    bool isReachable() const { return m_reachable; }
    bool runsEngine() const { return m_engineStarted; }

signals:
    void ready(const QString& copyPath);
    void failed(const QString& message);
    void lost(const QString& message);
    void recovered();
    void refreshed(int parts);
    void engineLog(const QString& line);

private:
    void startSync();
    void startEngine();

    TeamSignIn m_access;
    Options m_options;
    QString m_copyPath;
    bool m_reachable = false;
    bool m_engineStarted = false; // on the GUI thread; m_service is the engine thread's
    QThread m_syncThread;
    TeamDeskSync* m_sync = nullptr;
    QThread m_engineThread;
    QObject* m_engineContext = nullptr; // lives on m_engineThread
    TeamService* m_service = nullptr; // created, run and deleted on m_engineThread
    std::atomic_bool m_cancel = false;
};

} // namespace tenure
