#include "TestSupport.h"
#include "engine/SummaryStore.h"
#include "store/Database.h"
#include "store/Schema.h"
#include "store/SchemaCheck.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>

#include <sqlite3.h>

using namespace tenure;

namespace {

// What a file is, to the byte and to the second it was last written.
struct FileState
{
    QByteArray hash;
    QDateTime modified;
    qint64 size = -1;
    bool operator==(const FileState&) const = default;
};

FileState stateOf(const QString& path)
{
    FileState state;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        state.hash = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    const QFileInfo info(path);
    state.modified = info.lastModified();
    state.size = info.size();
    return state;
}

// Writes to a file as any SQLite tool would, outside Tenure and without its protections. The
// file is left in rollback-journal mode, so that reading it later changes no byte of it.
void writeOutsideTenure(const QString& path, const QStringList& statements)
{
    sqlite3* db = nullptr;
    QCOMPARE(
        sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
        SQLITE_OK);
    for (const QString& statement :
         QStringList { QStringLiteral("PRAGMA journal_mode = DELETE") } + statements) {
        char* message = nullptr;
        const int rc = sqlite3_exec(db, statement.toUtf8().constData(), nullptr, nullptr, &message);
        const QByteArray error = message ? QByteArray(message) : QByteArray();
        sqlite3_free(message);
        if (rc != SQLITE_OK) {
            sqlite3_close(db);
            QFAIL(qPrintable(statement + QStringLiteral(": ") + QString::fromUtf8(error)));
        }
    }
    QCOMPARE(sqlite3_close(db), SQLITE_OK);
}

// A workspace as a release of schema `version` wrote it: its migrations, and one event.
void writeWorkspaceOfVersion(const QString& path, int version)
{
    QStringList statements;
    for (const Migration& migration : Schema::migrations()) {
        if (migration.version <= version)
            statements += migration.statements;
    }
    statements << QStringLiteral("PRAGMA user_version = %1").arg(version)
               << QStringLiteral("INSERT INTO sources (name, kind, created_at) VALUES ('crm', 'csv', 0)")
               << QStringLiteral("INSERT INTO events (source, external_id, account_id, name, occurred_at, "
                                 "received_at) VALUES ('crm', 'e1', 'A-1', 'login', 1772366400000, 0)");
    writeOutsideTenure(path, statements);
}

int userVersion(const QString& path)
{
    sqlite3* db = nullptr;
    int version = -1;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &statement, nullptr) == SQLITE_OK
            && sqlite3_step(statement) == SQLITE_ROW)
            version = sqlite3_column_int(statement, 0);
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return version;
}

int calls = 0;
void countCall(sqlite3_context* context, int, sqlite3_value**)
{
    ++calls;
    sqlite3_result_int(context, calls);
}

} // namespace

