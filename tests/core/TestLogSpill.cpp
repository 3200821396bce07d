#include "TestSupport.h"
#include "demo/DemoRandom.h"
#include "engine/DayClock.h"
#include "engine/LogPartition.h"
#include "engine/LogSpill.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"
#include "util/SortedNumbering.h"
#include "util/StringNumbering.h"

#include <QTest>
#include <QThread>

#include <algorithm>
#include <climits>
#include <map>
#include <set>

using namespace tenure;

// The parts of a rebuild's read of the log: the string numbering of its scan, how accounts are
// split into partitions, the spill's scan (on this thread or two others) and each account's
// activity as a partition builds it. TestScoringEngine checks the whole: that a rebuild gives the
// summaries incremental runs give.
class TestLogSpill : public QObject
{
    Q_OBJECT

private slots:
    // Numbering many texts at once (with the table's slots fetched ahead) gives the numbers that
    // numbering them one at a time gives, through the table's growth and repeats in one batch.
    void numbersOfMatchesNumberingOneAtATime()
    {
        StringNumbering batched;
        StringNumbering single;
        DemoRandom random(7);
        std::vector<QByteArray> storage;
        for (int batch = 0; batch < 40; ++batch) {
            storage.clear();
            for (int i = 0; i < 250; ++i) {
                const quint64 n = random.next() % 3000; // repeats within and across batches
                storage.push_back(n % 7 == 0 ? QStringLiteral("株式会社-%1").arg(n).toUtf8()
                                             : QByteArray::number(n));
            }
            storage.push_back({}); // the empty text is a text too
            const std::vector<QByteArrayView> texts(storage.begin(), storage.end());
            std::vector<quint32> numbers;
            batched.numbersOf(texts, numbers);
            QCOMPARE(numbers.size(), texts.size());
            for (std::size_t i = 0; i < texts.size(); ++i)
                QCOMPARE(numbers[i], single.numberOf(texts[i]));
        }
        QCOMPARE(batched.size(), single.size());
        QVERIFY(batched.size() > 1000); // the table grew several times
        for (quint32 n = 0; n < batched.size(); ++n)
            QCOMPARE(batched.text(n), single.text(n));
        std::vector<quint32> none;
        batched.numbersOf({}, none);
        QVERIFY(none.empty());
    }

