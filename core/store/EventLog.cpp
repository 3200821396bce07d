#include "store/EventLog.h"

#include "store/Database.h"
#include "store/EventSegment.h"
#include "store/SqliteStatement.h"
#include "store/Transaction.h"

#include <QDateTime>
#include <QSet>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace tenure {

namespace {

// 2000-01-01 and 2100-01-01 UTC: anything outside is a unit mistake (seconds for ms) or junk.
constexpr qint64 kEarliest = 946684800000LL;
constexpr qint64 kLatest = 4102444800000LL;

QString describeConstraint(const QString& message)
{
    if (message.contains(QLatin1String("json_valid")))
        return EventLog::tr("properties is not valid JSON");
    if (message.contains(QLatin1String("FOREIGN KEY")))
        return EventLog::tr("source is not registered in this workspace");
    return message;
}

} // namespace

EventLog::EventLog(Database& db)
    : m_db(db)
{
}

namespace {

// Field access per row type: QString rows bind UTF-16 (SQLite converts), UTF-8 rows bind as they are.
QString sourceKey(const Event& event)
{
    return event.source;
}
QString sourceKey(const EncodedEvent& event)
{
    return QString::fromUtf8(event.source);
}

// The engine's fields as UTF-8, for the batch's segment.
QByteArray utf8(const QString& text)
{
    return text.isEmpty() ? QByteArray() : text.toUtf8();
}
const QByteArray& utf8(const QByteArray& text)
{
    return text;
}

void bindText(const SqliteStatement& statement, int index, const QString& text)
{
    statement.bind(index, text);
}
void bindText(const SqliteStatement& statement, int index, const QByteArray& text)
{
    if (text.isNull())
        sqlite3_bind_null(statement.get(), index);
    else
        sqlite3_bind_text(statement.get(), index, text.constData(), int(text.size()), SQLITE_STATIC);
}

template <typename Row> QString validateRow(const Row& event)
{
    if (event.source.isEmpty())
        return EventLog::tr("source is empty");
    if (event.externalId.isEmpty())
        return EventLog::tr("external id is empty");
    if (event.accountId.isEmpty())
        return EventLog::tr("account id is empty");
    if (event.name.isEmpty())
        return EventLog::tr("event name is empty");
    if (event.occurredAt < kEarliest || event.occurredAt >= kLatest)
        return EventLog::tr(
                   "time %1 is outside 2000-01-01..2100-01-01 (expected UTC milliseconds since 1970)")
            .arg(event.occurredAt);
    if (!std::isfinite(event.quantity))
        return EventLog::tr("quantity is not a finite number");
    if (!event.properties.isEmpty()) {
        // The first character that is not white space opens an object (no copy: this runs per row).
        const auto first = std::find_if(event.properties.cbegin(), event.properties.cend(), [](char c) {
            return c != ' ' && c != '\t' && c != '\n' && c != '\r';
        });
        if (first == event.properties.cend() || *first != '{')
            return EventLog::tr("properties must be a JSON object");
    }
    return {};
}

} // namespace

QString EventLog::validate(const Event& event)
{
    return validateRow(event);
}

QString EventLog::validate(const EncodedEvent& event)
{
    return validateRow(event);
}

Result<EventLog::AppendResult> EventLog::append(std::span<const Event> events, Policy policy)
{
    return appendRows(events, policy);
}

Result<EventLog::AppendResult> EventLog::append(std::span<const EncodedEvent> events, Policy policy)
{
    return appendRows(events, policy);
}

