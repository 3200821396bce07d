// TeamLocation: URLs and .tenure-team files name a team workspace, never its password.
#include "TestSupport.h"
#include "team/TeamDatabase.h"
#include "team/TeamLocation.h"

#include <QDir>
#include <QScopeGuard>
#include <QTest>

#include <future>
#include <vector>

using namespace tenure;

class TestTeamLocation : public QObject
{
    Q_OBJECT

private slots:
    void recognisesTeamLocations()
    {
        QVERIFY(TeamLocation::isTeamLocation(QStringLiteral("postgresql://db.example.com/tenure")));
        QVERIFY(TeamLocation::isTeamLocation(QStringLiteral("postgres://db/tenure")));
        QVERIFY(TeamLocation::isTeamLocation(QStringLiteral("/home/a/office.tenure-team")));
        QVERIFY(!TeamLocation::isTeamLocation(QStringLiteral("/home/a/demo.tenure")));
    }

    void parsesUrl()
    {
        const Result<TeamLocation> location = TeamLocation::fromUrl(QStringLiteral(
            "postgresql://misaki@db.example.com:6543/acme?sslmode=verify-full&sslrootcert=/etc/ca.crt"));
        QVERIFY2(location.ok(), qPrintable(location.ok() ? QString() : location.error()));
        QCOMPARE(location->user, QStringLiteral("misaki"));
        QCOMPARE(location->host, QStringLiteral("db.example.com"));
        QCOMPARE(location->port, 6543);
        QCOMPARE(location->database, QStringLiteral("acme"));
        QCOMPARE(location->sslMode, QStringLiteral("verify-full"));
        QCOMPARE(location->sslRootCert, QStringLiteral("/etc/ca.crt"));
        QCOMPARE(location->display(), QStringLiteral("misaki@db.example.com:6543/acme"));
        QVERIFY(location->connectOptions().contains(QStringLiteral("sslmode=verify-full")));
        QVERIFY(location->connectOptions().contains(QStringLiteral("sslrootcert='/etc/ca.crt'")));
        // A path cannot add options of its own: its quote is escaped as libpq reads it.
        TeamLocation crafted = *location;
        crafted.sslRootCert = QStringLiteral("/tmp/x' sslmode='disable");
        QVERIFY2(
            crafted.connectOptions().contains(QStringLiteral("sslrootcert='/tmp/x\\' sslmode=\\'disable'")),
            qPrintable(crafted.connectOptions()));
        QCOMPARE(crafted.connectOptions().count(QStringLiteral("sslmode=")), 2); // ours, and the escaped text
        // A URL written back parses to the same place.
        const Result<TeamLocation> again = TeamLocation::fromUrl(location->toUrl());
        QVERIFY(again.ok());
        QCOMPARE(again->display(), location->display());
        QCOMPARE(again->sslRootCert, location->sslRootCert);
    }

