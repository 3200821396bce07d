#pragma once

#include "team/TeamLocation.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariantList>

#include <memory>
#include <optional>

struct pg_conn;

class QSqlError;

namespace tenure {

// One open connection to a team workspace: a PostgreSQL database prepared by `tenure-cli team
// init`, through Qt's QPSQL driver. Opening checks that the database really is a Tenure team
// workspace of the schema this build reads, and writes nothing; every failure (host not found,
// refused, bad password, untrusted certificate, not a workspace, newer schema, older schema to
// upgrade first) is one message that names the server and the cause and never the password.
//
// A connection belongs to the thread that opened it: every worker opens its own TeamDatabase.
class TeamDatabase
{
    Q_DECLARE_TR_FUNCTIONS(TeamDatabase)

public:
    enum class Purpose {
        Use, // a Tenure team workspace of this build's schema
        Initialise, // any database: `team init` prepares it
        Upgrade, // a Tenure team workspace of this build's schema or an older one: `team upgrade`
    };

    struct Member
    {
        QString login;
        QString displayName;
        QString role; // admin, csm or ingest
    };

    // `password` empty: PGPASSWORD, the keychain entry of the location, then ~/.pgpass.
    static Result<std::unique_ptr<TeamDatabase>>
    open(const TeamLocation& location, Purpose purpose = Purpose::Use, const QString& password = {});
    ~TeamDatabase();

    TeamDatabase(const TeamDatabase&) = delete;
    TeamDatabase& operator=(const TeamDatabase&) = delete;

    QSqlDatabase connection() const;
    // libpq's connection under Qt's, for COPY (see PgCopy).
    pg_conn* handle() const;
    const TeamLocation& location() const { return m_location; }
    int schemaVersion() const { return m_schemaVersion; }
    // The login this connection signed in as, and its team membership (none for a login that is
    // not a member, such as the superuser that ran `team init`).
    QString login() const { return m_login; }
    const std::optional<Member>& member() const { return m_member; }

    // A statement with bound values; the error names the server.
    Result<QSqlQuery> exec(const QString& sql, const QVariantList& values = {}) const;
    // The first column of the first row (an invalid QVariant when there is no row).
    Result<QVariant> scalar(const QString& sql, const QVariantList& values = {}) const;
    // The team's time zone (team init --time-zone), in which its days begin and end: a snooze's
    // day, the engine's today. This machine's when the setting is missing or not a zone.
    QTimeZone timeZone() const;
    Status begin();
    Status commit();
    void rollback();
    // Whether the server still answers on this connection (after a write failed: lost, or refused?).
    bool answers() const { return scalar(QStringLiteral("SELECT 1")).ok(); }

    // Saves the password of `location` in the OS keychain (Connect to Team Workspace…), where
    // open() finds it. Blocks on the keychain: call it off the GUI thread.
    static Status rememberPassword(const TeamLocation& location, const QString& password);
    // The password the keychain holds for `location`, or empty (also when PGPASSWORD or
    // TENURE_NO_KEYCHAIN is set). Blocks on the keychain: call it off the GUI thread.
    static QString storedPassword(const TeamLocation& location);
    // What a libpq message means for a person, with the server named.
    static QString describeFailure(const TeamLocation& location, const QString& driverText);
    // Whether `message`, an error of open() on `location`, says that the login is not a member of
    // the team (never added, or removed since): no retry mends that.
    static bool refusesMembership(const TeamLocation& location, const QString& message);

private:
    TeamDatabase(TeamLocation location, QString connectionName);
    // What the server said, on one line, with the server named; a refusal by role says the role.
    QString describeError(const QSqlError& error) const;
    Status readIdentity(Purpose purpose);

    TeamLocation m_location;
    QString m_connectionName;
    QString m_login;
    int m_schemaVersion = 0;
    std::optional<Member> m_member;
};

} // namespace tenure
