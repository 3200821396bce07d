// What a member cannot do beyond their role, whatever SQL they send (schema 9): read other CSMs'
// accounts through a function of their own, choose the ids of notes, history rows and outcomes,
// be made a member with rights of their own, or connect at all once they are not a member; and a
// database whose schema public every login may write is refused.
#include "PgCluster.h"
#include "TeamTestQueries.h"
#include "TestSupport.h"
#include "team/TeamAccess.h"
#include "team/TeamDatabase.h"
#include "team/TeamDeskSync.h"
#include "team/TeamEngine.h"
#include "team/TeamMembers.h"
#include "team/TeamSchema.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tenure;
using tenure::test::accepted;
using tenure::test::count;
using tenure::test::PgCluster;
using tenure::test::rows;

namespace {

const QString kDb = QStringLiteral("limits");

QString errorOf(const Result<std::unique_ptr<TeamDatabase>>& opened)
{
    return opened.ok() ? QString() : opened.error();
}

// Whether `login` connects to `database` at all (a member or not: nothing of the workspace read).
bool connects(const PgCluster& cluster, const QString& database, const QString& login,
              const QString& password)
{
    return TeamDatabase::open(cluster.location(database, login), TeamDatabase::Purpose::Initialise, password)
        .ok();
}

} // namespace

class TestTeamRoleLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(kDb, "UTC");
        QVERIFY2(team.ok(), qPrintable(errorOf(team)));
        m_owner = std::move(team).value();
        TeamDatabase& owner = *m_owner;
        for (const char* sql : {
                 "INSERT INTO accounts (id, name, owner, updated_at) VALUES ('A-mine', 'Mine', 'Misaki', 0), "
                 "('A-theirs', 'Theirs', 'Kenji', 0)",
                 "INSERT INTO history_months (account_id, month, legend, days) VALUES "
                 "('A-mine', '2026-11', '[[\"Adoption\", \"Good\"]]', '[[0, 80]]'), "
                 "('A-theirs', '2026-11', '[[\"Adoption\", \"Bad\"]]', '[[0, 20]]')",
                 "INSERT INTO actions (account_id, trigger, status, priority, reason, created_at, "
                 "updated_at) "
                 "VALUES ('A-mine', 'band_bad', 'open', 1, '{}', 0, 0)",
             })
            QVERIFY2(accepted(owner, QString::fromUtf8(sql)), sql);
        TeamMembers members(owner);
        QVERIFY(members
                    .add(QStringLiteral("lim_misaki"), QStringLiteral("Misaki"), QStringLiteral("csm"),
                         QStringLiteral("pw-m"))
                    .ok());
        QVERIFY(members
                    .add(QStringLiteral("lim_kenji"), QStringLiteral("Kenji"), QStringLiteral("csm"),
                         QStringLiteral("pw-k"))
                    .ok());
        QVERIFY(members
                    .add(QStringLiteral("lim_boss"), QStringLiteral("Boss"), QStringLiteral("admin"),
                         QStringLiteral("pw-b"))
                    .ok());
        QVERIFY(TeamAccess::setOwnAccountsOnly(owner, true).ok());
        // Logins of the cluster that are no members: one anybody could have, one that owns workspaces.
        QVERIFY(accepted(owner, QStringLiteral("CREATE ROLE lim_outsider LOGIN PASSWORD 'pw-o'")));
        QVERIFY(
            accepted(owner, QStringLiteral("CREATE ROLE lim_owner LOGIN CREATEROLE PASSWORD 'pw-owner'")));
    }

    // The history view filters by owner itself; as a security barrier its filter runs first, so a
    // CSM's own function in the query is handed only the CSM's accounts.
    void aCsmsFunctionSeesOnlyTheirAccounts()
    {
        Result<std::unique_ptr<TeamDatabase>> misaki
            = m_cluster.openAs(kDb, QStringLiteral("lim_misaki"), QStringLiteral("pw-m"));
        QVERIFY2(misaki.ok(), qPrintable(errorOf(misaki)));
        TeamDatabase& csm = **misaki;
        QVERIFY(accepted(csm, QStringLiteral("CREATE TEMP TABLE seen (id text)")));
        QString error;
        QVERIFY2(accepted(csm,
                          QStringLiteral("CREATE FUNCTION pg_temp.keep(id text) RETURNS boolean LANGUAGE "
                                         "plpgsql COST 0.0000001 AS $$ BEGIN INSERT INTO pg_temp.seen "
                                         "VALUES (id); RETURN true; END $$"),
                          &error),
                 qPrintable(error));
        QCOMPARE(
            count(csm, QStringLiteral("SELECT count(*) FROM status_history WHERE pg_temp.keep(account_id)")),
            1);
        QCOMPARE(rows(csm, QStringLiteral("SELECT DISTINCT id FROM pg_temp.seen")),
                 QStringList { QStringLiteral("A-mine") });
    }

    // Ids are the server's: a CSM who took one ahead of its sequence made the next note, history
    // row or outcome of anyone else (the engine's among them) fail.
    void aCsmCannotChooseIds()
    {
        Result<std::unique_ptr<TeamDatabase>> misaki
            = m_cluster.openAs(kDb, QStringLiteral("lim_misaki"), QStringLiteral("pw-m"));
        QVERIFY(misaki.ok());
        TeamDatabase& csm = **misaki;
        const qint64 action = count(*m_owner, QStringLiteral("SELECT min(id) FROM actions"));
        QString error;
        for (const QString& sql :
             { QStringLiteral("INSERT INTO account_notes (id, account_id, at, author, text) VALUES (1000, "
                              "'A-mine', 0, 'x', 'squat')"),
               QStringLiteral(
                   "INSERT INTO action_history (id, action_id, at, author, kind) VALUES (1000, %1, "
                   "0, 'x', 'note')")
                   .arg(action),
               QStringLiteral("INSERT INTO outcomes (id, account_id, kind, occurred_on, source, external_id) "
                              "VALUES (1000, 'A-mine', 'renewed', '2026-11-01', 'crm', 'o-1')"),
               QStringLiteral("UPDATE outcomes SET id = 1000"),
               QStringLiteral("SELECT nextval('account_notes_id_seq')") }) {
            QVERIFY2(!accepted(csm, sql, &error), qPrintable(sql));
            QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        }
        // What the desktops write still goes in, with ids from the server.
        for (const QString& sql :
             { QStringLiteral("INSERT INTO account_notes (account_id, at, author, text) VALUES ('A-mine', 1, "
                              "'x', 'a note')"),
               QStringLiteral(
                   "INSERT INTO action_history (action_id, at, author, kind, detail) VALUES (%1, 1, "
                   "'x', 'note', '')")
                   .arg(action),
               QStringLiteral(
                   "INSERT INTO outcomes (account_id, kind, occurred_on, amount, note, source, "
                   "external_id) VALUES ('A-mine', 'renewed', '2026-11-01', NULL, '', 'crm', 'o-1') "
                   "ON CONFLICT (source, external_id) DO NOTHING"),
               QStringLiteral("UPDATE outcomes SET note = 'checked' WHERE external_id = 'o-1'") })
            QVERIFY2(accepted(csm, sql, &error), qPrintable(sql + QLatin1Char(' ') + error));
        QCOMPARE(count(*m_owner, QStringLiteral("SELECT count(*) FROM account_notes WHERE id >= 1000")), 0);
    }

    // A member's password is an admin's to set: never that of a login with rights beyond a
    // member's, even one the team made and a DBA gave more since.
    void aLoginWithRightsOfItsOwnIsNoMember()
    {
        Result<std::unique_ptr<TeamDatabase>> boss
            = m_cluster.openAs(kDb, QStringLiteral("lim_boss"), QStringLiteral("pw-b"));
        QVERIFY(boss.ok());
        TeamMembers members(**boss);
        QVERIFY(members
                    .add(QStringLiteral("lim_temp"), QStringLiteral("Temp"), QStringLiteral("csm"),
                         QStringLiteral("pw-t"))
                    .ok());
        QVERIFY(members.remove(QStringLiteral("lim_temp")).ok());
        // The team made the login; removed, it is not a member, and an admin may add it again.
        QVERIFY(members
                    .add(QStringLiteral("lim_temp"), QStringLiteral("Temp"), QStringLiteral("csm"),
                         QStringLiteral("pw-t2"))
                    .ok());
        QVERIFY(members.remove(QStringLiteral("lim_temp")).ok());
        // Each right given, tried, then taken back (the owner's database is dropped).
        for (const char* grant :
             { "ALTER ROLE lim_temp CREATEROLE", "ALTER ROLE lim_temp NOCREATEROLE",
               "GRANT pg_read_all_data TO lim_temp", "REVOKE pg_read_all_data FROM lim_temp",
               "CREATE DATABASE lim_owned OWNER lim_temp", "DROP DATABASE lim_owned",
               "GRANT CONNECT ON DATABASE postgres TO lim_temp" }) {
            QVERIFY2(accepted(*m_owner, QString::fromLatin1(grant)), grant);
            if (QByteArray(grant).contains("NOCREATEROLE") || QByteArray(grant).startsWith("REVOKE")
                || QByteArray(grant).startsWith("DROP"))
                continue;
            const Status added = members.add(QStringLiteral("lim_temp"), QStringLiteral("Temp"),
                                             QStringLiteral("csm"), QStringLiteral("admin-chosen"));
            QVERIFY2(!added.ok(), grant);
            QVERIFY2(added.error().contains(QStringLiteral("rights of its own")), qPrintable(added.error()));
        }
        // Its password is still the one it had.
        QVERIFY(
            !TeamDatabase::open(m_cluster.location(QStringLiteral("postgres"), QStringLiteral("lim_temp")),
                                TeamDatabase::Purpose::Initialise, QStringLiteral("admin-chosen"))
                 .ok());
    }

    // Only members connect: a login of the cluster that is not one (a removed member too) cannot,
    // so it cannot take the engine's or the log's lock either.
    void onlyMembersConnect()
    {
        Result<std::unique_ptr<TeamDatabase>> outsider
            = m_cluster.openAs(kDb, QStringLiteral("lim_outsider"), QStringLiteral("pw-o"));
        QVERIFY(!outsider.ok());
        QVERIFY2(outsider.error().contains(QStringLiteral("\"lim_outsider\" is not a member")),
                 qPrintable(outsider.error()));

        QVERIFY(m_cluster.openAs(kDb, QStringLiteral("lim_kenji"), QStringLiteral("pw-k")).ok());
        QVERIFY(TeamMembers(*m_owner).remove(QStringLiteral("lim_kenji")).ok());
        Result<std::unique_ptr<TeamDatabase>> removed
            = m_cluster.openAs(kDb, QStringLiteral("lim_kenji"), QStringLiteral("pw-k"));
        QVERIFY(!removed.ok());
        QVERIFY2(removed.error().contains(QStringLiteral("\"lim_kenji\" is not a member")),
                 qPrintable(removed.error()));
    }

    // Only an admin's login is the team's engine: a CSM's engine, or `serve`, is refused before it
    // tries for the lock, which stays free for the admin's.
    void onlyAnAdminIsTheEngine()
    {
        QTemporaryDir dir;
        TeamEngine::Options options;
        options.replicaPath = dir.filePath(QStringLiteral("csm-engine.tenure"));
        TeamEngine csm(m_cluster.location(kDb, QStringLiteral("lim_misaki")), options,
                       QStringLiteral("pw-m"));
        const Result<bool> refused = csm.tryElect();
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(
                     QStringLiteral("lim_misaki is a member of the team workspace limits with "
                                    "the csm role")),
                 qPrintable(refused.error()));
        QVERIFY(!csm.isElected());

        QProcess serve;
        QProcessEnvironment environment = test::programEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("pw-m"));
        serve.setProcessEnvironment(environment);
        serve.start(QStringLiteral(TENURE_BIN_DIR "/tenure-cli"),
                    { QStringLiteral("serve"), QStringLiteral("--db"),
                      m_cluster.location(kDb, QStringLiteral("lim_misaki")).toUrl(),
                      QStringLiteral("--replica"), dir.filePath(QStringLiteral("serve.tenure")) });
        QVERIFY(serve.waitForFinished(30000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QVERIFY(serve.exitCode() != 0);
        const QString said = QString::fromUtf8(serve.readAllStandardError());
        QVERIFY2(said.contains(QStringLiteral("with the csm role")), qPrintable(said));

        options.replicaPath = dir.filePath(QStringLiteral("admin-engine.tenure"));
        TeamEngine admin(m_cluster.location(kDb, QStringLiteral("lim_boss")), options,
                         QStringLiteral("pw-b"));
        const Result<bool> elected = admin.tryElect();
        QVERIFY2(elected.ok() && *elected, qPrintable(elected.ok() ? QString() : elected.error()));
    }

    // A desktop whose member is removed notices at its next heartbeat (its session stays open, but
    // its role is gone), is told so, and stops trying: no retry mends it.
    void aRemovedMembersDesktopIsToldAndStopsTrying()
    {
        QVERIFY(TeamMembers(*m_owner)
                    .add(QStringLiteral("lim_ren"), QStringLiteral("Ren"), QStringLiteral("csm"),
                         QStringLiteral("pw-r"))
                    .ok());
        TeamDeskSync::Options options;
        options.heartbeatMs = 100;
        options.retryMs = 100;
        QTemporaryDir dir;
        TeamDeskSync sync(m_cluster.location(kDb, QStringLiteral("lim_ren")), QStringLiteral("pw-r"),
                          dir.filePath(QStringLiteral("desk.tenure")), options);
        QSignalSpy ready(&sync, &TeamDeskSync::ready);
        QSignalSpy lost(&sync, &TeamDeskSync::lost);
        QSignalSpy notAMember(&sync, &TeamDeskSync::notAMember);
        sync.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        QVERIFY(TeamMembers(*m_owner).remove(QStringLiteral("lim_ren")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(notAMember.count(), 1, 10000);
        QVERIFY2(
            notAMember.first().first().toString().contains(QStringLiteral("\"lim_ren\" is not a member")),
            qPrintable(notAMember.first().first().toString()));
        QCOMPARE(lost.count(), 1);
        QTest::qWait(600); // six retry intervals: none taken
        QCOMPARE(notAMember.count(), 1);
        sync.stop();
    }

    // A database made before PostgreSQL 15 lets every login create objects in its schema public,
    // where a member's function could stand in for one the owner's functions call. The upgrade of
    // a workspace whose owner owns that schema revokes it; a login that does not own the schema is
    // refused, with what the schema's owner runs, and after that goes through.
    void aSchemaPublicEveryoneWritesIsRefused()
    {
        QString error;
        QVERIFY2(m_cluster.createDatabase(QStringLiteral("legacy"), &error), qPrintable(error));
        {
            Result<std::unique_ptr<TeamDatabase>> legacy
                = m_cluster.open(QStringLiteral("legacy"), TeamDatabase::Purpose::Initialise);
            QVERIFY(legacy.ok());
            QVERIFY(TeamSchema::initialise(**legacy, "UTC", 8).ok());
            QVERIFY(accepted(**legacy, QStringLiteral("GRANT CREATE ON SCHEMA public TO PUBLIC")));
        }
        {
            Result<std::unique_ptr<TeamDatabase>> legacy
                = m_cluster.open(QStringLiteral("legacy"), TeamDatabase::Purpose::Upgrade);
            QVERIFY(legacy.ok());
            QVERIFY(TeamSchema::upgrade(**legacy).ok());
            QVERIFY(!(*legacy)
                         ->scalar(QStringLiteral("SELECT has_schema_privilege('public', 'public', 'CREATE')"))
                         ->toBool());
            // The upgrade from schema 8 also closed the database to non-members.
            QVERIFY(
                !(*legacy)
                     ->scalar(QStringLiteral("SELECT has_database_privilege('public', 'legacy', 'CONNECT')"))
                     ->toBool());
        }

        QVERIFY2(m_cluster.createDatabase(QStringLiteral("legacy2"), &error), qPrintable(error));
        QVERIFY(accepted(*m_owner, QStringLiteral("ALTER DATABASE legacy2 OWNER TO lim_owner")));
        Result<std::unique_ptr<TeamDatabase>> super
            = m_cluster.open(QStringLiteral("legacy2"), TeamDatabase::Purpose::Initialise);
        QVERIFY(super.ok());
        QVERIFY(
            accepted(**super, QStringLiteral("ALTER SCHEMA public OWNER TO %1").arg(PgCluster::superuser())));
        QVERIFY(accepted(**super, QStringLiteral("GRANT CREATE ON SCHEMA public TO PUBLIC")));
        Result<std::unique_ptr<TeamDatabase>> owner
            = TeamDatabase::open(m_cluster.location(QStringLiteral("legacy2"), QStringLiteral("lim_owner")),
                                 TeamDatabase::Purpose::Initialise, QStringLiteral("pw-owner"));
        QVERIFY2(owner.ok(), qPrintable(errorOf(owner)));
        const Status refused = TeamSchema::initialise(**owner, "UTC");
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("ALTER SCHEMA public OWNER TO lim_owner"))
                     && refused.error().contains(PgCluster::superuser()),
                 qPrintable(refused.error()));
        QCOMPARE(count(**owner, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")),
                 0);
        // What the message says, done by the schema's owner: init goes through, and closes the schema.
        QVERIFY(accepted(**super, QStringLiteral("ALTER SCHEMA public OWNER TO lim_owner")));
        const Status initialised = TeamSchema::initialise(**owner, "UTC");
        QVERIFY2(initialised.ok(), qPrintable(initialised.ok() ? QString() : initialised.error()));
        QVERIFY(!(*owner)
                     ->scalar(QStringLiteral("SELECT has_schema_privilege('public', 'public', 'CREATE')"))
                     ->toBool());
    }

    // A database another login owns stays open to every login: init says so, with the statements
    // its owner runs, which let the members and the workspace's owner in and nobody else.
    void aDatabaseOwnedByAnotherLoginIsSaidOpen()
    {
        QString error;
        QVERIFY2(m_cluster.createDatabase(QStringLiteral("notmine"), &error), qPrintable(error));
        Result<std::unique_ptr<TeamDatabase>> super
            = m_cluster.open(QStringLiteral("notmine"), TeamDatabase::Purpose::Initialise);
        QVERIFY(super.ok());
        QVERIFY(accepted(**super, QStringLiteral("ALTER SCHEMA public OWNER TO lim_owner")));
        Result<std::unique_ptr<TeamDatabase>> owner
            = TeamDatabase::open(m_cluster.location(QStringLiteral("notmine"), QStringLiteral("lim_owner")),
                                 TeamDatabase::Purpose::Initialise, QStringLiteral("pw-owner"));
        QVERIFY(owner.ok());
        QVERIFY(TeamSchema::initialise(**owner, "UTC").ok());
        QVERIFY(TeamMembers(**owner)
                    .add(QStringLiteral("lim_aoi"), QStringLiteral("Aoi"), QStringLiteral("csm"),
                         QStringLiteral("pw-a"))
                    .ok());
        const Result<QString> advice = TeamAccess::connectAdvice(**owner);
        QVERIFY(advice.ok());
        QVERIFY2(advice->contains(PgCluster::superuser())
                     && advice->contains(QStringLiteral("REVOKE CONNECT")),
                 qPrintable(advice.value()));
        QVERIFY(connects(m_cluster, QStringLiteral("notmine"), QStringLiteral("lim_outsider"),
                         QStringLiteral("pw-o")));
        // In, but no member: told so, as at a closed door.
        const Result<std::unique_ptr<TeamDatabase>> stranger = m_cluster.openAs(
            QStringLiteral("notmine"), QStringLiteral("lim_outsider"), QStringLiteral("pw-o"));
        QVERIFY(!stranger.ok());
        QVERIFY2(stranger.error().contains(QStringLiteral("\"lim_outsider\" is not a member")),
                 qPrintable(stranger.error()));
        // The statements, as the database's owner runs them.
        const QString statements = advice->mid(advice->indexOf(QStringLiteral("REVOKE CONNECT")));
        for (const QString& statement : statements.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            QVERIFY2(accepted(**super, statement.trimmed()), qPrintable(statement));
        QVERIFY(m_cluster.openAs(QStringLiteral("notmine"), QStringLiteral("lim_aoi"), QStringLiteral("pw-a"))
                    .ok());
        QVERIFY(TeamDatabase::open(m_cluster.location(QStringLiteral("notmine"), QStringLiteral("lim_owner")),
                                   TeamDatabase::Purpose::Use, QStringLiteral("pw-owner"))
                    .ok());
        QVERIFY(!connects(m_cluster, QStringLiteral("notmine"), QStringLiteral("lim_outsider"),
                          QStringLiteral("pw-o")));
        QCOMPARE(TeamAccess::connectAdvice(**owner).value(), QString());
        // Restored without its privileges, then upgraded by a superuser (who has the database
        // owner's rights): closed again, and the workspace's owner keeps its way in.
        QVERIFY(accepted(**super, QStringLiteral("GRANT CONNECT ON DATABASE notmine TO PUBLIC")));
        QVERIFY(accepted(**super,
                         QStringLiteral("REVOKE CONNECT, TEMPORARY ON DATABASE notmine FROM lim_owner")));
        Result<std::unique_ptr<TeamDatabase>> dba
            = m_cluster.open(QStringLiteral("notmine"), TeamDatabase::Purpose::Upgrade);
        QVERIFY(dba.ok());
        QVERIFY(TeamSchema::upgrade(**dba).ok());
        QVERIFY(!connects(m_cluster, QStringLiteral("notmine"), QStringLiteral("lim_outsider"),
                          QStringLiteral("pw-o")));
        QVERIFY(connects(m_cluster, QStringLiteral("notmine"), QStringLiteral("lim_owner"),
                         QStringLiteral("pw-owner")));
    }

    // A restore without `pg_restore -C` leaves the database's privileges behind: `team upgrade`,
    // which docs/team.md runs after a restore, closes it to non-members again.
    void anUpgradeClosesTheDatabaseAgain()
    {
        Result<std::unique_ptr<TeamDatabase>> super = m_cluster.open(kDb, TeamDatabase::Purpose::Upgrade);
        QVERIFY(super.ok());
        QVERIFY(accepted(**super, QStringLiteral("GRANT CONNECT ON DATABASE %1 TO PUBLIC").arg(kDb)));
        QVERIFY(connects(m_cluster, kDb, QStringLiteral("lim_outsider"), QStringLiteral("pw-o")));
        QVERIFY(!TeamAccess::connectAdvice(**super)->isEmpty());
        const Result<int> upgraded = TeamSchema::upgrade(**super);
        QVERIFY(upgraded.ok());
        QCOMPARE(*upgraded, TeamSchema::currentVersion()); // nothing else to do
        QVERIFY(!connects(m_cluster, kDb, QStringLiteral("lim_outsider"), QStringLiteral("pw-o")));
        QCOMPARE(TeamAccess::connectAdvice(**super).value(), QString());
    }

private:
    PgCluster m_cluster;
    std::unique_ptr<TeamDatabase> m_owner;
};

QTEST_GUILESS_MAIN(TestTeamRoleLimits)
#include "TestTeamRoleLimits.moc"
