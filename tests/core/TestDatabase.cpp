#include "TestSupport.h"
#include "store/Database.h"
#include "store/Schema.h"
#include "store/WalCheckpointer.h"
#include "store/WorkspaceSettings.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>

using namespace tenure;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

qint64 pragma(Database& db, const char* name)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name))) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void createsWorkspaceAtCurrentSchema()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        QCOMPARE(db->schemaVersion(), Database::currentSchemaVersion());
        QCOMPARE(pragma(*db, "application_id"), qint64(Schema::kApplicationId));
        QCOMPARE(pragma(*db, "foreign_keys"), 1);
        QSqlQuery mode(db->connection());
        QVERIFY(mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next());
        QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
        QSqlQuery tables(db->connection());
        QVERIFY(
            tables.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")));
        QStringList names;
        while (tables.next())
            names << tables.value(0).toString();
        for (const char* table : { "accounts", "events", "outcomes", "settings", "sources" })
            QVERIFY2(names.contains(QLatin1String(table)), table);
    }

    void newWorkspacePinsTheCreatorsTimeZone()
    {
        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            WorkspaceSettings settings(*db);
            const QString pinned = settings.value(QStringLiteral("time_zone"));
            QVERIFY(!pinned.isEmpty()); // stored, not left to whichever machine opens the file next
            QVERIFY(QTimeZone(pinned.toUtf8()).isValid());
            QVERIFY(settings.setTimeZone("Asia/Tokyo").ok());
        }
        auto again = workspace.open();
        QCOMPARE(WorkspaceSettings(*again).timeZone().id(), QByteArray("Asia/Tokyo")); // kept on reopening
        QVERIFY(!WorkspaceSettings::checkTimeZone("Mars/Olympus").ok());
    }

    void reopeningKeepsDataAndVersion()
    {
        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            QSqlQuery insert(db->connection());
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('k', 'v')")));
        }
        auto db = workspace.open();
        QSqlQuery select(db->connection());
        QVERIFY(select.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'k'")) && select.next());
        QCOMPARE(select.value(0).toString(), QStringLiteral("v"));
        QCOMPARE(db->schemaVersion(), Database::currentSchemaVersion());
    }

    void emptyFileBecomesWorkspace()
    {
        test::TempWorkspace workspace;
        QFile file(workspace.path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        // Read-only, an empty file is said to be empty (it was "an older schema (0)").
        const Result<std::unique_ptr<Database>> reading
            = Database::open(workspace.path(), Database::Mode::ReadOnly);
        QVERIFY(!reading);
        QVERIFY2(reading.error().contains(QLatin1String("it is empty: not a Tenure workspace yet")),
                 qPrintable(reading.error()));
        auto db = workspace.open();
        QCOMPARE(db->schemaVersion(), Database::currentSchemaVersion());
    }

    void newerSchemaIsRefusedAndLeftUntouched()
    {
        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            QSqlQuery bump(db->connection());
            QVERIFY(bump.exec(
                QStringLiteral("PRAGMA user_version = %1").arg(Database::currentSchemaVersion() + 7)));
            QVERIFY(bump.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
        }
        const QByteArray before = fileHash(workspace.path());
        QVERIFY(!before.isEmpty());
        for (auto mode : { Database::Mode::ReadWrite, Database::Mode::ReadOnly }) {
            const auto db = Database::open(workspace.path(), mode);
            QVERIFY(!db.ok());
            QVERIFY2(db.error().contains(QLatin1String("newer version of Tenure")), qPrintable(db.error()));
            QVERIFY2(db.error().contains(QString::number(Database::currentSchemaVersion() + 7)),
                     qPrintable(db.error()));
        }
        QCOMPARE(fileHash(workspace.path()), before);
    }

    void foreignSqliteFileIsRefused()
    {
        test::TempWorkspace workspace;
        QCOMPARE(test::writeOutsideTenure(
                     workspace.path(), { QStringLiteral("CREATE TABLE recipes (id INTEGER PRIMARY KEY)") }),
                 QString());
        const QByteArray before = fileHash(workspace.path());
        const auto db = Database::open(workspace.path());
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QLatin1String("another application")), qPrintable(db.error()));
        QCOMPARE(fileHash(workspace.path()), before);
    }

    void textFileIsRefused()
    {
        test::TempWorkspace workspace;
        QFile file(workspace.path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("account_id,name\nA-1,Acme\n");
        file.close();
        const auto db = Database::open(workspace.path());
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QLatin1String("not an SQLite database")), qPrintable(db.error()));
    }

    void badPathsSayWhy()
    {
        test::TempWorkspace workspace;
        const auto missingFolder
            = Database::open(workspace.dir() + QStringLiteral("/no/such/folder/w.tenure"));
        QVERIFY(!missingFolder.ok());
        QVERIFY2(missingFolder.error().contains(QLatin1String("does not exist")),
                 qPrintable(missingFolder.error()));

        const auto folder = Database::open(workspace.dir());
        QVERIFY(!folder.ok());
        QVERIFY2(folder.error().contains(QLatin1String("is a folder")), qPrintable(folder.error()));

        const auto missingReadOnly = Database::open(workspace.path(), Database::Mode::ReadOnly);
        QVERIFY(!missingReadOnly.ok());
        QVERIFY2(missingReadOnly.error().contains(QLatin1String("does not exist")),
                 qPrintable(missingReadOnly.error()));
        QVERIFY(!QFile::exists(workspace.path()));
    }

    void readOnlyFileOpensOnlyForReading()
    {
        test::TempWorkspace workspace;
        workspace.open().reset();
        QVERIFY(
            QFile::setPermissions(workspace.path(), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const auto writable = Database::open(workspace.path(), Database::Mode::ReadWrite);
        QVERIFY(!writable.ok());
        QVERIFY2(writable.error().contains(QLatin1String("read-only")), qPrintable(writable.error()));
        const auto readable = Database::open(workspace.path(), Database::Mode::ReadOnly);
        QVERIFY2(readable.ok(), readable.ok() ? "" : qPrintable(readable.error()));
        QVERIFY(readable.value()->isReadOnly());
        QSqlQuery write(readable.value()->connection());
        QVERIFY(!write.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('k', 'v')")));
    }

    void upgradesAnOlderWorkspaceKeepingItsData()
    {
        test::TempWorkspace workspace;
        // A workspace as the first release wrote it: schema 1 only, with some data in it.
        QCOMPARE(test::writeOutsideTenure(
                     workspace.path(),
                     test::schemaUpTo(1)
                         << QStringLiteral(
                                "INSERT INTO sources (name, kind, created_at) VALUES ('crm', 'csv', 0)")
                         << QStringLiteral("INSERT INTO events (source, external_id, account_id, name, "
                                           "occurred_at, received_at) VALUES ('crm', 'e1', 'A-1', 'login', "
                                           "1772366400000, 0)")),
                 QString());
        // Read-only cannot upgrade: it says so instead of misreading an old layout.
        const auto readOnly = Database::open(workspace.path(), Database::Mode::ReadOnly);
        QVERIFY(!readOnly.ok());
        QVERIFY2(readOnly.error().contains(QLatin1String("older schema (1)")), qPrintable(readOnly.error()));
        auto db = workspace.open();
        QCOMPARE(db->schemaVersion(), Database::currentSchemaVersion());
        QCOMPARE(pragma(*db, "user_version"), qint64(Database::currentSchemaVersion()));
        QSqlQuery check(db->connection());
        QVERIFY(check.exec(QStringLiteral("SELECT count(*) FROM events")) && check.next());
        QCOMPARE(check.value(0).toLongLong(), 1);
        QVERIFY(check.exec(QStringLiteral("SELECT count(*) FROM rule_sets"))); // the new tables exist
    }

    void migrationsAreOrderedAndEndAtCurrent()
    {
        const auto& migrations = Schema::migrations();
        QVERIFY(!migrations.isEmpty());
        for (qsizetype i = 0; i < migrations.size(); ++i)
            QCOMPARE(migrations.at(i).version, int(i + 1));
        QCOMPARE(Database::currentSchemaVersion(), migrations.constLast().version);
    }

    void eachThreadGetsItsOwnConnection()
    {
        test::TempWorkspace workspace;
        auto first = workspace.open();
        auto second = workspace.open();
        QCOMPARE_NE(first->connection().connectionName(), second->connection().connectionName());
        QCOMPARE_NE(first->handle(), second->handle());
    }

    // A writer that never pauses still keeps its write-ahead log bounded: the checkpointer copies
    // the log on its own thread, and past four times the threshold the writer's commit finishes the
    // copy so that the log starts over. Everything written is in the database afterwards.
    // Past the threshold, the log is copied into the database by the checkpointer's thread, with
    // no help from the writer: the database file grows while the writer does nothing.
    void checkpointerCopiesTheLogOnItsOwnThread()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        const qint64 before = QFileInfo(workspace.path()).size();
        const int pages = 100;
        WalCheckpointer checkpointer(db->handle(), pages);
        QVERIFY(query.exec(QStringLiteral("BEGIN")));
        for (int i = 0; i < 100; ++i) // about 200 pages: past the threshold, short of the writer's share
            QVERIFY(query.exec(QStringLiteral("INSERT INTO blobs (data) VALUES (zeroblob(6000))")));
        QVERIFY(query.exec(QStringLiteral("COMMIT")));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(workspace.path()).size() > before + 100 * 6000, 10000);
    }

    void checkpointerKeepsTheLogBounded()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)")));
        const int pages = 64;
        const QString wal = workspace.path() + QStringLiteral("-wal");
        qint64 largest = 0;
        {
            WalCheckpointer checkpointer(db->handle(), pages);
            QVERIFY(checkpointer.isActive());
            query.prepare(QStringLiteral("INSERT INTO blobs (data) VALUES (zeroblob(8000))"));
            for (int i = 0; i < 2000; ++i) { // about 4,000 pages, one transaction each
                QVERIFY(query.exec());
                largest = std::max(largest, QFileInfo(wal).size());
            }
        }
        QVERIFY2(largest < qint64(8 * pages) * 4096, qPrintable(QString::number(largest)));
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM blobs")) && query.next());
        QCOMPARE(query.value(0).toInt(), 2000);
        // Gone, it gives the connection its automatic checkpoints back.
        QVERIFY(query.exec(QStringLiteral("PRAGMA wal_autocheckpoint")) && query.next());
        QCOMPARE(query.value(0).toInt(), pages);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
