#include "TestSupport.h"
#include "customers/CustomerList.h"
#include "demo/DemoRandom.h"
#include "store/AccountStore.h"
#include "store/Transaction.h"
#include "store/WorkspaceSettings.h"

#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <future>
#include <span>

using namespace tenure;

namespace {

const QDate kToday(2026, 11, 25);

// A workspace with one account (X-1, Acme), a connection that writes and one that reads.
struct OneAccount
{
    test::TempWorkspace workspace;
    Account acme;
    std::unique_ptr<Database> writer, reader;

    bool open()
    {
        acme.id = QStringLiteral("X-1");
        acme.name = QStringLiteral("Acme");
        writer = workspace.open();
        if (!writer || !AccountStore(*writer).upsert(std::span(&acme, 1)))
            return false;
        reader = workspace.open(Database::Mode::ReadOnly);
        return reader != nullptr;
    }
};

} // namespace

// The customer list held in memory follows its workspace. (That it gives CustomerQuery's pages is
// tested with the query, in TestCustomerQuery.)
class TestCustomerList : public QObject
{
    Q_OBJECT

private slots:
    // The list held in memory reads the workspace again when what it shows changed, whoever
    // wrote it, and only then.
    void theListFollowsTheWorkspace()
    {
        OneAccount workspace;
        QVERIFY(workspace.open());
        Account& acme = workspace.acme;
        Database* writer = workspace.writer.get();
        Database* reader = workspace.reader.get();
        CustomerList list;
        CustomerQuery query;
        // The page's ids and scores, or the error.
        const auto shown = [&](Database& db) {
            const Result<CustomerQuery::Page> page = list.run(query, db, kToday);
            if (!page)
                return QStringList { QStringLiteral("error: ") + page.error() };
            QStringList rows;
            for (const CustomerRow& row : page->rows)
                rows << row.name + u' ' + (row.score ? QString::number(*row.score) : QStringLiteral("-"));
            return rows;
        };
        QCOMPARE(shown(*reader), QStringList { QStringLiteral("Acme -") });
        QCOMPARE(shown(*reader), QStringList { QStringLiteral("Acme -") });
        QCOMPARE(list.loads(), 1);
        // Another write (a setting, as actions and notes are) leaves the list as it is.
        QVERIFY(WorkspaceSettings(*writer).setValue(QStringLiteral("unrelated"), QStringLiteral("1")));
        QCOMPARE(shown(*reader), QStringList { QStringLiteral("Acme -") });
        QCOMPARE(list.loads(), 1);

        // A renamed account, as an import writes it (its update time moves on).
        QTest::qWait(2);
        acme.name = QStringLiteral("株式会社アクメ");
        QVERIFY(AccountStore(*writer).upsert(std::span(&acme, 1)));
        QCOMPARE(shown(*reader), QStringList { QStringLiteral("株式会社アクメ -") });
        QCOMPARE(list.loads(), 2);

        // An engine's pass: statuses with its state, in one transaction.
        QSqlQuery sql(writer->connection());
        QVERIFY(sql.exec(QStringLiteral("BEGIN")));
        QVERIFY(sql.exec(QStringLiteral(
            "INSERT INTO account_status (account_id, stage, score, band, breakdown, day, computed_at, "
            "rules_version, last_active) VALUES ('X-1', 'adoption', 42, 'Normal', '[]', 0, 0, 1, NULL)")));
        QVERIFY(sql.exec(QStringLiteral("INSERT OR REPLACE INTO engine_state (key, value) VALUES "
                                        "('checkpoint', '7')")));
        QVERIFY(sql.exec(QStringLiteral("COMMIT")));
        QCOMPARE(shown(*reader), QStringList { QStringLiteral("株式会社アクメ 42") });
        QCOMPARE(list.loads(), 3);
        // Only the statuses changed: they are read alone, beside the accounts held.
        QCOMPARE(list.wholeLoads(), 2);

        // A rebuild swaps its tables in (the schema changes); the engine's state may read the same.
        QVERIFY(sql.exec(QStringLiteral("BEGIN")));
        QVERIFY(sql.exec(QStringLiteral("UPDATE account_status SET score = 43")));
        QVERIFY(sql.exec(QStringLiteral("CREATE TABLE swapped (x)")));
        QVERIFY(sql.exec(QStringLiteral("DROP TABLE swapped")));
        QVERIFY(sql.exec(QStringLiteral("COMMIT")));
        QCOMPARE(shown(*reader), QStringList { QStringLiteral("株式会社アクメ 43") });

        // A team copy takes statuses: a new mark is written with them.
        QVERIFY(sql.exec(QStringLiteral("BEGIN")));
        QVERIFY(sql.exec(QStringLiteral("UPDATE account_status SET score = 44")));
        QVERIFY(
            WorkspaceSettings(*writer).setValue(WorkspaceSettings::kTeamPublication, QStringLiteral("9")));
        QVERIFY(WorkspaceSettings(*writer).setValue(WorkspaceSettings::kTeamStatusesChanged,
                                                    QStringLiteral("mark-1")));
        QVERIFY(sql.exec(QStringLiteral("COMMIT")));
        QCOMPARE(shown(*reader), QStringList { QStringLiteral("株式会社アクメ 44") });
        QCOMPARE(list.wholeLoads(), 3); // the rebuild's schema change above was read whole
        // A publication that changes no statuses (its number only) is not read.
        const int published = list.loads();
        QVERIFY(
            WorkspaceSettings(*writer).setValue(WorkspaceSettings::kTeamPublication, QStringLiteral("10")));
        QCOMPARE(shown(*reader), QStringList { QStringLiteral("株式会社アクメ 44") });
        QCOMPARE(list.loads(), published);

        // On a connection that writes itself, its own writes count too.
        QVERIFY(sql.exec(QStringLiteral("BEGIN")));
        QVERIFY(sql.exec(QStringLiteral("UPDATE account_status SET score = 45")));
        QVERIFY(sql.exec(QStringLiteral("INSERT OR REPLACE INTO engine_state (key, value) VALUES "
                                        "('checkpoint', '8')")));
        QVERIFY(sql.exec(QStringLiteral("COMMIT")));
        QCOMPARE(shown(*writer), QStringList { QStringLiteral("株式会社アクメ 45") });
        const int loads = list.loads();
        QVERIFY(sql.exec(QStringLiteral("UPDATE account_status SET score = 46")));
        QVERIFY(sql.exec(QStringLiteral("INSERT OR REPLACE INTO engine_state (key, value) VALUES "
                                        "('checkpoint', '9')")));
        QCOMPARE(shown(*writer), QStringList { QStringLiteral("株式会社アクメ 46") });
        QCOMPARE(list.loads(), loads + 1);
        QCOMPARE(list.wholeLoads(), 3); // the other connection reads the statuses alone too
    }

