// Team workspaces against a real PostgreSQL: init, roles enforced by the server, members, and the
// messages for every way opening can fail. The log's own guarantees are TestTeamLog's.
#include "PgCluster.h"
#include "TeamTestQueries.h"
#include "team/TeamDatabase.h"
#include "team/TeamMembers.h"
#include "team/TeamSchema.h"
#include "team/TeamStats.h"

#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace tenure;
using tenure::test::accepted;
using tenure::test::PgCluster;

class TestTeamWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.enableTls(&pgError) && m_cluster.start(&pgError));
    }

    void initPreparesAnEmptyDatabase()
    {
        Result<std::unique_ptr<TeamDatabase>> db
            = m_cluster.createWorkspace(QStringLiteral("fresh"), "Asia/Tokyo");
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        QCOMPARE((*db)->schemaVersion(), TeamSchema::currentVersion());
        const Result<WorkspaceStats> stats = loadTeamStats(**db);
        QVERIFY(stats.ok());
        QCOMPARE(stats->accounts, 0);
        QCOMPARE(stats->events, 0);
        QCOMPARE(stats->timeZone, QStringLiteral("Asia/Tokyo"));
        // Every table a workspace file has for its data is here (the engine's read side included).
        for (const char* table :
             { "events", "accounts", "outcomes", "account_keys", "sources", "source_state", "rule_sets",
               "actions", "action_history", "account_notes", "settings", "account_status", "history_months",
               "history_days", "agg_activity", "engine_state", "team_members" }) {
            const Result<QVariant> exists = (*db)->scalar(QStringLiteral("SELECT to_regclass(?) IS NOT NULL"),
                                                          { QString::fromLatin1(table) });
            QVERIFY(exists.ok());
            QVERIFY2(exists->toBool(), table);
        }
    }

    void initRefusesADatabaseInUse()
    {
        QString error;
        QVERIFY2(m_cluster.createDatabase(QStringLiteral("crm"), &error), qPrintable(error));
        Result<std::unique_ptr<TeamDatabase>> db
            = m_cluster.open(QStringLiteral("crm"), TeamDatabase::Purpose::Initialise);
        QVERIFY(db.ok());
        QVERIFY(accepted(**db, QStringLiteral("CREATE TABLE contacts (id int)")));
        const Status done = TeamSchema::initialise(**db, "UTC");
        QVERIFY(!done.ok());
        QVERIFY2(done.error().contains(QStringLiteral("not empty")), qPrintable(done.error()));
        // Nothing was written.
        QCOMPARE((*db)->scalar(QStringLiteral("SELECT to_regclass('public.tenure_meta') IS NULL"))->toBool(),
                 true);
        QCOMPARE((*db)->scalar(QStringLiteral("SELECT to_regclass('public.events') IS NULL"))->toBool(),
                 true);

        // ...and says so for a workspace already prepared.
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(QStringLiteral("twice"));
        QVERIFY(team.ok());
        const Status again = TeamSchema::initialise(**team, "UTC");
        QVERIFY(!again.ok());
        QVERIFY2(again.error().contains(QStringLiteral("already")), qPrintable(again.error()));
    }

    void openingSaysWhatIsWrong()
    {
        // A database that is not a workspace.
        QString error;
        QVERIFY(m_cluster.createDatabase(QStringLiteral("other"), &error));
        Result<std::unique_ptr<TeamDatabase>> db = m_cluster.open(QStringLiteral("other"));
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QStringLiteral("not a Tenure team workspace")), qPrintable(db.error()));
        QVERIFY2(db.error().contains(QStringLiteral("127.0.0.1:%1").arg(m_cluster.port())),
                 qPrintable(db.error()));

        // A workspace of a newer Tenure.
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(QStringLiteral("newer"));
        QVERIFY(team.ok());
        QVERIFY(accepted(**team,
                         QStringLiteral("UPDATE tenure_meta SET value = '99' WHERE key = 'schema_version'")));
        db = m_cluster.open(QStringLiteral("newer"));
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QStringLiteral("newer version")), qPrintable(db.error()));

        // A database that does not exist.
        db = m_cluster.open(QStringLiteral("missing"));
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QStringLiteral("does not exist")), qPrintable(db.error()));

        // A wrong password: the cause, the server, and never the password.
        db = TeamDatabase::open(m_cluster.location(QStringLiteral("newer")), TeamDatabase::Purpose::Use,
                                QStringLiteral("wrong-horse-battery"));
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QStringLiteral("refused the password")), qPrintable(db.error()));
        QVERIFY2(db.error().contains(QStringLiteral("127.0.0.1:%1").arg(m_cluster.port())),
                 qPrintable(db.error()));
        QVERIFY(!db.error().contains(QStringLiteral("wrong-horse-battery")));

        // No password at all (none typed, none in the keychain, ~/.pgpass or PGPASSWORD): said so,
        // not called a wrong one.
        {
            QTemporaryDir home;
            const QByteArray pgpass = qgetenv("PGPASSFILE");
            qputenv("PGPASSFILE", home.filePath(QStringLiteral("none")).toUtf8());
            const QByteArray given = qgetenv("PGPASSWORD");
            qunsetenv("PGPASSWORD");
            qputenv("TENURE_NO_KEYCHAIN", "1");
            db = TeamDatabase::open(m_cluster.location(QStringLiteral("newer")));
            qunsetenv("TENURE_NO_KEYCHAIN");
            if (!given.isEmpty())
                qputenv("PGPASSWORD", given);
            if (pgpass.isEmpty())
                qunsetenv("PGPASSFILE");
            else
                qputenv("PGPASSFILE", pgpass);
            QVERIFY(!db.ok());
            QVERIFY2(db.error().contains(
                         QStringLiteral("no password was given for user \"%1\"").arg(PgCluster::superuser())),
                     qPrintable(db.error()));
        }

        // Nobody listening.
        TeamLocation closed = m_cluster.location(QStringLiteral("newer"));
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closed.port = probe.serverPort();
        probe.close();
        db = TeamDatabase::open(closed, TeamDatabase::Purpose::Use, PgCluster::superPassword());
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QStringLiteral("refused the connection")), qPrintable(db.error()));

        // A host nobody knows.
        TeamLocation unknown = m_cluster.location(QStringLiteral("newer"));
        unknown.host = QStringLiteral("no-such-host.invalid");
        db = TeamDatabase::open(unknown, TeamDatabase::Purpose::Use, PgCluster::superPassword());
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QStringLiteral("no-such-host.invalid")), qPrintable(db.error()));
        QVERIFY2(db.error().contains(QStringLiteral("not known")), qPrintable(db.error()));
    }

    void tlsIsVerified()
    {
        QVERIFY(m_cluster.createWorkspace(QStringLiteral("tls")).ok());
        TeamLocation location = m_cluster.location(QStringLiteral("tls"));
        location.host = QStringLiteral("localhost");
        location.sslMode = QStringLiteral("verify-full");
        location.sslRootCert = m_cluster.caFile();
        Result<std::unique_ptr<TeamDatabase>> db
            = TeamDatabase::open(location, TeamDatabase::Purpose::Use, PgCluster::superPassword());
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        QCOMPARE((*db)
                     ->scalar(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
                     ->toBool(),
                 true);

        // A certificate signed by a CA the location does not trust is refused, with that cause
        // (libpq says only "certificate verify failed": TeamTls says why).
        location.sslRootCert = m_cluster.otherCaFile();
        db = TeamDatabase::open(location, TeamDatabase::Purpose::Use, PgCluster::superPassword());
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QStringLiteral("(issued by Tenure test CA) is not signed by a CA in %1")
                                         .arg(location.sslRootCert)),
                 qPrintable(db.error()));
        QVERIFY2(db.error().contains(QStringLiteral("localhost:%1").arg(m_cluster.port())),
                 qPrintable(db.error()));
        location.sslRootCert = m_cluster.caFile();

        // An expired certificate, and one for another host: each says so, and when or for whom.
        QString error;
        auto restore = qScopeGuard([this] { // the next tests' certificate, whatever happens here
            QString ignored;
            m_cluster.serveCertificate(QStringLiteral("valid.crt"), &ignored);
        });
        QVERIFY2(m_cluster.serveCertificate(QStringLiteral("expired.crt"), &error), qPrintable(error));
        db = TeamDatabase::open(location, TeamDatabase::Purpose::Use, PgCluster::superPassword());
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QRegularExpression(QStringLiteral(
                     ": its TLS certificate expired on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC; "))),
                 qPrintable(db.error()));
        QVERIFY2(m_cluster.serveCertificate(QStringLiteral("elsewhere.crt"), &error), qPrintable(error));
        db = TeamDatabase::open(location, TeamDatabase::Purpose::Use, PgCluster::superPassword());
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(
                     QStringLiteral("its TLS certificate is for db.elsewhere.example, not for localhost")),
                 qPrintable(db.error()));
        // For another host and from a CA the location does not trust: the CA is named, first.
        location.sslRootCert = m_cluster.otherCaFile();
        db = TeamDatabase::open(location, TeamDatabase::Purpose::Use, PgCluster::superPassword());
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QStringLiteral("is not signed by a CA in")), qPrintable(db.error()));
        location.sslRootCert = m_cluster.caFile();
        // sslmode=verify-ca checks the CA, not the name: that one connects.
        location.sslMode = QStringLiteral("verify-ca");
        db = TeamDatabase::open(location, TeamDatabase::Purpose::Use, PgCluster::superPassword());
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        db = Error { QString() };
        location.sslMode = QStringLiteral("verify-full");
        restore.dismiss();
        QVERIFY2(m_cluster.serveCertificate(QStringLiteral("valid.crt"), &error), qPrintable(error));
        db = TeamDatabase::open(location, TeamDatabase::Purpose::Use, PgCluster::superPassword());
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));

        // A CA file that is not there says so, on one line, without advice to stop verifying.
        location.sslRootCert = m_cluster.caFile() + QStringLiteral(".missing");
        db = TeamDatabase::open(location, TeamDatabase::Purpose::Use, PgCluster::superPassword());
        QVERIFY(!db.ok());
        QVERIFY2(
            db.error().contains(QStringLiteral("the CA file %1 does not exist").arg(location.sslRootCert)),
            qPrintable(db.error()));
        QVERIFY2(!db.error().contains(QLatin1Char('\n')), qPrintable(db.error()));
    }

    void rolesAreEnforcedByTheServer_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("allowed");
        const auto row = [](const char* role, const char* sql, bool allowed) {
            QTest::addRow("%s: %s", role, sql)
                << QString::fromLatin1(role) << QString::fromLatin1(sql) << allowed;
        };
        const char* saveRules = "INSERT INTO rule_sets VALUES (7, 'mine', '{}', 0, 'me')";
        const char* appendEvent
            = "INSERT INTO events (source, external_id, account_id, name, occurred_at, "
              "received_at) VALUES ('api', md5(random()::text), 'A-1', 'login', 1767225600000, 1)";
        // csm: reads everything, writes the team's own work.
        row("csm", "SELECT count(*) FROM accounts", true);
        row("csm", "SELECT count(*) FROM status_history", true);
        row("csm", "UPDATE actions SET status = 'done', updated_at = 2 WHERE id = 1", true);
        row("csm", "INSERT INTO action_history (action_id, at, author, kind) VALUES (1, 2, 'Misaki', 'done')",
            true);
        row("csm",
            "INSERT INTO account_notes (account_id, at, author, text) VALUES ('A-1', 2, 'Misaki', 'hi')",
            true);
        row("csm",
            "INSERT INTO outcomes (account_id, kind, occurred_on, source, external_id) "
            "VALUES ('A-1', 'renewed', '2026-12-01', 'csm', 'o1')",
            true);
        row("csm", saveRules, false);
        row("csm", appendEvent, false);
        row("csm", "DELETE FROM events", false);
        row("csm", "UPDATE actions SET updated_by = 'boss' WHERE id = 1", false);
        row("csm", "UPDATE actions SET version = 1 WHERE id = 1", false);
        row("csm", "UPDATE actions SET priority = 99 WHERE id = 1", false);
        row("admin", "INSERT INTO team_members (login, display_name, role) VALUES ('eve', 'Eve', 'admin')",
            false);
        row("admin", "SELECT count(*) FROM team_logins", false);
        row("csm", "UPDATE accounts SET owner = 'me'", false);
        row("csm", "INSERT INTO sources VALUES ('mine', 'connector', '{}', 0)", false);
        row("csm", "UPDATE settings SET value = 'UTC'", false);
        row("csm", "DELETE FROM account_status", false);
        row("csm", "SELECT tenure_add_member('eve', 'Eve', 'admin', NULL)", false);
        // ingest: appends and moves cursors, reads nothing of the portfolio.
        row("ingest", appendEvent, true);
        row("ingest", "SELECT count(*) FROM sources", true);
        row("ingest", "UPDATE source_state SET updated_at = 3", true);
        row("ingest", "SELECT count(*) FROM accounts", false);
        row("ingest", "SELECT count(*) FROM account_notes", false);
        row("ingest", "UPDATE actions SET status = 'done'", false);
        row("ingest", saveRules, false);
        // admin: rules, master data, sources.
        row("admin", saveRules, true);
        row("admin", "UPDATE accounts SET owner = 'Misaki'", true);
        row("admin", "INSERT INTO sources VALUES ('crm', 'csv', '{}', 0)", true);
        row("admin", appendEvent, true);
        row("admin", "DELETE FROM events", false);
    }

    void rolesAreEnforcedByTheServer()
    {
        QFETCH(QString, role);
        QFETCH(QString, sql);
        QFETCH(bool, allowed);
        if (!m_rolesReady) {
            Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(QStringLiteral("roles"));
            QVERIFY(team.ok());
            TeamDatabase& super = **team;
            for (const char* sql : { "INSERT INTO sources VALUES ('api', 'connector', '{}', 0)",
                                     "INSERT INTO source_state VALUES ('api', '{\"cursor\": 1}', 0)",
                                     "INSERT INTO accounts (id, name, updated_at) VALUES ('A-1', 'Acme', 0)",
                                     "INSERT INTO actions (account_id, trigger, status, priority, reason, "
                                     "created_at, updated_at) "
                                     "VALUES ('A-1', 'bad_band', 'open', 1, 'Bad', 0, 0)" })
                QVERIFY2(accepted(super, QString::fromLatin1(sql)), sql);
            TeamMembers members(super);
            QVERIFY(members
                        .add(QStringLiteral("misaki"), QStringLiteral("高橋 美咲"), QStringLiteral("csm"),
                             QStringLiteral("pw-csm"))
                        .ok());
            QVERIFY(members
                        .add(QStringLiteral("puller"), QStringLiteral("Server puller"),
                             QStringLiteral("ingest"), QStringLiteral("pw-ingest"))
                        .ok());
            QVERIFY(members
                        .add(QStringLiteral("boss"), QStringLiteral("Boss"), QStringLiteral("admin"),
                             QStringLiteral("pw-admin"))
                        .ok());
            m_rolesReady = true;
        }
        static const QHash<QString, QPair<QString, QString>> logins {
            { QStringLiteral("csm"), { QStringLiteral("misaki"), QStringLiteral("pw-csm") } },
            { QStringLiteral("ingest"), { QStringLiteral("puller"), QStringLiteral("pw-ingest") } },
            { QStringLiteral("admin"), { QStringLiteral("boss"), QStringLiteral("pw-admin") } },
        };
        Result<std::unique_ptr<TeamDatabase>> db
            = m_cluster.openAs(QStringLiteral("roles"), logins[role].first, logins[role].second);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        QVERIFY((*db)->member().has_value());
        QCOMPARE((*db)->member()->role, role);
        QString error;
        const bool done = accepted(**db, sql, &error);
        QVERIFY2(
            done == allowed,
            qPrintable(
                QStringLiteral("%1 as %2: %3").arg(sql, role, done ? QStringLiteral("accepted") : error)));
        if (!allowed)
            QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
    }

    void theServerSaysWhoDidIt()
    {
        Result<std::unique_ptr<TeamDatabase>> misaki
            = m_cluster.openAs(QStringLiteral("roles"), QStringLiteral("misaki"), QStringLiteral("pw-csm"));
        QVERIFY(misaki.ok());
        // A history row cannot claim another login (schema 9: a CSM does not write that column at
        // all); it is stored with the one that wrote it.
        QString error;
        QVERIFY(!accepted(**misaki,
                          QStringLiteral("INSERT INTO action_history (action_id, at, author, kind, login) "
                                         "VALUES (1, 9, 'Misaki', 'note', 'boss')"),
                          &error));
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        QVERIFY(accepted(**misaki,
                         QStringLiteral("INSERT INTO action_history (action_id, at, author, kind) "
                                        "VALUES (1, 9, 'Misaki', 'note')")));
        QCOMPARE(
            (*misaki)->scalar(QStringLiteral("SELECT login FROM action_history WHERE at = 9"))->toString(),
            QStringLiteral("misaki"));
        const int before
            = (*misaki)->scalar(QStringLiteral("SELECT version FROM actions WHERE id = 1"))->toInt();
        QVERIFY(accepted(**misaki, QStringLiteral("UPDATE actions SET owner = 'me' WHERE id = 1")));
        QCOMPARE((*misaki)->scalar(QStringLiteral("SELECT version FROM actions WHERE id = 1"))->toInt(),
                 before + 1);
        QCOMPARE((*misaki)->scalar(QStringLiteral("SELECT updated_by FROM actions WHERE id = 1"))->toString(),
                 QStringLiteral("misaki"));
    }

    void anAppenderTakesTheLogLockWithoutAsking()
    {
        Result<std::unique_ptr<TeamDatabase>> puller = m_cluster.openAs(
            QStringLiteral("roles"), QStringLiteral("puller"), QStringLiteral("pw-ingest"));
        QVERIFY(puller.ok());
        QVERIFY((*puller)->begin().ok());
        QVERIFY(accepted(**puller,
                         QStringLiteral("INSERT INTO events (source, external_id, account_id, name, "
                                        "occurred_at, received_at) VALUES ('api', 'no-lock-asked', 'A-1', "
                                        "'login', 1767225600000, 1)")));
        const Result<QVariant> held = (*puller)->scalar(
            QStringLiteral(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND "
                "classid = ? AND objid = ?"),
            { qint64(quint64(TeamSchema::kLogLock) >> 32),
              qint64(quint64(TeamSchema::kLogLock) & 0xffffffffu) });
        QVERIFY(held.ok());
        QCOMPARE(held->toInt(), 1);
        (*puller)->rollback();
        // What a workspace would refuse, the server refuses too: the log stays scoreable.
        QString error;
        QVERIFY(!accepted(**puller,
                          QStringLiteral("INSERT INTO events (source, external_id, account_id, name, "
                                         "occurred_at, received_at) VALUES ('api', 'seconds', 'A-1', "
                                         "'login', 1767225600, 1)"),
                          &error));
        QVERIFY2(error.contains(QStringLiteral("check constraint")), qPrintable(error));
        QVERIFY(!accepted(**puller,
                          QStringLiteral("INSERT INTO events (source, external_id, account_id, name, "
                                         "occurred_at, received_at, properties) VALUES ('api', 'array', "
                                         "'A-1', 'login', 1767225600000, 1, '[1]')"),
                          &error));
        QVERIFY2(error.contains(QStringLiteral("check constraint")), qPrintable(error));
    }

    void anAdminCannotTakeOverALogin()
    {
        Result<std::unique_ptr<TeamDatabase>> owner = m_cluster.open(QStringLiteral("roles"));
        QVERIFY(owner.ok());
        QVERIFY(
            accepted(**owner,
                     QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                                    "'otherapp') THEN CREATE ROLE otherapp LOGIN PASSWORD 'theirs'; END IF; "
                                    "END $$")));
        Result<std::unique_ptr<TeamDatabase>> boss
            = m_cluster.openAs(QStringLiteral("roles"), QStringLiteral("boss"), QStringLiteral("pw-admin"));
        QVERIFY(boss.ok());
        TeamMembers members(**boss);
        // A login made elsewhere: not an admin's to bring in, with or without a password.
        Status refused = members.add(QStringLiteral("otherapp"), QStringLiteral("X"), QStringLiteral("csm"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("only the workspace owner")),
                 qPrintable(refused.error()));
        refused = members.add(QStringLiteral("otherapp"), QStringLiteral("X"), QStringLiteral("csm"),
                              QStringLiteral("mine"));
        QVERIFY(!refused.ok());
        // The owner itself.
        refused = members.add(PgCluster::superuser(), QStringLiteral("X"), QStringLiteral("csm"),
                              QStringLiteral("mine"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("cannot be a member")), qPrintable(refused.error()));
        // Both still sign in with their own passwords (the outsider where it may connect: only
        // members connect to a team's database).
        QVERIFY(TeamDatabase::open(m_cluster.location(QStringLiteral("postgres"), QStringLiteral("otherapp")),
                                   TeamDatabase::Purpose::Initialise, QStringLiteral("theirs"))
                    .ok());
        QVERIFY(m_cluster.open(QStringLiteral("roles")).ok());
        // The engine's login of docs/team.md is an ordinary new member.
        QVERIFY(members
                    .add(QStringLiteral("tenure_engine"), QStringLiteral("Team engine"),
                         QStringLiteral("admin"), QStringLiteral("pw-engine"))
                    .ok());
        QVERIFY(
            m_cluster
                .openAs(QStringLiteral("roles"), QStringLiteral("tenure_engine"), QStringLiteral("pw-engine"))
                .ok());
    }

    void noSecretsLiveInTheDatabase()
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.open(QStringLiteral("roles"));
        QVERIFY(team.ok());
        const Result<QVariant> columns = (*team)->scalar(
            QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' "
                           "AND column_name ~* '(secret|token|password|api_key)'"));
        QVERIFY(columns.ok());
        QCOMPARE(columns->toInt(), 0);
    }

    void membersAreAddedListedAndRemoved()
    {
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(QStringLiteral("members"));
        QVERIFY(team.ok());
        TeamMembers members(**team);
        QVERIFY(members
                    .add(QStringLiteral("takahashi"), QStringLiteral("高橋 美咲"), QStringLiteral("csm"),
                         QStringLiteral("pw-t"))
                    .ok());
        QVERIFY(members
                    .add(QStringLiteral("sato"), QStringLiteral("佐藤 花子"), QStringLiteral("admin"),
                         QStringLiteral("pw-s"))
                    .ok());
        Result<QList<TeamDatabase::Member>> list = members.list();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 2);
        QStringList names;
        for (const TeamDatabase::Member& member : *list)
            names << member.displayName + QLatin1Char('/') + member.role;
        QVERIFY2(names.contains(QStringLiteral("高橋 美咲/csm")), qPrintable(names.join(QLatin1Char(','))));
        QVERIFY2(names.contains(QStringLiteral("佐藤 花子/admin")), qPrintable(names.join(QLatin1Char(','))));

        // The signed-in member knows who they are.
        Result<std::unique_ptr<TeamDatabase>> misaki = m_cluster.openAs(
            QStringLiteral("members"), QStringLiteral("takahashi"), QStringLiteral("pw-t"));
        QVERIFY(misaki.ok());
        QCOMPARE((*misaki)->member()->displayName, QStringLiteral("高橋 美咲"));

        // A role change replaces the role, it does not add one.
        QVERIFY(members.add(QStringLiteral("takahashi"), QStringLiteral("高橋 美咲"), QStringLiteral("admin"))
                    .ok());
        misaki = m_cluster.openAs(QStringLiteral("members"), QStringLiteral("takahashi"),
                                  QStringLiteral("pw-t"));
        QVERIFY(misaki.ok());
        QCOMPARE((*misaki)->member()->role, QStringLiteral("admin"));
        QVERIFY(members.add(QStringLiteral("takahashi"), QStringLiteral("高橋 美咲"), QStringLiteral("csm"))
                    .ok());

        // An admin adds members through the workspace's functions, without CREATEROLE of its own.
        Result<std::unique_ptr<TeamDatabase>> sato
            = m_cluster.openAs(QStringLiteral("members"), QStringLiteral("sato"), QStringLiteral("pw-s"));
        QVERIFY(sato.ok());
        QVERIFY(TeamMembers(**sato)
                    .add(QStringLiteral("kenji"), QStringLiteral("Kenji"), QStringLiteral("csm"))
                    .ok());
        // A CSM cannot.
        const Status refused = TeamMembers(**misaki).add(QStringLiteral("eve"), QStringLiteral("Eve"),
                                                         QStringLiteral("admin"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("permission denied")), qPrintable(refused.error()));

        // A login from outside the team keeps its password.
        QVERIFY(accepted(**team, QStringLiteral("CREATE ROLE outsider LOGIN PASSWORD 'theirs'")));
        const Status hijack = members.add(QStringLiteral("outsider"), QStringLiteral("Out"),
                                          QStringLiteral("csm"), QStringLiteral("mine"));
        QVERIFY(!hijack.ok());
        QVERIFY2(hijack.error().contains(QStringLiteral("outside this team")), qPrintable(hijack.error()));
        QVERIFY(TeamDatabase::open(m_cluster.location(QStringLiteral("postgres"), QStringLiteral("outsider")),
                                   TeamDatabase::Purpose::Initialise, QStringLiteral("theirs"))
                    .ok());
        // ...and, not a member, cannot connect to the workspace.
        const Result<std::unique_ptr<TeamDatabase>> stranger = m_cluster.openAs(
            QStringLiteral("members"), QStringLiteral("outsider"), QStringLiteral("theirs"));
        QVERIFY(!stranger.ok());
        QVERIFY2(stranger.error().contains(QStringLiteral("\"outsider\" is not a member")),
                 qPrintable(stranger.error()));

        // Removed: the login may sign in elsewhere, but no longer connects here.
        QVERIFY(members.remove(QStringLiteral("takahashi")).ok());
        misaki = m_cluster.openAs(QStringLiteral("members"), QStringLiteral("takahashi"),
                                  QStringLiteral("pw-t"));
        QVERIFY(!misaki.ok());
        QVERIFY2(misaki.error().contains(QStringLiteral("\"takahashi\" is not a member")),
                 qPrintable(misaki.error()));
        const Status again = members.remove(QStringLiteral("takahashi"));
        QVERIFY(!again.ok());
        QVERIFY2(again.error().contains(QStringLiteral("not a member")), qPrintable(again.error()));
    }

private:
    PgCluster m_cluster;
    bool m_rolesReady = false;
};

QTEST_GUILESS_MAIN(TestTeamWorkspace)
#include "TestTeamWorkspace.moc"
