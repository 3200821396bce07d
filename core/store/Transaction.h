#pragma once

#include "util/Result.h"

#include <QString>

struct sqlite3;

namespace tenure {

class Database;

// A write transaction that rolls back unless committed. Nested use becomes a savepoint, so a
// store call can join the transaction of its caller (e.g. a connector page and its cursor).
class Transaction
{
public:
    enum class Kind {
        Write, // takes the write lock at once (BEGIN IMMEDIATE)
        Read, // one snapshot for several reads, on any connection, read-only included (BEGIN)
    };
    explicit Transaction(Database& db, Kind kind = Kind::Write);
    ~Transaction();

    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Empty when the transaction started; otherwise why it could not.
    const QString& startError() const { return m_startError; }
    bool isActive() const { return m_active; }
    Status commit();
    void rollback();

private:
    Status exec(const char* sql);

    sqlite3* m_handle;
    QString m_savepoint; // empty for the outermost transaction
    QString m_startError;
    bool m_active = false;
};

} // namespace tenure
