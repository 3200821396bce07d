#include "TestSupport.h"
#include "store/EventLog.h"
#include "store/EventSegment.h"
#include "store/SourceStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace tenure;

namespace {

struct Row
{
    qint64 seq;
    QByteArray account;
    QByteArray user; // null: none
    QByteArray name;
    qint64 occurredAt;
    double quantity;
    bool operator==(const Row&) const = default;
};

QList<Row> decode(const QByteArray& data, bool* ok = nullptr)
{
    QList<Row> rows;
    std::optional<EventSegment::Reader> reader = EventSegment::Reader::open(data);
    if (!reader) {
        if (ok)
            *ok = false;
        return rows;
    }
    EventSegment::Entry entry;
    while (reader->next(entry)) {
        rows.append({ entry.seq, reader->accounts().at(entry.account).toByteArray(),
                      entry.user ? reader->users().at(*entry.user).toByteArray() : QByteArray(),
                      reader->names().at(entry.name).toByteArray(), entry.occurredAt, entry.quantity });
    }
    if (ok)
        *ok = reader->ok() && rows.size() == reader->events();
    return rows;
}

QByteArray encode(const QList<Row>& rows)
{
    EventSegment::Writer writer;
    for (const Row& row : rows)
        writer.add(row.seq, row.account, row.user.isNull() ? QByteArrayView() : QByteArrayView(row.user),
                   row.name, row.occurredAt, row.quantity);
    return writer.finish();
}

const QList<Row> kRows {
    { 5, "A-1", "u-1", "login", 1772323200000, 1 },
    { 6, QStringLiteral("株式会社さくら").toUtf8(), {}, "report_created", 1772323100000, 0 },
    { 9, "A-1", "u-2", "login", 1772409600123, 2.5 },
    { 10, "A-2", "u-1", QStringLiteral("ログイン").toUtf8(), 946684800000, -3 },
    { 11, "A-1", "u-1", "api_call", 4102444799999, 4503599627370495.0 },
    { 4000000000, "A-2", "", "login", 1772409600000, 1e300 },
};

} // namespace

class TestEventSegment : public QObject
{
    Q_OBJECT

private slots:
    // Every field comes back as written: Japanese text, no user, an empty user, fractional,
    // negative and huge quantities, times going backwards, gaps in the seqs.
    void roundTrips()
    {
        bool ok = false;
        QCOMPARE(decode(encode(kRows), &ok), kRows);
        QVERIFY(ok);
        // Repeated strings are stored once: a second batch of the same names costs a few bytes an event.
        QList<Row> many;
        for (int i = 0; i < 1000; ++i)
            many.append({ 100 + i, "A-1", "u-1", "login", 1772323200000 + i * 1000, 1 });
        const QByteArray packed = encode(many);
        QVERIFY2(packed.size() < 1000 * 8, qPrintable(QString::number(packed.size())));
        QCOMPARE(decode(packed, &ok), many);
        QVERIFY(ok);
    }

    // Damage never reads as a whole segment: a truncated or altered blob is refused, not guessed at.
    void damageIsDetected()
    {
        const QByteArray good = encode(kRows);
        for (qsizetype size = 0; size < good.size(); ++size) {
            bool ok = true;
            const QList<Row> rows = decode(good.left(size), &ok);
            QVERIFY2(!ok, qPrintable(QStringLiteral("a segment cut to %1 bytes read as whole").arg(size)));
            QVERIFY(rows.size() < kRows.size());
        }
        QByteArray trailing = good + '\0';
        bool ok = true;
        decode(trailing, &ok);
        QVERIFY(!ok);
        QByteArray otherFormat = good;
        otherFormat[0] = 2;
        QVERIFY(!EventSegment::Reader::open(otherFormat));
    }

