#pragma once

#include "actions/ActionEngine.h"
#include "engine/ScoringEngine.h"
#include "team/TeamLocation.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QTimeZone>

#include <atomic>
#include <memory>

namespace tenure {

class Database;
class TeamDatabase;

// The one engine of a team workspace. Exactly one process scores a team at a time: the one that
// holds the session advisory lock TeamSchema::kEngineLock on a connection of its own (the `serve`
// service, or the first admin desktop when no service runs). Its session ending — a clean stop,
// a crash, `kill -9`, a lost network — releases the lock, and a standby takes over at its next try.
//
// A pass pulls the team's write side into the engine's working copy (TeamReplica), runs the same
// ScoringEngine a workspace file uses on it, and publishes the read side (TeamPublisher). Results
// are therefore those of a workspace file with the same log and rules, by construction.
class TeamEngine
{
    Q_DECLARE_TR_FUNCTIONS(TeamEngine)

public:
    struct Options
    {
        QString replicaPath; // empty: TeamReplica::defaultPath()
        ScoringEngine::Options engine;
    };

    struct Pass
    {
        qint64 eventsPulled = 0;
        qint64 teamSeq = 0;
        qint64 statusesPublished = 0;
        // False when the pass had nothing to publish (the log had not moved and no account's
        // results changed): the team's publication stays the one before.
        bool published = false;
        ScoringEngine::Summary summary;
        QTimeZone timeZone; // the team's, in which summary.asOf is a day
        ActionEngine::Summary actions; // the team's queue after the pass
        qint64 eventsSetAside = 0; // events of the team's log the copy refused (see TeamReplica)
        QString firstSetAside;
        // The working copy was made from the team's history before a restore from a backup (or
        // from another database of the same name): this pass made it anew and published everything.
        bool startedOver = false;
        // Where the pass spent its time, in milliseconds: for the service's log and the benchmark.
        struct Steps
        {
            qint64 copyMs = 0; // the team's write side into the working copy
            qint64 scoreMs = 0; // ScoringEngine on the copy
            qint64 publishMs = 0; // the read side to the team
            qint64 actionsMs = 0; // the team's action queue
        } steps;
    };

    // "copying the log 0.10 s, scoring 3.02 s, ...": where a pass spent its time, for logs.
    static QString describeSteps(const Pass::Steps& steps);
    // What a pass that started its working copy over (Pass::startedOver) says, for logs.
    static QString describeStartOver();

    TeamEngine(TeamLocation location, Options options, QString password = {});
    ~TeamEngine();

    // Tries to become the team's engine; true when this process now is (or still is: a lost lock is
    // noticed here, and the engine stands by again). Cheap to call again.
    // A member's login other than an admin's is refused before it tries for the lock: the engine
    // publishes what every desktop reads, which only an admin may, and a CSM's `serve` holding the
    // lock would keep the team's real engine standing by.
    Result<bool> tryElect();
    // Whether the login of `db` may be the team's engine: an admin, or the workspace's owner.
    static Status mayBeTheEngine(const TeamDatabase& db);
    bool isElected() const;
    // The server process of the session that holds the engine lock (0: none): another number
    // after tryElect() means the lock was lost with its session and taken again on a new one.
    int lockSession() const { return m_lockPid; }
    // Who holds the engine lock now (application, address, since), for "the engine runs on ...".
    static Result<QString> describeHolder(TeamDatabase& db);

    // One pass: pull, score (rebuild from the log when `rebuild`), publish. Requires election.
    Result<Pass> runPass(bool rebuild = false, const ScoringEngine::Progress& progress = {},
                         const std::atomic_bool* cancel = nullptr);

    QString replicaPath() const;
    // The engine's working copy, once a pass opened it (its read side is what was published).
    Database* replica() const { return m_replica.get(); }

private:
    Result<Pass> attemptPass(bool rebuild, const ScoringEngine::Progress& progress,
                             const std::atomic_bool* cancel);
    Status openConnections();
    // Makes the working copy anew when it was made from another history than the team's now.
    Result<bool> startOverIfRestored();
    // Whether this process still holds the engine lock; resigns (back to standby) when it does not.
    bool holdsLock();
    void resign();
    Status shareDefaultRules(Database& local);

    TeamLocation m_location;
    Options m_options;
    QString m_password;
    std::unique_ptr<TeamDatabase> m_lock; // holds the election for as long as it lives
    std::unique_ptr<QLockFile> m_replicaLock;
    std::unique_ptr<TeamDatabase> m_work;
    std::unique_ptr<Database> m_replica;
    std::unique_ptr<ScoringEngine> m_engine;
    int m_lockPid = 0;
    qint64 m_lastPublished = -1; // the team seq this engine last published, to detect another's
    QString m_lastStamp; // and that publication's stamp, to detect a restore that took it back
};

} // namespace tenure