    // Statuses read alone keep the accounts held only while they are the same accounts, row for
    // row: an account replaced without the accounts' stamp seeing it (by hand: the same count and
    // newest update time) is read whole with the statuses that show it changed.
    void statusesReadAloneKeepOnlyTheSameAccounts()
    {
        OneAccount workspace;
        QVERIFY(workspace.open());
        Database* writer = workspace.writer.get();
        Database* reader = workspace.reader.get();
        CustomerList list;
        const auto shown = [&] {
            const Result<CustomerQuery::Page> page = list.run(CustomerQuery(), *reader, kToday);
            if (!page)
                return QStringList { QStringLiteral("error: ") + page.error() };
            QStringList rows;
            for (const CustomerRow& row : page->rows)
                rows << row.id + u' ' + row.name + u' ' + row.band;
            return rows;
        };
        QCOMPARE(shown(), QStringList { QStringLiteral("X-1 Acme ") });
        QSqlQuery sql(writer->connection());
        const auto pass = [&sql](const QString& account, const QString& band, int checkpoint) {
            return sql.exec(QStringLiteral("BEGIN"))
                && sql.exec(QStringLiteral("INSERT OR REPLACE INTO account_status (account_id, stage, score, "
                                           "band, breakdown, day, computed_at, rules_version, last_active) "
                                           "VALUES ('%1', 'adoption', 42, '%2', '[]', 0, 0, 1, NULL)")
                                .arg(account, band))
                && sql.exec(QStringLiteral("INSERT OR REPLACE INTO engine_state (key, value) VALUES "
                                           "('checkpoint', '%1')")
                                .arg(checkpoint))
                && sql.exec(QStringLiteral("COMMIT"));
        };
        QVERIFY(pass(QStringLiteral("X-1"), QStringLiteral("Good"), 1));
        QCOMPARE(shown(), QStringList { QStringLiteral("X-1 Acme Good") });
        QCOMPARE(list.loads(), 2);
        QCOMPARE(list.wholeLoads(), 1);

        QVERIFY(sql.exec(QStringLiteral("BEGIN")));
        QVERIFY(sql.exec(QStringLiteral("INSERT INTO accounts (id, name, updated_at) SELECT 'X-2', "
                                        "'Globex', updated_at FROM accounts WHERE id = 'X-1'")));
        QVERIFY(sql.exec(QStringLiteral("DELETE FROM accounts WHERE id = 'X-1'")));
        QVERIFY(sql.exec(QStringLiteral("COMMIT")));
        QVERIFY(pass(QStringLiteral("X-2"), QStringLiteral("Bad"), 2));
        QCOMPARE(shown(), QStringList { QStringLiteral("X-2 Globex Bad") });
        QCOMPARE(list.loads(), 3);
        QCOMPARE(list.wholeLoads(), 2);

        // A team copy replaces its master data whole, with the team's update times: the same ids,
        // count and newest update time, new names, and a new fingerprint of them.
        QVERIFY(sql.exec(QStringLiteral("BEGIN")));
        QVERIFY(sql.exec(QStringLiteral("UPDATE accounts SET name = 'Initech'")));
        QVERIFY(WorkspaceSettings(*writer).setValue(WorkspaceSettings::kTeamMasterFingerprint,
                                                    QStringLiteral("fingerprint-2")));
        QVERIFY(sql.exec(QStringLiteral("COMMIT")));
        QVERIFY(pass(QStringLiteral("X-2"), QStringLiteral("Good"), 3));
        QCOMPARE(shown(), QStringList { QStringLiteral("X-2 Initech Good") });
        QCOMPARE(list.wholeLoads(), 3);
    }

