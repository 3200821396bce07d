#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace tenure {

// Copies a connection's write-ahead log back into the database on a thread and a connection of its
// own, instead of in the middle of the writer's commits. SQLite checkpoints automatically in the
// commit that grows the log past a threshold, so a connection that writes a lot (the engine's
// rebuilds) would otherwise stop every few megabytes to copy them and wait for the disk.
//
// Checkpoints are PASSIVE: they never block the writer nor readers, and copy what no reader still
// needs. Should the log still grow to four times the threshold, the writer checkpoints in its commit
// as SQLite would (after the thread's pass, if one runs), which lets the log start over. When the writer is
// gone the last connection to close checkpoints what is left, as usual.
class WalCheckpointer
{
public:
    // Takes over `writer`'s automatic checkpoints: one runs whenever a commit leaves at least
    // `pages` pages in the log. Does nothing for a database without a file.
    WalCheckpointer(sqlite3* writer, int pages);
    // Waits for a running checkpoint and gives the writer its automatic checkpoints back.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    bool isActive() const { return m_thread.joinable(); }

private:
    static int onCommit(void* self, sqlite3* db, const char* schema, int pages);
    void loop();

    sqlite3* m_writer;
    sqlite3* m_own = nullptr;
    int m_pages;
    std::mutex m_mutex;
    std::condition_variable m_wake; // the thread: a checkpoint is due, or stop
    std::condition_variable m_idle; // the writer: the thread's pass is over
    bool m_due = false;
    bool m_copying = false; // a checkpoint runs, the thread's or the writer's
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace tenure
