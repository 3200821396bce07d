#include "TestSupport.h"
#include "ingest/CsvImporter.h"
#include "store/AccountStore.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"
#include "store/WithWorkspace.h"
#include "store/WorkspaceSettings.h"

#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <future>
#include <thread>

using namespace tenure;

namespace {

Account account(const char* id, const char* owner)
{
    Account account;
    account.id = QLatin1String(id);
    account.name = QLatin1String(id);
    account.owner = QString::fromUtf8(owner);
    return account;
}

Event loginEvent(const char* source, int n)
{
    Event event;
    event.source = QLatin1String(source);
    event.externalId = QStringLiteral("e%1").arg(n);
    event.accountId = QStringLiteral("A-1");
    event.name = QStringLiteral("login");
    event.occurredAt = test::utcMs(2026, 3, 1);
    return event;
}

} // namespace

// The workspace reads the views ask for, in core (headless), and the one way a view's worker opens
// the workspace to run them: withWorkspace().
class TestWorkspaceQueries : public QObject
{
    Q_OBJECT

private slots:
    void withWorkspaceRunsTheWorkOnAnOpenWorkspace()
    {
        test::TempWorkspace workspace;
        QVERIFY(AccountStore(*workspace.open()).upsert(QList<Account> { account("A-1", "Ann") }).ok());
        const Result<qint64> count = withWorkspace(workspace.path(), Database::Mode::ReadOnly,
                                                   [](Database& db) { return AccountStore(db).count(); });
        QVERIFY2(count, qPrintable(count ? QString() : count.error()));
        QCOMPARE(count.value(), 1);
        // A Result from the work comes back as it is, error included.
        const Result<QStringList> failed
            = withWorkspace(workspace.path(), Database::Mode::ReadOnly, [](Database&) -> Result<QStringList> {
                  return Error { QStringLiteral("no luck") };
              });
        QVERIFY(!failed);
        QCOMPARE(failed.error(), QStringLiteral("no luck"));
    }

    void withWorkspaceOpensInTheModeAsked()
    {
        test::TempWorkspace workspace;
        workspace.open(); // create it
        const Status written = withWorkspace(workspace.path(), Database::Mode::ReadOnly, [](Database& db) {
            return AccountStore(db).upsert(QList<Account> { account("A-1", "Ann") });
        });
        QVERIFY(!written);
        const Status writable = withWorkspace(workspace.path(), Database::Mode::ReadWrite, [](Database& db) {
            return AccountStore(db).upsert(QList<Account> { account("A-1", "Ann") });
        });
        QVERIFY2(writable, qPrintable(writable ? QString() : writable.error()));
        QCOMPARE(AccountStore(*workspace.open()).count(), 1);
    }

    void withWorkspaceReportsWhyItCannotOpenAndSkipsTheWork()
    {
        test::TempWorkspace workspace;
        const QString missing = workspace.dir() + QStringLiteral("/missing.tenure");
        bool ran = false;
        const Status status
            = withWorkspace(missing, Database::Mode::ReadOnly, [&ran](Database&) { ran = true; });
        QVERIFY(!status);
        QVERIFY(!ran);
        // The words are Database::open's, unchanged.
        const Result<std::unique_ptr<Database>> direct = Database::open(missing, Database::Mode::ReadOnly);
        QVERIFY(!direct);
        QCOMPARE(status.error(), direct.error());
        QVERIFY(!QFile::exists(missing));
    }

    // The customer list's connection: opened once, kept, and still seeing what others commit.
    void aKeptConnectionIsOpenedOnceAndSeesNewCommits()
    {
        test::TempWorkspace workspace;
        const std::unique_ptr<Database> writer = workspace.open();
        QVERIFY(AccountStore(*writer).upsert(QList<Account> { account("A-1", "Ann") }).ok());
        KeptReadConnection reader;
        const auto count = [&] {
            return reader.run(workspace.path(), [](Database& db) { return AccountStore(db).count(); });
        };
        QCOMPARE(count().value(), 1);
        QVERIFY(AccountStore(*writer).upsert(QList<Account> { account("A-2", "Bo") }).ok());
        QCOMPARE(count().value(), 2); // a commit after its last read, on the same connection
        QCOMPARE(reader.opens(), 1);
        // Read-only, as withWorkspace's ReadOnly.
        const Status written = reader.run(workspace.path(), [](Database& db) {
            return AccountStore(db).upsert(QList<Account> { account("A-3", "Cy") });
        });
        QVERIFY(!written);
        QCOMPARE(AccountStore(*writer).count(), 2);
    }