    // An append writes one segment for the rows it inserted, in the same transaction: not the
    // duplicates, not the rejected rows; and it reads back as exactly those rows.
    void appendWritesTheSegmentOfItsRows()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        QVERIFY(SourceStore(*db).ensure(QStringLiteral("test"), QStringLiteral("csv")).ok());
        auto event = [](const QString& id, const QString& account, const QString& user, double quantity) {
            Event e;
            e.source = QStringLiteral("test");
            e.externalId = id;
            e.accountId = account;
            e.userId = user;
            e.name = QStringLiteral("login");
            e.occurredAt = test::utcMs(2026, 3, 1) + id.size() * 1000;
            e.quantity = quantity;
            return e;
        };
        QVERIFY(EventLog(*db)
                    .append(QList<Event> { event(QStringLiteral("e1"), QStringLiteral("A"), {}, 1) })
                    .ok());
        QList<Event> batch { event(QStringLiteral("e1"), QStringLiteral("A"), {}, 1), // a duplicate
                             event(QStringLiteral("e2"), QStringLiteral("株式会社さくら"),
                                   QStringLiteral("u"), 2),
                             event(QStringLiteral("e3"), QString(), {}, 1), // rejected: no account
                             event(QStringLiteral("e4"), QStringLiteral("B"), QStringLiteral("u"), 0.5) };
        const auto appended = EventLog(*db).append(batch);
        QVERIFY(appended.ok());
        QCOMPARE(appended->inserted, 2);

        QSqlQuery segments(db->connection());
        QVERIFY(segments.exec(QStringLiteral(
            "SELECT first_seq, last_seq, events, data FROM event_segments ORDER BY first_seq")));
        QList<Row> fromSegments;
        int count = 0;
        while (segments.next()) {
            ++count;
            bool ok = false;
            const QList<Row> rows = decode(segments.value(3).toByteArray(), &ok);
            QVERIFY(ok);
            QCOMPARE(rows.size(), segments.value(2).toLongLong());
            QCOMPARE(rows.first().seq, segments.value(0).toLongLong());
            QCOMPARE(rows.last().seq, segments.value(1).toLongLong());
            fromSegments += rows;
        }
        QCOMPARE(count, 2);
        QSqlQuery events(db->connection());
        QVERIFY(events.exec(QStringLiteral(
            "SELECT seq, account_id, user_id, name, occurred_at, quantity FROM events ORDER BY seq")));
        QList<Row> fromRows;
        while (events.next()) {
            fromRows.append({ events.value(0).toLongLong(), events.value(1).toString().toUtf8(),
                              events.value(2).isNull() ? QByteArray() : events.value(2).toString().toUtf8(),
                              events.value(3).toString().toUtf8(), events.value(4).toLongLong(),
                              events.value(5).toDouble() });
        }
        QCOMPARE(fromRows.size(), 3);
        QCOMPARE(fromSegments, fromRows);

        // A batch rolled back whole leaves no segment either.
        QList<Event> refused { event(QStringLiteral("e5"), QStringLiteral("A"), {}, 1),
                               event(QStringLiteral("e6"), QString(), {}, 1) };
        const auto none = EventLog(*db).append(refused, EventLog::Policy::AllOrNothing);
        QVERIFY(none.ok());
        QCOMPARE(none->inserted, 0);
        QSqlQuery total(db->connection());
        QVERIFY(total.exec(QStringLiteral("SELECT count(*), sum(events) FROM event_segments"))
                && total.next());
        QCOMPARE(total.value(0).toInt(), 2);
        QCOMPARE(total.value(1).toInt(), 3);
    }

    void segmentsAreAppendOnly()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        QVERIFY(SourceStore(*db).ensure(QStringLiteral("test"), QStringLiteral("csv")).ok());
        Event e;
        e.source = QStringLiteral("test");
        e.externalId = QStringLiteral("e1");
        e.accountId = QStringLiteral("A");
        e.name = QStringLiteral("login");
        e.occurredAt = test::utcMs(2026, 3, 1);
        QVERIFY(EventLog(*db).append(QList<Event> { e }).ok());
        QSqlQuery query(db->connection());
        QVERIFY(!query.exec(QStringLiteral("UPDATE event_segments SET data = x'00'")));
        QVERIFY(query.lastError().text().contains(QLatin1String("append-only")));
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM event_segments")));
        QVERIFY(query.lastError().text().contains(QLatin1String("append-only")));
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM event_segments")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEventSegment)
#include "TestEventSegment.moc"
