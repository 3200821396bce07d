#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <type_traits>

namespace tenure {

// A prepared statement on a workspace's raw SQLite handle, for the store's hot paths (the
// event log's append and the engine's scan of it). Everything else goes through QSqlQuery.
class SqliteStatement
{
public:
    static Result<SqliteStatement> prepare(sqlite3* handle, const char* sql)
    {
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v3(handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr) != SQLITE_OK)
            return Error { QString::fromUtf8(sqlite3_errmsg(handle)) };
        return SqliteStatement(raw);
    }

    // A statement prepared once into `slot` and reused: reset, bindings cleared, ready to bind.
    // `sql` is the statement's text, or a function that makes it (called only to prepare it).
    template <typename Sql>
    static Result<sqlite3_stmt*> reuse(std::optional<SqliteStatement>& slot, sqlite3* handle, const Sql& sql)
    {
        if (!slot) {
            QString text;
            if constexpr (std::is_invocable_v<Sql>)
                text = sql();
            else
                text = sql;
            Result<SqliteStatement> prepared = prepare(handle, text.toUtf8().constData());
            if (!prepared)
                return Error { prepared.error() };
            slot.emplace(std::move(prepared).value());
        }
        sqlite3_reset(slot->get());
        sqlite3_clear_bindings(slot->get());
        return slot->get();
    }

    sqlite3_stmt* get() const { return m_statement.get(); }

    // Binds without copying: SQLite reads the QString's UTF-16 buffer during step().
    void bind(int index, const QString& text) const
    {
        if (text.isNull())
            sqlite3_bind_null(get(), index);
        else
            sqlite3_bind_text16(get(), index, text.utf16(), int(text.size() * sizeof(char16_t)),
                                SQLITE_STATIC);
    }
    void bind(int index, qint64 value) const { sqlite3_bind_int64(get(), index, value); }
    void bind(int index, double value) const { sqlite3_bind_double(get(), index, value); }

    QString text(int column) const
    {
        const auto* data = static_cast<const QChar*>(sqlite3_column_text16(get(), column));
        return data ? QString(data, sqlite3_column_bytes16(get(), column) / 2) : QString();
    }
    qint64 int64(int column) const { return sqlite3_column_int64(get(), column); }
    double real(int column) const { return sqlite3_column_double(get(), column); }

private:
    struct Finalizer
    {
        void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
    };
    explicit SqliteStatement(sqlite3_stmt* statement)
        : m_statement(statement)
    {
    }
    std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
};

} // namespace tenure
