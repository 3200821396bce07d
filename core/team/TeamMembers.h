#pragma once

#include "team/TeamDatabase.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QList>

namespace tenure {

// The team's members: PostgreSQL logins, each mapped to a CSM's display name (the name the
// `owner` field of accounts uses) and one of the roles admin, csm or ingest. Adding and removing
// go through the workspace's own functions (see TeamSchema), so only an admin can, and the
// server checks it.
class TeamMembers
{
    Q_DECLARE_TR_FUNCTIONS(TeamMembers)

public:
    explicit TeamMembers(TeamDatabase& db);

    static bool isRole(const QString& role);

    // Creates the login if needed and grants the role. With a password, the login's password is
    // set from a SCRAM verifier computed here: the password itself never reaches the server.
    Status add(const QString& login, const QString& displayName, const QString& role,
               const QString& password = {});
    // Revokes the member's roles and forgets the member; the login itself stays (it may own
    // objects or belong to other databases). Error when no such member.
    Status remove(const QString& login);
    Result<QList<TeamDatabase::Member>> list() const;

private:
    TeamDatabase& m_db;
};

} // namespace tenure
