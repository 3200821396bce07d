// Row-level security by owner (schema 2): with own-accounts-only on, two CSMs cannot see or
// change each other's accounts in any table, copy, report, export, backtest, queue or count,
// while admins, the ingest role and the engine see everything and the engine scores as before.
// (Upgrading a schema 1 workspace to it: TestTeamMigrations.)
#include "PgCluster.h"
#include "TeamTestQueries.h"
#include "TestSupport.h"
#include "actions/ActionStore.h"
#include "demo/DemoWorkspace.h"
#include "report/PortfolioReport.h"
#include "store/Database.h"
#include "team/TeamAccess.h"
#include "team/TeamDatabase.h"
#include "team/TeamEngine.h"
#include "team/TeamMembers.h"
#include "team/TeamPush.h"
#include "team/TeamReadCopy.h"
#include "team/TeamSchema.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace tenure;
using tenure::test::Cli;
using tenure::test::count;
using tenure::test::PgCluster;
using tenure::test::rows;

namespace {

const QDate kAsOf(2026, 11, 30);
const QString kDb = QStringLiteral("rls");
const QString kMisaki = QStringLiteral("高橋 美咲");
const QString kKenji = QStringLiteral("Kenji Sato");

struct Login
{
    QString login, password;
};
const Login kMisakiLogin { QStringLiteral("misaki"), QStringLiteral("pw-m") };
const Login kKenjiLogin { QStringLiteral("kenji"), QStringLiteral("pw-k") };
const Login kBoss { QStringLiteral("boss"), QStringLiteral("pw-b") };
const Login kEngine { QStringLiteral("tenure_engine"), QStringLiteral("pw-e") };
const Login kPuller { QStringLiteral("puller"), QStringLiteral("pw-p") };

// The tables with an account's rows, by the column naming the account (the view among them).
const QStringList kPerAccount { QStringLiteral("events"),         QStringLiteral("outcomes"),
                                QStringLiteral("account_keys"),   QStringLiteral("actions"),
                                QStringLiteral("account_notes"),  QStringLiteral("agg_activity"),
                                QStringLiteral("account_status"), QStringLiteral("history_months"),
                                QStringLiteral("status_history") };

qint64 localCount(Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

const QString kStatuses
    = QStringLiteral("SELECT account_id, stage, score, band, day, rules_version, last_active, breakdown "
                     "FROM account_status ORDER BY account_id");
const QString kHistory = QStringLiteral(
    "SELECT account_id, day, stage, score, band FROM status_history ORDER BY account_id, day");
const QString kDays
    = QStringLiteral("SELECT day, stage, band, accounts FROM history_days ORDER BY day, stage, band");

} // namespace

class TestTeamRowSecurity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        std::unique_ptr<Database> local = m_local.open();
        DemoGenerator::Options options;
        options.accounts = 30;
        options.days = 120;
        options.today = kAsOf;
        QVERIFY(DemoWorkspace::populate(*local, options).ok());
        Result<std::unique_ptr<TeamDatabase>> team = m_cluster.createWorkspace(kDb, "UTC");
        QVERIFY2(team.ok(), qPrintable(team.ok() ? QString() : team.error()));
        QCOMPARE((*team)->schemaVersion(), TeamSchema::currentVersion());
        QVERIFY(TeamPush(*local, **team).run().ok());
        m_super = std::move(team).value();
        TeamDatabase& su = *m_super;

