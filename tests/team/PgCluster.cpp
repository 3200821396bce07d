#include "PgCluster.h"

#include "team/TeamSchema.h"
#include "team/TeamTls.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QThread>
#include <QVersionNumber>

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <unistd.h>

namespace tenure::test {

namespace {

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

// Hands the folder to the postgres user, who runs the cluster when the tests run as root.
bool giveToPostgres(const QString& path)
{
    const passwd* user = ::getpwnam("postgres");
    if (!user)
        return false;
    QDir dir(path);
    bool ok = ::chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) == 0;
    for (const QFileInfo& entry : dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (entry.isDir())
            ok = giveToPostgres(entry.absoluteFilePath()) && ok;
        else
            ok = ::chown(QFile::encodeName(entry.absoluteFilePath()).constData(), user->pw_uid, user->pw_gid)
                    == 0
                && ok;
    }
    return ok;
}

} // namespace

PgCluster::PgCluster()
    : m_bin(binDir())
{
    m_dir.setAutoRemove(true);
}

PgCluster::~PgCluster()
{
    stop();
    if (m_lock >= 0)
        ::close(m_lock); // the watcher finds the server stopped and removes the folder
}

QString PgCluster::binDir()
{
    QVersionNumber best;
    QString found;
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    for (const QString& version : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString bin = root.filePath(version + QStringLiteral("/bin"));
        const QVersionNumber number = QVersionNumber::fromString(version);
        if (QFile::exists(bin + QStringLiteral("/initdb")) && number > best) {
            best = number;
            found = bin;
        }
    }
    return found;
}

int PgCluster::run(const QString& program, const QStringList& arguments, QString* output) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QStringList full = arguments;
    QString command = m_bin + QLatin1Char('/') + program;
    if (runningAsRoot()) {
        full.prepend(command);
        full = QStringList { QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--") } + full;
        command = QStringLiteral("runuser");
    }
    process.setWorkingDirectory(m_dir.path());
    process.start(command, full);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool PgCluster::start(QString* error)
{
    if (m_running)
        return true;
    if (m_bin.isEmpty()) {
        *error
            = QStringLiteral("PostgreSQL's programs are not installed (no /usr/lib/postgresql/*/bin/initdb); "
                             "installer/dev/deps-debian.sh installs them");
        return false;
    }
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
        return false;
    }
    QFile password(m_dir.filePath(QStringLiteral("pw")));
    if (!password.open(QIODevice::WriteOnly) || password.write(superPassword().toUtf8() + '\n') < 0) {
        *error = QStringLiteral("cannot write %1").arg(password.fileName());
        return false;
    }
    password.close();
    if (runningAsRoot() && !giveToPostgres(m_dir.path())) {
        *error = QStringLiteral("cannot hand %1 to the postgres user (is the postgresql package installed?)")
                     .arg(m_dir.path());
        return false;
    }
    QString output;
    const QString data = m_dir.filePath(QStringLiteral("data"));
    if (run(QStringLiteral("initdb"),
            { QStringLiteral("-D"), data, QStringLiteral("-U"), superuser(), QStringLiteral("--pwfile"),
              password.fileName(), QStringLiteral("--auth-local=trust"),
              QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"), QStringLiteral("UTF8"),
              QStringLiteral("--locale=C"), QStringLiteral("--no-sync") },
            &output)
        != 0) {
        *error = QStringLiteral("initdb failed: %1").arg(output);
        return false;
    }
    for (int attempt = 0; attempt < 3 && !m_running; ++attempt)
        launch(freePort(), error);
    return m_running;
}

bool PgCluster::launch(int port, QString* error)
{
    m_port = port;
    QString output;
    const QString data = m_dir.filePath(QStringLiteral("data"));
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                           "-c synchronous_commit=off -c full_page_writes=off")
                                .arg(m_port)
                                .arg(m_dir.path())
        + m_tlsOptions;
    m_running = run(QStringLiteral("pg_ctl"),
                    { QStringLiteral("-D"), data, QStringLiteral("-l"), m_dir.filePath(QStringLiteral("log")),
                      QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"),
                      options, QStringLiteral("start") },
                    &output)
        == 0;
    if (m_running && m_lock < 0)
        watch();
    if (!m_running) {
        QFile log(m_dir.filePath(QStringLiteral("log")));
        log.open(QIODevice::ReadOnly);
        *error = QStringLiteral("pg_ctl start failed: %1\n%2")
                     .arg(output, QString::fromLocal8Bit(log.readAll()));
    }
    return m_running;
}

