#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

namespace tenure {

class Database;
class TeamDatabase;
struct TeamLocation;

// The engine's working copy of a team workspace: a workspace file on the engine's machine that
// mirrors the team's write side (the log, accounts, outcomes, sources, rule sets, settings), so
// that the one scoring engine Tenure has (ScoringEngine, with its segments, spill and partitions)
// scores a team exactly as it scores a file. The copy is a cache: deleting it costs one full pull.
//
// The log is pulled after the seq the copy has seen, with COPY, in batches that commit together
// with the team seq they reach (setting `team_seq`), so a kill mid-pull resumes where it stopped.
// Appenders to the team's log hold its advisory lock until they commit (TeamSchema::kLogLock), so
// sequence numbers become visible in order and no row is skipped. Master data is replaced whole
// when the team's fingerprint of it changes, keeping the team's outcome ids, so the engine's own
// master-data stamp moves exactly when the team's data did.
class TeamReplica
{
    Q_DECLARE_TR_FUNCTIONS(TeamReplica)

public:
    struct Pull
    {
        qint64 events = 0; // events added to the copy
        qint64 teamSeq = 0; // the team's seq the copy now holds everything up to
        bool masterDataReplaced = false;
        int ruleSets = 0; // rule set versions added
        bool ruleSetsReplaced = false; // the copy's versions were not the team's: all of them replaced
        qint64 rejected = 0; // events the copy refused (see EventLog::validate), set aside
        QString firstRejection;
    };
    using Progress = std::function<void(qint64 done)>;

    // Each pull reads the team in a read-only snapshot of its own, unless the caller holds one
    // open on `team` for all of them (`inCallersSnapshot`: TeamReadCopy, whose log, actions and
    // notes must agree): then the pulls neither begin nor end it.
    TeamReplica(TeamDatabase& team, Database& local, bool inCallersSnapshot = false);

    // Where this machine keeps its copies of a team workspace: the engine's ("engine"), and the one
    // that reports, exports and backtests read ("read"), apart so the two never score one file.
    static QString defaultPath(const TeamLocation& location,
                               const QString& purpose = QStringLiteral("engine"));

    // Whether the copy was made from the team's history as the server holds it now: the same
    // workspace (its id), and the event the copy took last still in the log under its number. Not
    // so after a new `team init` under the same name, or a restore from a backup older than the
    // copy (the server's numbers then count again from the backup's, for other events): such a
    // copy starts over (TeamReadCopy::startOverIfRestored), and pull() refuses it.
    Result<bool> madeFromThisHistory();
    Result<Pull> pull(const Progress& progress = {}, const std::atomic_bool* cancel = nullptr);
    // The team's master data (accounts, outcomes, keys, sources, settings) without the log: what an
    // import into the team is staged against (TeamImport). For a pull, only what a pull reads
    // (connectors, keys, settings): an ingest login may read no account or outcome.
    enum class MasterData { Everything, ForPull };
    Result<Pull> pullWithoutLog(MasterData scope = MasterData::Everything);
    // The team's actions, their history and the account notes, into the copy: for reading a team
    // workspace through its copy (reports show an account's open actions and notes). Changed: only
    // the rows written since the copy's last pull (all of them the first time, and again whenever
    // the copy's counts then differ from the team's: a row deleted, or gone out of sight); Whole:
    // the copy's rows replaced by the team's. Returns the rows copied.
    enum class ActionsCopy { Changed, Whole };
    Result<qint64> pullActions(ActionsCopy how = ActionsCopy::Changed);
    // The read side the team's engine published (statuses, their history, the daily counts),
    // into the copy: a desktop reads the team's scores instead of scoring its own copy. Only the
    // accounts published since the copy's last pull are copied, unless a publication since replaced
    // every account's. New rule set versions come first (a breakdown's labels are its rules
    // version's). Returns the statuses copied (0 when the copy was up to date).
    Result<qint64> pullStatuses();

private:
    // Starts a read-only transaction on the team in which every read sees one snapshot; the
    // caller ends it (rollback: nothing was written).
    Status beginSnapshot();
    void endSnapshot(); // rolls the snapshot back, unless it is the caller's
    // Whether the copy holds as many actions, history rows and notes as the team shows this login.
    Result<bool> sameActionCounts();
    Status pullMasterData(Pull& pull, MasterData scope = MasterData::Everything);
    Status pullRuleSets(Pull& pull);
    Status pullLog(Pull& pull, const Progress& progress, const std::atomic_bool* cancel);

    TeamDatabase& m_team;
    Database& m_local;
    bool m_callersSnapshot;
};

} // namespace tenure