template <typename Row>
Result<EventLog::AppendResult> EventLog::appendRows(std::span<const Row> events, Policy policy)
{
    AppendResult result;
    if (events.empty()) {
        result.committed = true;
        return result;
    }
    sqlite3* handle = m_db.handle();

    // Unknown sources are reported by name rather than as a bare foreign-key failure.
    QSet<QString> knownSources;
    {
        Result<SqliteStatement> sources = SqliteStatement::prepare(handle, "SELECT name FROM sources");
        if (!sources)
            return Error { sources.error() };
        while (sqlite3_step(sources->get()) == SQLITE_ROW)
            knownSources.insert(
                QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(sources->get(), 0))));
    }

    Transaction transaction(m_db);
    if (!transaction.isActive())
        return Error { tr("Cannot start a transaction to append events: %1").arg(transaction.startError()) };

    Result<SqliteStatement> insert = SqliteStatement::prepare(
        handle,
        "INSERT INTO events (source, external_id, account_id, user_id, name, occurred_at, quantity, "
        "received_at, "
        "properties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, external_id) DO NOTHING");
    if (!insert)
        return Error { tr("Cannot prepare the event insert: %1").arg(insert.error()) };
    sqlite3_stmt* statement = insert->get();

    static const QByteArray emptyObject("{}");
    const qint64 receivedAt = QDateTime::currentMSecsSinceEpoch();
    // A batch nearly always comes from one source: check it once, not per row.
    decltype(events[0].source) checkedSource;
    bool checkedKnown = false;
    EventSegment::Writer segment; // the batch's columnar form, written in the same transaction
    for (qsizetype i = 0; i < qsizetype(events.size()); ++i) {
        const Row& event = events[i];
        QString reason = validateRow(event);
        if (reason.isEmpty()) {
            if (event.source != checkedSource || checkedSource.isNull()) {
                checkedSource = event.source;
                checkedKnown = knownSources.contains(sourceKey(event));
            }
            if (!checkedKnown)
                reason = tr("source \"%1\" is not registered in this workspace").arg(sourceKey(event));
        }
        if (!reason.isEmpty()) {
            result.rejected.append({ i, reason });
            continue;
        }
        const QByteArray& properties = event.properties.isEmpty() ? emptyObject : event.properties;
        bindText(*insert, 1, event.source);
        bindText(*insert, 2, event.externalId);
        bindText(*insert, 3, event.accountId);
        if (event.userId.isEmpty())
            sqlite3_bind_null(statement, 4);
        else
            bindText(*insert, 4, event.userId);
        bindText(*insert, 5, event.name);
        sqlite3_bind_int64(statement, 6, event.occurredAt);
        sqlite3_bind_double(statement, 7, event.quantity);
        sqlite3_bind_int64(statement, 8, receivedAt);
        sqlite3_bind_text(statement, 9, properties.constData(), int(properties.size()), SQLITE_STATIC);

        const int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (rc == SQLITE_DONE) {
            if (sqlite3_changes(handle) > 0) {
                ++result.inserted;
                result.lastSeq = sqlite3_last_insert_rowid(handle);
                segment.add(result.lastSeq, utf8(event.accountId),
                            event.userId.isEmpty() ? QByteArrayView() : QByteArrayView(utf8(event.userId)),
                            utf8(event.name), event.occurredAt, event.quantity);
            } else {
                ++result.duplicates;
            }
        } else if ((rc & 0xff) == SQLITE_CONSTRAINT) {
            // A constraint failure undoes this one statement only; the transaction goes on.
            result.rejected.append({ i, describeConstraint(QString::fromUtf8(sqlite3_errmsg(handle))) });
        } else {
            // I/O errors, a full disk, a lost lock: the batch cannot be trusted, roll it all back.
            const QString message = QString::fromUtf8(sqlite3_errmsg(handle));
            transaction.rollback();
            return Error { tr("Appending event %1 of %2 failed, nothing of this batch was kept: %3")
                               .arg(i + 1)
                               .arg(events.size())
                               .arg(message) };
        }
    }
    sqlite3_clear_bindings(statement);

    if (policy == Policy::AllOrNothing && !result.rejected.isEmpty()) {
        transaction.rollback();
        result.inserted = 0;
        result.duplicates = 0;
        result.lastSeq = 0;
        return result;
    }
    if (!segment.isEmpty()) {
        Result<SqliteStatement> insertSegment = SqliteStatement::prepare(
            handle, "INSERT INTO event_segments (first_seq, last_seq, events, data) VALUES (?, ?, ?, ?)");
        const QByteArray data = segment.finish();
        if (insertSegment) {
            insertSegment->bind(1, segment.firstSeq());
            insertSegment->bind(2, segment.lastSeq());
            insertSegment->bind(3, segment.events());
            sqlite3_bind_blob(insertSegment->get(), 4, data.constData(), int(data.size()), SQLITE_STATIC);
        }
        if (!insertSegment || sqlite3_step(insertSegment->get()) != SQLITE_DONE) {
            const QString message
                = insertSegment ? QString::fromUtf8(sqlite3_errmsg(handle)) : insertSegment.error();
            transaction.rollback();
            return Error { tr("Writing the log's segment of %1 events failed, nothing of this batch was "
                              "kept: %2")
                               .arg(result.inserted)
                               .arg(message) };
        }
    }
    if (Status committed = transaction.commit(); !committed)
        return Error { tr("Committing %1 events failed, nothing of this batch was kept: %2")
                           .arg(result.inserted)
                           .arg(committed.error()) };
    result.committed = true;
    return result;
}

Result<QList<StoredEvent>> EventLog::readAfter(qint64 afterSeq, int limit) const
{
    Result<SqliteStatement> select
        = SqliteStatement::prepare(m_db.handle(),
                                   "SELECT seq, received_at, source, external_id, account_id, user_id, "
                                   "name, occurred_at, quantity, properties "
                                   "FROM events WHERE seq > ? ORDER BY seq LIMIT ?");
    if (!select)
        return Error { select.error() };
    sqlite3_stmt* statement = select->get();
    sqlite3_bind_int64(statement, 1, afterSeq);
    sqlite3_bind_int(statement, 2, limit);

    auto text = [&select](int column) { return select->text(column); };
    QList<StoredEvent> rows;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        StoredEvent row;
        row.seq = sqlite3_column_int64(statement, 0);
        row.receivedAt = sqlite3_column_int64(statement, 1);
        row.event.source = text(2);
        row.event.externalId = text(3);
        row.event.accountId = text(4);
        row.event.userId = text(5);
        row.event.name = text(6);
        row.event.occurredAt = sqlite3_column_int64(statement, 7);
        row.event.quantity = sqlite3_column_double(statement, 8);
        row.event.properties = QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(statement, 9)),
                                          sqlite3_column_bytes(statement, 9));
        rows.append(std::move(row));
    }
    if (rc != SQLITE_DONE)
        return Error { QString::fromUtf8(sqlite3_errmsg(m_db.handle())) };
    return rows;
}

qint64 EventLog::lastSeq() const
{
    Result<SqliteStatement> select
        = SqliteStatement::prepare(m_db.handle(), "SELECT coalesce(max(seq), 0) FROM events");
    if (!select || sqlite3_step(select->get()) != SQLITE_ROW)
        return -1;
    return sqlite3_column_int64(select->get(), 0);
}

qint64 EventLog::count() const
{
    return lastSeq();
}

} // namespace tenure