        // A third of the accounts each: Misaki's, Kenji's, and nobody's.
        QVERIFY(su.exec(QStringLiteral(
                            "UPDATE accounts a SET owner = CASE o.n % 3 WHEN 0 THEN ? WHEN 1 THEN ? END "
                            "FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM accounts) o "
                            "WHERE o.id = a.id"),
                        { kMisaki, kKenji })
                    .ok());
        // Every per-account table gets rows for every account.
        for (const char* sql : {
                 "INSERT INTO outcomes (account_id, kind, occurred_on, source, external_id) "
                 "SELECT id, 'renewed', '2026-09-01', 'test', 'renewed-' || id FROM accounts",
                 "INSERT INTO account_keys (namespace, key, account_id, source, updated_at) "
                 "SELECT 'crm', 'k-' || id, id, 'test', 0 FROM accounts",
                 "INSERT INTO agg_activity (account_id, data) SELECT id, '\\x00'::bytea FROM accounts",
                 "INSERT INTO account_notes (account_id, at, author, text) "
                 "SELECT id, 0, 'test', 'about ' || id FROM accounts",
             })
            QVERIFY2(su.exec(QString::fromUtf8(sql)).ok(), sql);
        TeamMembers members(su);
        QVERIFY(members.add(kMisakiLogin.login, kMisaki, QStringLiteral("csm"), kMisakiLogin.password).ok());
        QVERIFY(members.add(kKenjiLogin.login, kKenji, QStringLiteral("csm"), kKenjiLogin.password).ok());
        QVERIFY(
            members.add(kBoss.login, QStringLiteral("Boss"), QStringLiteral("admin"), kBoss.password).ok());
        QVERIFY(
            members
                .add(kEngine.login, QStringLiteral("Team engine"), QStringLiteral("admin"), kEngine.password)
                .ok());
        QVERIFY(
            members.add(kPuller.login, QStringLiteral("Puller"), QStringLiteral("ingest"), kPuller.password)
                .ok());

