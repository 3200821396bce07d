#pragma once

#include "team/TeamEngine.h"

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QSqlDriver>
#include <QTimeZone>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace tenure {

class TeamDatabase;

// Keeps one team workspace pulled and scored from this process, once it is the team's engine: `tenure-cli
// serve`, and (later) a desktop where no service runs. Stands by while another process holds the
// engine lock, trying again every `standbySeconds`; once elected it scores at once, after every
// change the server announces (LISTEN tenure_events, tenure_master, tenure_rules; debounced; its
// own scheduled pulls of the due connectors are announced like any other new events),
// every `intervalMinutes`, and when the day changes in the team's zone. Runs on the thread that
// owns it; a pass blocks that thread (the notifications wait in the socket meanwhile).
class TeamService : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int standbySeconds = 15;
        int intervalMinutes = 5;
        int debounceMs = 1000;
        // Pull the team's due connectors (TeamPuller) every this many seconds; 0: never.
        int pullCheckSeconds = 60;
        // Set (from a signal handler, say) to end a pass early: a clean stop need not wait for a
        // long rebuild.
        const std::atomic_bool* cancel = nullptr;
        // The clock, for the day's change in the team's zone (tests set it); none: the system's.
        std::function<QDateTime()> now;
        TeamEngine::Options engine;
    };

    TeamService(TeamLocation location, Options options, QString password = {}, QObject* parent = nullptr);
    ~TeamService() override;

    void start();
    // Whether this process holds the engine lock now (it may be standing by).
    bool isElected() const { return m_engine.isElected(); }

signals:
    void log(const QString& line);
    void passFinished(bool ok);

private:
    void tick();
    void runPass(const QString& why);
    void pullDue();
    // Listens for the server's announcements on a session of its own; `again`: after the last one
    // ended (the connection advice is said once an election). False when it cannot connect.
    bool listen(bool again = false);
    void onNotification(const QString& channel, QSqlDriver::NotificationSource source,
                        const QVariant& payload);

    TeamLocation m_location;
    Options m_options;
    QString m_password;
    TeamEngine m_engine;
    std::unique_ptr<TeamDatabase> m_listener;
    QTimer m_clock;
    QTimer m_debounce;
    QElapsedTimer m_sincePass;
    QElapsedTimer m_sincePullCheck;
    QElapsedTimer m_sinceTry;
    // The day in the team's zone (known from the first pass; this machine's until then).
    QDate teamToday() const;
    QDateTime now() const;

    QDate m_lastDay;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QString m_lastHolder;
    bool m_announcedStandby = false;
    bool m_listenFailed = false; // said once until it listens again
};

} // namespace tenure