bool PgCluster::watch()
{
    // This process holds a lock on a file in the folder until it ends (or the cluster goes); the
    // watcher waits for that lock, then stops a server still running from the folder and removes
    // the folder, as the user who runs the server. A lock the watcher cannot wait for stops
    // nothing.
    const QString lockPath = m_dir.filePath(QStringLiteral("alive.lock"));
    m_lock = ::open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_lock >= 0 && ::flock(m_lock, LOCK_EX) != 0) {
        ::close(m_lock);
        m_lock = -1;
    }
    if (m_lock < 0)
        return false;
    const auto quoted = [](QString text) {
        return QLatin1Char('\'') + text.replace(QLatin1Char('\''), QStringLiteral("'\\''"))
            + QLatin1Char('\'');
    };
    const QString data = quoted(m_dir.filePath(QStringLiteral("data")));
    const QString script
        = QStringLiteral("flock -s %1 true || exit 0; "
                         "if [ -f %2/postmaster.pid ]; then %3 -D %2 -m immediate -w stop; fi; rm -rf %4")
              .arg(quoted(lockPath), data, quoted(m_bin + QStringLiteral("/pg_ctl")), quoted(m_dir.path()));
    QProcess watcher;
    if (runningAsRoot()) {
        watcher.setProgram(QStringLiteral("runuser"));
        watcher.setArguments({ QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                               QStringLiteral("setsid"), QStringLiteral("-f"), QStringLiteral("sh"),
                               QStringLiteral("-c"), script });
    } else {
        watcher.setProgram(QStringLiteral("setsid"));
        watcher.setArguments({ QStringLiteral("-f"), QStringLiteral("sh"), QStringLiteral("-c"), script });
    }
    watcher.setStandardOutputFile(QProcess::nullDevice());
    watcher.setStandardErrorFile(QProcess::nullDevice());
    return watcher.startDetached();
}

bool PgCluster::resume(QString* error)
{
    return m_running || launch(m_port, error);
}

bool PgCluster::enableTls(QString* error)
{
    const QString dir = m_dir.filePath(QStringLiteral("tls"));
    QDir().mkpath(dir);
    QFile extensions(dir + QStringLiteral("/server.ext"));
    QFile elsewhere(dir + QStringLiteral("/elsewhere.ext"));
    if (!extensions.open(QIODevice::WriteOnly)
        || extensions.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n") < 0
        || !elsewhere.open(QIODevice::WriteOnly)
        || elsewhere.write("subjectAltName=DNS:db.elsewhere.example\nbasicConstraints=CA:FALSE\n") < 0) {
        *error = QStringLiteral("cannot write the certificates' extensions in %1").arg(dir);
        return false;
    }
    extensions.close();
    elsewhere.close();
    const QList<QStringList> steps {
        { "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days",
          "2", "-subj", "/CN=Tenure test CA" },
        { "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out", "other-ca.crt",
          "-days", "2", "-subj", "/CN=Somebody else's CA" },
        { "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
          "/CN=localhost" },
        { "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
          "server.crt", "-days", "2", "-extfile", "server.ext" },
        // The same key's certificate, expired the second it was made; and one for another host
        // (serveCertificate).
        { "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
          "expired.crt", "-days", "0", "-extfile", "server.ext" },
        { "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
          "elsewhere.crt", "-days", "2", "-extfile", "elsewhere.ext" },
    };
    for (const QStringList& step : steps) {
        QProcess openssl;
        openssl.setWorkingDirectory(dir);
        openssl.setProcessChannelMode(QProcess::MergedChannels);
        openssl.start(QStringLiteral("openssl"), step);
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
            *error = QStringLiteral("openssl %1 failed: %2")
                         .arg(step.join(QLatin1Char(' ')), QString::fromLocal8Bit(openssl.readAll()));
            return false;
        }
    }
    QFile::setPermissions(dir + QStringLiteral("/server.key"), QFile::ReadOwner | QFile::WriteOwner);
    m_tlsOptions
        = QStringLiteral(" -c ssl=on -c ssl_cert_file=%1/server.crt -c ssl_key_file=%1/server.key").arg(dir);
    return true;
}

