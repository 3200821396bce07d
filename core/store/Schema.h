#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tenure {

// The workspace schema as an ordered list of forward migrations. Migration N takes a workspace
// from user_version N-1 to N; each runs in its own transaction together with the version bump.
struct Migration
{
    int version;
    QString description;
    QStringList statements;
};

namespace Schema {
// Written into PRAGMA application_id so other SQLite files are told apart from workspaces.
inline constexpr int kApplicationId = 0x54454e55; // "TENU"
const QList<Migration>& migrations();
int currentVersion();
} // namespace Schema

} // namespace tenure
