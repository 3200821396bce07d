#include "team/TeamDatabase.h"

#include "team/TeamKeychain.h"
#include "team/TeamSchema.h"
#include "team/TeamTls.h"

#include <QAtomicInt>
#include <QDir>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

namespace tenure {

namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("tenure-team-%1").arg(counter.fetchAndAddRelaxed(1));
}

QString driverText(const QSqlError& error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

// The password saved for this location (Connect to Team Workspace… saves it), or empty. Skipped
// when PGPASSWORD is set: a headless machine says so explicitly, and its keychain may not answer.
QString keychainPassword(const TeamLocation& location)
{
    if (!qEnvironmentVariableIsEmpty("PGPASSWORD") || !qEnvironmentVariableIsEmpty("TENURE_NO_KEYCHAIN"))
        return {};
    return keychain::read(location.keychainKey());
}

} // namespace

QString TeamDatabase::storedPassword(const TeamLocation& location)
{
    return keychainPassword(location);
}

Status TeamDatabase::rememberPassword(const TeamLocation& location, const QString& password)
{
    if (const QString error = keychain::write(location.keychainKey(), password); !error.isEmpty())
        return Error {
            tr("The password for %1 could not be saved in the keychain: %2").arg(location.display(), error)
        };
    return {};
}

TeamDatabase::TeamDatabase(TeamLocation location, QString connectionName)
    : m_location(std::move(location))
    , m_connectionName(std::move(connectionName))
{
}

TeamDatabase::~TeamDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString TeamDatabase::describeFailure(const TeamLocation& location, const QString& text)
{
    const QString server = QStringLiteral("%1:%2").arg(location.host).arg(location.port);
    const auto has
        = [&text](const char* words) { return text.contains(QLatin1String(words), Qt::CaseInsensitive); };
    QString cause;
    if (has("could not translate host name") || has("Name or service not known"))
        cause
            = tr("the host name %1 is not known (check the host, or the network's DNS).").arg(location.host);
    else if (has("Connection refused"))
        cause = tr("the server refused the connection (is PostgreSQL running and listening on port %1?).")
                    .arg(location.port);
    else if (has("timeout expired") || has("timed out"))
        cause = tr("no answer within %1 s (the server is down or a firewall drops the connection).")
                    .arg(location.connectTimeoutSeconds);
    else if (has("no password supplied"))
        cause = tr("no password was given for user \"%1\" (Connect to Team Workspace… saves it in the "
                   "keychain; "
                   "headless machines use ~/.pgpass or PGPASSWORD).")
                    .arg(location.user.isEmpty() ? tr("(default)") : location.user);
    else if (has("password authentication failed") || has("authentication failed"))
        cause
            = tr("the server refused the password of user \"%1\" (Connect to Team Workspace… saves it in the "
                 "keychain; headless machines use ~/.pgpass or PGPASSWORD).")
                  .arg(location.user.isEmpty() ? tr("(default)") : location.user);
    else if (const QRegularExpressionMatch missing
             = QRegularExpression(QStringLiteral("root certificate file \"([^\"]*)\" does not exist"))
                   .match(text);
             missing.hasMatch())
        cause
            = tr("the CA file %1 does not exist (sslmode=%2 checks the server's certificate against it: set "
                 "sslrootcert to the file of the CA that signed it).")
                  .arg(QDir::toNativeSeparators(missing.captured(1)), location.sslMode);
    else if (const QRegularExpressionMatch other
             = QRegularExpression(
                   QStringLiteral("server certificate for \"([^\"]*)\"( \\(and \\d+ other names?\\))? "
                                  "does not match host name \"([^\"]*)\""))
                   .match(text);
             other.hasMatch())
        cause = tr("its TLS certificate is for %1%2, not for %3: connect by a name the certificate holds, or "
                   "give the server a certificate for this one.")
                    .arg(other.captured(1), other.captured(2), other.captured(3));
    else if (has("certificate verify failed") || has("self-signed certificate")
             || has("unable to get local issuer certificate") || has("certificate has expired")
             || has("does not match host name") || has("root certificate file"))
        cause = tr("its TLS certificate is not trusted (%1). Check the CA file (sslrootcert) and that the "
                   "certificate names the host.")
                    .arg(text.trimmed());
    else if (has("does not exist") && has("database"))
        cause = tr("the database \"%1\" does not exist.").arg(location.database);
    else if (has("does not have CONNECT privilege") || has("permission denied for database"))
        // Only members connect (TeamMigrations, schema 9).
        cause
            = tr("user \"%1\" is not a member of this team workspace (an admin adds members with tenure-cli "
                 "team add-member).")
                  .arg(location.user.isEmpty() ? tr("(default)") : location.user);
    else if (has("no pg_hba.conf entry"))
        cause = tr("the server does not let this user in from here (pg_hba.conf).");
    else if (has("server closed the connection") || has("terminating connection")
             || has("the database system is shutting down") || has("the database system is starting up"))
        cause = tr("the server closed the connection (it is stopping or restarting).");
    else if (has("server does not support SSL"))
        cause = tr("the server does not support TLS, but sslmode=%1 requires it.").arg(location.sslMode);
    else
        cause = text.trimmed();
    return tr("Cannot connect to the team workspace %1 on %2: %3").arg(location.database, server, cause);
}