    // An account written after the clock went back (or twice in one millisecond) still moves the
    // accounts' stamp on: each write is newer than any before it.
    void anAccountWrittenAfterTheClockWentBackIsSeen()
    {
        OneAccount workspace;
        QVERIFY(workspace.open());
        Database* writer = workspace.writer.get();
        QSqlQuery sql(writer->connection());
        // Another account, written when the clock read 2100.
        QVERIFY(sql.exec(QStringLiteral(
            "INSERT INTO accounts (id, name, updated_at) VALUES ('X-9', 'Globex', 4102444800000)")));
        CustomerList list;
        const auto names = [&] {
            const Result<CustomerQuery::Page> page = list.run(CustomerQuery(), *workspace.reader, kToday);
            QStringList shown;
            for (const CustomerRow& row : page ? page->rows : QList<CustomerRow>())
                shown << row.name;
            std::sort(shown.begin(), shown.end());
            return shown.join(u',');
        };
        QCOMPARE(names(), QStringLiteral("Acme,Globex"));
        workspace.acme.name = QStringLiteral("株式会社アクメ");
        QVERIFY(AccountStore(*writer).upsert(std::span(&workspace.acme, 1)));
        QCOMPARE(names(), QStringLiteral("Globex,株式会社アクメ"));
        QVERIFY(sql.exec(QStringLiteral("SELECT updated_at FROM accounts WHERE id = 'X-1'")) && sql.next());
        QCOMPARE(sql.value(0).toLongLong(), 4102444800001);
    }

