#pragma once

#include "team/TeamDatabase.h"
#include "team/TeamLocation.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace tenure::test {

// A throwaway PostgreSQL cluster for one test process: initdb in a temporary folder (as the
// `postgres` user when the tests run as root, since PostgreSQL refuses to run as root), a private
// port on 127.0.0.1 with password (SCRAM) authentication, stopped and removed with the object.
// A test process that crashes or is killed leaves no server behind: a watcher started with the
// server stops it and removes its folder once the process is gone (a lock it held is released).
class PgCluster
{
public:
    PgCluster();
    ~PgCluster();

    // Before start(): makes a throwaway CA and a server certificate for localhost and 127.0.0.1
    // signed by it (and a second CA that signed nothing), and has the server offer TLS with it.
    bool enableTls(QString* error);
    // The server's certificate from now on: "expired.crt" (expired), "elsewhere.crt" (for another
    // host), "valid.crt" (the one enableTls made). Made by enableTls.
    bool serveCertificate(const QString& name, QString* error);
    QString caFile() const { return m_dir.filePath(QStringLiteral("tls/ca.crt")); }
    QString otherCaFile() const { return m_dir.filePath(QStringLiteral("tls/other-ca.crt")); }

    // Starts the cluster; false with the reason in `error` when it cannot.
    bool start(QString* error);
    void stop();
    // Starts a stopped cluster again, on the same port with the same data (a server restart).
    bool resume(QString* error);
    bool isRunning() const { return m_running; }

    int port() const { return m_port; }
    QString folder() const { return m_dir.path(); } // the cluster's data, socket and log are in it
    static QString superuser() { return QStringLiteral("tenure_super"); }
    static QString superPassword() { return QStringLiteral("super-secret-7"); }

    // A location on this cluster.
    TeamLocation location(const QString& database, const QString& user = superuser()) const;
    // A new empty database (dropped first if it exists).
    bool createDatabase(const QString& name, QString* error);
    // A backup as an admin makes one (`pg_dump -Fc`, as the superuser), and its restore as
    // docs/team.md tells: the database dropped (its sessions ended), created empty, `pg_restore`.
    bool dump(const QString& database, const QString& file, QString* error) const;
    bool restore(const QString& database, const QString& file, QString* error);
    // Signs in as the superuser, or as `user` with `password`.
    Result<std::unique_ptr<TeamDatabase>>
    open(const QString& database, TeamDatabase::Purpose purpose = TeamDatabase::Purpose::Use) const;
    Result<std::unique_ptr<TeamDatabase>> openAs(const QString& database, const QString& user,
                                                 const QString& password) const;
    // A prepared team workspace: created, initialised, with the time zone given.
    Result<std::unique_ptr<TeamDatabase>> createWorkspace(const QString& database,
                                                          const QByteArray& timeZone = "Asia/Tokyo");

    // Where PostgreSQL's programs are (the newest version installed), or empty.
    static QString binDir();
    // For QSKIP/QFAIL: in CI the team tests are never skipped.
    static bool mustRun() { return !qEnvironmentVariableIsEmpty("CI"); }

private:
    bool launch(int port, QString* error);
    bool watch(); // starts the watcher, detached
    int run(const QString& program, const QStringList& arguments, QString* output) const;
    // Runs a client program of PostgreSQL's as this process's user, signed in as the superuser.
    bool runClient(const QString& program, const QStringList& arguments, QString* error) const;

    QTemporaryDir m_dir;
    QString m_bin;
    int m_port = 0;
    bool m_running = false;
    int m_lock = -1; // held while the cluster may run: its watcher waits for it
    QString m_tlsOptions;
};

} // namespace tenure::test

// Starts `cluster` in a test's initTestCase(): a cluster that cannot start fails the test in CI
// (where the team tests never skip) and skips it elsewhere, with the reason.
#define TENURE_START_PG_CLUSTER(cluster, startedWell)                                                        \
    do {                                                                                                     \
        QString pgError;                                                                                     \
        if (!(startedWell)) {                                                                                \
            if (tenure::test::PgCluster::mustRun())                                                          \
                QFAIL(qPrintable(QStringLiteral("PostgreSQL did not start: ") + pgError));                   \
            QSKIP(qPrintable(QStringLiteral("PostgreSQL did not start: ") + pgError));                       \
        }                                                                                                    \
    } while (false)
