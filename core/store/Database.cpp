#include "store/Database.h"

#include "store/Schema.h"
#include "store/SchemaCheck.h"
#include "store/WorkspaceSettings.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace tenure {

namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("tenure-%1").arg(counter.fetchAndAddRelaxed(1));
}

bool hasWritePermission(const QFileInfo& info)
{
    // Mode bits, not access(2) (which WriteUser reflects): a file marked read-only stays
    // read-only for root too.
    return info.permissions() & (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther);
}

bool looksLikeSqlite(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(16);
    return header.isEmpty() || header == QByteArray("SQLite format 3\0", 16);
}

Result<qint64> pragmaValue(const QSqlDatabase& db, const QString& name)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA %1").arg(name)) || !query.next())
        return Error { query.lastError().text() };
    return query.value(0).toLongLong();
}

Status exec(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return Error { query.lastError().databaseText().isEmpty() ? query.lastError().text()
                                                                  : query.lastError().databaseText() };
    return {};
}

} // namespace

Database::Database(QString path, Mode mode, QString connectionName)
    : m_path(std::move(path))
    , m_mode(mode)
    , m_connectionName(std::move(connectionName))
{
}

void Database::copyLogIntoFile() const
{
    if (sqlite3* db = handle())
        (void)sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, Mode mode)
{
    if (path.isEmpty())
        return Error { tr("No workspace file was given.") };
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
    if (info.exists()) {
        if (info.isDir())
            return Error { tr("%1 is a folder, not a workspace file.").arg(shown) };
        if (!info.isReadable())
            return Error { tr("Cannot read %1: permission denied.").arg(shown) };
        if (mode == Mode::ReadWrite && !hasWritePermission(info))
            return Error { tr("Workspace %1 is read-only (the file has no write permission).").arg(shown) };
        if (!looksLikeSqlite(path))
            return Error { tr("%1 is not a Tenure workspace (it is not an SQLite database).").arg(shown) };
    } else {
        if (mode == Mode::ReadOnly)
            return Error { tr("Workspace %1 does not exist.").arg(shown) };
        const QFileInfo dir(info.absolutePath());
        if (!dir.exists() || !dir.isDir())
            return Error { tr("Cannot create workspace %1: folder %2 does not exist.")
                               .arg(shown, QDir::toNativeSeparators(dir.absoluteFilePath())) };
        if (!dir.isWritable())
            return Error { tr("Cannot create workspace %1: folder %2 is not writable.")
                               .arg(shown, QDir::toNativeSeparators(dir.absoluteFilePath())) };
    }

    std::unique_ptr<Database> database(new Database(info.absoluteFilePath(), mode, nextConnectionName()));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
    if (!db.isValid())
        return Error { tr("The Qt SQLite driver (QSQLITE) is not available; install libqt6sql6-sqlite.") };
    db.setDatabaseName(database->m_path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (mode == Mode::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    if (!db.open())
        return Error { tr("Cannot open workspace %1: %2").arg(shown, db.lastError().text()) };
    if (Status guarded = protectConnection(database->handle()); !guarded)
        return Error { tr("Cannot open workspace %1: %2").arg(shown, guarded.error()) };

    if (Status ready = database->initialise(); !ready)
        return Error { tr("Cannot open workspace %1: %2").arg(shown, ready.error()) };
    if (mode == Mode::ReadWrite) {
        if (Status pinned = WorkspaceSettings(*database).pinTimeZone(); !pinned)
            return Error { tr("Cannot open workspace %1: %2").arg(shown, pinned.error()) };
    }
    return database;
}

Status Database::initialise()
{
    QSqlDatabase db = connection();
    // Read what the file is before writing anything to it: a newer or foreign file stays untouched.
    const Result<qint64> version = pragmaValue(db, QStringLiteral("user_version"));
    if (!version)
        return Error { tr("it is not a readable SQLite database (%1).").arg(version.error()) };
    const Result<qint64> appId = pragmaValue(db, QStringLiteral("application_id"));
    if (!appId)
        return Error { appId.error() };
    // Any statement still open holds a read transaction, and WAL cannot be switched on inside one.
    const Result<qint64> objects = [&db]() -> Result<qint64> {
        QSqlQuery tables(db);
        if (!tables.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !tables.next())
            return Error { tables.lastError().text() };
        return tables.value(0).toLongLong();
    }();
    if (!objects)
        return Error { tr("it is not a readable SQLite database (%1).").arg(objects.error()) };
    const bool empty = objects.value() == 0;

    if (!empty && appId.value() != Schema::kApplicationId)
        return Error { tr("it is an SQLite database of another application, not a Tenure workspace.") };
    if (version.value() > currentSchemaVersion())
        return Error {
            tr("it was written by a newer version of Tenure (schema %1; this version reads up to %2). "
               "Update Tenure to open it.")
                .arg(version.value())
                .arg(currentSchemaVersion())
        };

    // Before any statement that could fire a trigger or read a view: a workspace may come from
    // elsewhere, and what its schema holds is only run once it is known to be Tenure's own.
    if (Status checked = SchemaCheck::verify(handle(), int(version.value())); !checked)
        return checked;

    // recursive_triggers makes INSERT OR REPLACE fire the DELETE trigger, so not even a REPLACE
    // can remove a row of the append-only log through a Tenure connection.
    for (const char* pragma : { "PRAGMA foreign_keys = ON", "PRAGMA recursive_triggers = ON" }) {
        if (Status set = exec(db, QString::fromLatin1(pragma)); !set)
            return set;
    }
    if (m_mode == Mode::ReadOnly) {
        if (empty)
            return Error { tr("it is empty: not a Tenure workspace yet (tenure-cli init makes one).") };
        if (version.value() < currentSchemaVersion())
            return Error {
                tr("it uses an older schema (%1) and must be opened read-write once to be upgraded.")
                    .arg(version.value())
            };
        return {};
    }

    // WAL lets readers (the UI) run while a writer (ingest, engine) appends.
    // A 32 MB page cache (SQLite's default is 2 MB) keeps a large import's index pages in memory
    // instead of spilling and rewriting them; the engine's connection sets a larger one.
    for (const char* pragma :
         { "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -32768" }) {
        if (Status set = exec(db, QString::fromLatin1(pragma)); !set)
            return set;
    }

    for (const Migration& migration : Schema::migrations()) {
        if (migration.version <= version.value())
            continue;
        if (Status begun = exec(db, QStringLiteral("BEGIN IMMEDIATE")); !begun)
            return begun;
        for (const QString& statement : migration.statements) {
            if (Status step = exec(db, statement); !step) {
                (void)exec(db,
                           QStringLiteral("ROLLBACK")); // best effort: the error above is the one to report
                return Error { tr("upgrade to schema %1 (%2) failed: %3")
                                   .arg(migration.version)
                                   .arg(migration.description, step.error()) };
            }
        }
        const Status bumped = exec(db, QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
        const Status committed = bumped ? exec(db, QStringLiteral("COMMIT")) : bumped;
        if (!committed) {
            (void)exec(db, QStringLiteral("ROLLBACK")); // best effort: the error above is the one to report
            return Error {
                tr("upgrade to schema %1 failed: %2").arg(migration.version).arg(committed.error())
            };
        }
    }
    return {};
}

Status Database::protectConnection(sqlite3* handle)
{
    if (!handle)
        return Error { tr("the SQLite connection is not available.") };
    // Defensive: no writable_schema, no writes to sqlite_dbpage or to shadow tables. No extension
    // loading, from C or from SQL. Untrusted schema, where this SQLite runs Tenure's own under it:
    // functions with side effects then cannot run from triggers, views, CHECK and DEFAULT.
    const bool untrusted = SchemaCheck::untrustedSchemaWorks();
    int defensive = 0;
    int trusted = 1;
    int extensions = 1;
    const bool set = sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, &defensive) == SQLITE_OK
        && sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &extensions) == SQLITE_OK
        && sqlite3_db_config(handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, untrusted ? 0 : 1, &trusted) == SQLITE_OK
        && (!untrusted
            || sqlite3_exec(handle, "PRAGMA trusted_schema = OFF", nullptr, nullptr, nullptr) == SQLITE_OK);
    if (!set || defensive != 1 || extensions != 0 || trusted != (untrusted ? 0 : 1))
        return Error { tr("SQLite would not apply its protections for files from elsewhere (%1).")
                           .arg(QString::fromUtf8(sqlite3_errmsg(handle))) };
    return {};
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3* Database::handle() const
{
    if (!m_handle) {
        const QVariant handle = connection().driver()->handle();
        m_handle = handle.isValid() ? *static_cast<sqlite3* const*>(handle.data()) : nullptr;
    }
    return m_handle;
}

int Database::schemaVersion() const
{
    const Result<qint64> version = pragmaValue(connection(), QStringLiteral("user_version"));
    return version ? int(version.value()) : -1;
}

int Database::currentSchemaVersion()
{
    return Schema::currentVersion();
}

QString Database::sqliteVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

} // namespace tenure
