// The team schema's versions: a workspace of schema 1 is refused until its owner upgrades it (an
// admin or a CSM cannot), the upgrade keeps its data and gives it the same policies as a workspace
// made new, and a workspace newer than this build is refused whatever the purpose.
#include "PgCluster.h"
#include "TeamTestQueries.h"
#include "TestSupport.h"
#include "demo/DemoWorkspace.h"
#include "store/Database.h"
#include "team/TeamAccess.h"
#include "team/TeamDatabase.h"
#include "team/TeamMembers.h"
#include "team/TeamPush.h"
#include "team/TeamSchema.h"

#include <QTest>

using namespace tenure;
using tenure::test::Cli;
using tenure::test::count;
using tenure::test::PgCluster;
using tenure::test::rows;

namespace {

const QDate kAsOf(2026, 11, 30);
const QString kOld = QStringLiteral("old");
const QString kFresh = QStringLiteral("fresh");

Cli cli(const QString& password, const QStringList& arguments)
{
    return tenure::test::runCli(password, arguments);
}

// Counts of the tables whose rows a workspace's users made, and its id.
QStringList data(TeamDatabase& db)
{
    QStringList counts;
    for (const char* table :
         { "accounts", "events", "outcomes", "actions", "rule_sets", "team_members", "settings", "sources" })
        counts << QStringLiteral("%1 %2")
                      .arg(QLatin1String(table))
                      .arg(count(db, QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table)));
    return counts + rows(db, QStringLiteral("SELECT key, value FROM tenure_meta ORDER BY key"));
}

} // namespace

