#include "team/TeamLocation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>
#include <QUrlQuery>

namespace tenure {

namespace {

const QStringList& sslModes()
{
    static const QStringList modes { QStringLiteral("disable"),   QStringLiteral("allow"),
                                     QStringLiteral("prefer"),    QStringLiteral("require"),
                                     QStringLiteral("verify-ca"), QStringLiteral("verify-full") };
    return modes;
}

QString passwordRefusal()
{
    return TeamLocation::tr("A team workspace location never holds a password: Tenure reads it from the "
                            "keychain, ~/.pgpass or PGPASSWORD.");
}

// Qt's QPSQL driver joins the options with spaces after turning ';' into ' ', so a value may hold
// neither; libpq's quoting covers the rest.
Status checkOptionValue(const QString& key, const QString& value)
{
    if (value.contains(QLatin1Char(';')) || value.contains(QLatin1Char('\''))
        || value.contains(QLatin1Char('\\')))
        return Error {
            TeamLocation::tr("The %1 \"%2\" cannot hold ';', quotes or backslashes.").arg(key, value)
        };
    return {};
}

Status validate(const TeamLocation& location)
{
    if (location.host.isEmpty())
        return Error { TeamLocation::tr("The team workspace location names no host.") };
    if (location.database.isEmpty())
        return Error { TeamLocation::tr("The team workspace location names no database (…/DATABASE).") };
    if (location.port <= 0 || location.port > 65535)
        return Error { TeamLocation::tr("The port %1 is not a TCP port (1-65535).").arg(location.port) };
    if (!sslModes().contains(location.sslMode))
        return Error { TeamLocation::tr("sslmode \"%1\" is not one of %2.")
                           .arg(location.sslMode, sslModes().join(QStringLiteral(", "))) };
    if (Status ok = checkOptionValue(QStringLiteral("sslrootcert"), location.sslRootCert); !ok)
        return ok;
    return {};
}

} // namespace

bool TeamLocation::isTeamLocation(const QString& text)
{
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive)
        || text.endsWith(QLatin1String(".tenure-team"), Qt::CaseInsensitive);
}

QString TeamLocation::withoutSecrets(const QString& text)
{
    if (!text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        && !text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive))
        return text;
    QUrl url(text);
    if (!url.isValid())
        return QStringLiteral("postgresql://…"); // nothing of it can be told apart safely
    url.setPassword({});
    QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("password"))) {
        query.removeAllQueryItems(QStringLiteral("password"));
        url.setQuery(query);
    }
    return url.toDisplayString();
}

Result<TeamLocation> TeamLocation::parse(const QString& text)
{
    if (text.endsWith(QLatin1String(".tenure-team"), Qt::CaseInsensitive))
        return fromFile(text);
    return fromUrl(text);
}

Result<TeamLocation> TeamLocation::fromUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()
        || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres")))
        return Error { tr("\"%1\" is not a PostgreSQL URL (postgresql://user@host:5432/database).")
                           .arg(url.toDisplayString(QUrl::RemovePassword)) };
    if (!url.password().isEmpty())
        return Error { passwordRefusal() };
    TeamLocation location;
    if (!url.host().isEmpty())
        location.host = url.host();
    location.port = url.port(5432);
    location.user = url.userName();
    location.database = url.path().mid(1);
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("sslmode"))
            location.sslMode = value;
        else if (key == QLatin1String("sslrootcert"))
            location.sslRootCert = value;
        else if (key == QLatin1String("connect_timeout")) {
            bool ok = false;
            location.connectTimeoutSeconds = value.toInt(&ok);
            if (!ok || location.connectTimeoutSeconds < 1)
                return Error {
                    tr("connect_timeout \"%1\" is not a number of seconds (1 or more).").arg(value)
                };
        } else if (key == QLatin1String("password"))
            return Error { passwordRefusal() };
        else
            return Error { tr("The URL parameter \"%1\" is not one Tenure knows (sslmode, sslrootcert, "
                              "connect_timeout).")
                               .arg(key) };
    }
    if (Status ok = validate(location); !ok)
        return Error { ok.error() };
    return location;
}

