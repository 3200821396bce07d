// PgCopy, the rows a team workspace takes with COPY: straight from a statement on the workspace
// file's SQLite handle (a push, an import, the engine's publication), the same text as the
// values a QSqlQuery reads give through addValue().

#include "PgCluster.h"
#include "TestSupport.h"
#include "store/Database.h"
#include "store/SqliteStatement.h"
#include "team/PgCopy.h"
#include "team/TeamCopyRows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace tenure;

class TestPgCopy : public QObject
{
    Q_OBJECT

    test::PgCluster m_cluster;
    test::TempWorkspace m_workspace;
    std::unique_ptr<Database> m_file;
    std::unique_ptr<TeamDatabase> m_team;

    // Rows that COPY's text format must escape or tell apart: null from empty, tabs, newlines,
    // backslashes, bytes that are not ASCII, whole and fractional numbers, a blob.
    void fillFile()
    {
        QSqlQuery query(m_file->connection());
        QVERIFY(query.exec(
            QStringLiteral("CREATE TABLE copied (id INTEGER, label TEXT, amount REAL, data BLOB)")));
        QVERIFY(query.prepare(QStringLiteral("INSERT INTO copied VALUES (?, ?, ?, ?)")));
        const QList<QVariantList> rows {
            { 1, QStringLiteral("plain"), 1.5, QByteArray("\x00\x01\xff", 3) },
            { 2, QString(""), 0.1 + 0.2, QByteArray("") },
            { 3, QVariant(), QVariant(), QVariant() },
            { 4, QStringLiteral("tab\there\nnew line\r\\N back\\slash"), -2.5e-300, QByteArray("\\x41") },
            { 5, QStringLiteral("高橋 美咲 \U0001F600"), 1234567.891, QByteArray(5000, 'z') },
            { -9223372036854775807LL, QStringLiteral("\\"), 1e300, QByteArray("\t\n") },
            { 7, QStringLiteral("whole"), 3.0, QByteArray("w") },
        };
        for (const QVariantList& row : rows) {
            for (int i = 0; i < row.size(); ++i)
                query.bindValue(i, row[i]);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        // SQLite's affinity: a number given for the text column is kept as text, a whole number
        // for the real column as a real; and a text of bytes that are not UTF-8.
        QVERIFY(query.exec(QStringLiteral("INSERT INTO copied VALUES (8, 42, 7, x'00')")));
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO copied VALUES (9, CAST(x'61ff62c3' AS TEXT), 2.0, NULL)")));
    }

    void createTarget(const QString& name)
    {
        const Result<QSqlQuery> made = m_team->exec(
            QStringLiteral("CREATE TABLE %1 (id bigint, label text, amount double precision, data bytea)")
                .arg(name));
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error()));
    }

