#include "store/EventRows.h"

namespace tenure {

namespace {

QByteArrayView bytes(sqlite3_stmt* row, int column)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row, column));
    return text ? QByteArrayView(text, sqlite3_column_bytes(row, column)) : QByteArrayView();
}

} // namespace

EventRows::EventRows(sqlite3* db, SqliteStatement statement)
    : m_db(db)
    , m_statement(std::move(statement))
{
}

Result<EventRows> EventRows::open(sqlite3* db, qint64 after, qint64 upTo, std::optional<qint64> limit)
{
    Result<SqliteStatement> read = SqliteStatement::prepare(
        db,
        limit ? "SELECT seq, account_id, user_id, name, occurred_at, quantity FROM events "
                "WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?"
              : "SELECT seq, account_id, user_id, name, occurred_at, quantity FROM events "
                "WHERE seq > ? AND seq <= ? ORDER BY seq");
    if (!read)
        return Error { read.error() };
    read->bind(1, after);
    read->bind(2, upTo);
    if (limit)
        read->bind(3, *limit);
    return EventRows(db, std::move(read).value());
}

bool EventRows::next(Row& row)
{
    if (m_rc != SQLITE_ROW)
        return false;
    sqlite3_stmt* statement = m_statement.get();
    m_rc = sqlite3_step(statement);
    if (m_rc != SQLITE_ROW)
        return false;
    row.seq = sqlite3_column_int64(statement, 0);
    row.account = bytes(statement, 1);
    row.user = sqlite3_column_type(statement, 2) == SQLITE_NULL ? QByteArrayView() : bytes(statement, 2);
    row.name = bytes(statement, 3);
    row.occurredAt = sqlite3_column_int64(statement, 4);
    row.quantity = sqlite3_column_double(statement, 5);
    return true;
}

QString EventRows::error() const
{
    if (m_rc == SQLITE_ROW || m_rc == SQLITE_DONE)
        return {};
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

} // namespace tenure