bool TeamDatabase::refusesMembership(const TeamLocation& location, const QString& message)
{
    return message == describeFailure(location, QStringLiteral("permission denied for database"));
}

Result<std::unique_ptr<TeamDatabase>> TeamDatabase::open(const TeamLocation& location, Purpose purpose,
                                                         const QString& password)
{
    if (location.sslRootCert.contains(QLatin1Char(';')))
        return Error { tr("The CA file path %1 contains ';', which the connection cannot pass on: move or "
                          "rename the file.")
                           .arg(location.sslRootCert) };
    std::unique_ptr<TeamDatabase> team(new TeamDatabase(location, nextConnectionName()));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), team->m_connectionName);
    if (!db.isValid())
        return Error { tr("The Qt PostgreSQL driver (QPSQL) is not available; install libqt6sql6-psql.") };
    db.setHostName(location.host);
    db.setPort(location.port);
    db.setDatabaseName(location.database);
    if (!location.user.isEmpty())
        db.setUserName(location.user);
    const QString secret = password.isEmpty() ? keychainPassword(location) : password;
    if (!secret.isEmpty())
        db.setPassword(secret);
    db.setConnectOptions(location.connectOptions());
    if (!db.open()) {
        const QString text = driverText(db.lastError());
        QString message = describeFailure(location, text);
        // libpq 15 says only "certificate verify failed": a handshake of our own says why.
        if (text.contains(QLatin1String("certificate verify failed"), Qt::CaseInsensitive))
            if (const QString why = TeamTls::certificateProblem(location); !why.isEmpty())
                message = tr("Cannot connect to the team workspace %1 on %2: %3")
                              .arg(location.database,
                                   QStringLiteral("%1:%2").arg(location.host).arg(location.port), why);
        return Error { message };
    }
    // The password has done its work: it stays in no object that outlives the connection.
    db.setPassword(QString());
    if (Status identified = team->readIdentity(purpose); !identified)
        return Error { identified.error() };
    return team;
}

