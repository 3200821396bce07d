#pragma once

#include "store/Database.h"
#include "util/Result.h"

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
} // namespace detail

// Opens the workspace at `path`, runs `work` with it and closes it again, all on the calling
// thread: the views call it inside their worker lambdas (runAsync, QtConcurrent::run), since a
// connection belongs to the thread that opened it. `work(Database&)` returns a T, a Result<T> or
// nothing; withWorkspace returns Result<T> (Status for nothing): the error of opening, in the
// words Database::open gives, or what `work` returned. `work` does not run if opening fails.
template <typename Work>
auto withWorkspace(const QString& path, Database::Mode mode, Work&& work) ->
    typename detail::AsResult<std::invoke_result_t<Work&, Database&>>::type
{
    using Returned = std::invoke_result_t<Work&, Database&>;
    Result<std::unique_ptr<Database>> db = Database::open(path, mode);
    if (!db)
        return Error { db.error() };
    if constexpr (std::is_void_v<Returned>) {
        std::invoke(work, **db);
        return {};
    } else {
        return std::invoke(work, **db);
    }
}

} // namespace tenure
