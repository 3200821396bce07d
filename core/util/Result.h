#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace tenure {

// An error is a value with words: what failed and why, ready to show to a user as it is.
struct Error
{
    QString message;
};

// Either a value or an Error. Core functions that can fail return this instead of throwing,
// so every caller has to look at the outcome and the words travel up to the UI unchanged.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {
    }
    Result(Error error)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    // By value, so that `for (x : f().value())` owns what it iterates instead of dangling.
    T value() && { return std::get<T>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const QString& error() const { return std::get<Error>(m_state).message; }

private:
    std::variant<T, Error> m_state;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error.message))
        , m_failed(true)
    {
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString& error() const { return m_error; }

private:
    QString m_error;
    bool m_failed = false;
};

using Status = Result<void>;

} // namespace tenure
