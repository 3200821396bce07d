#include "TestSupport.h"
#include "rules/EventNames.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"
#include "store/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <sqlite3.h>

#include <atomic>

using namespace tenure;

namespace {

Event makeEvent(const QString& id, const QString& account = QStringLiteral("A-1"))
{
    Event event;
    event.source = QStringLiteral("test");
    event.externalId = id;
    event.accountId = account;
    event.userId = QStringLiteral("u-1");
    event.name = QStringLiteral("login");
    event.occurredAt = test::utcMs(2026, 3, 1);
    return event;
}

std::unique_ptr<Database> openWithSource(const test::TempWorkspace& workspace)
{
    auto db = workspace.open();
    if (!SourceStore(*db).ensure(QStringLiteral("test"), QStringLiteral("csv")))
        qFatal("cannot register the test source");
    return db;
}

} // namespace

class TestEventLog : public QObject
{
    Q_OBJECT

private slots:
    void appendsAndReadsBackInOrder()
    {
        test::TempWorkspace workspace;
        auto db = openWithSource(workspace);
        EventLog log(*db);
        QList<Event> events;
        for (int i = 0; i < 5; ++i)
            events << makeEvent(QStringLiteral("e%1").arg(i));
        events[2].accountId = QStringLiteral("株式会社さくら");
        events[2].properties = QByteArrayLiteral(R"({"plan":"プロ","n":3})");
        events[3].quantity = 9;
        events[4].userId.clear();

        const auto result = log.append(events);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error()));
        QCOMPARE(result->inserted, 5);
        QCOMPARE(result->duplicates, 0);
        QVERIFY(result->rejected.isEmpty());
        QVERIFY(result->committed);
        QCOMPARE(result->lastSeq, 5);
        QCOMPARE(log.count(), 5);

        const auto rows = log.readAfter(1, 10);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 4);
        QCOMPARE(rows->at(0).seq, 2);
        QCOMPARE(rows->at(1).event.accountId, QStringLiteral("株式会社さくら"));
        QCOMPARE(rows->at(1).event.properties, QByteArrayLiteral(R"({"plan":"プロ","n":3})"));
        QCOMPARE(rows->at(2).event.quantity, 9.0);
        QVERIFY(rows->at(3).event.userId.isEmpty());
        QCOMPARE(rows->at(0).event.properties, QByteArrayLiteral("{}"));
        QVERIFY(rows->at(0).receivedAt > 0);
    }

    void duplicatesAreCountedNotStored()
    {
        test::TempWorkspace workspace;
        auto db = openWithSource(workspace);
        EventLog log(*db);
        const QList<Event> first { makeEvent(QStringLiteral("a")), makeEvent(QStringLiteral("b")),
                                   makeEvent(QStringLiteral("a")) };
        const auto once = log.append(first);
        QVERIFY(once.ok());
        QCOMPARE(once->inserted, 2);
        QCOMPARE(once->duplicates, 1);

        QList<Event> again { makeEvent(QStringLiteral("b")), makeEvent(QStringLiteral("c")) };
        again[0].name = QStringLiteral("changed"); // same key: still the same event, never overwritten
        const auto twice = log.append(again);
        QVERIFY(twice.ok());
        QCOMPARE(twice->inserted, 1);
        QCOMPARE(twice->duplicates, 1);
        QCOMPARE(log.count(), 3);
        const auto rows = log.readAfter(0, 10);
        QCOMPARE(rows->at(1).event.name, QStringLiteral("login"));
    }

    void malformedRowsAreRejectedWithReasons_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no account") << 0 << "account id is empty";
        QTest::newRow("no name") << 1 << "event name is empty";
        QTest::newRow("seconds, not ms") << 2 << "outside 2000-01-01";
        QTest::newRow("broken json") << 3 << "not valid JSON";
        QTest::newRow("json array") << 4 << "must be a JSON object";
        QTest::newRow("unknown source") << 5 << "not registered";
        QTest::newRow("no external id") << 6 << "external id is empty";
        QTest::newRow("nan quantity") << 7 << "not a finite number";
    }

    void malformedRowsAreRejectedWithReasons()
    {
        QFETCH(int, field);
        QFETCH(QString, reason);
        test::TempWorkspace workspace;
        auto db = openWithSource(workspace);
        EventLog log(*db);
        QList<Event> events { makeEvent(QStringLiteral("ok1")), makeEvent(QStringLiteral("bad")),
                              makeEvent(QStringLiteral("ok2")) };
        Event& bad = events[1];
        switch (field) {
        case 0:
            bad.accountId.clear();
            break;
        case 1:
            bad.name.clear();
            break;
        case 2:
            bad.occurredAt = 1772366400;
            break;
        case 3:
            bad.properties = QByteArrayLiteral(R"({"a": )");
            break;
        case 4:
            bad.properties = QByteArrayLiteral("[1,2]");
            break;
        case 5:
            bad.source = QStringLiteral("nowhere");
            break;
        case 6:
            bad.externalId.clear();
            break;
        case 7:
            bad.quantity = std::nan("");
            break;
        }

        const auto skipped = log.append(events, EventLog::Policy::SkipInvalid);
        QVERIFY(skipped.ok());
        QCOMPARE(skipped->inserted, 2);
        QCOMPARE(skipped->rejected.size(), 1);
        QCOMPARE(skipped->rejected.first().index, 1);
        QVERIFY2(skipped->rejected.first().reason.contains(reason),
                 qPrintable(skipped->rejected.first().reason));
        QCOMPARE(log.count(), 2);

        // Nothing half-written: with AllOrNothing the good rows of the batch are not kept either.
        for (Event& event : events)
            event.externalId += QStringLiteral("-again");
        if (field == 6)
            events[1].externalId.clear();
        const auto strict = log.append(events, EventLog::Policy::AllOrNothing);
        QVERIFY(strict.ok());
        QVERIFY(!strict->committed);
        QCOMPARE(strict->inserted, 0);
        QCOMPARE(strict->rejected.size(), 1);
        QCOMPARE(log.count(), 2);
    }

    // The rules editor's names of the log: read once whole, then only those logged since.
    void eventNamesAreReadSinceTheLastSeq()
    {
        test::TempWorkspace workspace;
        auto db = openWithSource(workspace);
        EventLog log(*db);
        const auto named = [](const QString& id, const QString& name) {
            Event event = makeEvent(id);
            event.name = name;
            return event;
        };
        QVERIFY(log.append(QList<Event> { named(QStringLiteral("1"), QStringLiteral("login")),
                                          named(QStringLiteral("2"), QStringLiteral("invite_sent")) })
                    .ok());
        EventNames::Known known; // as a view keeps them, load after load
        Result<EventNames::Read> read = EventNames::readAfter(*db, known.lastSeq());
        QVERIFY(read.ok() && read->whole);
        QCOMPARE(read->names, QStringList({ QStringLiteral("invite_sent"), QStringLiteral("login") }));
        known.add(*read);
        QVERIFY(known.lastSeq() > 0);
        QVERIFY(
            log.append(QList<Event> { named(QStringLiteral("3"), QStringLiteral("report_created")) }).ok());
        read = EventNames::readAfter(*db, known.lastSeq());
        QVERIFY(read.ok() && !read->whole);
        QCOMPARE(read->names, QStringList { QStringLiteral("report_created") });
        known.add(*read);
        QCOMPARE(known.sorted(),
                 QStringList({ QStringLiteral("invite_sent"), QStringLiteral("login"),
                               QStringLiteral("report_created") }));
        read = EventNames::readAfter(*db, known.lastSeq());
        QVERIFY(read.ok() && !read->whole && read->names.isEmpty());
        // A copy that started over (its last seq below the one remembered) is read whole, and
        // replaces the names known before.
        read = EventNames::readAfter(*db, 1000);
        QVERIFY(read.ok() && read->whole);
        QCOMPARE(read->names.size(), 3);
        EventNames::Known before;
        before.add({ { QStringLiteral("gone") }, 1000, true });
        before.add(*read);
        QCOMPARE(before.sorted(), known.sorted());
        QCOMPARE(before.lastSeq(), known.lastSeq());
    }

    void updateAndDeleteFailInTheDatabase()
    {
        test::TempWorkspace workspace;
        auto db = openWithSource(workspace);
        EventLog log(*db);
        QVERIFY(log.append(QList<Event> { makeEvent(QStringLiteral("x")) }).ok());

        QSqlQuery update(db->connection());
        QVERIFY(!update.exec(QStringLiteral("UPDATE events SET name = 'tampered'")));
        QVERIFY2(update.lastError().text().contains(QLatin1String("append-only")),
                 qPrintable(update.lastError().text()));
        QSqlQuery remove(db->connection());
        QVERIFY(!remove.exec(QStringLiteral("DELETE FROM events")));
        QVERIFY2(remove.lastError().text().contains(QLatin1String("append-only")),
                 qPrintable(remove.lastError().text()));
        QSqlQuery replace(db->connection());
        QVERIFY(!replace.exec(QStringLiteral(
            "INSERT OR REPLACE INTO events (source, external_id, account_id, name, occurred_at, received_at) "
            "VALUES ('test', 'x', 'A-1', 'tampered', 1772366400000, 0)")));

        const auto rows = log.readAfter(0, 10);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().event.name, QStringLiteral("login"));
    }

    void appendJoinsTheCallersTransaction()
    {
        test::TempWorkspace workspace;
        auto db = openWithSource(workspace);
        EventLog log(*db);
        {
            Transaction outer(*db);
            QVERIFY(outer.isActive());
            const auto result = log.append(
                QList<Event> { makeEvent(QStringLiteral("p1")), makeEvent(QStringLiteral("p2")) });
            QVERIFY(result.ok());
            QCOMPARE(result->inserted, 2);
            // outer goes out of scope uncommitted: the page and everything with it roll back
        }
        QCOMPARE(log.count(), 0);
        {
            Transaction outer(*db);
            QVERIFY(log.append(QList<Event> { makeEvent(QStringLiteral("p1")) }).ok());
            QVERIFY(outer.commit().ok());
        }
        QCOMPARE(log.count(), 1);
    }

    void readerSeesWholeBatchesWhileWriterAppends()
    {
        test::TempWorkspace workspace;
        openWithSource(workspace).reset();
        constexpr int kBatches = 20;
        constexpr int kBatchSize = 500;
        std::atomic_bool done = false;
        QString writerError;
        QThread* writer = QThread::create([&] {
            auto db = workspace.open();
            EventLog log(*db);
            for (int b = 0; b < kBatches && writerError.isEmpty(); ++b) {
                QList<Event> batch;
                for (int i = 0; i < kBatchSize; ++i)
                    batch << makeEvent(QStringLiteral("%1-%2").arg(b).arg(i));
                const auto result = log.append(batch);
                if (!result || result->inserted != kBatchSize)
                    writerError = result ? QStringLiteral("short batch") : result.error();
            }
            done = true;
        });
        writer->start();

        auto reader = workspace.open(Database::Mode::ReadOnly);
        EventLog log(*reader);
        int reads = 0;
        qint64 last = 0;
        while (!done || reads == 0) {
            const qint64 seen = log.count();
            QVERIFY2(seen >= 0, "the reader failed while the writer held the lock");
            QCOMPARE(seen % kBatchSize, 0); // never a half batch
            QVERIFY(seen >= last);
            last = seen;
            ++reads;
        }
        writer->wait();
        delete writer;
        QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
        QCOMPARE(log.count(), qint64(kBatches * kBatchSize));
        QVERIFY(reads > 1);
    }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "TestEventLog.moc"
