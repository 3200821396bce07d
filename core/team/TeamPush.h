#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace tenure {

class Database;
class TeamDatabase;

// Moves a workspace file into a team workspace: master data, the log (with the connectors'
// cursors), rule set versions, and the CSMs' actions with their history and notes. Connector
// definitions travel; their secrets stay in the keychain where they are. The engine's read side
// does not travel: the team's engine rebuilds it from the log.
//
// Idempotent: every row is matched by its natural key (an event by source and external id, an
// account by id, an action by account, trigger and creation time...), so a second push adds
// nothing. All or nothing per group of tables: a group that fails is rolled back whole and the
// groups before it stay.
class TeamPush
{
    Q_DECLARE_TR_FUNCTIONS(TeamPush)

public:
    struct TableCount
    {
        QString table;
        qint64 source = 0; // rows in the workspace file
        qint64 added = 0; // rows the team workspace did not have yet
    };

    struct Report
    {
        QList<TableCount> tables;
        QStringList warnings;
        qint64 added() const;
    };

    // A table's rows in words, counted: "12 events", "1 connector cursor" (a table it does not
    // know keeps its name: "3 rows of x").
    static QString countedRows(const QString& table, qint64 count);

    using Progress = std::function<void(const QString& table)>;

    // How one table travels: the rows read from the file, the staging table they are copied into
    // (typed like the team's table, with the file's own id where later steps need it), and the
    // statement that merges the staging rows into the team's table.
    struct Step
    {
        QString table;
        QString localSelect;
        QString stagingColumns; // a SELECT list over the team's table giving the staging table's types
        QString merge;
    };
    // The log's step: the workspace file's events, in its order, less those the team's log holds
    // already. Run under the log's lock (appends are serialized), so that the events are compared
    // with a log no one else appends to meanwhile; the unique key refuses what slips through.
    static Step eventsStep();
    // Copies each step's rows into a temporary staging table (push_TABLE, dropped at commit) and
    // merges them, in the caller's transaction on `team`.
    static Status stageAndMerge(Database& local, TeamDatabase& team, const QList<Step>& steps,
                                QList<TableCount>& counts, const Progress& progress = {});

    TeamPush(Database& local, TeamDatabase& team);
    Result<Report> run(const Progress& progress = {});

private:
    struct Group;
    Status pushGroup(const Group& group, Report& report, const Progress& progress);

    Database& m_local;
    TeamDatabase& m_team;
};

} // namespace tenure
