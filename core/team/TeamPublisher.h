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
// A publication of every account (a rebuild, new rules, a new day) is compared with the team's
// rows on the server and writes only the accounts whose results differ (every row when more than
// a fifth did): a rebuild that changes nothing writes no account's rows, and desktops copy none.
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
    // Copies the rows of a local query into a temporary table shaped as `table`'s `columns`
    // (pg_temp.publish_<table>): see there why.
    Result<qint64> stageTable(const QString& table, const QString& columns, const QString& localSelect,
                              const QVariantList& values);
    // The same, then into `table`.
    Result<qint64> copyTable(const QString& table, const QString& columns, const QString& localSelect,
                             const QVariantList& values);
    struct Changes
    {
        qint64 total = 0; // statuses in the working copy
        qint64 accounts = 0; // accounts whose results differ from the team's (or that one side lacks)
        qint64 statuses = 0; // statuses written
        bool most = false; // over a fifth of the accounts changed: every row written again
    };
    // Every account's results staged, and the rows of the accounts whose results differ from the
    // team's written again: a rebuild that changes nothing writes nothing.
    Result<Changes> replaceChanged(const QVariantList& values);

    Database& m_local;
    TeamDatabase& m_team;
    int m_lockHolderPid;
    QString m_stamp;
};

} // namespace tenure
