#pragma once

#include "store/Database.h"
#include "util/Result.h"

#include <QCoreApplication>

#include <functional>
#include <memory>
#include <type_traits>

namespace tenure {

namespace detail {
template <typename T> struct AsResult
{
    using type = Result<T>;
};
template <typename T> struct AsResult<Result<T>>
{
    using type = Result<T>;
};
template <typename Work> using WorkResult = typename AsResult<std::invoke_result_t<Work&, Database&>>::type;

// `work(db)` as a Result: what it returned, or Status for nothing.
template <typename Work> WorkResult<Work> runOn(Database& db, Work& work)
{
    if constexpr (std::is_void_v<std::invoke_result_t<Work&, Database&>>) {
        std::invoke(work, db);
        return {};
    } else {
        return std::invoke(work, db);
    }
}
} // namespace detail

// Opens the workspace at `path`, runs `work` with it and closes it again, all on the calling
// thread: the views call it inside their worker lambdas (runAsync, QtConcurrent::run), since a
// connection belongs to the thread that opened it. `work(Database&)` returns a T, a Result<T> or
// nothing; withWorkspace returns Result<T> (Status for nothing): the error of opening, in the
// words Database::open gives, or what `work` returned. `work` does not run if opening fails.
template <typename Work>
auto withWorkspace(const QString& path, Database::Mode mode, Work&& work) -> detail::WorkResult<Work>
{
    Result<std::unique_ptr<Database>> db = Database::open(path, mode);
    if (!db)
        return Error { db.error() };
    return detail::runOn(**db, work);
}

// A read-only connection to a workspace, opened on first use and kept between queries, so that
// a view's next search starts with the pages its last one read (SQLite's cache belongs to the
// connection: one opened per search starts empty; a commit by any other connection empties it
// too, so the gain is between two writes, as while someone types). Used by one thread only, the
// one it opens on, which closes it too (a view's reader thread: KeptReader in ui/Async.h); run
// from another thread, it refuses. It opens again when it is asked for another path, or when the
// path names another file than the one it has open (a team copy started over, a workspace file
// removed and written again or renamed over: device and inode; a file overwritten in place is
// not noticed). Where the file cannot be told (not Unix), it closes after each run, as
// withWorkspace(). A connection that failed to open is tried again on the next run.
class KeptReadConnection
{
    Q_DECLARE_TR_FUNCTIONS(KeptReadConnection)

public:
    // Opens (if needed) and runs `work(Database&)` as withWorkspace() does, on this thread.
    template <typename Work> auto run(const QString& path, Work&& work) -> detail::WorkResult<Work>
    {
        Result<Database*> db = connection(path);
        if (!db)
            return Error { db.error() };
        auto result = detail::runOn(**db, work);
        if (m_file.isEmpty())
            close();
        return result;
    }
    // On the thread that opened it.
    void close();
    // How many times it has opened a connection (for tests).
    int opens() const { return m_opens; }

private:
    Result<Database*> connection(const QString& path);

    std::unique_ptr<Database> m_db;
    QString m_path;
    QByteArray m_file; // what identifies the open file (device and inode); empty where unknown
    const void* m_thread = nullptr; // the thread it was opened on
    int m_opens = 0;
};

} // namespace tenure