    // Statuses read alone, beside the accounts held, give the pages the query gives: every sort
    // column both ways and each filter, after a pass that re-scored most accounts, dropped some
    // statuses, scored accounts that had none and brought a stage and a band no account had.
    void statusesReadAloneGiveTheQuerysPages()
    {
        test::TempWorkspace workspace;
        std::unique_ptr<Database> db = workspace.open();
        QVERIFY(db);
        DemoRandom random(11);
        const QStringList stages { QStringLiteral("adoption"), QStringLiteral("renewal") };
        const QStringList bands { QStringLiteral("Good"), QStringLiteral("Normal"), QStringLiteral("Bad") };
        QSqlQuery sql(db->connection());
        // Each account's status, or none; `pass` numbers the engine's state, as a pass writes it.
        const auto score = [&](const QStringList& stageNames, const QStringList& bandNames, int pass) {
            Transaction transaction(*db);
            for (int i = 0; i < 400; ++i) {
                const QString id = QStringLiteral("A-%1").arg(i, 3, 10, QLatin1Char('0'));
                if (random.chance(0.15)) {
                    if (!sql.exec(
                            QStringLiteral("DELETE FROM account_status WHERE account_id = '%1'").arg(id)))
                        return false;
                    continue;
                }
                sql.prepare(QStringLiteral(
                    "INSERT OR REPLACE INTO account_status (account_id, stage, score, band, breakdown, day, "
                    "computed_at, rules_version, last_active) VALUES (?, ?, ?, ?, '[]', 0, 0, 1, ?)"));
                const bool scored = random.chance(0.9);
                sql.addBindValue(id);
                sql.addBindValue(random.pick(stageNames));
                sql.addBindValue(scored ? QVariant(double(random.between(0, 20)) * 5) : QVariant());
                sql.addBindValue(scored ? QVariant(random.pick(bandNames)) : QVariant());
                sql.addBindValue(random.chance(0.8)
                                     ? QVariant(kToday.addDays(-random.between(0, 30)).toString(Qt::ISODate))
                                     : QVariant());
                if (!sql.exec())
                    return false;
            }
            return sql.exec(QStringLiteral("INSERT OR REPLACE INTO engine_state (key, value) VALUES "
                                           "('checkpoint', '%1')")
                                .arg(pass))
                && transaction.commit();
        };
        {
            Transaction transaction(*db);
            for (int i = 0; i < 400; ++i) {
                sql.prepare(QStringLiteral("INSERT INTO accounts (id, name, owner, arr, renewal_date, "
                                           "updated_at) VALUES (?, ?, ?, ?, ?, 1)"));
                sql.addBindValue(QStringLiteral("A-%1").arg(i, 3, 10, QLatin1Char('0')));
                sql.addBindValue(
                    random.pick(QStringList { QStringLiteral("Acme"), QStringLiteral("株式会社さくら") })
                    + QStringLiteral(" %1").arg(random.between(0, 50)));
                sql.addBindValue(QStringLiteral("CSM %1").arg(random.between(0, 3)));
                sql.addBindValue(random.chance(0.8) ? QVariant(random.between(1, 9) * 1000) : QVariant());
                sql.addBindValue(kToday.addDays(random.between(0, 200)).toString(Qt::ISODate));
                QVERIFY(sql.exec());
            }
            QVERIFY(transaction.commit());
        }
        QVERIFY(score(stages, bands, 1));
        CustomerList list;
        QVERIFY(list.run(CustomerQuery(), *db, kToday).ok());
        QVERIFY(score(stages + QStringList { QStringLiteral("trial") },
                      bands + QStringList { QStringLiteral("Watch") }, 2));

        // Each row as the list and the query show it: its sort column's value, name and status.
        const auto shown = [](const CustomerRow& row) {
            return QStringList { row.id,
                                 row.name,
                                 row.owner,
                                 row.stage,
                                 row.score ? QString::number(*row.score) : QStringLiteral("-"),
                                 row.band,
                                 row.arr ? QString::number(*row.arr) : QStringLiteral("-"),
                                 row.renewalDate.toString(Qt::ISODate),
                                 row.lastActive.toString(Qt::ISODate),
                                 row.currency }
                .join(u'|');
        };
        // The statuses' filters, and the accounts' (read before the statuses, and kept).
        struct Filters
        {
            QString band, stage, owner, search;
            int renewal = 0;
        };
        const QList<Filters> filters {
            { {}, {}, {}, {}, 0 },
            { QStringLiteral("Watch"), {}, {}, {}, 0 },
            { QStringLiteral("-"), {}, {}, {}, 0 },
            { {}, QStringLiteral("trial"), {}, {}, 0 },
            { QStringLiteral("Bad"), QStringLiteral("adoption"), QStringLiteral("CSM 2"), {}, 0 },
            { {}, {}, {}, QStringLiteral("さくら 1"), 0 },
            { QStringLiteral("Good"), {}, {}, QStringLiteral("acme"), 90 },
        };
        int compared = 0;
        for (const Filters& filter : filters) {
            for (int column = int(CustomerQuery::Column::Name);
                 column <= int(CustomerQuery::Column::LastActive); ++column) {
                for (const bool ascending : { true, false }) {
                    CustomerQuery query;
                    query.band = filter.band;
                    query.stage = filter.stage;
                    query.owner = filter.owner;
                    query.search = filter.search;
                    if (filter.renewal)
                        query.renewalWithinDays = filter.renewal;
                    query.sortColumn = CustomerQuery::Column(column);
                    query.sortOrder = ascending ? Qt::AscendingOrder : Qt::DescendingOrder;
                    query.limit = 1000;
                    const Result<CustomerQuery::Page> held = list.run(query, *db, kToday);
                    const Result<CustomerQuery::Page> asSql = query.run(*db, kToday);
                    QVERIFY(held.ok() && asSql.ok());
                    QCOMPARE(held->total, asSql->total);
                    QStringList heldRows, sqlRows;
                    for (const CustomerRow& row : held->rows)
                        heldRows << shown(row);
                    for (const CustomerRow& row : asSql->rows)
                        sqlRows << shown(row);
                    // Rows with equal sort keys and names come in either order: compared as sets,
                    // and the order by the sort column's value and name.
                    QCOMPARE(QSet<QString>(heldRows.begin(), heldRows.end()),
                             QSet<QString>(sqlRows.begin(), sqlRows.end()));
                    const int field = column + 1; // in shown(): the id comes first
                    const auto order = [field](const QString& row) {
                        const QStringList fields = row.split(u'|');
                        return fields[field] + u'|' + fields[1];
                    };
                    for (qsizetype i = 0; i < held->rows.size(); ++i)
                        QCOMPARE(order(heldRows[i]), order(sqlRows[i]));
                    compared += int(held->rows.size());
                }
            }
        }
        QVERIFY(compared > 1000);
        QCOMPARE(list.loads(), 2);
        QCOMPARE(list.wholeLoads(), 1);
    }

