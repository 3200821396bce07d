#include "TestSupport.h"
#include "customers/CustomerList.h"
#include "store/AccountStore.h"
#include "store/WorkspaceSettings.h"

#include <QSqlQuery>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <chrono>
#include <future>
#include <span>
#include <thread>

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
        std::thread releaser([&release] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            release.set_value();
        });
        list.waitForReads();
        releaser.join();
        QCOMPARE(list.loads(), 2);
        QCOMPARE(loaded.load(), 1);
        QCOMPARE(shown(), QStringLiteral("outdated 42"));
        QTRY_COMPARE(loaded.load(), 2);
        QCOMPARE(shown(), QStringLiteral("43"));
    }
};

QTEST_GUILESS_MAIN(TestCustomerList)
#include "TestCustomerList.moc"
