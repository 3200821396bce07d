#include "TestSupport.h"
#include "customers/CustomerList.h"
#include "customers/CustomerQuery.h"
#include "demo/DemoRandom.h"
#include "store/Schema.h"
#include "store/Transaction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace tenure;

namespace {

const QDate kToday(2026, 11, 25);

// What the customer list promises, computed without SQL: filters, then the sort column (no score,
// ARR or renewal last, whichever the direction), ties by name.
QStringList expected(const QList<CustomerRow>& all, const CustomerQuery& query)
{
    QList<CustomerRow> rows;
    for (const CustomerRow& row : all) {
        if (!query.search.isEmpty() && !row.name.contains(query.search, Qt::CaseInsensitive)
            && !row.id.contains(query.search, Qt::CaseInsensitive))
            continue;
        if (query.band == QLatin1String("-") ? row.score.has_value()
                                             : (!query.band.isEmpty() && row.band != query.band))
            continue;
        if (!query.stage.isEmpty() && row.stage != query.stage)
            continue;
        if (query.renewalWithinDays
            && (!row.renewalDate.isValid() || row.renewalDate < kToday
                || row.renewalDate > kToday.addDays(*query.renewalWithinDays)))
            continue;
        rows << row;
    }
    const bool ascending = query.sortOrder == Qt::AscendingOrder;
    auto compareOptional = [ascending](const auto& a, const auto& b) -> int { // <0, 0, >0; missing last
        if (a.has_value() != b.has_value())
            return a.has_value() ? -1 : 1;
        if (!a || *a == *b)
            return 0;
        return (*a < *b) == ascending ? -1 : 1;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const CustomerRow& a, const CustomerRow& b) {
        int c = 0;
        switch (query.sortColumn) {
        case CustomerQuery::Column::Name:
            c = a.name == b.name ? 0 : ((a.name < b.name) == ascending ? -1 : 1);
            return c < 0;
        case CustomerQuery::Column::Owner:
            c = a.owner == b.owner ? 0 : ((a.owner < b.owner) == ascending ? -1 : 1);
            break;
        case CustomerQuery::Column::Score:
            c = compareOptional(a.score, b.score);
            break;
        case CustomerQuery::Column::LastActive:
            c = compareOptional(a.lastActive.isValid() ? std::optional(a.lastActive) : std::nullopt,
                                b.lastActive.isValid() ? std::optional(b.lastActive) : std::nullopt);
            break;
        default:
            qFatal("not covered here");
        }
        return c != 0 ? c < 0 : a.name < b.name;
    });
    QStringList ids;
    for (const CustomerRow& row : rows.mid(0, query.limit))
        ids << row.id;
    return ids;
}

// The query a test row describes (renewal 0: no window).
CustomerQuery queryOf(const QString& search, const QString& stage, const QString& band, const QString& owner,
                      int renewal, int column, bool ascending, int limit)
{
    CustomerQuery query;
    query.search = search;
    query.stage = stage;
    query.band = band;
    query.owner = owner;
    if (renewal)
        query.renewalWithinDays = renewal;
    query.sortColumn = CustomerQuery::Column(column);
    query.sortOrder = ascending ? Qt::AscendingOrder : Qt::DescendingOrder;
    query.limit = limit;
    return query;
}

} // namespace

class TestCustomerQuery : public QObject
{
    Q_OBJECT

    test::TempWorkspace m_workspace;
    std::unique_ptr<Database> m_db;
    QList<CustomerRow> m_all;
    CustomerList m_list; // one for every test row: the workspace does not change between them
    QHash<QString, CustomerRow> m_stored; // by id

private slots:
    // Every test runs on the workspace (CustomerQuery) and on the list held in memory.
    void initTestCase_data()
    {
        QTest::addColumn<bool>("inMemory");
        QTest::newRow("query") << false;
        QTest::newRow("list in memory") << true;
    }