bool PgCluster::serveCertificate(const QString& name, QString* error)
{
    const QString dir = m_dir.filePath(QStringLiteral("tls"));
    const QString served = dir + QStringLiteral("/server.crt");
    if (!QFile::exists(dir + QStringLiteral("/valid.crt"))
        && !QFile::copy(served, dir + QStringLiteral("/valid.crt"))) {
        *error = QStringLiteral("cannot keep %1").arg(served);
        return false;
    }
    QFile::remove(served);
    if (!QFile::copy(dir + QLatin1Char('/') + name, served)
        || !QFile::setPermissions(served,
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther)
        || (runningAsRoot() && !giveToPostgres(dir))) {
        *error = QStringLiteral("cannot serve %1").arg(name);
        return false;
    }
    const QList<QSslCertificate> wanted = QSslCertificate::fromPath(served);
    // Read again by the server on a reload, for the connections after it.
    Result<std::unique_ptr<TeamDatabase>> super = TeamDatabase::open(
        location(QStringLiteral("postgres")), TeamDatabase::Purpose::Initialise, superPassword());
    if (!super) {
        *error = super.error();
        return false;
    }
    if (Result<QVariant> reloaded = (*super)->scalar(QStringLiteral("SELECT pg_reload_conf()")); !reloaded) {
        *error = reloaded.error();
        return false;
    }
    // The postmaster reloads when the signal arrives: until then the server shows the last one.
    for (QDeadlineTimer deadline(20000); !deadline.hasExpired(); QThread::msleep(100))
        if (!wanted.isEmpty()
            && TeamTls::serverCertificate(location(QStringLiteral("postgres"))) == wanted.first())
            return true;
    *error = QStringLiteral("the server did not take %1 within 20 s").arg(name);
    return false;
}

void PgCluster::stop()
{
    if (!m_running)
        return;
    run(QStringLiteral("pg_ctl"),
        { QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
          QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop") },
        nullptr);
    m_running = false;
}

TeamLocation PgCluster::location(const QString& database, const QString& user) const
{
    TeamLocation location;
    location.host = QStringLiteral("127.0.0.1");
    location.port = m_port;
    location.database = database;
    location.user = user;
    location.sslMode = QStringLiteral("disable");
    location.connectTimeoutSeconds = 5;
    return location;
}

bool PgCluster::createDatabase(const QString& name, QString* error)
{
    Result<std::unique_ptr<TeamDatabase>> admin = TeamDatabase::open(
        location(QStringLiteral("postgres")), TeamDatabase::Purpose::Initialise, superPassword());
    if (!admin) {
        *error = admin.error();
        return false;
    }
    for (const QString& statement : { QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(name),
                                      QStringLiteral("CREATE DATABASE \"%1\"").arg(name) }) {
        if (Result<QSqlQuery> done = (*admin)->exec(statement); !done) {
            *error = done.error();
            return false;
        }
    }
    return true;
}

bool PgCluster::runClient(const QString& program, const QStringList& arguments, QString* error) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), superPassword());
    process.setProcessEnvironment(environment);
    process.start(m_bin + QLatin1Char('/') + program,
                  QStringList { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                                QString::number(m_port), QStringLiteral("-U"), superuser() }
                      + arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    *error = program + QStringLiteral(": ") + QString::fromLocal8Bit(process.readAll());
    return false;
}

bool PgCluster::dump(const QString& database, const QString& file, QString* error) const
{
    return runClient(QStringLiteral("pg_dump"),
                     { QStringLiteral("-Fc"), QStringLiteral("-f"), file, database }, error);
}

bool PgCluster::restore(const QString& database, const QString& file, QString* error)
{
    return createDatabase(database, error)
        && runClient(QStringLiteral("pg_restore"), { QStringLiteral("-d"), database, file }, error);
}

Result<std::unique_ptr<TeamDatabase>> PgCluster::open(const QString& database,
                                                      TeamDatabase::Purpose purpose) const
{
    return TeamDatabase::open(location(database), purpose, superPassword());
}

Result<std::unique_ptr<TeamDatabase>> PgCluster::openAs(const QString& database, const QString& user,
                                                        const QString& password) const
{
    return TeamDatabase::open(location(database, user), TeamDatabase::Purpose::Use, password);
}

Result<std::unique_ptr<TeamDatabase>> PgCluster::createWorkspace(const QString& database,
                                                                 const QByteArray& timeZone)
{
    QString error;
    if (!createDatabase(database, &error))
        return Error { error };
    Result<std::unique_ptr<TeamDatabase>> db = open(database, TeamDatabase::Purpose::Initialise);
    if (!db)
        return db;
    if (Status done = TeamSchema::initialise(**db, timeZone); !done)
        return Error { done.error() };
    return open(database);
}

} // namespace tenure::test