Result<TeamLocation> TeamLocation::fromFile(const QString& path)
{
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { tr("Cannot read %1: %2").arg(shown, file.errorString()) };
    TeamLocation location;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        // A comment after a value begins with " #" (a '#' inside a value, as in a path, stays).
        static const QRegularExpression trailingComment(QStringLiteral("\\s+#.*$"));
        line.remove(trailingComment);
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return Error { tr("%1, line %2: expected \"key = value\".").arg(shown).arg(lineNumber) };
        const QString key = line.left(equals).trimmed().toLower();
        const QString value = line.mid(equals + 1).trimmed();
        if (key == QLatin1String("host"))
            location.host = value;
        else if (key == QLatin1String("port")) {
            bool ok = false;
            location.port = value.toInt(&ok);
            if (!ok)
                return Error {
                    tr("%1, line %2: port \"%3\" is not a number.").arg(shown).arg(lineNumber).arg(value)
                };
        } else if (key == QLatin1String("database") || key == QLatin1String("dbname"))
            location.database = value;
        else if (key == QLatin1String("user"))
            location.user = value;
        else if (key == QLatin1String("sslmode"))
            location.sslMode = value;
        else if (key == QLatin1String("sslrootcert") || key == QLatin1String("ca"))
            location.sslRootCert
                = value.isEmpty() ? value : QFileInfo(path).absoluteDir().absoluteFilePath(value);
        else if (key == QLatin1String("connect_timeout")) {
            bool ok = false;
            location.connectTimeoutSeconds = value.toInt(&ok);
            if (!ok || location.connectTimeoutSeconds < 1)
                return Error {
                    tr("%1, line %2: connect_timeout \"%3\" is not a number of seconds (1 or more).")
                        .arg(shown)
                        .arg(lineNumber)
                        .arg(value)
                };
        } else if (key == QLatin1String("password"))
            return Error { tr("%1, line %2: %3").arg(shown).arg(lineNumber).arg(passwordRefusal()) };
        else
            return Error { tr("%1, line %2: unknown key \"%3\" (host, port, database, user, sslmode, "
                              "sslrootcert, connect_timeout).")
                               .arg(shown)
                               .arg(lineNumber)
                               .arg(key) };
    }
    if (Status ok = validate(location); !ok)
        return Error { tr("%1: %2").arg(shown, ok.error()) };
    return location;
}

Status TeamLocation::writeFile(const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    QString text
        = QStringLiteral("# Tenure team workspace (no password here: keychain, ~/.pgpass or PGPASSWORD)\n");
    text += QStringLiteral("host = %1\nport = %2\ndatabase = %3\n").arg(host).arg(port).arg(database);
    if (!user.isEmpty())
        text += QStringLiteral("user = %1\n").arg(user);
    text += QStringLiteral("sslmode = %1\n").arg(sslMode);
    if (!sslRootCert.isEmpty())
        text += QStringLiteral("sslrootcert = %1\n").arg(sslRootCert);
    file.write(text.toUtf8());
    if (!file.commit())
        return Error { tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) };
    return {};
}

QString TeamLocation::display() const
{
    const QString who = user.isEmpty() ? QString() : user + QLatin1Char('@');
    return QStringLiteral("%1%2:%3/%4").arg(who, host).arg(port).arg(database);
}

QString TeamLocation::toUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sslmode"), sslMode);
    if (!sslRootCert.isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), sslRootCert);
    url.setQuery(query);
    return url.toString();
}

QString TeamLocation::connectOptions() const
{
    QStringList options { QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds),
                          QStringLiteral("sslmode=%1").arg(sslMode),
                          QStringLiteral("application_name=Tenure"),
                          // A session whose peer vanished (a cut network) ends within about a
                          // minute, and with it the engine lock it held.
                          QStringLiteral("keepalives=1"), QStringLiteral("keepalives_idle=30"),
                          QStringLiteral("keepalives_interval=10"), QStringLiteral("keepalives_count=3") };
    if (!sslRootCert.isEmpty()) {
        // libpq's quoting: a quote or backslash in the path is escaped, so a path (from a shared
        // .tenure-team file, say) can never add options of its own. (';' cannot be passed at all:
        // Qt's driver splits options on it; TeamDatabase::open refuses such a path.)
        QString path = sslRootCert;
        path.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('\''), QStringLiteral("\\'"));
        options << QStringLiteral("sslrootcert='%1'").arg(path);
    }
    return options.join(QLatin1Char(';'));
}

QString TeamLocation::keychainKey() const
{
    return QStringLiteral("team:%1").arg(display());
}

} // namespace tenure