    // A team copy started over, or a workspace file replaced by a copy: the path names another
    // file, and the kept connection must not keep reading the old one.
    void aKeptConnectionOpensAgainWhenTheFileIsReplaced()
    {
        test::TempWorkspace workspace;
        QVERIFY(AccountStore(*workspace.open()).upsert(QList<Account> { account("A-1", "Ann") }).ok());
        KeptReadConnection reader;
        const auto count = [&](const QString& path) {
            return reader.run(path, [](Database& db) { return AccountStore(db).count(); });
        };
        QCOMPARE(count(workspace.path()).value(), 1);

        const QString other = workspace.dir() + QStringLiteral("/other.tenure");
        {
            const std::unique_ptr<Database> db = Database::open(other).value();
            QVERIFY(AccountStore(*db)
                        .upsert(QList<Account> { account("B-1", "Di"), account("B-2", "Ed"),
                                                 account("B-3", "Flo") })
                        .ok());
        }
        // Another path: opened there.
        QCOMPARE(count(other).value(), 3);
        QCOMPARE(reader.opens(), 2);
        QCOMPARE(count(workspace.path()).value(), 1);
        QCOMPARE(reader.opens(), 3);
        // The same path, another file under it (renamed over it, as a copy is put in place).
        for (const QString& suffix : { QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(workspace.path() + suffix);
        QVERIFY(
            std::rename(QFile::encodeName(other).constData(), QFile::encodeName(workspace.path()).constData())
            == 0);
        QCOMPARE(count(workspace.path()).value(), 3);
        QCOMPARE(reader.opens(), 4);
        reader.close();
        QCOMPARE(count(workspace.path()).value(), 3);
        QCOMPARE(reader.opens(), 5);
    }

    // A Qt SQL connection belongs to the thread that opened it: another thread is refused, not
    // served on a connection it must not touch.
    void aKeptConnectionRefusesAnotherThread()
    {
        test::TempWorkspace workspace;
        QVERIFY(AccountStore(*workspace.open()).upsert(QList<Account> { account("A-1", "Ann") }).ok());
        KeptReadConnection reader;
        const auto count = [&] {
            return reader.run(workspace.path(), [](Database& db) { return AccountStore(db).count(); });
        };
        // Opened on a thread of its own, which closes it once this one has tried.
        Result<qint64> there = Error { QStringLiteral("not run") };
        std::promise<void> opened, tried;
        std::thread owner([&] {
            there = count();
            opened.set_value();
            tried.get_future().wait();
            reader.close();
        });
        opened.get_future().wait();
        const Result<qint64> here = count();
        tried.set_value();
        owner.join();
        QCOMPARE(there.value(), 1);
        QVERIFY(!here);
        QVERIFY2(here.error().contains(QLatin1String("thread")), qPrintable(here.error()));
        QCOMPARE(reader.opens(), 1);
        // Closed there, it opens here.
        QCOMPARE(count().value(), 1);
        QCOMPARE(reader.opens(), 2);
    }

    void aKeptConnectionThatCannotOpenTriesAgainNextTime()
    {
        test::TempWorkspace workspace;
        const QString path = workspace.dir() + QStringLiteral("/later.tenure");
        KeptReadConnection reader;
        bool ran = false;
        const Status missing = reader.run(path, [&ran](Database&) { ran = true; });
        QVERIFY(!missing);
        QVERIFY(!ran);
        QCOMPARE(missing.error(), Database::open(path, Database::Mode::ReadOnly).error());
        QVERIFY(Database::open(path).ok()); // created now
        const Status found = reader.run(path, [&ran](Database&) { ran = true; });
        QVERIFY2(found, qPrintable(found ? QString() : found.error()));
        QVERIFY(ran);
        QCOMPARE(reader.opens(), 1);
    }

    void withWorkspaceWorksOnAnotherThread()
    {
        test::TempWorkspace workspace;
        QVERIFY(AccountStore(*workspace.open())
                    .upsert(QList<Account> { account("A-1", "Ann"), account("A-2", "Bo") })
                    .ok());
        Result<qint64> count = Error { QStringLiteral("not run") };
        QThread* worker = QThread::create([&] {
            count = withWorkspace(workspace.path(), Database::Mode::ReadOnly,
                                  [](Database& db) { return AccountStore(db).count(); });
        });
        worker->start();
        QVERIFY(worker->wait(30000));
        delete worker;
        QVERIFY2(count, qPrintable(count ? QString() : count.error()));
        QCOMPARE(count.value(), 2);
    }

    void ownersAreEachNamedOnceSortedWhateverTheCase()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        QVERIFY(
            AccountStore(*db)
                .upsert(QList<Account> { account("A-1", "bo"), account("A-2", "Ann"), account("A-3", "Carl"),
                                         account("A-4", "Ann"), account("A-5", ""), account("A-6", "佐藤") })
                .ok());
        const Result<QStringList> owners = AccountStore(*db).owners();
        QVERIFY2(owners, qPrintable(owners ? QString() : owners.error()));
        QCOMPARE(owners.value(),
                 (QStringList { QStringLiteral("Ann"), QStringLiteral("bo"), QStringLiteral("Carl"),
                                QStringLiteral("佐藤") }));
        test::TempWorkspace empty;
        QCOMPARE(AccountStore(*empty.open()).owners().value(), QStringList());
    }

    void eventCountsAreBySource()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        SourceStore sources(*db);
        for (const char* name : { "web", "mobile", "idle" })
            QVERIFY(sources.ensure(QLatin1String(name), QStringLiteral("csv")).ok());
        QList<Event> events;
        for (int i = 0; i < 3; ++i)
            events << loginEvent("web", i);
        events << loginEvent("mobile", 10);
        const Result<EventLog::AppendResult> appended = EventLog(*db).append(events);
        QVERIFY2(appended, qPrintable(appended ? QString() : appended.error()));
        const Result<QHash<QString, qint64>> counts = sources.eventCounts();
        QVERIFY2(counts, qPrintable(counts ? QString() : counts.error()));
        QCOMPARE(counts->value(QStringLiteral("web")), 3);
        QCOMPARE(counts->value(QStringLiteral("mobile")), 1);
        QVERIFY(!counts->contains(QStringLiteral("idle")));
        QCOMPARE(counts->size(), 2);
    }