private slots:
    void initTestCase()
    {
        TENURE_START_PG_CLUSTER(m_cluster, m_cluster.start(&pgError));
        QString error;
        QVERIFY2(m_cluster.createDatabase(QStringLiteral("copies"), &error), qPrintable(error));
        Result<std::unique_ptr<TeamDatabase>> team
            = m_cluster.open(QStringLiteral("copies"), TeamDatabase::Purpose::Initialise); // any database
        QVERIFY2(team.ok(), qPrintable(team.ok() ? QString() : team.error()));
        m_team = std::move(team).value();
        m_file = m_workspace.open();
        QVERIFY(m_file);
        fillFile();
        QVERIFY(!QTest::currentTestFailed());
    }

    void bothWaysWriteTheSameRows()
    {
        createTarget(QStringLiteral("from_query"));
        createTarget(QStringLiteral("from_handle"));
        QVERIFY(!QTest::currentTestFailed());
        const QString select = QStringLiteral("SELECT id, label, amount, data FROM copied ORDER BY rowid");

        QSqlQuery rows(m_file->connection());
        rows.setForwardOnly(true);
        QVERIFY(rows.exec(select));
        PgCopy viaQuery(m_team->handle());
        QVERIFY(viaQuery.start(QStringLiteral("COPY from_query FROM STDIN")).ok());
        while (rows.next()) {
            for (int column = 0; column < 4; ++column)
                viaQuery.addValue(rows.value(column));
            QVERIFY(viaQuery.endRow().ok());
        }
        const Result<qint64> fromQuery = viaQuery.finish();
        QVERIFY2(fromQuery.ok(), qPrintable(fromQuery.ok() ? QString() : fromQuery.error()));

        Result<SqliteStatement> statement
            = SqliteStatement::prepare(m_file->handle(), select.toUtf8().constData());
        QVERIFY(statement.ok());
        PgCopy viaHandle(m_team->handle());
        QVERIFY(viaHandle.start(QStringLiteral("COPY from_handle FROM STDIN")).ok());
        const Result<qint64> fromHandle = viaHandle.copyAll(statement->get());
        QVERIFY2(fromHandle.ok(), qPrintable(fromHandle.ok() ? QString() : fromHandle.error()));
        QCOMPARE(fromHandle.value(), 9);
        QCOMPARE(fromQuery.value(), fromHandle.value());

        // The same rows on the server, each value as the file holds it.
        const Result<QVariant> differing = m_team->scalar(QStringLiteral(
            "SELECT count(*) FROM ((SELECT * FROM from_query EXCEPT ALL SELECT * FROM from_handle) UNION ALL "
            "(SELECT * FROM from_handle EXCEPT ALL SELECT * FROM from_query)) d"));
        QVERIFY(differing.ok());
        QCOMPARE(differing->toInt(), 0);
        QSqlQuery local(m_file->connection());
        QVERIFY(local.exec(QStringLiteral("SELECT id, label, amount, data FROM copied ORDER BY id")));
        Result<QSqlQuery> remote
            = m_team->exec(QStringLiteral("SELECT id, label, amount, data FROM from_handle ORDER BY id"));
        QVERIFY(remote.ok());
        QSqlQuery& server = remote.value();
        QList<QVariantList> fileRows, serverRows;
        while (local.next())
            fileRows.append({ local.value(0), local.value(1), local.value(2), local.value(3) });
        while (server.next())
            serverRows.append({ server.value(0), server.value(1), server.value(2), server.value(3) });
        QCOMPARE(serverRows.size(), fileRows.size());
        for (qsizetype i = 0; i < fileRows.size(); ++i) {
            QCOMPARE(serverRows[i][0].toLongLong(), fileRows[i][0].toLongLong());
            QCOMPARE(serverRows[i][1].isNull(), fileRows[i][1].isNull());
            QCOMPARE(serverRows[i][1].toString(), fileRows[i][1].toString());
            QCOMPARE(serverRows[i][2].isNull(), fileRows[i][2].isNull());
            QCOMPARE(serverRows[i][2].toDouble(), fileRows[i][2].toDouble());
            QCOMPARE(serverRows[i][3].isNull(), fileRows[i][3].isNull());
            QCOMPARE(serverRows[i][3].toByteArray(), fileRows[i][3].toByteArray());
        }
    }

    // Back again, as a desktop's copy takes the team's rows (teamcopy::copyRows, which reads them
    // with PgCopyOut): every text (tabs, newlines, backslashes, empty or null), number and null
    // as the file held it (bytes that were not UTF-8 as the server took them).
    void rowsComeBackAsTheyWent()
    {
        QSqlQuery query(m_file->connection());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE back (id INTEGER, label TEXT, amount REAL)")));
        const Result<qint64> copied = teamcopy::copyRows(
            *m_team, *m_file, QStringLiteral("SELECT id, label, amount FROM from_handle"),
            QStringLiteral("INSERT INTO back VALUES (?, ?, ?)"), "itr");
        QVERIFY2(copied.ok(), qPrintable(copied.ok() ? QString() : copied.error()));
        QCOMPARE(copied.value(), 9);
        QSqlQuery sent(m_file->connection());
        QVERIFY(sent.exec(QStringLiteral("SELECT id, label, amount FROM copied ORDER BY id")));
        QSqlQuery returned(m_file->connection());
        QVERIFY(returned.exec(QStringLiteral("SELECT id, label, amount FROM back ORDER BY id")));
        int rows = 0;
        while (sent.next()) {
            QVERIFY(returned.next());
            QCOMPARE(returned.value(0).toLongLong(), sent.value(0).toLongLong());
            QCOMPARE(returned.value(1).isNull(), sent.value(1).isNull());
            QCOMPARE(returned.value(1).toString(), sent.value(1).toString());
            QCOMPARE(returned.value(2).isNull(), sent.value(2).isNull());
            QCOMPARE(returned.value(2).toDouble(), sent.value(2).toDouble());
            ++rows;
        }
        QVERIFY(!returned.next());
        QCOMPARE(rows, 9);
    }

    // A read given up before its end asks the server to stop: it does not produce (nor this side
    // read) the rest of the rows, and the connection is usable again.
    void aReadGivenUpStopsTheServer()
    {
        QVERIFY(m_team->exec(QStringLiteral("CREATE SEQUENCE produced")).ok());
        {
            PgCopyOut out(m_team->handle());
            QVERIFY(out.start(QStringLiteral("COPY (SELECT nextval('produced'), repeat('x', 100) FROM "
                                             "generate_series(1, 2000000)) TO STDOUT"))
                        .ok());
            QVERIFY(out.next());
        }
        const Result<QVariant> produced = m_team->scalar(QStringLiteral("SELECT last_value FROM produced"));
        QVERIFY2(produced.ok(), qPrintable(produced.ok() ? QString() : produced.error()));
        QVERIFY2(produced->toLongLong() < 1000000, qPrintable(produced->toString()));
    }

    // A read that fails part-way (here SQLite's, on a row after more than a megabyte of rows the
    // server has already taken): the copy is abandoned and the server keeps none of it.
    void aFailingReadAbandonsTheCopy()
    {
        createTarget(QStringLiteral("abandoned"));
        QVERIFY(!QTest::currentTestFailed());
        QSqlQuery query(m_file->connection());
        QVERIFY(query.exec(
            QStringLiteral("CREATE TABLE bulky (id INTEGER, label TEXT, amount REAL, data BLOB)")));
        QVERIFY(query.exec(
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
                           "INSERT INTO bulky SELECT i, 'row ' || i, i, zeroblob(4000) FROM n")));
        Result<SqliteStatement> statement
            = SqliteStatement::prepare(m_file->handle(),
                                       "SELECT id, label, amount, CASE WHEN id = 390 THEN json('not json') "
                                       "ELSE data END FROM bulky ORDER BY id");
        QVERIFY(statement.ok());
        PgCopy copy(m_team->handle());
        QVERIFY(copy.start(QStringLiteral("COPY abandoned FROM STDIN")).ok());
        const Result<qint64> copied = copy.copyAll(statement->get());
        QVERIFY(!copied.ok());
        QVERIFY2(copied.error().contains(QLatin1String("JSON"), Qt::CaseInsensitive),
                 qPrintable(copied.error()));
        const Result<QVariant> rows = m_team->scalar(QStringLiteral("SELECT count(*) FROM abandoned"));
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error())); // the connection is usable
        QCOMPARE(rows->toInt(), 0);
    }

    // A value the server refuses (text where it expects a number): the copy fails with the
    // server's reason, nothing is kept, and the connection goes on.
    void aRefusedRowAbandonsTheCopy()
    {
        createTarget(QStringLiteral("refused"));
        QVERIFY(!QTest::currentTestFailed());
        Result<SqliteStatement> statement = SqliteStatement::prepare(
            m_file->handle(), "SELECT id, label, label, data FROM copied WHERE id IN (1, 4) ORDER BY id");
        QVERIFY(statement.ok());
        PgCopy copy(m_team->handle());
        QVERIFY(copy.start(QStringLiteral("COPY refused FROM STDIN")).ok());
        const Result<qint64> copied = copy.copyAll(statement->get());
        QVERIFY(!copied.ok());
        QVERIFY2(copied.error().contains(QLatin1String("double precision")), qPrintable(copied.error()));
        const Result<QVariant> rows = m_team->scalar(QStringLiteral("SELECT count(*) FROM refused"));
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error()));
        QCOMPARE(rows->toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPgCopy)
#include "TestPgCopy.moc"