    void refusesPasswordsAndNonsense_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("password in URL") << "postgresql://misaki:hunter2@db/acme"
                                         << "never holds a password";
        QTest::newRow("password parameter") << "postgresql://db/acme?password=hunter2"
                                            << "never holds a password";
        QTest::newRow("no database") << "postgresql://db"
                                     << "names no database";
        QTest::newRow("bad sslmode") << "postgresql://db/acme?sslmode=maybe"
                                     << "sslmode \"maybe\"";
        QTest::newRow("unknown parameter") << "postgresql://db/acme?colour=blue"
                                           << "\"colour\"";
        QTest::newRow("not postgres") << "mysql://db/acme"
                                      << "not a PostgreSQL URL";
    }

    void refusesPasswordsAndNonsense()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Result<TeamLocation> location = TeamLocation::fromUrl(text);
        QVERIFY(!location.ok());
        QVERIFY2(location.error().contains(expected), qPrintable(location.error()));
        QVERIFY2(!location.error().contains(QStringLiteral("hunter2")), qPrintable(location.error()));
        // Shown (the window's "Cannot open …"), the location itself loses its password too.
        const QString shown = TeamLocation::withoutSecrets(text);
        QVERIFY2(!shown.contains(QStringLiteral("hunter2")), qPrintable(shown));
        if (!text.contains(QStringLiteral("hunter2")))
            QCOMPARE(shown, text);
    }

    void readsAndWritesTeamFile()
    {
        QTemporaryDir dir;
        const QString path = test::writeFile(dir, QStringLiteral("office.tenure-team"),
                                             "# the office server\nhost = pg.office.lan\nport = 5433\n"
                                             "database = portfolio\nuser = 高橋\nsslmode = verify-full\n"
                                             "sslrootcert = certs/ca.crt        # relative to this file\n");
        const Result<TeamLocation> location = TeamLocation::parse(path);
        QVERIFY2(location.ok(), qPrintable(location.ok() ? QString() : location.error()));
        QCOMPARE(location->host, QStringLiteral("pg.office.lan"));
        QCOMPARE(location->port, 5433);
        QCOMPARE(location->database, QStringLiteral("portfolio"));
        QCOMPARE(location->user, QStringLiteral("高橋"));
        // A relative CA path is the file's neighbour.
        QCOMPARE(location->sslRootCert, QDir(dir.path()).absoluteFilePath(QStringLiteral("certs/ca.crt")));

        const QString copy = dir.filePath(QStringLiteral("copy.tenure-team"));
        QVERIFY(location->writeFile(copy).ok());
        const Result<TeamLocation> reread = TeamLocation::parse(copy);
        QVERIFY(reread.ok());
        QCOMPARE(reread->display(), location->display());
        QCOMPARE(reread->sslRootCert, location->sslRootCert);
    }

    void teamFileErrorsNameTheLine()
    {
        QTemporaryDir dir;
        const QString withPassword = test::writeFile(dir, QStringLiteral("a.tenure-team"),
                                                     "host = db\ndatabase = x\npassword = hunter2\n");
        Result<TeamLocation> location = TeamLocation::parse(withPassword);
        QVERIFY(!location.ok());
        QVERIFY2(location.error().contains(QStringLiteral("line 3")), qPrintable(location.error()));
        QVERIFY(!location.error().contains(QStringLiteral("hunter2")));

        const QString garbled = test::writeFile(dir, QStringLiteral("b.tenure-team"), "host db\n");
        location = TeamLocation::parse(garbled);
        QVERIFY(!location.ok());
        QVERIFY2(location.error().contains(QStringLiteral("line 1")), qPrintable(location.error()));

        const QString timeout = test::writeFile(dir, QStringLiteral("c.tenure-team"),
                                                "host = db\ndatabase = x\nconnect_timeout = abc\n");
        location = TeamLocation::parse(timeout);
        QVERIFY(!location.ok());
        QVERIFY2(location.error().contains(QStringLiteral("line 3: connect_timeout \"abc\" is not a number")),
                 qPrintable(location.error()));
        QVERIFY(!TeamLocation::parse(QStringLiteral("postgresql://u@db/x?connect_timeout=0")).ok());
    }

    // The keychain is read from the views' workers at once (a member whose password comes from
    // ~/.pgpass has none there, and each connection looks): every read gives the same answer and
    // none crashes QtKeychain, whose jobs are not made for several threads at once.
    void theKeychainIsReadFromManyThreadsAtOnce()
    {
        const QByteArray given = qgetenv("PGPASSWORD");
        const QByteArray noKeychain = qgetenv("TENURE_NO_KEYCHAIN");
        qunsetenv("PGPASSWORD");
        qunsetenv("TENURE_NO_KEYCHAIN");
        const auto restore = qScopeGuard([&] {
            if (!given.isEmpty())
                qputenv("PGPASSWORD", given);
            if (!noKeychain.isEmpty())
                qputenv("TENURE_NO_KEYCHAIN", noKeychain);
        });
        const Result<TeamLocation> location
            = TeamLocation::parse(QStringLiteral("postgresql://nobody@127.0.0.1:1/none"));
        QVERIFY(location.ok());
        std::vector<std::future<QString>> reads;
        for (int i = 0; i < 16; ++i)
            reads.push_back(std::async(std::launch::async,
                                       [&location] { return TeamDatabase::storedPassword(*location); }));
        for (std::future<QString>& read : reads)
            QCOMPARE(read.get(), QString()); // nothing saved for this location
    }
};

QTEST_GUILESS_MAIN(TestTeamLocation)
#include "TestTeamLocation.moc"
