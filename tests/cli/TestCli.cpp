#include "TestSupport.h"
#include "Version.h"
#include "cli/CommandRegistry.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"
#include "support/FakeApiServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace tenure;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

// Runs a command in-process, the way tenure-cli's main() does.
Run runCommand(const QStringList& arguments,
               const QString& defaultDb = QStringLiteral("/nonexistent/default.tenure"))
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    const cli::CommandRegistry registry;
    cli::Command* command = registry.find(arguments.first());
    if (!command)
        qFatal("no such command");
    cli::Context context { out, err, defaultDb };
    run.code = command->execute(arguments, context);
    out.flush();
    err.flush();
    return run;
}

// Runs the real tenure-cli binary.
Run runBinary(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(TENURE_BIN_DIR "/tenure-cli"), arguments);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// Runs the real tenure-cli binary while this thread's event loop keeps turning (a test server
// in this process must answer it); `killWhen` is polled, and the process killed once it holds.
Run runBinaryLive(const QStringList& arguments, const std::function<bool()>& killWhen = {})
{
    QProcess process;
    process.start(QStringLiteral(TENURE_BIN_DIR "/tenure-cli"), arguments);
    Run run;
    QElapsedTimer timer;
    timer.start();
    while (process.state() != QProcess::NotRunning && timer.elapsed() < 60000) {
        QTest::qWait(10);
        if (killWhen && killWhen()) {
            process.kill(); // SIGKILL: no chance to clean up, as when a machine loses power
            process.waitForFinished();
            break;
        }
    }
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void importReportsRowsAndAborts()
    {
        test::TempWorkspace workspace;
        const QString db = workspace.path();
        const QString data = QStringLiteral(TENURE_TEST_DATA "/csv/");
        const Run bad = runCommand({ QStringLiteral("import"), QStringLiteral("events"),
                                     data + QStringLiteral("events-bad.csv"), QStringLiteral("--db"), db });
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(QLatin1String("events-bad.csv:3: column 4 (timestamp): expected a date")),
                 qPrintable(bad.err));
        QVERIFY(bad.err.contains(QLatin1String("events-bad.csv:7: column 5 (usage_count)")));
        QVERIFY(bad.out.contains(QLatin1String("nothing was imported")));
        const Run skipped = runCommand({ QStringLiteral("import"), QStringLiteral("events"),
                                         data + QStringLiteral("events-bad.csv"), QStringLiteral("--db"), db,
                                         QStringLiteral("--skip-bad-rows") });
        QCOMPARE(skipped.code, 0);
        QVERIFY2(skipped.out.contains(QLatin1String("3 new")), qPrintable(skipped.out));
        QVERIFY(skipped.out.contains(QLatin1String("3 bad rows skipped")));

        const Run japanese = runCommand({ QStringLiteral("import"), QStringLiteral("accounts"),
                                          data + QStringLiteral("accounts-ja-cp932.csv"),
                                          QStringLiteral("--db"), db, QStringLiteral("--json") });
        QCOMPARE(japanese.code, 0);
        const QJsonObject report = QJsonDocument::fromJson(japanese.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("encoding")).toString(), QStringLiteral("CP932"));
        QCOMPARE(report.value(QStringLiteral("inserted")).toInt(), 3);
        QCOMPARE(report.value(QStringLiteral("mapping"))
                     .toObject()
                     .value(QStringLiteral("columns"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("取引先名"));

        const Run usage = runCommand({ QStringLiteral("import"), QStringLiteral("sales"),
                                       QStringLiteral("x.csv"), QStringLiteral("--db"), db });
        QCOMPARE(usage.code, 2);
        const Run encoding = runCommand({ QStringLiteral("import"), QStringLiteral("events"),
                                          data + QStringLiteral("events-bad.csv"), QStringLiteral("--db"), db,
                                          QStringLiteral("--encoding"), QStringLiteral("ebcdic-9") });
        QCOMPARE(encoding.code, 1);
        QVERIFY(encoding.err.contains(QLatin1String("Unknown encoding")));
    }

    // A pull killed (SIGKILL) in the middle resumes on the next run: every event exactly once.
    void killedPullResumesWithoutLossOrDuplicates()
    {
        QJsonArray records;
        for (int i = 0; i < 1000; ++i)
            records.append(
                QJsonObject { { QStringLiteral("id"), QStringLiteral("e%1").arg(i) },
                              { QStringLiteral("account_id"), QStringLiteral("a%1").arg(i % 13) },
                              { QStringLiteral("event"), QStringLiteral("login") },
                              { QStringLiteral("timestamp"), QStringLiteral("2026-11-20T10:00:00Z") } });
        test::FakeApiServer server([&](const test::FakeApiServer::Request& request) {
            const int offset = request.query.queryItemValue(QStringLiteral("cursor")).toInt();
            QJsonArray page;
            for (int i = offset; i < std::min<int>(offset + 100, records.size()); ++i)
                page.append(records[i]);
            QJsonObject body { { QStringLiteral("data"), page } };
            if (offset + 100 < records.size())
                body.insert(QStringLiteral("next_cursor"), QString::number(offset + 100));
            test::FakeApiServer::Response response = test::FakeApiServer::json(QJsonDocument(body).toJson());
            response.delayMs = 100;
            return response;
        });
        test::TempWorkspace workspace;
        const QString db = workspace.path();
        const QJsonObject connector {
            { QStringLiteral("name"), QStringLiteral("app") },
            { QStringLiteral("kind"), QStringLiteral("rest") },
            { QStringLiteral("url"),
              server.url(QStringLiteral("/events")).toString() + QStringLiteral("?cursor={cursor}") },
            { QStringLiteral("paging"),
              QJsonObject { { QStringLiteral("type"), QStringLiteral("cursor") } } },
            { QStringLiteral("records_path"), QStringLiteral("data") }
        };
        const QString definition = test::writeFile(workspace.dirObject(), QStringLiteral("app.json"),
                                                   QJsonDocument(connector).toJson());
        QCOMPARE(runCommand({ QStringLiteral("connector"), QStringLiteral("add"), definition,
                              QStringLiteral("--db"), db })
                     .code,
                 0);

        const Run killed = runBinaryLive({ QStringLiteral("pull"), QStringLiteral("--db"), db },
                                         [&] { return server.requests().size() >= 5; });
        QCOMPARE(killed.code, -1); // it was killed, not finished
        qint64 landed = 0;
        {
            std::unique_ptr<Database> opened = workspace.open(Database::Mode::ReadOnly);
            QSqlQuery query(opened->connection());
            QVERIFY(query.exec(QStringLiteral("SELECT count(*), count(DISTINCT external_id) FROM events"))
                    && query.next());
            landed = query.value(0).toLongLong();
            QCOMPARE(query.value(1).toLongLong(), landed);
            QVERIFY2(landed < 1000 && landed % 100 == 0,
                     qPrintable(QString::number(landed))); // whole pages only
        }
        const Run resumed = runBinaryLive({ QStringLiteral("pull"), QStringLiteral("--db"), db });
        QCOMPARE(resumed.code, 0);
        QVERIFY2(resumed.out.contains(QLatin1String("resumed an interrupted run")), qPrintable(resumed.out));
        std::unique_ptr<Database> opened = workspace.open(Database::Mode::ReadOnly);
        QSqlQuery query(opened->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*), count(DISTINCT external_id) FROM events"))
                && query.next());
        QCOMPARE(query.value(0).toLongLong(), 1000);
        QCOMPARE(query.value(1).toLongLong(), 1000);
    }

    void connectorAddListPull()
    {
        test::TempWorkspace workspace;
        const QString db = workspace.path();
        const QString definition = workspace.dir() + QStringLiteral("/mixpanel.json");
        QFile file(definition);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QJsonDocument(QJsonObject {
                              { QStringLiteral("name"), QStringLiteral("mixpanel") },
                              { QStringLiteral("kind"), QStringLiteral("mixpanel") },
                              { QStringLiteral("url"),
                                QUrl::fromLocalFile(
                                    QStringLiteral(TENURE_TEST_DATA "/connectors/mixpanel-export.jsonl"))
                                    .toString() },
                          })
                .toJson());
        file.close();
        const Run added = runCommand(
            { QStringLiteral("connector"), QStringLiteral("add"), definition, QStringLiteral("--db"), db });
        QCOMPARE(added.code, 0);
        QVERIFY(added.out.contains(QLatin1String("TENURE_SECRET_MIXPANEL")));
        const Run listed
            = runCommand({ QStringLiteral("connector"), QStringLiteral("list"), QStringLiteral("--db"), db });
        QVERIFY2(listed.out.contains(QLatin1String("never pulled")), qPrintable(listed.out));
        // The real binary, as a cron job would run it.
        const Run pulled = runBinary({ QStringLiteral("pull"), QStringLiteral("--db"), db });
        QCOMPARE(pulled.code, 0);
        QVERIFY2(pulled.out.contains(QLatin1String("12 new events")), qPrintable(pulled.out));
        QVERIFY(pulled.out.contains(QLatin1String("1 rejected")));
        QVERIFY(pulled.err.contains(QLatin1String("line 13: no account at properties.account_id")));
        const Run again
            = runBinary({ QStringLiteral("pull"), QStringLiteral("mixpanel"), QStringLiteral("--db"), db });
        QVERIFY2(again.out.contains(QLatin1String("0 new events, 12 already there")), qPrintable(again.out));
        const Run exported = runCommand({ QStringLiteral("connector"), QStringLiteral("export"),
                                          QStringLiteral("mixpanel"), QStringLiteral("--db"), db });
        QCOMPARE(
            QJsonDocument::fromJson(exported.out.toUtf8()).object().value(QStringLiteral("kind")).toString(),
            QStringLiteral("mixpanel"));
        const Run unknown
            = runCommand({ QStringLiteral("pull"), QStringLiteral("nope"), QStringLiteral("--db"), db });
        QCOMPARE(unknown.code, 1);
        QVERIFY(unknown.err.contains(QLatin1String("this workspace has: mixpanel")));
        const Run badFile = runCommand({ QStringLiteral("connector"), QStringLiteral("add"),
                                         QStringLiteral(TENURE_TEST_DATA "/csv/outcomes.csv"),
                                         QStringLiteral("--db"), db });
        QCOMPARE(badFile.code, 1);
    }

    void initCreatesWorkspace()
    {
        test::TempWorkspace workspace;
        const Run run = runCommand({ QStringLiteral("init"), QStringLiteral("--db"), workspace.path(),
                                     QStringLiteral("--time-zone"), QStringLiteral("Asia/Tokyo") });
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(QLatin1String("Created workspace")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("Asia/Tokyo")));
        QVERIFY(QFile::exists(workspace.path()));
        const Run again = runCommand({ QStringLiteral("init"), QStringLiteral("--db"), workspace.path() });
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.contains(QLatin1String("is ready")), qPrintable(again.out));
        QVERIFY(again.out.contains(QLatin1String("Asia/Tokyo"))); // kept, not reset to the machine's
    }

    void initRejectsBadPathAndZone()
    {
        test::TempWorkspace workspace;
        const Run badPath = runCommand({ QStringLiteral("init"), QStringLiteral("--db"),
                                         workspace.dir() + QStringLiteral("/missing/w.tenure") });
        QCOMPARE(badPath.code, 1);
        QVERIFY2(badPath.err.contains(QLatin1String("does not exist")), qPrintable(badPath.err));
        const Run badZone = runCommand({ QStringLiteral("init"), QStringLiteral("--db"), workspace.path(),
                                         QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus") });
        QCOMPARE(badZone.code, 2);
        QVERIFY2(badZone.err.contains(QLatin1String("Unknown time zone")), qPrintable(badZone.err));
        QVERIFY(!QFile::exists(workspace.path())); // a usage error creates nothing
        const Run badDemoZone = runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                                             QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus") });
        QCOMPARE(badDemoZone.code, 2);
        QVERIFY(!QFile::exists(workspace.path()));
        const Run badOption = runCommand({ QStringLiteral("init"), QStringLiteral("--frobnicate") });
        QCOMPARE(badOption.code, 2);
    }

    // Reports and the list export, headless, from the real binary (no display needed).
    void reportAndExport()
    {
        test::TempWorkspace workspace;
        const QString db = workspace.path();
        QCOMPARE(
            runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--accounts"),
                         QStringLiteral("40"), QStringLiteral("--today"), QStringLiteral("2026-11-25") })
                .code,
            0);
        QCOMPARE(runCommand({ QStringLiteral("score"), QStringLiteral("--db"), db, QStringLiteral("--as-of"),
                              QStringLiteral("2026-11-25") })
                     .code,
                 0);
        const QString pdf = workspace.dir() + QStringLiteral("/a.pdf");
        QProcessEnvironment headless = QProcessEnvironment::systemEnvironment();
        headless.remove(QStringLiteral("QT_QPA_PLATFORM"));
        headless.remove(QStringLiteral("DISPLAY"));
        QProcess process;
        process.setProcessEnvironment(headless);
        process.start(QStringLiteral(TENURE_BIN_DIR "/tenure-cli"),
                      { QStringLiteral("report"), QStringLiteral("A-00003"), QStringLiteral("--pdf"), pdf,
                        QStringLiteral("--db"), db, QStringLiteral("--as-of"),
                        QStringLiteral("2026-11-25") });
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY2(QString::fromUtf8(process.readAllStandardOutput()).contains(QLatin1String("Wrote")),
                 "no report written");
        QVERIFY(QFile(pdf).size() > 10000);

        const QString portfolio = workspace.dir() + QStringLiteral("/p.pdf");
        const Run owner = runBinary({ QStringLiteral("report"), QStringLiteral("--portfolio"),
                                      QStringLiteral("--owner"), QStringLiteral("nobody"),
                                      QStringLiteral("--pdf"), portfolio, QStringLiteral("--db"), db });
        QCOMPARE(owner.code, 1);
        QVERIFY(owner.err.contains(QLatin1String("no accounts owned by \"nobody\"")));
        const Run all = runBinary({ QStringLiteral("report"), QStringLiteral("--portfolio"),
                                    QStringLiteral("--pdf"), portfolio, QStringLiteral("--db"), db,
                                    QStringLiteral("--page-size"), QStringLiteral("letter") });
        QCOMPARE(all.code, 0);
        QVERIFY(QFile::exists(portfolio));
        const Run unknown = runBinary({ QStringLiteral("report"), QStringLiteral("A-404"),
                                        QStringLiteral("--pdf"), pdf, QStringLiteral("--db"), db });
        QCOMPARE(unknown.code, 1);
        QVERIFY(unknown.err.contains(QLatin1String("A-404")));
        QCOMPARE(runBinary({ QStringLiteral("report"), QStringLiteral("--db"), db }).code, 2);

        // The action queue, as a CSM works it from a terminal.
        const Run queue
            = runCommand({ QStringLiteral("actions"), QStringLiteral("--db"), db, QStringLiteral("--json") });
        QCOMPARE(queue.code, 0);
        const QJsonArray actions = QJsonDocument::fromJson(queue.out.toUtf8()).array();
        QVERIFY2(!actions.isEmpty(), qPrintable(queue.out));
        const QString id
            = QString::number(actions.first().toObject().value(QStringLiteral("id")).toInteger());
        const QString account = actions.first().toObject().value(QStringLiteral("account_id")).toString();
        QCOMPARE(runCommand({ QStringLiteral("actions"), QStringLiteral("note"), id,
                              QStringLiteral("left a voicemail"), QStringLiteral("--db"), db,
                              QStringLiteral("--author"), QStringLiteral("yuki") })
                     .code,
                 0);
        QCOMPARE(runCommand({ QStringLiteral("actions"), QStringLiteral("reassign"), id,
                              QStringLiteral("--to"), QStringLiteral("Dana"), QStringLiteral("--db"), db })
                     .code,
                 0);
        QCOMPARE(runCommand(
                     { QStringLiteral("actions"), QStringLiteral("snooze"), id, QStringLiteral("--db"), db })
                     .code,
                 2);
        QCOMPARE(runCommand({ QStringLiteral("actions"), QStringLiteral("done"), id, QStringLiteral("--note"),
                              QStringLiteral("renewal signed"), QStringLiteral("--db"), db,
                              QStringLiteral("--author"), QStringLiteral("yuki") })
                     .code,
                 0);
        const Run shown = runCommand(
            { QStringLiteral("actions"), QStringLiteral("show"), id, QStringLiteral("--db"), db });
        QVERIFY2(shown.out.contains(QLatin1String("done"))
                     && shown.out.contains(QLatin1String("renewal signed"))
                     && shown.out.contains(QLatin1String("left a voicemail"))
                     && shown.out.contains(QLatin1String("reassigned")),
                 qPrintable(shown.out));
        const Run after
            = runCommand({ QStringLiteral("actions"), QStringLiteral("--db"), db, QStringLiteral("--json") });
        QCOMPARE(QJsonDocument::fromJson(after.out.toUtf8()).array().size(), actions.size() - 1);
        QCOMPARE(runCommand({ QStringLiteral("actions"), QStringLiteral("account-note"), account,
                              QStringLiteral("met the CFO"), QStringLiteral("--db"), db })
                     .code,
                 0);
        QCOMPARE(runCommand({ QStringLiteral("actions"), QStringLiteral("done"), QStringLiteral("x"),
                              QStringLiteral("--db"), db })
                     .code,
                 2);

        const QString csv = workspace.dir() + QStringLiteral("/c.csv");
        const Run exported = runCommand({ QStringLiteral("export"), QStringLiteral("customers"),
                                          QStringLiteral("--csv"), csv, QStringLiteral("--encoding"),
                                          QStringLiteral("cp932"), QStringLiteral("--db"), db });
        QCOMPARE(exported.code, 0);
        QVERIFY(exported.out.contains(QLatin1String("40 accounts")));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().startsWith("\xef\xbb\xbf")); // CP932 has no byte-order mark
        QCOMPARE(
            runCommand({ QStringLiteral("export"), QStringLiteral("accounts"), QStringLiteral("--db"), db })
                .code,
            2);
    }

    void demoThenStats()
    {
        test::TempWorkspace workspace;
        const Run demo = runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                                      QStringLiteral("--accounts"), QStringLiteral("12"),
                                      QStringLiteral("--today"), QStringLiteral("2026-06-15"),
                                      QStringLiteral("--time-zone"), QStringLiteral("Europe/Paris") });
        QCOMPARE(demo.code, 0);
        QVERIFY2(demo.out.contains(QLatin1String("12 accounts")), qPrintable(demo.out));

        const Run stats = runCommand(
            { QStringLiteral("stats"), QStringLiteral("--db"), workspace.path(), QStringLiteral("--json") });
        QCOMPARE(stats.code, 0);
        const QJsonObject object = QJsonDocument::fromJson(stats.out.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("accounts")).toInteger(), 12);
        QCOMPARE(object.value(QStringLiteral("sources")).toInteger(), 1);
        QCOMPARE(object.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Europe/Paris"));
        const qint64 events = object.value(QStringLiteral("events")).toInteger();
        QVERIFY(events > 1000);
        QCOMPARE(object.value(QStringLiteral("events_by_source"))
                     .toObject()
                     .value(QStringLiteral("demo"))
                     .toInteger(),
                 events);

        const Run table = runCommand({ QStringLiteral("stats"), QStringLiteral("--db"), workspace.path() });
        QCOMPARE(table.code, 0);
        QVERIFY(table.out.contains(QStringLiteral("Events     %1").arg(events)));
    }

    void demoRejectsBadArguments()
    {
        test::TempWorkspace workspace;
        const Run seed = runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                                      QStringLiteral("--seed"), QStringLiteral("abc") });
        QCOMPARE(seed.code, 2);
        QVERIFY(seed.err.contains(QLatin1String("--seed")));
        const Run date = runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                                      QStringLiteral("--today"), QStringLiteral("15/06/2026") });
        QCOMPARE(date.code, 2);
        QVERIFY(date.err.contains(QLatin1String("YYYY-MM-DD")));
        QVERIFY(!QFile::exists(workspace.path())); // nothing created on a usage error
    }

    void readOnlyWorkspace()
    {
        test::TempWorkspace workspace;
        QCOMPARE(runCommand({ QStringLiteral("init"), QStringLiteral("--db"), workspace.path() }).code, 0);
        QVERIFY(
            QFile::setPermissions(workspace.path(), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const Run demo = runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                                      QStringLiteral("--accounts"), QStringLiteral("3") });
        QCOMPARE(demo.code, 1);
        QVERIFY2(demo.err.contains(QLatin1String("read-only")), qPrintable(demo.err));
        const Run stats = runCommand({ QStringLiteral("stats"), QStringLiteral("--db"), workspace.path() });
        QCOMPARE(stats.code, 0); // reading a write-protected workspace is fine
        QVERIFY(stats.out.contains(QLatin1String("Accounts   0")));
    }

    void newerSchemaIsRefused()
    {
        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            QSqlQuery bump(db->connection());
            QVERIFY(bump.exec(QStringLiteral("PRAGMA user_version = 999")));
        }
        for (const char* command : { "stats", "init", "demo" }) {
            const Run run
                = runCommand({ QString::fromLatin1(command), QStringLiteral("--db"), workspace.path() });
            QCOMPARE(run.code, 1);
            QVERIFY2(run.err.contains(QLatin1String("newer version of Tenure")), qPrintable(run.err));
        }
        const Run missing = runCommand({ QStringLiteral("stats"), QStringLiteral("--db"),
                                         workspace.dir() + QStringLiteral("/none.tenure") });
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains(QLatin1String("does not exist")));
    }

    void scorePrintsStagesAndBands()
    {
        test::TempWorkspace workspace;
        QCOMPARE(runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                              QStringLiteral("--accounts"), QStringLiteral("20"), QStringLiteral("--today"),
                              QStringLiteral("2026-06-15") })
                     .code,
                 0);
        const Run first = runCommand({ QStringLiteral("score"), QStringLiteral("--db"), workspace.path(),
                                       QStringLiteral("--as-of"), QStringLiteral("2026-06-15") });
        QCOMPARE(first.code, 0);
        QVERIFY2(first.out.startsWith(QLatin1String("Rebuilt from the log as of 2026-06-15 with rules v1")),
                 qPrintable(first.out));
        QVERIFY(first.out.contains(QLatin1String("20 accounts scored")));
        QVERIFY(first.out.contains(QLatin1String("adoption")));
        QVERIFY(
            first.out.contains(QRegularExpression(QStringLiteral("Total +\\d+ +\\d+ +\\d+ +\\d+ +20\\n"))));
        const Run again = runCommand({ QStringLiteral("score"), QStringLiteral("--db"), workspace.path(),
                                       QStringLiteral("--as-of"), QStringLiteral("2026-06-15") });
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.startsWith(QLatin1String("Scored as of 2026-06-15")), qPrintable(again.out));
        QVERIFY(again.out.contains(QLatin1String("0 events folded in")));
        const Run full = runCommand({ QStringLiteral("score"), QStringLiteral("--db"), workspace.path(),
                                      QStringLiteral("--full"), QStringLiteral("--as-of"),
                                      QStringLiteral("2026-06-15") });
        QCOMPARE(full.code, 0);
        QVERIFY(full.out.startsWith(QLatin1String("Rebuilt from the log")));
        QVERIFY(!full.out.contains(QLatin1String(" 0 events folded in")));
        // New rules: every account scored again, from the aggregates (no event read).
        {
            auto db = workspace.open();
            RuleSet rules = RuleSetJson::defaults();
            rules.bands[0].minScore = 90;
            QVERIFY(RuleStore(*db).save(rules, QStringLiteral("test")).ok());
        }
        const Run rescored = runCommand({ QStringLiteral("score"), QStringLiteral("--db"), workspace.path(),
                                          QStringLiteral("--as-of"), QStringLiteral("2026-06-15") });
        QCOMPARE(rescored.code, 0);
        QVERIFY2(rescored.out.startsWith(
                     QLatin1String("Re-scored with new rules as of 2026-06-15 with rules v2: 0 "
                                   "events folded in, 20 accounts scored")),
                 qPrintable(rescored.out));
    }

    void scoreRejectsBadArguments()
    {
        test::TempWorkspace workspace;
        const Run date = runCommand({ QStringLiteral("score"), QStringLiteral("--db"), workspace.path(),
                                      QStringLiteral("--as-of"), QStringLiteral("yesterday") });
        QCOMPARE(date.code, 2);
        QVERIFY(date.err.contains(QLatin1String("YYYY-MM-DD")));
        QCOMPARE(runCommand({ QStringLiteral("init"), QStringLiteral("--db"), workspace.path() }).code, 0);
        QVERIFY(
            QFile::setPermissions(workspace.path(), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const Run readOnly
            = runCommand({ QStringLiteral("score"), QStringLiteral("--db"), workspace.path() });
        QCOMPARE(readOnly.code, 1);
        QVERIFY2(readOnly.err.contains(QLatin1String("read-only")), qPrintable(readOnly.err));
    }

    void backtestPrintsJsonAndTables()
    {
        test::TempWorkspace workspace;
        QCOMPARE(runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                              QStringLiteral("--accounts"), QStringLiteral("60"), QStringLiteral("--today"),
                              QStringLiteral("2026-06-15") })
                     .code,
                 0);
        const QStringList base { QStringLiteral("backtest"), QStringLiteral("--db"), workspace.path(),
                                 QStringLiteral("--as-of"), QStringLiteral("2026-06-15") };
        const Run json = runCommand(
            base
            + QStringList { QStringLiteral("--horizon"), QStringLiteral("30"), QStringLiteral("--json") });
        QCOMPARE(json.code, 0);
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(json.out));
        QCOMPARE(object.value(QStringLiteral("horizon_days")).toInt(), 30);
        QVERIFY(object.value(QStringLiteral("cases")).toInt() > 0);
        const double auc = object.value(QStringLiteral("auc")).toDouble(-1);
        QVERIFY2(auc >= 0 && auc <= 1, qPrintable(json.out.left(400)));
        const QJsonArray bands = object.value(QStringLiteral("per_band")).toArray();
        QCOMPARE(bands.size(), 3);
        QCOMPARE(bands.at(0).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("Good"));
        qint64 churned = 0;
        for (const QJsonValue& stage : object.value(QStringLiteral("per_stage")).toArray())
            churned += stage.toObject().value(QStringLiteral("churned")).toInteger();
        QCOMPARE(churned, object.value(QStringLiteral("churned")).toInteger());
        QVERIFY(!object.value(QStringLiteral("per_criterion")).toArray().isEmpty());

        const Run text = runCommand(base);
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QLatin1String("ROC AUC of the score for churn")), qPrintable(text.out));
        QVERIFY(text.out.contains(QLatin1String("90 days ahead")));

        // A candidate rule file with an error is named with the path of the problem.
        QTemporaryDir dir;
        const QString bad = test::writeFile(
            dir, QStringLiteral("bad.json"),
            "{\"name\":\"x\",\"bands\":[{\"name\":\"A\",\"color\":\"#000000\",\"min_score\":0}],\"stages\":[{"
            "\"id\":\"s\",\"name\":\"S\",\"color\":\"#000000\",\"criteria\":["
            "{\"id\":\"c\",\"label\":\"c\",\"weight\":1,\"measure\":{\"kind\":\"event_count\",\"window_"
            "days\":0},\"score\":{\"mode\":\"pass\",\"op\":\">=\",\"value\":1}}]}]}");
        const Run badRules = runCommand(base + QStringList { QStringLiteral("--rules"), bad });
        QCOMPARE(badRules.code, 1);
        QVERIFY2(badRules.err.contains(QLatin1String("window_days")), qPrintable(badRules.err));
        const Run badHorizon
            = runCommand(base + QStringList { QStringLiteral("--horizon"), QStringLiteral("0") });
        QCOMPARE(badHorizon.code, 2);
        QVERIFY(badHorizon.err.contains(QLatin1String("--horizon")));
    }

    void tuneSuggestFitsChecksAndWrites()
    {
        test::TempWorkspace workspace;
        QCOMPARE(runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                              QStringLiteral("--today"), QStringLiteral("2026-06-15") })
                     .code,
                 0);
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("candidate.json"));
        const QStringList base { QStringLiteral("tune"),    QStringLiteral("suggest"),
                                 QStringLiteral("--db"),    workspace.path(),
                                 QStringLiteral("--as-of"), QStringLiteral("2026-06-15") };
        const Run json
            = runCommand(base + QStringList { QStringLiteral("--json"), QStringLiteral("--output"), output });
        QCOMPARE(json.code, 0);
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(json.out));
        QVERIFY2(object.value(QStringLiteral("suggested")).toBool(), qPrintable(json.out.left(2000)));
        QCOMPARE(object.value(QStringLiteral("horizon_days")).toInt(), 90);
        const QJsonObject holdout = object.value(QStringLiteral("holdout")).toObject();
        QVERIFY(holdout.value(QStringLiteral("suggested")).toObject().value(QStringLiteral("auc")).toDouble()
                >= 0.8);
        QCOMPARE(holdout.value(QStringLiteral("active"))
                     .toObject()
                     .value(QStringLiteral("auc_95"))
                     .toArray()
                     .size(),
                 2);
        QVERIFY(!object.value(QStringLiteral("criteria")).toArray().isEmpty());
        QFile written(output);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(RuleSetJson::parse(written.readAll()).ok());

        // The written rules are an ordinary rule file: the backtest takes them.
        const Run backtest = runCommand({ QStringLiteral("backtest"), QStringLiteral("--db"),
                                          workspace.path(), QStringLiteral("--as-of"),
                                          QStringLiteral("2026-06-15"), QStringLiteral("--rules"), output });
        QCOMPARE(backtest.code, 0);

        const Run text = runCommand(base);
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QLatin1String("Holdout ROC AUC")), qPrintable(text.out));
        QVERIFY(text.out.contains(QLatin1String("why: AUC")));

        const Run wrong = runCommand({ QStringLiteral("tune"), QStringLiteral("frobnicate"),
                                       QStringLiteral("--db"), workspace.path() });
        QCOMPARE(wrong.code, 2);
        QVERIFY(wrong.err.contains(QLatin1String("suggest")));

        // Too few outcomes: it says so and writes nothing.
        test::TempWorkspace small;
        QCOMPARE(runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), small.path(),
                              QStringLiteral("--accounts"), QStringLiteral("40"), QStringLiteral("--today"),
                              QStringLiteral("2026-06-15") })
                     .code,
                 0);
        const QString none = dir.filePath(QStringLiteral("none.json"));
        const Run few = runCommand({ QStringLiteral("tune"), QStringLiteral("suggest"),
                                     QStringLiteral("--db"), small.path(), QStringLiteral("--as-of"),
                                     QStringLiteral("2026-06-15"), QStringLiteral("--output"), none });
        QCOMPARE(few.code, 0);
        QVERIFY2(few.out.contains(QLatin1String("nothing is suggested")), qPrintable(few.out));
        QVERIFY(!QFile::exists(none));
    }

    void helpListsOptions()
    {
        const Run help = runCommand({ QStringLiteral("demo"), QStringLiteral("--help") });
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.contains(QLatin1String("Usage: tenure-cli demo")), qPrintable(help.out));
        QVERIFY(help.out.contains(QLatin1String("--seed")));
        QVERIFY(help.out.contains(QLatin1String("--db")));
    }

    void binaryVersionAndDispatch()
    {
        const Run version = runBinary({ QStringLiteral("--version") });
        QCOMPARE(version.code, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("tenure-cli %1").arg(QLatin1String(kVersion)));

        const Run unknown = runBinary({ QStringLiteral("frobnicate") });
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains(QLatin1String("unknown command")));
        QVERIFY(unknown.err.contains(QLatin1String("stats"))); // usage lists the commands

        test::TempWorkspace workspace;
        const Run init = runBinary({ QStringLiteral("--db"), workspace.path(), QStringLiteral("init") });
        QCOMPARE(init.code, 0);
        const Run stats = runBinary({ QStringLiteral("stats"), QStringLiteral("--db"), workspace.path() });
        QCOMPARE(stats.code, 0);
        QVERIFY(stats.out.contains(QLatin1String("Accounts   0")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