// A workspace can come from a colleague or a download: a schema that is not Tenure's own is
// refused before any of it runs, and the file is left as it was.
class TestUntrustedWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void craftedWorkspaceIsRefused_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("detail");
        const QString payload = QStringLiteral("load_extension('/tmp/payload.so')");
        QTest::newRow("extra trigger on accounts")
            << QStringList { QStringLiteral("CREATE TRIGGER accounts_audit AFTER INSERT ON accounts "
                                            "BEGIN SELECT %1; END")
                                 .arg(payload) }
            << QStringLiteral("accounts_audit") << QString();
        QTest::newRow("extra view") << QStringList { QStringLiteral(
            "CREATE VIEW account_overview AS SELECT id, randomblob(8) AS token FROM accounts") }
                                    << QStringLiteral("account_overview") << QString();
        QTest::newRow("status_history replaced") << QStringList {
            QStringLiteral("DROP VIEW status_history"),
            QStringLiteral("CREATE VIEW status_history AS SELECT account_id, month AS day, %1 AS "
                           "stage, 0 AS score, '' AS band FROM history_months")
                .arg(payload)
        } << QStringLiteral("status_history") << QString();
        QTest::newRow("column added to accounts")
            << QStringList { QStringLiteral("ALTER TABLE accounts ADD COLUMN tracker TEXT") }
            << QStringLiteral("accounts") << QStringLiteral("\"tracker\"");
        QTest::newRow("settings of another shape")
            << QStringList { QStringLiteral("DROP TABLE settings"),
                             QStringLiteral("CREATE TABLE settings (key TEXT, value TEXT)") }
            << QStringLiteral("settings") << QString();
        QTest::newRow("engine_state with a CHECK calling a function") << QStringList {
            QStringLiteral("DROP TABLE engine_state"),
            QStringLiteral("CREATE TABLE engine_state (key TEXT PRIMARY KEY, value TEXT NOT NULL "
                           "CHECK (%1))")
                .arg(payload)
        } << QStringLiteral("engine_state") << QString();
        QTest::newRow("append-only trigger emptied")
            << QStringList { QStringLiteral("DROP TRIGGER events_no_delete"),
                             QStringLiteral("CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
                                            "BEGIN SELECT 1; END") }
            << QStringLiteral("events_no_delete") << QString();
        QTest::newRow("trigger moved to another table") << QStringList {
            QStringLiteral("DROP TRIGGER events_no_update"),
            QStringLiteral("CREATE TRIGGER events_no_update BEFORE UPDATE ON accounts BEGIN "
                           "SELECT RAISE(ABORT, 'events is append-only: UPDATE is not allowed'); "
                           "END")
        } << QStringLiteral("events_no_update") << QString();
        QTest::newRow("extra table") << QStringList { QStringLiteral("CREATE TABLE payload (data BLOB)") }
                                     << QStringLiteral("payload") << QString();
        QTest::newRow("extra index") << QStringList { QStringLiteral(
            "CREATE INDEX accounts_plan ON accounts (plan)") }
                                     << QStringLiteral("accounts_plan") << QString();
    }

    void craftedWorkspaceIsRefused()
    {
        QFETCH(QStringList, statements);
        QFETCH(QString, object);
        QFETCH(QString, detail);
        test::TempWorkspace workspace;
        workspace.open().reset();
        writeOutsideTenure(workspace.path(), statements);
        const FileState before = stateOf(workspace.path());
        QVERIFY(!before.hash.isEmpty());
        for (auto mode : { Database::Mode::ReadWrite, Database::Mode::ReadOnly }) {
            const auto db = Database::open(workspace.path(), mode);
            QVERIFY(!db.ok());
            QVERIFY2(db.error().contains(QLatin1Char('"') + object + QLatin1Char('"')),
                     qPrintable(db.error()));
            QVERIFY2(db.error().contains(detail), qPrintable(db.error()));
        }
        QCOMPARE(stateOf(workspace.path()), before);
        QVERIFY(!QFile::exists(workspace.path() + QStringLiteral("-wal")));
    }

    // An older file is checked against its own version's schema, before it is upgraded.
    void olderWorkspaceIsCheckedBeforeItIsUpgraded()
    {
        test::TempWorkspace workspace;
        writeWorkspaceOfVersion(workspace.path(), 3);
        writeOutsideTenure(workspace.path(),
                           { QStringLiteral("CREATE TRIGGER sources_hook AFTER INSERT ON "
                                            "sources BEGIN SELECT randomblob(1); END") });
        const FileState before = stateOf(workspace.path());
        const auto db = Database::open(workspace.path());
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QLatin1String("\"sources_hook\"")), qPrintable(db.error()));
        QCOMPARE(stateOf(workspace.path()), before);
        QCOMPARE(userVersion(workspace.path()), 3);
    }

    void everyOlderVersionOpensAndUpgrades_data()
    {
        QTest::addColumn<int>("version");
        for (const Migration& migration : Schema::migrations()) {
            if (migration.version < Schema::currentVersion())
                QTest::addRow("schema %d", migration.version) << migration.version;
        }
    }

    void everyOlderVersionOpensAndUpgrades()
    {
        QFETCH(int, version);
        test::TempWorkspace workspace;
        writeWorkspaceOfVersion(workspace.path(), version);
        const auto db = Database::open(workspace.path());
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), Schema::currentVersion());
        QSqlQuery events(db.value()->connection());
        QVERIFY(events.exec(QStringLiteral("SELECT count(*) FROM events")) && events.next());
        QCOMPARE(events.value(0).toInt(), 1);
    }

    // Summaries of the shape an earlier build wrote are dropped unread by the upgrade: their
    // shape does not matter, only that they are Tenure's.
    void olderSummariesOfAnotherShapeAreUpgraded()
    {
        test::TempWorkspace workspace;
        writeWorkspaceOfVersion(workspace.path(), 4);
        writeOutsideTenure(
            workspace.path(),
            { QStringLiteral("DROP TABLE account_status"),
              QStringLiteral("CREATE TABLE account_status (account_id TEXT PRIMARY KEY, stage TEXT)"),
              QStringLiteral("CREATE INDEX account_status_band ON account_status (stage)"),
              QStringLiteral("CREATE TABLE status_history (account_id TEXT NOT NULL, day TEXT NOT "
                             "NULL, PRIMARY KEY (account_id, day)) WITHOUT ROWID"),
              QStringLiteral("CREATE INDEX status_history_day ON status_history (day)") });
        const auto db = Database::open(workspace.path());
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), Schema::currentVersion());
    }

    // The engine swaps rebuilt summaries in by renaming them (SQLite then quotes their names in
    // their SQL), and a rebuild that was killed leaves its shadow tables: both are Tenure's own.
    void summariesTheEngineSwappedOrLeftStillOpen()
    {
        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            QVERIFY(SummaryStore::createShadow(*db).ok());
            QVERIFY(SummaryStore::replaceWithShadow(*db).ok());
            QVERIFY(SummaryStore::createShadow(*db, SummaryStore::Scope::Scores).ok());
        }
        const auto reopened = Database::open(workspace.path());
        QVERIFY2(reopened.ok(), reopened.ok() ? "" : qPrintable(reopened.error()));
    }

    void everyConnectionIsProtected()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        sqlite3* handle = db->handle();
        int defensive = -1;
        QCOMPARE(sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive), SQLITE_OK);
        QCOMPARE(defensive, 1);
        QSqlQuery query(db->connection());
        QVERIFY(!query.exec(QStringLiteral("SELECT load_extension('/tmp/payload.so')")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA writable_schema = ON")));
        QVERIFY(!query.exec(QStringLiteral("UPDATE sqlite_schema SET sql = sql WHERE name = 'accounts'")));

        if (!SchemaCheck::untrustedSchemaWorks())
            QSKIP("this SQLite refuses Tenure's own JSON CHECKs and view with trusted_schema off (before "
                  "3.41)");
        int trusted = -1;
        QCOMPARE(sqlite3_db_config(handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &trusted), SQLITE_OK);
        QCOMPARE(trusted, 0);
        // A function with side effects (not marked innocuous) does not run from a view.
        calls = 0;
        QCOMPARE(sqlite3_create_function(handle, "count_call", 0, SQLITE_UTF8, nullptr, &countCall, nullptr,
                                         nullptr),
                 SQLITE_OK);
        QVERIFY(query.exec(QStringLiteral("SELECT count_call()")));
        QCOMPARE(calls, 1);
        QVERIFY(query.exec(QStringLiteral("CREATE VIEW spy_main AS SELECT count_call() AS n")));
        QVERIFY(!query.exec(QStringLiteral("SELECT n FROM spy_main")));
        QCOMPARE(calls, 1);
    }

    void sqlIsComparedWithoutItsSpellingButWithItsLiterals()
    {
        QCOMPARE(SchemaCheck::normalisedSql(QStringLiteral("CREATE TABLE \"t\" (\n  a TEXT -- why\n)")),
                 SchemaCheck::normalisedSql(QStringLiteral("create table t ( a text )")));
        QVERIFY(SchemaCheck::normalisedSql(QStringLiteral("SELECT 'A'"))
                != SchemaCheck::normalisedSql(QStringLiteral("SELECT 'a'")));
        QVERIFY(SchemaCheck::normalisedSql(QStringLiteral("CHECK (\"length ( id ) > 0\")"))
                != SchemaCheck::normalisedSql(QStringLiteral("CHECK (length ( id ) > 0)")));
    }
};

QTEST_GUILESS_MAIN(TestUntrustedWorkspace)
#include "TestUntrustedWorkspace.moc"