    void initTestCase()
    {
        m_db = m_workspace.open();
        Transaction transaction(*m_db);
        QSqlQuery account(m_db->connection());
        account.prepare(
            QStringLiteral("INSERT INTO accounts (id, name, owner, currency, renewal_date, arr, updated_at) "
                           "VALUES (?, ?, ?, 'USD', ?, ?, 0)"));
        QSqlQuery status(m_db->connection());
        status.prepare(
            QStringLiteral("INSERT INTO account_status (account_id, stage, score, band, breakdown, day, "
                           "computed_at, rules_version, last_active) VALUES (?, ?, ?, ?, '[]', 0, 0, 1, ?)"));
        QSqlQuery history(m_db->connection());
        history.prepare(QStringLiteral("INSERT INTO status_history (account_id, day, stage, score, band) "
                                       "VALUES (?, ?, 'adoption', ?, 'Normal')"));
        DemoRandom random(3);
        const QStringList names { QStringLiteral("Acme"), QStringLiteral("Globex"),
                                  QStringLiteral("株式会社さくら"), QStringLiteral("ひまわり物流") };
        for (int i = 0; i < 3000; ++i) {
            CustomerRow row;
            row.id = QStringLiteral("A-%1").arg(i, 5, 10, QLatin1Char('0'));
            // Few distinct names and scores: ties must fall back to the name, then stay stable.
            row.name = random.pick(names) + QStringLiteral(" %1").arg(random.between(0, 400));
            if (!random.chance(0.1)) // the others have no owner: NULL sorts first in SQL
                row.owner = QStringLiteral("CSM %1").arg(random.between(0, 9));
            if (random.chance(0.8))
                row.renewalDate = kToday.addDays(random.between(-30, 400));
            account.addBindValue(row.id);
            account.addBindValue(row.name);
            account.addBindValue(row.owner.isNull() ? QVariant() : QVariant(row.owner));
            account.addBindValue(row.renewalDate.isValid() ? QVariant(row.renewalDate.toString(Qt::ISODate))
                                                           : QVariant());
            if (random.chance(0.8))
                row.arr = double(random.between(1, 20)) * 500;
            account.addBindValue(row.arr ? QVariant(*row.arr) : QVariant());
            QVERIFY(account.exec());
            if (random.chance(0.9)) { // the others have no status yet
                row.stage = random.chance(0.5) ? QStringLiteral("adoption") : QStringLiteral("renewal");
                if (random.chance(0.9)) {
                    row.score = double(random.between(0, 40)) * 2.5;
                    row.band = *row.score >= 70 ? QStringLiteral("Good")
                        : *row.score >= 40      ? QStringLiteral("Normal")
                                                : QStringLiteral("Bad");
                }
                status.addBindValue(row.id);
                status.addBindValue(row.stage);
                status.addBindValue(row.score ? QVariant(*row.score) : QVariant());
                status.addBindValue(row.band.isEmpty() ? QVariant() : QVariant(row.band));
                if (random.chance(0.85))
                    row.lastActive = kToday.addDays(-random.between(0, 60));
                status.addBindValue(row.lastActive.isValid() ? QVariant(row.lastActive.toString(Qt::ISODate))
                                                             : QVariant());
                QVERIFY(status.exec());
            }
            m_all << row;
        }
        QVERIFY(transaction.commit());
        // Same-name ties break by name only: give the reference the same total order SQLite sees.
        std::sort(m_all.begin(), m_all.end(),
                  [](const CustomerRow& a, const CustomerRow& b) { return a.id < b.id; });
    }

