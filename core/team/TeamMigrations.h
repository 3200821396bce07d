#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tenure {

// The team schema's forward migrations: version N's statements turn a workspace of version N - 1
// into one of version N. `team init` creates version 1 and applies every migration in order, and
// `team upgrade` applies those an older database lacks, so each migration runs on every new
// workspace (and in every test) as well as on the databases it upgrades. A migration never
// changes once released: a later change is a new version.
struct TeamMigration
{
    int version;
    QStringList statements;
};

// In version order, from version 2.
const QList<TeamMigration>& teamMigrations();

// Only members connect (schema 9): the statement that gives the database's CONNECT and TEMPORARY
// to Tenure's three roles instead of every login, when the signed-in login owns the database (a
// database owned by another login is left to its owner: TeamAccess::connectAdvice). Schema 9 runs
// it, and `team upgrade` again every time, since a restore without `pg_restore -C` leaves the
// database's privileges behind.
QString closeToNonMembersStatement();

} // namespace tenure
