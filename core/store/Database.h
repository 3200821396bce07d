#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

struct sqlite3;

namespace tenure {

// One open connection to a workspace file. Opening checks that the file really is a Tenure
// workspace of a schema this build understands, sets the pragmas (WAL, foreign keys) and runs
// forward migrations; nothing is written to a file that fails those checks.
//
// A connection belongs to the thread that opened it: every worker opens its own Database.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class Mode {
        ReadWrite, // create the file if missing, migrate it to the current schema
        ReadOnly, // never write; the file must exist and be at the current schema
    };

    static Result<std::unique_ptr<Database>> open(const QString& path, Mode mode = Mode::ReadWrite);
    ~Database();

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QSqlDatabase connection() const;
    // The raw SQLite handle, for the store's hot paths only (see EventLog::append).
    sqlite3* handle() const;
    QString path() const { return m_path; }
    bool isReadOnly() const { return m_mode == Mode::ReadOnly; }
    int schemaVersion() const;
    // Copies what the write-ahead log holds into the file, without waiting for any other
    // connection (a passive checkpoint). The last connection to close does this anyway; a writer
    // that may not be the last (a view keeps a read-only connection open) calls it before it
    // closes, so that the file alone holds every commit, as a user copies it.
    void copyLogIntoFile() const;

    // SQLite's protections for a file that may come from elsewhere (defensive mode, untrusted
    // schema, no extension loading). open() applies them; any other connection to a workspace
    // (a scan thread's, the checkpointer's) is to apply them before its first statement.
    static Status protectConnection(sqlite3* handle);

    static int currentSchemaVersion();
    static QString sqliteVersion();

private:
    Database(QString path, Mode mode, QString connectionName);
    Status initialise();

    QString m_path;
    Mode m_mode;
    QString m_connectionName;
    mutable sqlite3* m_handle = nullptr; // handle()'s, looked up once: the engine asks per statement
};

} // namespace tenure
