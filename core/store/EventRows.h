#pragma once

#include "store/SqliteStatement.h"
#include "util/Result.h"

#include <QByteArrayView>

#include <optional>

namespace tenure {

// The event log's rows in seq order, with what the engine reads of each: (seq, account, user,
// name, time, quantity), the texts as their UTF-8 bytes. Every reader of `events` rows in the
// engine goes through it (an incremental pass's batches, a rebuild's scan where no segment
// covers the log, a rebuild without temporary files); EventSegment reads the same columns packed.
class EventRows
{
public:
    struct Row
    {
        qint64 seq;
        QByteArrayView account;
        QByteArrayView user; // null: the event has no user
        QByteArrayView name;
        qint64 occurredAt;
        double quantity;
    };

    // The rows with after < seq <= upTo, at most `limit` of them when there is a limit.
    static Result<EventRows> open(sqlite3* db, qint64 after, qint64 upTo, std::optional<qint64> limit = {});

    // The next row, whose texts stay valid until the next call; false at the end or on an error
    // (then error() says which).
    bool next(Row& row);
    // Empty after a clean end.
    QString error() const;

private:
    EventRows(sqlite3* db, SqliteStatement statement);

    sqlite3* m_db;
    SqliteStatement m_statement;
    int m_rc = SQLITE_ROW;
};

} // namespace tenure
