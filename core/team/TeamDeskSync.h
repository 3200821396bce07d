#pragma once

#include "team/TeamLocation.h"

#include <QObject>
#include <QSqlDriver>
#include <QTimer>

#include <memory>

namespace tenure {

class Database;
class TeamDatabase;

// Keeps a desktop's copy of a team workspace current: the copy (a workspace file in the cache,
// see TeamReplica::defaultPath(location, "desk")) is what the desktop's views read, so they read
// a local file whatever the server does, and keep their last data while it is gone.
//
// Lives on a thread of its own (the caller moves it there and calls start()): connects, copies
// the team's write side, actions and notes, and the scores its engine published, then LISTENs to
// the server's announcements and copies again what each one changed, a few milliseconds after it
// arrives. A heartbeat notices a lost server (the driver says nothing when the socket closes):
// `lost` is emitted once with the reason, the copy stays as it was, and the connection is tried
// again until `recovered` — unless the server refused the password, or says the login is not a
// member (removed since), which no retry mends: then `passwordRefused` or `notAMember`, and
// nothing more until the desktop signs in again. Nothing here scores: the team's one engine does
// (TeamEngine).
class TeamDeskSync : public QObject
{
    Q_OBJECT

public:
    enum Part {
        WriteSide = 1, // the log, accounts, outcomes, sources, rule sets, settings
        Actions = 2, // actions, their history, account notes
        Statuses = 4, // the published scores, their history and the daily counts
        Everything = WriteSide | Actions | Statuses,
    };
    Q_DECLARE_FLAGS(Parts, Part)

    struct Options
    {
        int heartbeatMs = 3000;
        int retryMs = 2000;
        int debounceMs = 30;
    };

    TeamDeskSync(TeamLocation location, QString password, QString copyPath, Options options);
    TeamDeskSync(TeamLocation location, QString password, QString copyPath);
    ~TeamDeskSync() override;

    // This machine's copy of `location` for a desktop's views.
    static QString defaultCopyPath(const TeamLocation& location);

    // On the sync's thread (queued calls).
    Q_INVOKABLE void start();
    Q_INVOKABLE void stop(); // closes the connections (before the thread ends)
    Q_INVOKABLE void refreshNow(int parts = Everything);

signals:
    // The first copy is ready: the views can open `copyPath`. `member`/`role`: who signed in.
    void ready(const QString& copyPath, const QString& member, const QString& role);
    // The copy holds new data of these parts (Parts as int).
    void refreshed(int parts);
    // The server cannot be reached (or refused): the copy keeps the last data; retrying.
    void lost(const QString& message);
    void recovered();
    // The first connection failed: nothing to show (bad password, not a workspace, ...).
    void failed(const QString& message);
    // The server refused the password while a copy is shown (changed since, or the keychain's is
    // old): retrying cannot help, so it stops until the user signs in again. `lost` came first.
    void passwordRefused(const QString& message);
    // The server says this login is not a member of the team (removed since, or never added):
    // retrying cannot help either, so it stops. The copy keeps the last data read. `lost` came first.
    void notAMember(const QString& message);

private:
    bool connectToTeam(QString* error);
    void rememberMember(); // who signed in, in the copy
    bool openCopy(const QString& scope, QString* error);
    void onNotification(const QString& channel, QSqlDriver::NotificationSource source,
                        const QVariant& payload);
    void heartbeat();
    void retry();
    void syncPending();
    void markLost(const QString& message);
    // Lost with `why`: retries, unless the password was refused (then asks for another).
    void retryLater(const QString& why);
    bool refusesPassword(const QString& message) const;
    bool refusesMembership(const QString& message) const;

    TeamLocation m_location;
    QString m_password;
    QString m_copyPath;
    Options m_options;
    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<Database> m_copy;
    QString m_scope; // what the login saw when the copy was made (TeamAccess::scope)
    std::unique_ptr<QTimer> m_heartbeat;
    std::unique_ptr<QTimer> m_retry;
    std::unique_ptr<QTimer> m_debounce;
    int m_pending = 0;
    bool m_ready = false;
    bool m_lost = false;
    bool m_signedInAsNoMember = false; // the last sign-in found this login no member of the team
};

} // namespace tenure

Q_DECLARE_OPERATORS_FOR_FLAGS(tenure::TeamDeskSync::Parts)