class TestTeamMigrations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        std::unique_ptr<Database> local = m_local.open();
        DemoGenerator::Options options;
        options.accounts = 12;
        options.days = 60;
        options.today = kAsOf;
        QVERIFY(DemoWorkspace::populate(*local, options).ok());
    }

    void aNewWorkspaceHasTheLatestSchema()
    {
        Result<std::unique_ptr<TeamDatabase>> fresh = m_cluster.createWorkspace(kFresh, "UTC");
        QVERIFY(fresh.ok());
        QCOMPARE((*fresh)->schemaVersion(), TeamSchema::currentVersion());
        QVERIFY(TeamSchema::currentVersion() >= 2);
        QVERIFY(count(**fresh, QStringLiteral("SELECT count(*) FROM pg_policies")) >= 11);
        QCOMPARE(count(**fresh,
                       QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'accounts' AND "
                                      "relrowsecurity")),
                 1);
        QVERIFY(!TeamSchema::initialise(**fresh, "UTC", TeamSchema::currentVersion() + 1).ok());

        // Accounts name their owner by display name: one name, one member (checked by the server too).
        TeamMembers members(**fresh);
        QVERIFY(
            members.add(QStringLiteral("misaki"), QStringLiteral("高橋 美咲"), QStringLiteral("csm")).ok());
        const Status namesake
            = members.add(QStringLiteral("impostor"), QStringLiteral("高橋 美咲 "), QStringLiteral("csm"));
        QVERIFY(!namesake.ok());
        QVERIFY2(namesake.error().contains(QStringLiteral("misaki has the display name")),
                 qPrintable(namesake.error()));
        QVERIFY(!(*fresh)
                     ->exec(QStringLiteral("INSERT INTO team_members (login, display_name, role) "
                                           "VALUES ('impostor', '高橋 美咲', 'csm')"))
                     .ok());
        QVERIFY(
            members.add(QStringLiteral("misaki"), QStringLiteral("高橋 美咲"), QStringLiteral("admin")).ok());
    }

    void aVersion1WorkspaceIsUpgradedByItsOwnerAndKeepsItsData()
    {
        QString error;
        QVERIFY2(m_cluster.createDatabase(kOld, &error), qPrintable(error));
        {
            Result<std::unique_ptr<TeamDatabase>> db
                = m_cluster.open(kOld, TeamDatabase::Purpose::Initialise);
            QVERIFY(db.ok());
            QVERIFY(TeamSchema::initialise(**db, "UTC", 1).ok());
        }
        // This build needs schema 2: refused, with the way out.
        Result<std::unique_ptr<TeamDatabase>> refused = m_cluster.open(kOld);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("schema 1"))
                     && refused.error().contains(QStringLiteral("tenure-cli team upgrade")),
                 qPrintable(refused.error()));
        Result<std::unique_ptr<TeamDatabase>> v1 = m_cluster.open(kOld, TeamDatabase::Purpose::Upgrade);
        QVERIFY(v1.ok());
        QCOMPARE((*v1)->schemaVersion(), 1);
        QCOMPARE(count(**v1, QStringLiteral("SELECT count(*) FROM pg_policies")), 0);
        {
            std::unique_ptr<Database> local = m_local.open(Database::Mode::ReadOnly);
            QVERIFY(TeamPush(*local, **v1).run().ok());
        }
        TeamMembers members(**v1);
        QVERIFY(members
                    .add(QStringLiteral("aoi"), QStringLiteral("Aoi"), QStringLiteral("csm"),
                         QStringLiteral("pw-a"))
                    .ok());
        QVERIFY(members
                    .add(QStringLiteral("ren"), QStringLiteral("Ren"), QStringLiteral("admin"),
                         QStringLiteral("pw-r"))
                    .ok());
        const QString aois = rows(**v1, QStringLiteral("SELECT min(id) FROM accounts")).value(0);
        QVERIFY((*v1)->exec(QStringLiteral("UPDATE accounts SET owner = 'Aoi' WHERE id = ?"), { aois }).ok());
        const QStringList before = data(**v1);
        QVERIFY(before.contains(QStringLiteral("schema_version|1")));
        v1->reset();

        // A member is not the owner, an admin either: refused, nothing changed.
        for (const auto& [login, password] :
             { std::pair { QStringLiteral("aoi"), QStringLiteral("pw-a") },
               std::pair { QStringLiteral("ren"), QStringLiteral("pw-r") } }) {
            const Cli refusedUpgrade = cli(password,
                                           { QStringLiteral("team"), QStringLiteral("upgrade"),
                                             m_cluster.location(kOld, login).toUrl() });
            QCOMPARE(refusedUpgrade.code, 1);
            QVERIFY2(refusedUpgrade.err.contains(QStringLiteral("Only the owner"))
                         && refusedUpgrade.err.contains(PgCluster::superuser()),
                     qPrintable(refusedUpgrade.err));
        }
        QCOMPARE(m_cluster.open(kOld, TeamDatabase::Purpose::Upgrade).value()->schemaVersion(), 1);

        const QString owner = m_cluster.location(kOld).toUrl();
        Cli upgraded
            = cli(PgCluster::superPassword(), { QStringLiteral("team"), QStringLiteral("upgrade"), owner });
        QVERIFY2(upgraded.code == 0, qPrintable(upgraded.err));
        QVERIFY2(upgraded.out.contains(
                     QStringLiteral("upgraded from schema 1 to %1").arg(TeamSchema::currentVersion())),
                 qPrintable(upgraded.out));
        upgraded
            = cli(PgCluster::superPassword(), { QStringLiteral("team"), QStringLiteral("upgrade"), owner });
        QVERIFY2(upgraded.code == 0
                     && upgraded.out.contains(
                         QStringLiteral("has schema %1 already.").arg(TeamSchema::currentVersion())),
                 qPrintable(upgraded.out + upgraded.err));

        Result<std::unique_ptr<TeamDatabase>> v2 = m_cluster.open(kOld);
        QVERIFY2(v2.ok(), qPrintable(v2.ok() ? QString() : v2.error()));
        QCOMPARE((*v2)->schemaVersion(), TeamSchema::currentVersion());
        QStringList expected = before;
        expected.replaceInStrings(QStringLiteral("schema_version|1"),
                                  QStringLiteral("schema_version|%1").arg(TeamSchema::currentVersion()));
        QCOMPARE(data(**v2), expected);
        // The same policies, functions and constraints as a workspace made at the latest schema.
        Result<std::unique_ptr<TeamDatabase>> fresh = m_cluster.open(kFresh);
        QVERIFY(fresh.ok());
        for (const char* sql :
             { "SELECT tablename, policyname, cmd, roles::text, qual, with_check FROM pg_policies ORDER BY "
               "1, 2",
               "SELECT relname FROM pg_class WHERE relrowsecurity ORDER BY 1",
               "SELECT proname, prosecdef, proconfig::text, prosrc FROM pg_proc WHERE pronamespace = "
               "'public'::regnamespace ORDER BY 1",
               "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = "
               "'public'::regnamespace ORDER BY 1",
               "SELECT pg_get_viewdef('status_history'::regclass)" })
            QCOMPARE(rows(**v2, QString::fromLatin1(sql)), rows(**fresh, QString::fromLatin1(sql)));

        // And they work: off, Aoi sees every account; on, her own.
        Result<std::unique_ptr<TeamDatabase>> asAoi
            = TeamDatabase::open(m_cluster.location(kOld, QStringLiteral("aoi")), TeamDatabase::Purpose::Use,
                                 QStringLiteral("pw-a"));
        QVERIFY(asAoi.ok());
        QCOMPARE(count(**asAoi, QStringLiteral("SELECT count(*) FROM accounts")), 12);
        QVERIFY(TeamAccess::setOwnAccountsOnly(**v2, true).ok());
        QCOMPARE(rows(**asAoi, QStringLiteral("SELECT id FROM accounts")), QStringList { aois });
    }

    void aNewerWorkspaceIsRefused()
    {
        Result<std::unique_ptr<TeamDatabase>> fresh = m_cluster.open(kFresh);
        QVERIFY(fresh.ok());
        QVERIFY((*fresh)
                    ->exec(QStringLiteral("UPDATE tenure_meta SET value = ? WHERE key = 'schema_version'"),
                           { QString::number(TeamSchema::currentVersion() + 1) })
                    .ok());
        for (const TeamDatabase::Purpose purpose :
             { TeamDatabase::Purpose::Use, TeamDatabase::Purpose::Upgrade }) {
            Result<std::unique_ptr<TeamDatabase>> newer = m_cluster.open(kFresh, purpose);
            QVERIFY(!newer.ok());
            QVERIFY2(newer.error().contains(QStringLiteral("newer version of Tenure")),
                     qPrintable(newer.error()));
        }
        const Cli upgrade
            = cli(PgCluster::superPassword(),
                  { QStringLiteral("team"), QStringLiteral("upgrade"), m_cluster.location(kFresh).toUrl() });
        QCOMPARE(upgrade.code, 1);
        QVERIFY2(upgrade.err.contains(QStringLiteral("newer version of Tenure")), qPrintable(upgrade.err));
    }

private:
    PgCluster m_cluster;
    test::TempWorkspace m_local;
};

QTEST_GUILESS_MAIN(TestTeamMigrations)
#include "TestTeamMigrations.moc"