    void savedMappingIsTheSourcesOfTheSameKind()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        SourceStore sources(*db);
        ImportMapping mapping;
        mapping.kind = ImportMapping::Kind::Events;
        mapping.columns.insert(QStringLiteral("account"), QStringLiteral("Company"));
        mapping.constants.insert(QStringLiteral("name"), QStringLiteral("login"));
        QVERIFY(sources.ensure(QStringLiteral("usage"), QStringLiteral("csv")).ok());
        QVERIFY(
            sources.setConfig(QStringLiteral("usage"), { { QStringLiteral("mapping"), mapping.toJson() } })
                .ok());
        QVERIFY(sources.ensure(QStringLiteral("bare"), QStringLiteral("csv")).ok());

        const std::optional<ImportMapping> saved
            = CsvImporter::savedMapping(*db, QStringLiteral("usage"), ImportMapping::Kind::Events);
        QVERIFY(saved);
        QCOMPARE(saved->columns, mapping.columns);
        QCOMPARE(saved->constants, mapping.constants);
        // Another kind, a source without a mapping, no such source: none.
        QVERIFY(!CsvImporter::savedMapping(*db, QStringLiteral("usage"), ImportMapping::Kind::Accounts));
        QVERIFY(!CsvImporter::savedMapping(*db, QStringLiteral("bare"), ImportMapping::Kind::Events));
        QVERIFY(!CsvImporter::savedMapping(*db, QStringLiteral("nowhere"), ImportMapping::Kind::Events));
    }

    void todayIsTheWorkspaceZonesDay()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        WorkspaceSettings settings(*db);
        const QDateTime evening(QDate(2026, 1, 1), QTime(20, 0), QTimeZone::utc());
        QVERIFY(settings.setTimeZone("Asia/Tokyo").ok());
        QCOMPARE(settings.dateAt(evening), QDate(2026, 1, 2)); // 05:00 the next morning in Tokyo
        QVERIFY(settings.setTimeZone("America/Los_Angeles").ok());
        QCOMPARE(settings.dateAt(evening), QDate(2026, 1, 1)); // noon in Los Angeles
        // today() is the zone's day now: Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours
        // apart, never on the same day.
        QVERIFY(settings.setTimeZone("Pacific/Kiritimati").ok());
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QDate ahead = settings.today();
        QVERIFY(settings.setTimeZone("Pacific/Pago_Pago").ok());
        const QDate behind = settings.today();
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QVERIFY2(behind < ahead,
                 qPrintable(behind.toString(Qt::ISODate) + u' ' + ahead.toString(Qt::ISODate)));
        QVERIFY(behind >= before.toTimeZone(QTimeZone("Pacific/Pago_Pago")).date());
        QVERIFY(behind <= after.toTimeZone(QTimeZone("Pacific/Pago_Pago")).date());
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceQueries)
#include "TestWorkspaceQueries.moc"