Status TeamDatabase::readIdentity(Purpose purpose)
{
    const QString where
        = QStringLiteral("%1 on %2:%3").arg(m_location.database, m_location.host).arg(m_location.port);
    Result<QVariant> login = scalar(QStringLiteral("SELECT session_user"));
    if (!login)
        return Error { login.error() };
    m_login = login->toString();
    if (purpose == Purpose::Initialise)
        return {};

    // A login refused the workspace's schema or tables is no member: on a database every login may
    // connect to (TeamAccess::connectAdvice), that is where a removed member is stopped.
    const auto refused = [this](const QString& error) {
        return error.contains(QLatin1String("permission denied"))
            ? describeFailure(m_location, QStringLiteral("permission denied for database"))
            : error;
    };
    Result<QVariant> meta = scalar(QStringLiteral("SELECT to_regclass('public.tenure_meta') IS NOT NULL"));
    if (!meta)
        return Error { refused(meta.error()) };
    if (!meta->toBool())
        return Error { tr("The database %1 is not a Tenure team workspace (run tenure-cli team init on an "
                          "empty database to make one).")
                           .arg(where) };
    Result<QVariant> application
        = scalar(QStringLiteral("SELECT value FROM tenure_meta WHERE key = 'application'"));
    if (!application)
        return Error { refused(application.error()) };
    if (application->toString() != QLatin1String(TeamSchema::kApplication))
        return Error { tr("The database %1 is not a Tenure team workspace.").arg(where) };
    Result<QVariant> version
        = scalar(QStringLiteral("SELECT value FROM tenure_meta WHERE key = 'schema_version'"));
    if (!version)
        return Error { version.error() };
    m_schemaVersion = version->toInt();
    if (m_schemaVersion > TeamSchema::currentVersion())
        return Error {
            tr("The team workspace %1 was written by a newer version of Tenure (schema %2; this version "
               "reads up to %3). Update Tenure to open it.")
                .arg(where)
                .arg(m_schemaVersion)
                .arg(TeamSchema::currentVersion())
        };
    // An older workspace lacks what this build relies on (row-level security among it): its owner
    // upgrades it first, as schema changes need the tables' owner.
    if (m_schemaVersion < TeamSchema::currentVersion() && purpose != Purpose::Upgrade)
        return Error {
            tr("The team workspace %1 has schema %2; this version of Tenure needs schema %3. The workspace's "
               "owner (the login that ran team init) upgrades it with: tenure-cli team upgrade URL")
                .arg(where)
                .arg(m_schemaVersion)
                .arg(TeamSchema::currentVersion())
        };

    Result<QSqlQuery> member
        = exec(QStringLiteral("SELECT display_name, role FROM team_members WHERE login = session_user"));
    if (!member)
        return Error { member.error() };
    if (member->next())
        m_member = Member { m_login, member->value(0).toString(), member->value(1).toString() };
    return {};
}

QSqlDatabase TeamDatabase::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

pg_conn* TeamDatabase::handle() const
{
    const QVariant handle = connection().driver()->handle();
    return handle.isValid() ? *static_cast<pg_conn* const*>(handle.data()) : nullptr;
}

QString TeamDatabase::describeError(const QSqlError& error) const
{
    // PostgreSQL's words on one line: "ERROR:  permission denied for table sources\n(42501)", or a
    // function's message followed by its CONTEXT, become "permission denied for table sources".
    static const QRegularExpression severity(QStringLiteral("^\\s*(ERROR|FATAL|PANIC):\\s*"));
    static const QRegularExpression sqlState(QStringLiteral("\\s*\\([0-9A-Z]{5}\\)\\s*$"));
    QString text = driverText(error).trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    text.remove(severity);
    text.remove(sqlState);
    if (error.nativeErrorCode() == QLatin1String("42501") && m_member
        && text.startsWith(QLatin1String("permission denied for"))) // not a trigger's refusal, for all roles
        // Refused by the role the server gave this login: say which, and where the roles are.
        return tr("the team's server refused it (%1): %2 is a member with the %3 role, which may not do this "
                  "(docs/team.md, Roles) (on %4)")
            .arg(text, m_login, m_member->role, m_location.display());
    return tr("%1 (on %2)").arg(text, m_location.display());
}

Result<QSqlQuery> TeamDatabase::exec(const QString& sql, const QVariantList& values) const
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    // Statements without values go as they are: PostgreSQL prepares no DDL.
    if (values.isEmpty()) {
        if (!query.exec(sql))
            return Error { describeError(query.lastError()) };
        return query;
    }
    if (!query.prepare(sql))
        return Error { describeError(query.lastError()) };
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Error { describeError(query.lastError()) };
    return query;
}

Result<QVariant> TeamDatabase::scalar(const QString& sql, const QVariantList& values) const
{
    Result<QSqlQuery> query = exec(sql, values);
    if (!query)
        return Error { query.error() };
    return query->next() ? query->value(0) : QVariant();
}

Status TeamDatabase::begin()
{
    if (!connection().transaction())
        return Error { tr("Cannot start a transaction on %1: %2")
                           .arg(m_location.display(), driverText(connection().lastError())) };
    return {};
}

Status TeamDatabase::commit()
{
    if (!connection().commit())
        return Error {
            tr("Cannot commit on %1: %2").arg(m_location.display(), driverText(connection().lastError()))
        };
    return {};
}

void TeamDatabase::rollback()
{
    connection().rollback();
}

QTimeZone TeamDatabase::timeZone() const
{
    const Result<QVariant> zone
        = scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'time_zone'"));
    const QTimeZone team = zone && zone->isValid() ? QTimeZone(zone->toString().toUtf8()) : QTimeZone();
    return team.isValid() ? team : QTimeZone::systemTimeZone();
}

} // namespace tenure