    // Whichever way the query walks (sort everything, or walk an index and stop when the page is
    // full), the page is the same: the one the specification gives.
    void everyPlanGivesTheSpecifiedPage_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("band");
        QTest::addColumn<int>("renewal");
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("ascending");
        QTest::addColumn<int>("limit");
        const QStringList bands { QString(), QStringLiteral("Good"), QStringLiteral("Bad"),
                                  QStringLiteral("-") };
        // An id in the other case, and the characters LIKE would take for wildcards.
        const QStringList searches { QString(),
                                     QStringLiteral("acme"),
                                     QStringLiteral("さくら 1"),
                                     QStringLiteral("zzz"),
                                     QStringLiteral("a-0001"),
                                     QStringLiteral("%") };
        for (const QString& search : searches)
            for (const QString& band : bands)
                for (int renewal : { 0, 90 })
                    for (int column :
                         { int(CustomerQuery::Column::Score), int(CustomerQuery::Column::Name),
                           int(CustomerQuery::Column::Owner), int(CustomerQuery::Column::LastActive) })
                        for (bool ascending : { true, false })
                            for (int limit : { 20, 2900, 5000 }) {
                                const QByteArray tag = QStringLiteral("%1|%2|%3|%4|%5|%6")
                                                           .arg(search, band)
                                                           .arg(renewal)
                                                           .arg(column)
                                                           .arg(ascending)
                                                           .arg(limit)
                                                           .toUtf8();
                                QTest::newRow(tag.constData())
                                    << search << band << renewal << column << ascending << limit;
                            }
    }

    void everyPlanGivesTheSpecifiedPage()
    {
        QFETCH(QString, search);
        QFETCH(QString, band);
        QFETCH(int, renewal);
        QFETCH(int, column);
        QFETCH(bool, ascending);
        QFETCH(int, limit);
        const CustomerQuery query
            = queryOf(search, QString(), band, QString(), renewal, column, ascending, limit);
        QFETCH_GLOBAL(bool, inMemory);
        const Result<CustomerQuery::Page> page
            = inMemory ? m_list.run(query, *m_db, kToday) : query.run(*m_db, kToday);
        QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error()));
        QStringList ids;
        for (const CustomerRow& row : page->rows)
            ids << row.id;
        const QStringList want = expected(m_all, query);
        CustomerQuery all = query;
        all.limit = 1000000;
        QCOMPARE(page->total, qint64(expected(m_all, all).size()));
        // Equal sort keys and equal names may come in either order: compare the keys row by row.
        QCOMPARE(ids.size(), want.size());
        QHash<QString, CustomerRow> byId;
        for (const CustomerRow& row : m_all)
            byId.insert(row.id, row);
        for (int i = 0; i < ids.size(); ++i) {
            const CustomerRow& got = byId.value(ids[i]);
            const CustomerRow& wanted = byId.value(want[i]);
            QCOMPARE(page->rows[i].lastActive, got.lastActive); // what the list shows is what is stored
            QCOMPARE(page->rows[i].score, got.score);
            QCOMPARE(page->rows[i].trend, got.trend);
            const bool sameKey = got.name == wanted.name
                && (query.sortColumn != CustomerQuery::Column::Score || got.score == wanted.score)
                && (query.sortColumn != CustomerQuery::Column::Owner || got.owner == wanted.owner)
                && (query.sortColumn != CustomerQuery::Column::LastActive
                    || got.lastActive == wanted.lastActive);
            QVERIFY2(sameKey,
                     qPrintable(QStringLiteral("row %1: %2 (%3) instead of %4 (%5)")
                                    .arg(i)
                                    .arg(got.id, got.name, wanted.id, wanted.name)));
        }
    }

    // Every filter and sort column, held in memory, gives the page the query gives: the same
    // total, and row by row the same sort key and name, and what is stored of each row.
    void theListInMemoryGivesTheQuerysPage_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("band");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<int>("renewal");
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("ascending");
        QTest::addColumn<int>("limit");
        struct Filters
        {
            const char* search;
            const char* stage;
            const char* band;
            const char* owner;
            int renewal;
        };
        const Filters filters[] = {
            { "", "", "", "", 0 },
            { "ACME 1", "", "", "", 0 },
            { "", "renewal", "", "", 0 },
            { "", "", "Normal", "CSM 3", 0 },
            { "さくら", "adoption", "-", "", 0 },
            { "", "", "", "CSM 7", 120 },
            { "a-00", "renewal", "Good", "", 300 },
            { "", "trial", "", "", 0 }, // a stage no account is in
            { "", "", "", "nobody", 0 },
        };
        for (const Filters& f : filters)
            for (int column = int(CustomerQuery::Column::Name);
                 column <= int(CustomerQuery::Column::LastActive); ++column)
                for (bool ascending : { true, false })
                    for (int limit : { 7, 5000 })
                        QTest::addRow("%s|%s|%s|%s|%d|%d|%d|%d", f.search, f.stage, f.band, f.owner,
                                      f.renewal, column, int(ascending), limit)
                            << QString::fromUtf8(f.search) << QString::fromUtf8(f.stage)
                            << QString::fromUtf8(f.band) << QString::fromUtf8(f.owner) << f.renewal << column
                            << ascending << limit;
    }

    void theListInMemoryGivesTheQuerysPage()
    {
        QFETCH_GLOBAL(bool, inMemory);
        if (!inMemory)
            QSKIP("compares the two: once is enough");
        QFETCH(QString, search);
        QFETCH(QString, stage);
        QFETCH(QString, band);
        QFETCH(QString, owner);
        QFETCH(int, renewal);
        QFETCH(int, column);
        QFETCH(bool, ascending);
        QFETCH(int, limit);
        const CustomerQuery query = queryOf(search, stage, band, owner, renewal, column, ascending, limit);
        const Result<CustomerQuery::Page> sql = query.run(*m_db, kToday);
        const Result<CustomerQuery::Page> held = m_list.run(query, *m_db, kToday);
        QVERIFY2(sql.ok(), sql.ok() ? "" : qPrintable(sql.error()));
        QVERIFY2(held.ok(), held.ok() ? "" : qPrintable(held.error()));
        QCOMPARE(held->total, sql->total);
        QCOMPARE(held->rows.size(), sql->rows.size());
        // The sort column's value (as text) and the name of a row.
        const auto key = [&query](const CustomerRow& row) {
            QString value;
            switch (query.sortColumn) {
            case CustomerQuery::Column::Name:
                break;
            case CustomerQuery::Column::Owner:
                value = row.owner;
                break;
            case CustomerQuery::Column::Stage:
                value = row.stage;
                break;
            case CustomerQuery::Column::Score:
                value = row.score ? QString::number(*row.score) : QStringLiteral("none");
                break;
            case CustomerQuery::Column::Band:
                value = row.band;
                break;
            case CustomerQuery::Column::Arr:
                value = row.arr ? QString::number(*row.arr) : QStringLiteral("none");
                break;
            case CustomerQuery::Column::Renewal:
                value = row.renewalDate.toString(Qt::ISODate);
                break;
            case CustomerQuery::Column::LastActive:
                value = row.lastActive.toString(Qt::ISODate);
                break;
            }
            return value + u'|' + row.name;
        };
        if (m_stored.isEmpty()) { // every row as the query shows it, read once
            CustomerQuery everything;
            everything.limit = 1000000;
            const Result<CustomerQuery::Page> all = everything.run(*m_db, kToday);
            QVERIFY(all.ok());
            for (const CustomerRow& row : all->rows)
                m_stored.insert(row.id, row);
            QCOMPARE(m_stored.size(), m_all.size());
        }
        const QHash<QString, CustomerRow>& stored = m_stored;
        for (qsizetype i = 0; i < held->rows.size(); ++i) {
            const CustomerRow& got = held->rows[i];
            QCOMPARE(key(got), key(sql->rows[i]));
            const CustomerRow want = stored.value(got.id);
            QCOMPARE(got.id, want.id);
            QCOMPARE(got.name, want.name);
            QCOMPARE(got.owner, want.owner);
            QCOMPARE(got.stage, want.stage);
            QCOMPARE(got.score, want.score);
            QCOMPARE(got.band, want.band);
            QCOMPARE(got.arr, want.arr);
            QCOMPARE(got.currency, want.currency);
            QCOMPARE(got.renewalDate, want.renewalDate);
            QCOMPARE(got.lastActive, want.lastActive);
            QCOMPARE(got.trend, want.trend);
        }
    }

    // The search reads each account's folded text, which triggers keep whoever writes the account.
    void aRenamedAccountIsFoundByItsNewName()
    {
        test::TempWorkspace workspace;
        const std::unique_ptr<Database> db = workspace.open();
        QSqlQuery sql(db->connection());
        QVERIFY(sql.exec(QStringLiteral("INSERT INTO accounts (id, name, currency, updated_at) VALUES "
                                        "('X-1', 'Initech', 'USD', 0), ('X-2', 'Umbrella', 'USD', 0)")));
        QVERIFY(sql.exec(QStringLiteral("UPDATE accounts SET name = '株式会社ひまわり' WHERE id = 'X-1'")));
        QVERIFY(sql.exec(QStringLiteral("UPDATE accounts SET id = 'Y-2' WHERE id = 'X-2'")));
        // The ids found; a failed query lists its error, which no expected list holds.
        QFETCH_GLOBAL(bool, inMemory);
        CustomerList list;
        const auto found = [&](const QString& search) {
            CustomerQuery query;
            query.search = search;
            const Result<CustomerQuery::Page> page
                = inMemory ? list.run(query, *db, kToday) : query.run(*db, kToday);
            if (!page)
                return QStringList { QStringLiteral("error: ") + page.error() };
            QStringList ids;
            for (const CustomerRow& row : page->rows)
                ids << row.id;
            return ids;
        };
        QCOMPARE(found(QStringLiteral("ひまわり")), QStringList { QStringLiteral("X-1") });
        QCOMPARE(found(QStringLiteral("initech")), QStringList {});
        QCOMPARE(found(QStringLiteral("y-2")), QStringList { QStringLiteral("Y-2") });
        QCOMPARE(found(QStringLiteral("x-2")), QStringList {});
        // No match across the name and the id, which the folded text holds side by side.
        QCOMPARE(found(QStringLiteral("umbrellay")), QStringList {});
        QCOMPARE(found(QStringLiteral("umbrella") + QChar(0x1f) + QStringLiteral("y")), QStringList {});
        QCOMPARE(found(QString(QChar(0x1f))), QStringList {});
        // Written again through an upsert of its master data, a name is found as it is now. (With
        // a new update time, as Tenure writes an account: the list held in memory, as the engine,
        // knows that the accounts changed by their count and latest update.)
        QVERIFY(sql.exec(QStringLiteral("INSERT INTO accounts (id, name, currency, updated_at) VALUES "
                                        "('X-1', '100% 保守_A', 'USD', 1) ON CONFLICT (id) DO UPDATE SET "
                                        "name = excluded.name, updated_at = excluded.updated_at")));
        QCOMPARE(found(QStringLiteral("0% 保守_")), QStringList { QStringLiteral("X-1") });
        QCOMPARE(found(QStringLiteral("ひまわり")), QStringList {});
        // % and _ are characters like any other, not wildcards.
        QCOMPARE(found(QStringLiteral("1_0")), QStringList {});
        QCOMPARE(found(QStringLiteral("% 保守_a")), QStringList { QStringLiteral("X-1") });
    }

    // A workspace written before the folded text (schema 9) is searched like any other once opened.
    void anEarlierWorkspacesAccountsAreFoundOnceUpgraded()
    {
        test::TempWorkspace workspace;
        QCOMPARE(test::writeOutsideTenure(workspace.path(),
                                          test::schemaUpTo(9)
                                              << QStringLiteral("INSERT INTO accounts (id, name, currency, "
                                                                "updated_at) VALUES ('A-7', 'Globex Japan', "
                                                                "'USD', 0)")),
                 QString());
        const std::unique_ptr<Database> db = workspace.open();
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), Schema::currentVersion());
        CustomerQuery query;
        query.search = QStringLiteral("GLOBEX");
        QFETCH_GLOBAL(bool, inMemory);
        CustomerList list;
        const Result<CustomerQuery::Page> page
            = inMemory ? list.run(query, *db, kToday) : query.run(*db, kToday);
        QVERIFY2(page.ok(), page.ok() ? "" : qPrintable(page.error()));
        QCOMPARE(page->total, qint64(1));
        QCOMPARE(page->rows.value(0).id, QStringLiteral("A-7"));
    }
};

QTEST_GUILESS_MAIN(TestCustomerQuery)
#include "TestCustomerQuery.moc"