    // A list that reads beside the searches answers at once from the list it holds, says so, and
    // holds the new one once read (then calls back, as the view searches again).
    void aListReadBesideAnswersAtOnceThenFollows()
    {
        OneAccount workspace;
        QVERIFY(workspace.open());
        Database* writer = workspace.writer.get();
        Database* reader = workspace.reader.get();
        QThreadPool reads;
        reads.setMaxThreadCount(1); // one thread, which the test holds below (a machine has more)
        std::atomic<int> loaded { 0 };
        CustomerList list(&reads, [&loaded] { ++loaded; });
        const auto shown = [&] {
            const Result<CustomerQuery::Page> page = list.run(CustomerQuery(), *reader, kToday);
            if (!page || page->rows.size() != 1)
                return page ? QStringLiteral("%1 rows").arg(page->rows.size()) : page.error();
            return (page->outdated ? QStringLiteral("outdated ") : QString())
                + (page->rows[0].score ? QString::number(*page->rows[0].score) : QStringLiteral("-"));
        };
        QCOMPARE(shown(), QStringLiteral("-")); // the first search reads the list itself
        QCOMPARE(loaded.load(), 0);

        QSqlQuery sql(writer->connection());
        QVERIFY(sql.exec(QStringLiteral(
            "INSERT INTO account_status (account_id, stage, score, band, breakdown, day, computed_at, "
            "rules_version, last_active) VALUES ('X-1', 'adoption', 42, 'Normal', '[]', 0, 0, 1, NULL)")));
        QVERIFY(sql.exec(QStringLiteral("INSERT OR REPLACE INTO engine_state (key, value) VALUES "
                                        "('checkpoint', '7')")));
        QCOMPARE(shown(), QStringLiteral("outdated -"));
        QTRY_COMPARE(loaded.load(), 1);
        QCOMPARE(shown(), QStringLiteral("42"));
        QCOMPARE(shown(), QStringLiteral("42"));
        QCOMPARE(list.loads(), 2);
        QCOMPARE(loaded.load(), 1);

        // Stopped (as a view stops it when it lets its workspace go, on the GUI thread), a read
        // holds nothing and calls nothing back; the next search reads again. The pool's one
        // thread is held until the stop, so the read begins after it.
        std::promise<void> release;
        reads.start([gate = release.get_future().share()] { gate.wait(); });
        QVERIFY(sql.exec(QStringLiteral("UPDATE account_status SET score = 43")));
        QVERIFY(sql.exec(QStringLiteral("INSERT OR REPLACE INTO engine_state (key, value) VALUES "
                                        "('checkpoint', '8')")));
        QCOMPARE(shown(), QStringLiteral("outdated 42"));
        list.stopReads();
        release.set_value();
        list.waitForReads();
        QCOMPARE(list.loads(), 2);
        QCOMPARE(loaded.load(), 1);
        QCOMPARE(shown(), QStringLiteral("outdated 42"));
        QTRY_COMPARE(loaded.load(), 2);
        QCOMPARE(shown(), QStringLiteral("43"));
    }
};

QTEST_GUILESS_MAIN(TestCustomerList)
#include "TestCustomerList.moc"
