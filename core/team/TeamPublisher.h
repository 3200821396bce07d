#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QSet>

namespace tenure {

class Database;
class TeamDatabase;

// Publishes the engine's read side from its working copy (TeamReplica) to the team: statuses,
// packed history and the daily counts, in one transaction that readers see whole or not at all
// (DELETE and COPY under MVCC: a desktop reading meanwhile keeps reading the old rows, unblocked),
// fenced by the engine's advisory lock, and announced with NOTIFY tenure_statuses at commit.
class TeamPublisher
{
    Q_DECLARE_TR_FUNCTIONS(TeamPublisher)

public:
    struct Publication
    {
        bool everything = true; // otherwise only `accounts`
        QSet<QString> accounts;
        qint64 teamSeq = 0; // the team's log is scored up to here
        QDate asOf;
        int rulesVersion = 0;
    };

    // `lockHolderPid`: the backend that holds the engine lock; a publication from an engine that
    // lost it (its session ended, another engine took over) is refused instead of overwriting.
    TeamPublisher(Database& local, TeamDatabase& team, int lockHolderPid);

    Result<qint64> publish(const Publication& publication); // statuses written
    // The random stamp the last publish() left beside its number (the team's `publications`).
    QString stamp() const { return m_stamp; }

private:
    // Copies the rows of a local query into `table`'s `columns` (through a temporary table: see there).
    Result<qint64> copyTable(const QString& table, const QString& columns, const QString& localSelect,
                             const QVariantList& values);

    Database& m_local;
    TeamDatabase& m_team;
    int m_lockHolderPid;
    QString m_stamp;
};

} // namespace tenure
