#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

namespace tenure {

// Where a team workspace lives: a PostgreSQL server and database, and how to reach it. Given as a
// URL (`postgresql://user@host:5432/dbname?sslmode=verify-full&sslrootcert=/path/ca.crt`) or as a
// small `.tenure-team` file holding the same fields. Never a password: that comes from the OS
// keychain, `~/.pgpass` or `PGPASSWORD`, so a location can be shown, logged and shared as it is.
struct TeamLocation
{
    Q_DECLARE_TR_FUNCTIONS(TeamLocation)

public:
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString database;
    QString user; // empty: libpq's default (PGUSER, else the operating-system user)
    QString sslMode = QStringLiteral("prefer"); // libpq's sslmode: disable ... verify-full
    QString sslRootCert; // the CA file that signs the server's certificate
    int connectTimeoutSeconds = 10;

    // True for what names a team workspace rather than a workspace file: a postgres(ql):// URL or
    // a path ending in .tenure-team.
    static bool isTeamLocation(const QString& text);
    // Parses a URL or reads a .tenure-team file. Refuses a password in either, with a message.
    static Result<TeamLocation> parse(const QString& text);
    // `text` as it may be shown or logged: a URL without the password it should not hold (in its
    // user part or a `password` parameter); anything else as it is.
    static QString withoutSecrets(const QString& text);
    static Result<TeamLocation> fromUrl(const QString& url);
    static Result<TeamLocation> fromFile(const QString& path);
    Status writeFile(const QString& path) const;

    // user@host:port/database, for messages and titles.
    QString display() const;
    QString toUrl() const;
    // The libpq keywords Qt's QPSQL driver passes on (QSqlDatabase::setConnectOptions).
    QString connectOptions() const;
    // The keychain entry holding this login's password.
    QString keychainKey() const;
};

} // namespace tenure
