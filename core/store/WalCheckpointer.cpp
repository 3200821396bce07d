#include "store/WalCheckpointer.h"

#include "store/Database.h"

#include <QtGlobal>

#include <sqlite3.h>

#include <chrono>

namespace tenure {

WalCheckpointer::WalCheckpointer(sqlite3* writer, int pages)
    : m_writer(writer)
    , m_pages(pages)
{
    const char* file = sqlite3_db_filename(writer, "main");
    if (!file || !*file)
        return; // in memory: no log to copy
    if (sqlite3_open_v2(file, &m_own, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        qWarning("checkpoints stay in the writer's commits: %s", sqlite3_errmsg(m_own));
        sqlite3_close(m_own);
        m_own = nullptr;
        return;
    }
    if (Status protectedConnection = Database::protectConnection(m_own); !protectedConnection) {
        qWarning("checkpoints stay in the writer's commits: %s", qPrintable(protectedConnection.error()));
        sqlite3_close(m_own);
        m_own = nullptr;
        return;
    }
    // A connection finds the database in WAL mode when it first reads it; until then its
    // checkpoints do nothing.
    if (sqlite3_exec(m_own, "PRAGMA schema_version", nullptr, nullptr, nullptr) != SQLITE_OK) {
        qWarning("checkpoints stay in the writer's commits: %s", sqlite3_errmsg(m_own));
        sqlite3_close(m_own);
        m_own = nullptr;
        return;
    }
    // Replaces the writer's automatic checkpoints (themselves a commit hook).
    sqlite3_wal_hook(m_writer, &WalCheckpointer::onCommit, this);
    m_thread = std::thread([this] { loop(); });
}

WalCheckpointer::~WalCheckpointer()
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
    sqlite3_wal_autocheckpoint(m_writer, m_pages); // the hook goes, the automatic ones come back
    sqlite3_close(m_own);
}

int WalCheckpointer::onCommit(void* self, sqlite3* db, const char* schema, int pages)
{
    auto* checkpointer = static_cast<WalCheckpointer*>(self);
    // The log starts over only at a write that finds it all copied, which a writer that never
    // pauses may never do: past four times the threshold it copies the rest itself, as SQLite
    // would, and its next write starts the log over. Mostly copied already, that is quick.
    if (pages >= 4 * checkpointer->m_pages) {
        std::unique_lock lock(checkpointer->m_mutex);
        checkpointer->m_idle.wait(lock, [checkpointer] { return !checkpointer->m_copying; });
        checkpointer->m_copying = true; // the thread's pass (just finished, if any) copied most
        lock.unlock();
        (void)sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
        checkpointer->m_copying = false;
        checkpointer->m_wake.notify_one();
        return SQLITE_OK;
    }
    if (pages >= checkpointer->m_pages) {
        {
            const std::lock_guard lock(checkpointer->m_mutex);
            checkpointer->m_due = true;
        }
        checkpointer->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::loop()
{
    // After a pass, the log has usually grown again under the writer: passes follow each other
    // (a tenth of a second apart) until all of it is copied, so that once the writer pauses its
    // next write starts the log over, and the log stays near the threshold in size.
    bool behind = false;
    std::unique_lock lock(m_mutex);
    for (;;) {
        const auto ready = [this] { return (m_due && !m_copying) || m_stop; };
        if (behind)
            m_wake.wait_for(lock, std::chrono::milliseconds(100), ready);
        else
            m_wake.wait(lock, ready);
        if (m_stop)
            return;
        if (m_copying) // timed out while the writer finishes the copy itself
            continue;
        m_due = false;
        m_copying = true;
        lock.unlock();
        int logged = 0;
        int copied = 0;
        // SQLITE_BUSY and the like: the next pass tries again.
        const int rc = sqlite3_wal_checkpoint_v2(m_own, "main", SQLITE_CHECKPOINT_PASSIVE, &logged, &copied);
        behind = rc == SQLITE_OK ? copied < logged : behind;
        lock.lock();
        m_copying = false;
        m_idle.notify_all();
    }
}

} // namespace tenure
