#include "store/WalCheckpointer.h"

#include <QtGlobal>

#include <sqlite3.h>

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
        (void)sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
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
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_due || m_stop; });
        if (m_stop)
            return;
        m_due = false;
        lock.unlock();
        // SQLITE_BUSY (another checkpoint is running) and the like: the next commit asks again.
        (void)sqlite3_wal_checkpoint_v2(m_own, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
    }
}

} // namespace tenure
