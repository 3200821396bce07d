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

} // namespace tenure
