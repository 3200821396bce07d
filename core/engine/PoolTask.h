#pragma once

#include <QThreadPool>

#include <functional>
#include <future>
#include <memory>

namespace tenure {

// A function run on a thread pool, whose result is taken with get(). Destroying it waits for the
// function to finish, so what the function refers to may not go away under it (as with
// std::async's futures, but on a pool's long-lived threads rather than a new thread each time).
template <typename T> class PoolTask
{
public:
    PoolTask() = default;
    PoolTask(QThreadPool& pool, std::function<T()> function)
    {
        auto task = std::make_shared<std::packaged_task<T()>>(std::move(function));
        m_future = task->get_future();
        pool.start([task] { (*task)(); });
    }
    PoolTask(PoolTask&&) noexcept = default;
    PoolTask& operator=(PoolTask&& other) noexcept
    {
        wait();
        m_future = std::move(other.m_future);
        return *this;
    }
    ~PoolTask() { wait(); }

    T get() { return m_future.get(); }

private:
    void wait()
    {
        if (m_future.valid())
            m_future.wait();
    }

    std::future<T> m_future;
};

} // namespace tenure
