#pragma once

#include "customers/CustomerQuery.h"
#include "util/StringNumbering.h"

#include <QByteArray>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

class QThreadPool;
struct sqlite3_stmt;

namespace tenure {

// The customer list of one workspace held in memory between searches, so that a keystroke costs a
// pass over a few megabytes instead of a query of the workspace (at 100,000 accounts about 6 ms
// instead of 40: bench_views). It answers a CustomerQuery with the rows, the order and the total
// CustomerQuery::run() gives on the same data (a property test holds the two to it; the order of
// rows with equal sort keys and names is unspecified, as in SQL), and takes the trend of
// the page's rows from the workspace, as run() does.
//
// Before it answers, it checks whether what the list shows may have changed since it read it:
// nothing is read while no connection has committed (SQLite's data_version, and the total of
// changes of the connection it is given); otherwise a stamp of two parts decides. The accounts'
// part: the accounts and outcomes (AccountStore::masterDataStamp, which the engine trusts too:
// AccountStore::upsert writes each account with an update time newer than any before it), the
// schema's version and the data's (a migration, a rebuild swapping its tables in), and a team
// copy's fingerprint of its master data (WorkspaceSettings). The statuses' part: the engine's state
// (a pass writes it with, or after, the statuses it stores) and a team copy's mark, made anew when
// it takes or drops statuses (a publication that changes none, such as a rebuild with the same
// results, leaves it as it was). When only the statuses' part changed, the list reads the statuses
// alone, beside each account's id, and keeps the accounts it holds (names, owners, search texts,
// the order of names): at 100,000 accounts about 70 ms against 140 ms for everything
// (bench_views). Should the ids not be the ones it holds, row for row, it reads everything. What
// the stamp does not see stays unseen until its part of the stamp changes: an account written
// by hand without a newer update time (until the accounts change again), and the statuses of a
// pass that stopped before it wrote its state (the next pass writes it).
//
// A list made with a thread pool reads a changed workspace there, beside the searches, which go
// on meanwhile with the list it holds (their pages say `outdated`), and calls `loaded` once the
// new list is in, or the read failed (the view then searches again; after a failure that search
// reads the list itself and says why it cannot): no search waits for a read but the first. A
// list made without a pool reads it before answering.
//
// run() is called by one thread at a time, with a connection of that thread (a view's reader
// thread, on its KeptReadConnection).
class CustomerList
{
public:
    CustomerList() = default;
    // `reads` runs the reads beside the searches (one thread is enough; its thread's priority is
    // lowered for them, lowerThreadPriority()); `loaded` is called on that thread after each.
    CustomerList(QThreadPool* reads, std::function<void()> loaded);
    // Waits for a read under way.
    ~CustomerList();
    CustomerList(const CustomerList&) = delete;
    CustomerList& operator=(const CustomerList&) = delete;

    using Page = CustomerQuery::Page;
    Result<Page> run(const CustomerQuery& query, Database& db, const QDate& today);

    // Stops a read under way (it ends within a few thousand rows, holds nothing and calls
    // nothing back; the next search that finds the list outdated reads it again) and waits for it
    // (its connection closes with it): before the workspace's writer closes, so that the writer
    // is the last connection to the file, without the window waiting out a whole read.
    void waitForReads();
    // Only the first half of waitForReads(): a read under way, or one still queued, ends where it
    // is; waitForReads() then waits for it and lets later reads run.
    void stopReads();
    // How many lists it has read and held (for tests and benchmarks) ...
    int loads() const;
    // ... and of those, how many it read whole, the accounts' own columns included.
    int wholeLoads() const;

private:
    static constexpr quint32 kNone = 0xffffffff; // NULL in a numbered column