        // The engine signs in as an admin, subject to row-level security like any member: it
        // publishes (the setting off), and the results are the baseline.
        const Result<TeamEngine::Pass> pass = runEngine(QStringLiteral("engine-off.tenure"));
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        m_accounts = count(su, QStringLiteral("SELECT count(*) FROM accounts"));
        QCOMPARE(pass->statusesPublished, m_accounts);
        QVERIFY(su.exec(QStringLiteral("INSERT INTO action_history (action_id, at, author, kind) "
                                       "SELECT id, 0, 'test', 'note' FROM actions"))
                    .ok());
        m_statuses = rows(su, kStatuses);
        m_history = rows(su, kHistory);
        m_days = rows(su, kDays);
        QCOMPARE(m_statuses.size(), m_accounts);
        QVERIFY(!m_history.isEmpty() && !m_days.isEmpty());
        m_misakis
            = rows(su, QStringLiteral("SELECT id FROM accounts WHERE owner = ? ORDER BY id"), { kMisaki });
        m_kenjis
            = rows(su, QStringLiteral("SELECT id FROM accounts WHERE owner = ? ORDER BY id"), { kKenji });
        QCOMPARE(m_misakis.size(), 10);
        QCOMPARE(m_kenjis.size(), 10);
        // Both have open actions of the engine's.
        for (const QString& owner : { kMisaki, kKenji })
            QVERIFY2(
                count(su,
                      QStringLiteral("SELECT count(*) FROM actions a JOIN accounts c ON c.id = a.account_id "
                                     "WHERE c.owner = ?"),
                      { owner })
                    > 0,
                qPrintable(owner));
    }

    void everyMemberSeesEverythingWhileItIsOff()
    {
        for (const Login& login : { kMisakiLogin, kKenjiLogin }) {
            std::unique_ptr<TeamDatabase> csm = as(login);
            QVERIFY(csm);
            QCOMPARE(TeamAccess::ownAccountsOnly(*csm).value(), false);
            QCOMPARE(TeamAccess::seesEverything(*csm).value(), true);
            QCOMPARE(TeamAccess::scope(*csm).value(), QStringLiteral("all"));
            QCOMPARE(count(*csm, QStringLiteral("SELECT count(*) FROM accounts")), m_accounts);
            for (const QString& table : kPerAccount
                     + QStringList { QStringLiteral("action_history"), QStringLiteral("history_days") })
                QCOMPARE(count(*csm, QStringLiteral("SELECT count(*) FROM ") + table),
                         count(*m_super, QStringLiteral("SELECT count(*) FROM ") + table));
        }
    }

    void onlyAnAdminSwitchesIt()
    {
        std::unique_ptr<TeamDatabase> misaki = as(kMisakiLogin);
        QVERIFY(misaki);
        const Status refused = TeamAccess::setOwnAccountsOnly(*misaki, true);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("permission denied")), qPrintable(refused.error()));
        QVERIFY2(refused.error().contains(misaki->location().display()), qPrintable(refused.error()));
        QCOMPARE(TeamAccess::ownAccountsOnly(*m_super).value(), false);
        // The server checks the value too.
        QVERIFY(!m_super
                     ->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, 'yes')"),
                            { QString::fromLatin1(TeamAccess::kOwnAccountsOnly) })
                     .ok());

        Cli cli = run(kKenjiLogin,
                      { QStringLiteral("team"), QStringLiteral("set"), QStringLiteral("own-accounts-only"),
                        QStringLiteral("on"), url(kKenjiLogin) });
        QCOMPARE(cli.code, 1);
        QVERIFY2(cli.err.contains(QStringLiteral("only an admin may")), qPrintable(cli.err));
        QCOMPARE(TeamAccess::ownAccountsOnly(*m_super).value(), false);

        cli = run(kBoss,
                  { QStringLiteral("team"), QStringLiteral("set"), QStringLiteral("own-accounts-only"),
                    QStringLiteral("on"), url(kBoss) });
        QVERIFY2(cli.code == 0, qPrintable(cli.err));
        QVERIFY2(cli.out.contains(QStringLiteral("own-accounts-only is on")), qPrintable(cli.out));
        QCOMPARE(TeamAccess::ownAccountsOnly(*m_super).value(), true);

        cli = run(kMisakiLogin, { QStringLiteral("team"), QStringLiteral("list"), url(kMisakiLogin) });
        QVERIFY2(cli.code == 0, qPrintable(cli.err));
        QVERIFY2(cli.out.contains(QStringLiteral("own-accounts-only: on")), qPrintable(cli.out));
    }

    void eachCsmSeesOnlyTheirOwnRows()
    {
        for (const auto& [login, mine, theirs] : { std::make_tuple(kMisakiLogin, m_misakis, m_kenjis),
                                                   std::make_tuple(kKenjiLogin, m_kenjis, m_misakis) }) {
            std::unique_ptr<TeamDatabase> csm = as(login);
            QVERIFY(csm);
            QCOMPARE(TeamAccess::seesEverything(*csm).value(), false);
            QVERIFY(TeamAccess::scope(*csm).value().startsWith(QStringLiteral("own:")));
            QCOMPARE(rows(*csm, QStringLiteral("SELECT id FROM accounts ORDER BY id")), mine);
            const QSet<QString> own(mine.begin(), mine.end());
            for (const QString& table : kPerAccount) {
                const qint64 expected = count(
                    *m_super,
                    QStringLiteral("SELECT count(*) FROM %1 WHERE account_id IN (SELECT id FROM accounts "
                                   "WHERE owner = ?)")
                        .arg(table),
                    { csm->member()->displayName });
                QVERIFY2(expected > 0, qPrintable(table));
                QVERIFY2(count(*m_super, QStringLiteral("SELECT count(*) FROM ") + table) > expected,
                         qPrintable(table));
                QCOMPARE(count(*csm, QStringLiteral("SELECT count(*) FROM ") + table), expected);
                for (const QString& account :
                     rows(*csm, QStringLiteral("SELECT DISTINCT account_id FROM ") + table))
                    QVERIFY2(own.contains(account), qPrintable(table + QStringLiteral(": ") + account));
            }
            const qint64 history
                = count(*m_super,
                        QStringLiteral("SELECT count(*) FROM action_history h JOIN actions a ON "
                                       "a.id = h.action_id JOIN accounts c ON c.id = "
                                       "a.account_id WHERE c.owner = ?"),
                        { csm->member()->displayName });
            QVERIFY(history > 0);
            QCOMPARE(count(*csm, QStringLiteral("SELECT count(*) FROM action_history")), history);
            // The team's daily counts are the whole portfolio's.
            QCOMPARE(count(*csm, QStringLiteral("SELECT count(*) FROM history_days")), 0);
            // Looking one up by id finds nothing either.
            QCOMPARE(count(*csm, QStringLiteral("SELECT count(*) FROM events WHERE account_id = ?"),
                           { theirs.first() }),
                     0);
        }
        // A temporary table of one's own cannot stand in for the team's settings or members.
        std::unique_ptr<TeamDatabase> misaki = as(kMisakiLogin);
        QVERIFY(misaki);
        for (const char* sql : { "CREATE TEMP TABLE settings (key text, value text)",
                                 "INSERT INTO settings VALUES ('team_own_accounts_only', 'off')",
                                 "CREATE TEMP TABLE team_members (login text, display_name text, role text)",
                                 "INSERT INTO team_members VALUES ('misaki', 'Kenji Sato', 'admin')" })
            QVERIFY2(misaki->exec(QString::fromLatin1(sql)).ok(), sql);
        QCOMPARE(rows(*misaki, QStringLiteral("SELECT id FROM public.accounts ORDER BY id")), m_misakis);
    }

    void aCsmCannotChangeAnotherCsmsAccounts()
    {
        TeamDatabase& su = *m_super;
        const auto addAction = [&su](const QString& account) {
            return count(
                su,
                QStringLiteral("INSERT INTO actions (account_id, trigger, status, priority, reason, "
                               "created_at, updated_at) VALUES (?, 'rls-test', 'open', 1, 'test', 0, 0) "
                               "RETURNING id"),
                { account });
        };
        const qint64 mineId = addAction(m_misakis.first());
        const qint64 theirsId = addAction(m_kenjis.first());
        QVERIFY(mineId > 0 && theirsId > 0);

        std::unique_ptr<TeamDatabase> misaki = as(kMisakiLogin);
        QVERIFY(misaki);
        ActionStore store(misaki->connection());
        QVERIFY(!store.find(theirsId));
        const Status done = store.markDone(theirsId, kMisaki);
        QVERIFY(!done.ok());
        QCOMPARE(done.error(), QStringLiteral("No action %1.").arg(theirsId));
        Result<QSqlQuery> update
            = misaki->exec(QStringLiteral("UPDATE actions SET status = 'done', owner = ? WHERE id = ?"),
                           { kMisaki, theirsId });
        QVERIFY(update.ok());
        QCOMPARE(update->numRowsAffected(), 0);
        QCOMPARE(
            rows(su, QStringLiteral("SELECT status, owner, version FROM actions WHERE id = ?"), { theirsId }),
            QStringList { QStringLiteral("open|NULL|1") });
        // Nothing can be written to the other's account either.
        const Result<QSqlQuery> history = misaki->exec(
            QStringLiteral(
                "INSERT INTO action_history (action_id, at, author, kind) VALUES (?, 0, ?, 'note')"),
            { theirsId, kMisaki });
        QVERIFY(!history.ok());
        QVERIFY2(history.error().contains(QStringLiteral("row-level security")), qPrintable(history.error()));
        const Result<QSqlQuery> note = misaki->exec(
            QStringLiteral("INSERT INTO account_notes (account_id, at, author, text) VALUES (?, 0, ?, 'hi')"),
            { m_kenjis.first(), kMisaki });
        QVERIFY(!note.ok());
        QVERIFY2(note.error().contains(QStringLiteral("row-level security")), qPrintable(note.error()));
        QVERIFY(!store.addAccountNote(m_kenjis.first(), kMisaki, QStringLiteral("hi")).ok());
        QVERIFY(!misaki
                     ->exec(QStringLiteral("INSERT INTO outcomes (account_id, kind, occurred_on, source, "
                                           "external_id) VALUES (?, 'churned', '2026-11-01', 'csm', 'x')"),
                            { m_kenjis.first() })
                     .ok());
        QCOMPARE(count(su, QStringLiteral("SELECT count(*) FROM account_notes WHERE text = 'hi'")), 0);

        // Her own account's action she works as before.
        const Status mine = store.markDone(mineId, kMisaki, QStringLiteral("called"));
        QVERIFY2(mine.ok(), qPrintable(mine.error()));
        QCOMPARE(rows(su, QStringLiteral("SELECT status, updated_by FROM actions WHERE id = ?"), { mineId }),
                 QStringList { QStringLiteral("done|misaki") });
        QVERIFY(store.addAccountNote(m_misakis.first(), kMisaki, QStringLiteral("mine")).ok());
    }

    void theEngineScoresEveryAccountWithItOn()
    {
        QCOMPARE(TeamAccess::ownAccountsOnly(*m_super).value(), true);
        // A fresh working copy scores every account: its results are the team's already, so the
        // publication writes none (one it could not see would be removed from the team's).
        const Result<TeamEngine::Pass> pass = runEngine(QStringLiteral("engine-on.tenure"));
        QVERIFY2(pass.ok(), qPrintable(pass.ok() ? QString() : pass.error()));
        QCOMPARE(pass->summary.accounts, m_accounts);
        QCOMPARE(pass->statusesPublished, 0);
        QCOMPARE(rows(*m_super, kStatuses), m_statuses);
        QCOMPARE(rows(*m_super, kHistory), m_history);
        QCOMPARE(rows(*m_super, kDays), m_days);
    }

    void adminsIngestAndTheEngineSeeEverything()
    {
        for (const Login& login : { kBoss, kEngine }) {
            std::unique_ptr<TeamDatabase> admin = as(login);
            QVERIFY(admin);
            QCOMPARE(TeamAccess::seesEverything(*admin).value(), true);
            QCOMPARE(count(*admin, QStringLiteral("SELECT count(*) FROM accounts")), m_accounts);
            for (const QString& table : kPerAccount
                     + QStringList { QStringLiteral("action_history"), QStringLiteral("history_days") })
                QCOMPARE(count(*admin, QStringLiteral("SELECT count(*) FROM ") + table),
                         count(*m_super, QStringLiteral("SELECT count(*) FROM ") + table));
        }
        std::unique_ptr<TeamDatabase> puller = as(kPuller);
        QVERIFY(puller);
        QCOMPARE(count(*puller, QStringLiteral("SELECT count(*) FROM account_keys")),
                 count(*m_super, QStringLiteral("SELECT count(*) FROM account_keys")));
        // The ingest role appends events of any account.
        const qint64 now = QDateTime(kAsOf, QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        QVERIFY(puller
                    ->exec(QStringLiteral(
                               "INSERT INTO events (source, external_id, account_id, name, occurred_at, "
                               "received_at) VALUES ('demo', 'rls-ingest-1', ?, 'login', ?, ?)"),
                           { m_kenjis.first(), now, now })
                    .ok());
    }

    // The copy that reports, exports and backtests read: the CSM's accounts alone, its log pulled
    // across the other's seqs without stalling or skipping, started over when her accounts change.
    void aCsmsCopyHoldsHerAccountsAlone()
    {
        std::unique_ptr<TeamDatabase> misaki = as(kMisakiLogin);
        QVERIFY(misaki);
        const QString path = m_local.dir() + QStringLiteral("/misaki-read.tenure");
        const auto refresh = [&]() -> std::unique_ptr<Database> {
            Result<std::unique_ptr<Database>> copy = TeamReadCopy::refresh(*misaki, path, kAsOf);
            if (!copy)
                qWarning() << copy.error();
            return copy ? std::move(copy).value() : nullptr;
        };
        const auto events = [this](const QString& owner) {
            return count(*m_super,
                         QStringLiteral("SELECT count(*) FROM events WHERE account_id IN (SELECT id FROM "
                                        "accounts WHERE owner = ?)"),
                         { owner });
        };
        std::unique_ptr<Database> copy = refresh();
        QVERIFY(copy);
        QCOMPARE(localCount(*copy, QStringLiteral("SELECT count(*) FROM accounts")),
                 qint64(m_misakis.size()));
        QCOMPARE(localCount(*copy, QStringLiteral("SELECT count(*) FROM events")), events(kMisaki));
        QCOMPARE(localCount(*copy, QStringLiteral("SELECT count(*) FROM account_status")),
                 qint64(m_misakis.size()));
        QCOMPARE(
            localCount(*copy, QStringLiteral("SELECT count(*) FROM account_notes")),
            count(*m_super,
                  QStringLiteral("SELECT count(*) FROM account_notes WHERE account_id IN (SELECT id FROM "
                                 "accounts WHERE owner = ?)"),
                  { kMisaki }));
        Result<PortfolioReport> report = PortfolioReport::load(*copy, kAsOf);
        QVERIFY(report.ok());
        QCOMPARE(report->rows.size(), m_misakis.size());
        for (const PortfolioReport::Row& row : report->rows)
            QCOMPARE(row.account.owner, kMisaki);
        copy.reset();

        // New events, hers and his in turn: her copy takes hers, across his seqs.
        const qint64 now = QDateTime(kAsOf, QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        for (int i = 0; i < 6; ++i)
            QVERIFY(
                m_super
                    ->exec(QStringLiteral("INSERT INTO events (source, external_id, account_id, name, "
                                          "occurred_at, received_at) VALUES ('demo', ?, ?, 'login', ?, ?)"),
                           { QStringLiteral("rls-turn-%1").arg(i), (i % 2 ? m_misakis : m_kenjis).at(i), now,
                             now })
                    .ok());
        const qint64 before = events(kMisaki) - 3;
        copy = refresh();
        QVERIFY(copy);
        QCOMPARE(localCount(*copy, QStringLiteral("SELECT count(*) FROM events")), before + 3);
        QCOMPARE(localCount(*copy, QStringLiteral("SELECT count(*) FROM events")), events(kMisaki));
        copy.reset();

        // One of Kenji's accounts becomes hers: its whole history comes with it, and goes with it.
        const QString moved = m_kenjis.at(1);
        const qint64 movedEvents
            = count(*m_super, QStringLiteral("SELECT count(*) FROM events WHERE account_id = ?"), { moved });
        QVERIFY(movedEvents > 0);
        QVERIFY(
            m_super->exec(QStringLiteral("UPDATE accounts SET owner = ? WHERE id = ?"), { kMisaki, moved })
                .ok());
        copy = refresh();
        QVERIFY(copy);
        QCOMPARE(localCount(*copy, QStringLiteral("SELECT count(*) FROM accounts")),
                 qint64(m_misakis.size() + 1));
        QCOMPARE(localCount(*copy, QStringLiteral("SELECT count(*) FROM events")), events(kMisaki));
        copy.reset();
        QVERIFY(m_super->exec(QStringLiteral("UPDATE accounts SET owner = ? WHERE id = ?"), { kKenji, moved })
                    .ok());
        copy = refresh();
        QVERIFY(copy);
        QCOMPARE(localCount(*copy, QStringLiteral("SELECT count(*) FROM accounts")),
                 qint64(m_misakis.size()));
        QCOMPARE(localCount(*copy, QStringLiteral("SELECT count(*) FROM events")), events(kMisaki));
        QCOMPARE(localCount(*copy,
                            QStringLiteral("SELECT count(*) FROM account_status WHERE account_id = '") + moved
                                + QStringLiteral("'")),
                 0);
    }

    void theCommandLineShowsEachCsmHerAccountsAlone()
    {
        const QString csv = m_local.dir() + QStringLiteral("/customers.csv");
        const auto exported = [&](const Login& login) -> QString {
            const Cli cli = run(login,
                                { QStringLiteral("export"), QStringLiteral("customers"),
                                  QStringLiteral("--csv"), csv, QStringLiteral("--db"), url(login) });
            if (cli.code != 0)
                return QStringLiteral("failed: ") + cli.err;
            QFile file(csv);
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                                  : QStringLiteral("unread");
        };
        const auto containsAll = [](const QString& text, const QStringList& ids) {
            return std::all_of(ids.begin(), ids.end(), [&](const QString& id) { return text.contains(id); });
        };
        const auto containsAny = [](const QString& text, const QStringList& ids) {
            return std::any_of(ids.begin(), ids.end(), [&](const QString& id) { return text.contains(id); });
        };
        // Off: her copy (made now) holds every account; on again: the same copy holds hers alone.
        QVERIFY(TeamAccess::setOwnAccountsOnly(*m_super, false).ok());
        QString text = exported(kMisakiLogin);
        QVERIFY2(containsAll(text, m_misakis) && containsAll(text, m_kenjis), qPrintable(text));
        QVERIFY(TeamAccess::setOwnAccountsOnly(*m_super, true).ok());
        text = exported(kMisakiLogin);
        QVERIFY2(containsAll(text, m_misakis) && !containsAny(text, m_kenjis), qPrintable(text));
        text = exported(kKenjiLogin);
        QVERIFY2(containsAll(text, m_kenjis) && !containsAny(text, m_misakis), qPrintable(text));
        text = exported(kBoss);
        QVERIFY2(containsAll(text, m_kenjis) && containsAll(text, m_misakis), qPrintable(text));

        // Reports: her accounts, not his.
        const QString pdf = m_local.dir() + QStringLiteral("/report.pdf");
        Cli cli = run(kMisakiLogin,
                      { QStringLiteral("report"), m_misakis.first(), QStringLiteral("--pdf"), pdf,
                        QStringLiteral("--db"), url(kMisakiLogin) });
        QVERIFY2(cli.code == 0, qPrintable(cli.err));
        cli = run(kMisakiLogin,
                  { QStringLiteral("report"), m_kenjis.first(), QStringLiteral("--pdf"), pdf,
                    QStringLiteral("--db"), url(kMisakiLogin) });
        QCOMPARE(cli.code, 1);
        QVERIFY2(cli.err.contains(m_kenjis.first()), qPrintable(cli.err));
        cli = run(kMisakiLogin,
                  { QStringLiteral("report"), QStringLiteral("--portfolio"), QStringLiteral("--owner"),
                    kKenji, QStringLiteral("--pdf"), pdf, QStringLiteral("--db"), url(kMisakiLogin) });
        QCOMPARE(cli.code, 1);
        QVERIFY2(cli.err.contains(QStringLiteral("no accounts")), qPrintable(cli.err));

        // The queue.
        cli = run(kMisakiLogin,
                  { QStringLiteral("actions"), QStringLiteral("--json"), QStringLiteral("--db"),
                    url(kMisakiLogin) });
        QVERIFY2(cli.code == 0, qPrintable(cli.err));
        const QJsonArray queue = QJsonDocument::fromJson(cli.out.toUtf8()).array();
        QVERIFY(!queue.isEmpty());
        for (const QJsonValue& action : queue)
            QVERIFY2(m_misakis.contains(action[QStringLiteral("account_id")].toString()),
                     qPrintable(cli.out));

        // The counts.
        cli = run(
            kMisakiLogin,
            { QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--db"), url(kMisakiLogin) });
        QVERIFY2(cli.code == 0, qPrintable(cli.err));
        QJsonObject stats = QJsonDocument::fromJson(cli.out.toUtf8()).object();
        QCOMPARE(stats[QStringLiteral("accounts")].toInteger(), qint64(m_misakis.size()));
        QCOMPARE(
            stats[QStringLiteral("events")].toInteger(),
            count(*m_super,
                  QStringLiteral("SELECT count(*) FROM events WHERE account_id IN (SELECT id FROM accounts "
                                 "WHERE owner = ?)"),
                  { kMisaki }));
        QCOMPARE(stats[QStringLiteral("own_accounts_only")].toBool(), true);
        QCOMPARE(stats[QStringLiteral("sees_every_account")].toBool(), false);
        cli = run(kMisakiLogin, { QStringLiteral("stats"), QStringLiteral("--db"), url(kMisakiLogin) });
        QVERIFY2(cli.out.contains(QStringLiteral("your own accounts only")), qPrintable(cli.out));
        cli = run(kBoss,
                  { QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--db"), url(kBoss) });
        stats = QJsonDocument::fromJson(cli.out.toUtf8()).object();
        QCOMPARE(stats[QStringLiteral("accounts")].toInteger(), m_accounts);
        QCOMPARE(stats[QStringLiteral("sees_every_account")].toBool(), true);

        // The backtest: cases from her accounts' outcomes and her accounts alone.
        const auto backtest = [&](const Login& login) {
            const Cli result
                = run(login,
                      { QStringLiteral("backtest"), QStringLiteral("--json"), QStringLiteral("--as-of"),
                        kAsOf.toString(Qt::ISODate), QStringLiteral("--db"), url(login) });
            if (result.code != 0)
                qWarning() << result.err;
            return QJsonDocument::fromJson(result.out.toUtf8()).object();
        };
        const qint64 herOutcomes
            = count(*m_super,
                    QStringLiteral("SELECT count(*) FROM outcomes WHERE account_id IN (SELECT "
                                   "id FROM accounts WHERE owner = ?)"),
                    { kMisaki });
        const auto fromOutcomes = [](const QJsonObject& report) {
            return report[QStringLiteral("outcome_cases")].toInteger()
                + report[QStringLiteral("skipped_no_history")].toInteger()
                + report[QStringLiteral("skipped_no_events_no_signup")].toInteger();
        };
        const QJsonObject hers = backtest(kMisakiLogin);
        const QJsonObject team = backtest(kBoss);
        QVERIFY2(hers[QStringLiteral("cases")].toInteger() > 0, qPrintable(QJsonDocument(hers).toJson()));
        QVERIFY(fromOutcomes(hers) > 0);
        QVERIFY(fromOutcomes(hers) <= herOutcomes);
        QVERIFY(hers[QStringLiteral("baseline_cases")].toInteger() <= m_misakis.size());
        QVERIFY(fromOutcomes(team) > herOutcomes);
        QVERIFY(team[QStringLiteral("baseline_cases")].toInteger() > m_misakis.size());
    }

private:
    std::unique_ptr<TeamDatabase> as(const Login& login) const
    {
        Result<std::unique_ptr<TeamDatabase>> db = m_cluster.openAs(kDb, login.login, login.password);
        if (!db) {
            qWarning() << db.error();
            return nullptr;
        }
        return std::move(db).value();
    }

    QString url(const Login& login) const { return m_cluster.location(kDb, login.login).toUrl(); }

    Result<TeamEngine::Pass> runEngine(const QString& replica)
    {
        TeamEngine::Options options;
        options.replicaPath = m_local.dir() + QLatin1Char('/') + replica;
        options.engine.today = kAsOf;
        TeamEngine engine(m_cluster.location(kDb, kEngine.login), options, kEngine.password);
        Result<bool> elected = engine.tryElect();
        if (!elected)
            return Error { elected.error() };
        if (!*elected)
            return Error { QStringLiteral("not elected") };
        return engine.runPass(true);
    }

    Cli run(const Login& login, const QStringList& arguments) const
    {
        // Each run's copies of the team in this test's folder.
        return test::runCli(login.password, arguments, m_local.dir() + QStringLiteral("/cache"));
    }

    PgCluster m_cluster;
    test::TempWorkspace m_local;
    std::unique_ptr<TeamDatabase> m_super;
    qint64 m_accounts = 0;
    QStringList m_statuses, m_history, m_days, m_misakis, m_kenjis;
};

QTEST_GUILESS_MAIN(TestTeamRowSecurity)
#include "TestTeamRowSecurity.moc"
