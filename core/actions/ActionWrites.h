#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>

namespace tenure {

// What one refresh of the action queue changes (ActionEngine decides it from the triggers and the
// live actions), and the two ways of writing it: row by row into a workspace file, where a
// statement costs microseconds, and in four statements into a team workspace, where each costs a
// round trip to the server (a first pass opens 60,000 actions; a day's rebuild updates most).
//
// On a team workspace every write lands only on the version read: an action a CSM changed meanwhile
// is left as the CSM left it, and the next refresh looks at it again. Each write that opens, clears
// or wakes an action adds its history row in the same statement, by "Tenure".
struct ActionChanges
{
    struct Clear
    {
        qint64 id = 0;
        int version = 0;
    };
    struct Update
    {
        qint64 id = 0;
        int version = 0;
        double priority = 0;
        QByteArray reason; // compact JSON facts (ActionStore::reasonText renders them)
        bool changed = false; // priority or reason moved
        QDate wake; // a snoozed action whose day has come: its day (it opens again)
    };
    struct Open
    {
        QString account;
        QString trigger;
        QString owner;
        double priority = 0;
        QByteArray reason;
    };

    QList<Clear> clears; // the trigger no longer fires: done
    QList<Update> updates;
    QList<QPair<QString, QString>> rearms; // (account, trigger) done and quiet, no longer firing
    QList<Open> opens;

    struct Counts
    {
        int opened = 0;
        int updated = 0;
        int cleared = 0;
        int woke = 0;
        int skipped = 0; // a team's: clears and updates the version check left (changed meanwhile)
    };

    // Inside the caller's transaction. `team`: a team workspace on PostgreSQL (versions checked,
    // the writes in bulk); otherwise a workspace file.
    Result<Counts> write(QSqlDatabase target, bool team, qint64 stamp) const;

private:
    Result<Counts> writeRows(QSqlDatabase file, qint64 stamp) const;
    Result<Counts> writeInBulk(QSqlDatabase team, qint64 stamp) const;
};

} // namespace tenure
