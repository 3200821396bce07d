#include "store/Transaction.h"

#include "store/Database.h"

#include <QAtomicInt>

#include <sqlite3.h>

namespace tenure {

Transaction::Transaction(Database& db, Kind kind)
    : m_handle(db.handle())
{
    Status started;
    if (sqlite3_get_autocommit(m_handle)) {
        // IMMEDIATE takes the write lock now, so a busy database is waited for here (busy
        // timeout) rather than failing halfway through the writes.
        started = exec(kind == Kind::Write ? "BEGIN IMMEDIATE" : "BEGIN");
    } else {
        static QAtomicInt counter;
        m_savepoint = QStringLiteral("sp_%1").arg(counter.fetchAndAddRelaxed(1));
        started = exec(QStringLiteral("SAVEPOINT %1").arg(m_savepoint).toUtf8().constData());
    }
    m_active = started.ok();
    if (!started)
        m_startError = started.error();
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Status Transaction::commit()
{
    if (!m_active)
        return Error { QStringLiteral("no transaction to commit") };
    Status done = m_savepoint.isEmpty()
        ? exec("COMMIT")
        : exec(QStringLiteral("RELEASE %1").arg(m_savepoint).toUtf8().constData());
    if (done)
        m_active = false;
    return done;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    // Best effort: when even ROLLBACK fails SQLite has already rolled back (or the connection is gone).
    if (m_savepoint.isEmpty()) {
        (void)exec("ROLLBACK");
    } else {
        const QByteArray name = m_savepoint.toUtf8();
        (void)exec(("ROLLBACK TO " + name).constData());
        (void)exec(("RELEASE " + name).constData());
    }
}

Status Transaction::exec(const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(m_handle, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return {};
    Error error { QStringLiteral("%1 failed: %2").arg(QString::fromUtf8(sql), QString::fromUtf8(message)) };
    sqlite3_free(message);
    return error;
}

} // namespace tenure