    // Ranges hold about as many of the known ids each, in the order SQLite sorts TEXT (bytes of
    // UTF-8), so that partitions scored in turn write in key order; ids not known beforehand fall
    // in the range they sort into.
    // The rebuild's one numbering: the union of the scan threads' tables, each string once,
    // numbered in QString's order (UTF-16 code units: "Z" before "a", "ａ" after both), whichever
    // table and key a string came with.
    void sortedNumberingNumbersTheUnionInTextOrder()
    {
        const std::vector<QStringList> tables {
            { QStringLiteral("b"), QStringLiteral("佐藤"), QStringLiteral("a"), QStringLiteral("Z") },
            { QStringLiteral("ａ"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("a") },
            {},
        };
        const SortedNumbering numbering(tables);
        const QStringList expected { QStringLiteral("Z"), QStringLiteral("a"), QStringLiteral("b"),
                                     QStringLiteral("佐藤"), QStringLiteral("ａ") };
        QCOMPARE(numbering.texts(), expected);
        for (std::size_t t = 0; t < tables.size(); ++t) {
            QCOMPARE(numbering.numbers(t).size(), std::size_t(tables[t].size()));
            for (qsizetype k = 0; k < tables[t].size(); ++k)
                QCOMPARE(numbering.texts()[numbering.numbers(t)[std::size_t(k)]], tables[t][k]);
        }
        QCOMPARE(numbering.numbers(1)[1], numbering.numbers(1)[3]); // one string, one number
    }

    void partitionsByRangesFollowTheIdsOrder()
    {
        std::vector<QByteArray> ids;
        for (int i = 0; i < 1000; ++i)
            ids.push_back(QByteArray("A-") + QByteArray::number(i).rightJustified(5, '0'));
        ids.push_back(QStringLiteral("株式会社あおば").toUtf8()); // after every ASCII byte
        std::sort(ids.begin(), ids.end());
        const AccountPartitioning ranges = AccountPartitioning::byRanges(ids, 4);
        QCOMPARE(ranges.count(), 4);
        int previous = 0;
        std::map<int, int> sizes;
        for (const QByteArray& id : ids) {
            const int partition = ranges.of(id);
            QVERIFY(partition >= previous); // never back: ranges, in order
            previous = partition;
            ++sizes[partition];
        }
        QCOMPARE(int(sizes.size()), 4);
        for (const auto& [partition, size] : sizes)
            QVERIFY2(size >= 240 && size <= 260, qPrintable(QString::number(size)));
        QCOMPARE(ranges.of(QByteArray("0-unknown")), 0); // sorts before every known id
        QCOMPARE(ranges.of(QByteArray("B-unknown")), 3); // after every ASCII one
        QCOMPARE(ranges.of(QStringLiteral("株式会社わかば").toUtf8()), 3);
        QCOMPARE(ranges.of(ids[500]), ranges.of(QByteArray(ids[500] + "x")));

        // Too few ids to split: by hash, every partition in range, the same account the same one.
        const AccountPartitioning hashed = AccountPartitioning::byRanges({ "A", "B" }, 5);
        std::set<int> seen;
        for (const QByteArray& id : ids) {
            const int partition = hashed.of(id);
            QVERIFY(partition >= 0 && partition < 5);
            QCOMPARE(hashed.of(id), partition);
            seen.insert(partition);
        }
        QCOMPARE(int(seen.size()), 5);
        QCOMPARE(AccountPartitioning::byHash(1).of(QByteArray("anything")), 0);
    }

    // An account's activity built from its events gathered in a partition is the one that adding
    // them one by one gives, byte for byte and in what it answers: events out of order, several
    // a day of one name (summed in the same order), fractional and negative quantities, events
    // without a user, Japanese names and users.
    void builtActivityEqualsTheAddedOne()
    {
        const QStringList accounts { QStringLiteral("B-2"), QStringLiteral("A-1"),
                                     QStringLiteral("株式会社さくら"), QStringLiteral("C-3") };
        const std::vector<QString> names { QStringLiteral("login"), QStringLiteral("ログイン"),
                                           QStringLiteral("export"), QStringLiteral("api_call") };
        const QStringList users { QStringLiteral("u-9"), QStringLiteral("佐藤"), QStringLiteral("bob"),
                                  QStringLiteral("alice"), QStringLiteral("u-10") };
        DemoRandom random(11);
        std::vector<std::pair<quint32, LogPartition::Event>> events; // (account's slot, event)
        std::vector<AccountActivity> added(std::size_t(accounts.size()));
        for (int i = 0; i < 3000; ++i) {
            auto slot = quint32(random.next() % quint64(accounts.size() - 1)); // C-3 has none
            const auto name = quint32(random.next() % names.size());
            const quint32 user = random.next() % 5 == 0 ? LogPartition::kNoUser
                                                        : quint32(random.next() % quint64(users.size()));
            const int day = 20000 + int(random.next() % 60) - (i % 3 == 0 ? 400 : 0);
            const double quantity = i % 5 == 0 ? double(random.next() % 1000) / 10 - 4 : 1; // sums by order
            events.push_back({ slot, { name, user, day, quantity } });
            added[slot].addDaily(names[name], day, quantity);
            if (user != LogPartition::kNoUser)
                added[slot].addUser(day, users.at(user));
        }
        // Gathered by account, with the rebuild's numbers (sorted), as LogSpill::gather() hands
        // them over.
        const SortedNumbering accountNumbers({ accounts });
        const SortedNumbering nameNumbers({ QStringList(names.begin(), names.end()) });
        const SortedNumbering userNumbers({ users });
        std::vector<std::size_t> start { 0 };
        HugeVector<LogPartition::Event> byAccount;
        for (quint32 number = 0; number < quint32(accountNumbers.size()); ++number) {
            for (const auto& [of, event] : events) {
                if (accountNumbers.numbers(0)[of] != number)
                    continue;
                LogPartition::Event renumbered = event;
                renumbered.name = nameNumbers.numbers(0)[event.name];
                if (event.user != LogPartition::kNoUser)
                    renumbered.user = userNumbers.numbers(0)[event.user];
                byAccount.push_back(renumbered);
            }
            start.push_back(byAccount.size());
        }
        LogPartition partition(accountNumbers.texts(), nameNumbers.texts(), userNumbers.texts(), byAccount,
                               start);
        QStringList sorted = accounts;
        sorted.sort();
        QCOMPARE(partition.ids(), sorted);
        LogPartition::Builder builder(partition);
        for (qsizetype index = 0; index < partition.ids().size(); ++index) {
            AccountActivity& expected = added[std::size_t(accounts.indexOf(partition.ids()[index]))];
            expected.finish();
            const AccountActivity built = builder.build(index);
            QCOMPARE(built.serialize(), expected.serialize());
            QCOMPARE(built.isEmpty(), expected.isEmpty());
            for (int to : { 19600, 20010, 20059, 20100 }) {
                QCOMPARE(built.sum({}, to - 29, to), expected.sum({}, to - 29, to));
                QCOMPARE(built.sum({ QStringLiteral("ログイン") }, to - 6, to),
                         expected.sum({ QStringLiteral("ログイン") }, to - 6, to));
                QCOMPARE(built.distinctUsers(to - 29, to), expected.distinctUsers(to - 29, to));
                QCOMPARE(built.lastDay({ QStringLiteral("export") }, to),
                         expected.lastDay({ QStringLiteral("export") }, to));
            }
        }
    }

    // The spill holds every event of the log up to its high-water mark, in the partitions the
    // partitioning names, whether two threads scan the log or this one does; either way the work
    // given to run meanwhile runs once, on this thread.
    void spillHoldsEveryEventOnceEitherWay()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        QVERIFY(SourceStore(*db).ensure(QStringLiteral("test"), QStringLiteral("csv")).ok());
        std::map<QString, int> perAccount;
        for (int batch = 0; batch < 12; ++batch) { // twelve segments
            QList<Event> events;
            for (int i = 0; i < 50; ++i) {
                Event e;
                e.source = QStringLiteral("test");
                e.externalId = QStringLiteral("%1-%2").arg(batch).arg(i);
                e.accountId = QStringLiteral("A-%1").arg((batch * 7 + i) % 40, 2, 10, QLatin1Char('0'));
                e.userId = QStringLiteral("u-%1").arg(i % 3);
                e.name = QStringLiteral("login");
                e.occurredAt = test::utcMs(2026, 3, 1 + i % 20);
                events << e;
                ++perAccount[e.accountId];
            }
            QVERIFY(EventLog(*db).append(events).ok());
        }
        const qint64 upTo = EventLog(*db).lastSeq();
        QCOMPARE(upTo, 600);
        std::vector<QByteArray> ids;
        for (int i = 0; i < 40; i += 2) // half the accounts known beforehand
            ids.push_back(QStringLiteral("A-%1").arg(i, 2, 10, QLatin1Char('0')).toUtf8());
        const AccountPartitioning partitioning = AccountPartitioning::byRanges(ids, 3);
        const DayClock clock(QTimeZone("Asia/Tokyo"));

        for (const qint64 parallelFrom : { qint64(1), qint64(1000000) }) {
            int meanwhile = 0;
            bool onThisThread = false;
            qint64 reported = -1;
            Result<std::unique_ptr<LogSpill>> spill = LogSpill::write(
                db->handle(), clock, upTo, partitioning, parallelFrom,
                [&](qint64 rows) { reported = std::max(reported, rows); },
                [&] {
                    ++meanwhile;
                    onThisThread = QThread::currentThread() == thread();
                },
                nullptr);
            QVERIFY2(spill.ok(), spill.ok() ? "" : qPrintable(spill.error()));
            QCOMPARE(meanwhile, 1);
            QVERIFY(onThisThread);
            QVERIFY(reported >= 0);
            QCOMPARE(spill.value()->rows(), upTo);
            std::map<QString, int> gathered;
            for (int p = 0; p < partitioning.count(); ++p) {
                Result<std::unique_ptr<LogPartition>> partition = spill.value()->gather(p);
                QVERIFY2(partition.ok(), partition.ok() ? "" : qPrintable(partition.error()));
                LogPartition::Builder builder(*partition.value());
                for (qsizetype i = 0; i < partition.value()->ids().size(); ++i) {
                    const QString& id = partition.value()->ids()[i];
                    QCOMPARE(partitioning.of(id.toUtf8()), p);
                    QVERIFY(!gathered.count(id)); // in one partition only
                    gathered[id] = int(builder.build(i).sum({}, INT_MIN / 2, INT_MAX / 2));
                }
                spill.value()->recycle(partition.value()->takeEvents()); // and the next reuses it
            }
            QCOMPARE(gathered, perAccount);
        }
    }
};

QTEST_GUILESS_MAIN(TestLogSpill)
#include "TestLogSpill.moc"