    struct Text
    {
        quint32 begin = 0;
        quint32 size = 0;
    };
    // An account as the list shows it, without its status.
    struct AccountRow
    {
        Text id, name, search;
        quint32 owner = kNone, currency = kNone, renewal = kNone; // numbers in the column's StringNumbering
        quint32 nameRank = 0; // the name's place in the names' byte order (equal names, equal ranks)
        bool hasArr = false, hasSearch = false;
        double arr = 0;
    };
    // An account's status (all kNone where it has none).
    struct StatusRow
    {
        quint32 stage = kNone, band = kNone, lastActive = kNone;
        bool hasScore = false;
        double score = 0;
    };
    // A column of few distinct values, numbered, with each number's place in byte order (SQLite's
    // BINARY collation, as QByteArrayView compares: the bytes, then the shorter first).
    struct Column
    {
        StringNumbering numbers;
        std::vector<qint32> rank; // by number
        QStringList texts; // by number
        quint32 number(const char* text, int size);
        void rankValues();
        QString text(quint32 number) const { return number == kNone ? QString() : texts[number]; }
        // The number of `value`, if a row has it.
        std::optional<quint32> find(const QString& value) const;
    };
    // What decides whether the list is read again, in two parts: what changes the accounts' own
    // columns, and what changes only their statuses.
    struct Stamp
    {
        QString accounts, statuses;
        bool operator==(const Stamp&) const = default;
    };
    // The accounts as read at one moment, never changed after: lists read while only the
    // statuses change share them.
    struct Accounts
    {
        std::vector<AccountRow> rows; // in the accounts' rowid order
        std::string bytes; // every row's id, name and search text
        Column owners, currencies, renewals;
        QByteArrayView text(Text text) const { return QByteArrayView(bytes.data() + text.begin, text.size); }
        void rankNames();
    };
    // The list as read at one moment, never changed after: a search holds it while a read
    // replaces it.
    struct Snapshot
    {
        QString path; // of the workspace
        Stamp stamp;
        std::shared_ptr<const Accounts> accounts;
        std::vector<StatusRow> statuses; // row for row with accounts->rows
        Column stages, bands, lastActive;

        // Everything (the accounts into `read`), or the statuses alone beside `accounts` (read
        // before, which they must match id for id: `matched` says whether they did).
        Status read(Database& db, Accounts& read, const std::atomic_bool* stop);
        Status readStatuses(Database& db, const std::atomic_bool* stop, bool& matched);
        // The status of the row `statement` is on, from its column `first` on (numbered here).
        StatusRow status(sqlite3_stmt* statement, int first);
        CustomerRow rowAt(quint32 index) const;
        // `hits` is the search's scratch (kept by the list: 400 KB at 100,000 accounts).
        Result<Page> search(const CustomerQuery& query, Database& db, const QDate& today,
                            std::vector<quint32>& hits) const;
    };

    static Result<Stamp> stamp(Database& db);
    // The stamp and the list from one snapshot of the workspace; `before`, the list held, sizes it
    // and lends its accounts when only the statuses changed.
    static Result<std::shared_ptr<const Snapshot>> read(Database& db, const Snapshot* before,
                                                        const std::atomic_bool* stop = nullptr);
    void readBeside(const QString& path);
    std::shared_ptr<const Snapshot> held() const;
    void hold(std::shared_ptr<const Snapshot> snapshot);

    QThreadPool* m_reads = nullptr;
    std::function<void()> m_loaded;

    std::atomic_bool m_stop { false }; // waitForReads(): a read beside ends where it is
    mutable std::mutex m_mutex; // guards the seven below
    std::condition_variable m_readEnded; // m_tasks went down
    std::shared_ptr<const Snapshot> m_snapshot;
    bool m_reading = false; // a read beside is under way
    bool m_readFailed = false; // the last read beside failed: the next search reads itself
    int m_tasks = 0; // reads beside, from their start to the end of their call back
    int m_loads = 0; // lists held: a read beside holds its list only if none came since it began
    int m_wholeLoads = 0; // of those, read whole

    // Where the last search found the list up to date (run()'s thread only).
    QString m_connection;
    qint64 m_dataVersion = -1;
    qint64 m_changes = -1; // the connection's own writes (sqlite3_total_changes64)
    std::vector<quint32> m_hits; // the searches' scratch
};

} // namespace tenure
