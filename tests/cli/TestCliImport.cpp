#include "CliRun.h"
#include "support/FakeApiServer.h"
#include "util/EnglishPlurals.h"

#include <QUrl>

using namespace tenure;
using namespace tenure::test;

// tenure-cli import, connector and pull: rows reported, bad files refused, a killed pull resumed.
class TestCliImport : public QObject
{
    Q_OBJECT

private slots:
    // As tenure-cli's main() does: "1 row", not "1 rows".
    void initTestCase() { QVERIFY(installEnglishPlurals()); }

    void importReportsRowsAndAborts()
    {
        test::TempWorkspace workspace;
        const QString db = workspace.path();
        QCOMPARE(runCommand({ QStringLiteral("init"), QStringLiteral("--db"), db }).code, 0);
        const QString data = QStringLiteral(TENURE_TEST_DATA "/csv/");
        // A mistyped --db: refused, and no empty workspace is left behind.
        const QString typo = workspace.dir() + QStringLiteral("/tset.tenure");
        const Run nowhere
            = runCommand({ QStringLiteral("import"), QStringLiteral("events"),
                           data + QStringLiteral("events-bad.csv"), QStringLiteral("--db"), typo });
        QCOMPARE(nowhere.code, 1);
        QVERIFY2(nowhere.err.contains(QLatin1String("there is no workspace at ")), qPrintable(nowhere.err));
        QVERIFY(!QFile::exists(typo));
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
        QVERIFY2(skipped.out.contains(QLatin1String("Imported 3 events: ")), qPrintable(skipped.out));
        // One reads as one, and a file's name as it is.
        const Run one = runCommand({ QStringLiteral("import"), QStringLiteral("accounts"),
                                     test::writeFile(workspace.dirObject(), QStringLiteral("one%2.csv"),
                                                     "account_id,name\nA-SOLO,Solo KK\n"),
                                     QStringLiteral("--db"), db });
        QCOMPARE(one.code, 0);
        QVERIFY2(one.out.contains(QLatin1String("Imported 1 account: 1 new")), qPrintable(one.out));
        QVERIFY2(one.out.contains(QStringLiteral("one%2.csv (UTF-8, comma-separated)")), qPrintable(one.out));
        QVERIFY2(one.out.contains(QLatin1String(": 1 row read.")), qPrintable(one.out));
        QVERIFY2(one.out.contains(QLatin1String(", 0 bad rows skipped")), qPrintable(one.out));
        const Run oneBad = runCommand({ QStringLiteral("import"), QStringLiteral("accounts"),
                                        test::writeFile(workspace.dirObject(), QStringLiteral("one-bad.csv"),
                                                        "account_id,name,arr\nA-BAD,Bad KK,lots\n"),
                                        QStringLiteral("--db"), db });
        QCOMPARE(oneBad.code, 1);
        QVERIFY2(oneBad.out.contains(QLatin1String("1 bad row: nothing was imported. Fix it,")),
                 qPrintable(oneBad.out));

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

        // A figure without a sign or a currency column: taken as USD, and said so.
        const Run unsigned_
            = runCommand({ QStringLiteral("import"), QStringLiteral("accounts"),
                           data + QStringLiteral("accounts-utf8-bom.csv"), QStringLiteral("--db"), db });
        QCOMPARE(unsigned_.code, 0);
        QVERIFY2(unsigned_.out.contains(QLatin1String("ARR names no currency: 1, the first on line 3")),
                 qPrintable(unsigned_.out));
        // 有限会社①テクノ～ラボ's 480000 has no sign, unlike the other two figures.
        QCOMPARE(report.value(QStringLiteral("currency_assumed")).toInt(-1), 1);

        const Run usage = runCommand({ QStringLiteral("import"), QStringLiteral("sales"),
                                       QStringLiteral("x.csv"), QStringLiteral("--db"), db });
        QCOMPARE(usage.code, 2);
        const Run encoding = runCommand({ QStringLiteral("import"), QStringLiteral("events"),
                                          data + QStringLiteral("events-bad.csv"), QStringLiteral("--db"), db,
                                          QStringLiteral("--encoding"), QStringLiteral("ebcdic-9") });
        QCOMPARE(encoding.code, 2); // a wrong command line, told before anything is opened
        QVERIFY(encoding.err.contains(QLatin1String("Unknown encoding")));
        const Run missing = runCommand({ QStringLiteral("import"), QStringLiteral("events"),
                                         data + QStringLiteral("none.csv"), QStringLiteral("--db"), db });
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains(QLatin1String("none.csv: no such file")), qPrintable(missing.err));
        // An export only in an encoding that holds every name: utf-8 or cp932.
        const QString csv = workspace.dir() + QStringLiteral("/out.csv");
        const Run latin = runCommand({ QStringLiteral("export"), QStringLiteral("customers"),
                                       QStringLiteral("--csv"), csv, QStringLiteral("--encoding"),
                                       QStringLiteral("latin1"), QStringLiteral("--db"), db });
        QCOMPARE(latin.code, 2);
        QVERIFY2(latin.err.contains(QLatin1String("expected utf-8 or cp932")), qPrintable(latin.err));
        QVERIFY(!QFile::exists(csv));
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
        QCOMPARE(runCommand({ QStringLiteral("init"), QStringLiteral("--db"), db }).code, 0);
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
        QCOMPARE(runCommand({ QStringLiteral("init"), QStringLiteral("--db"), db }).code, 0);
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
        // An address no pull can fetch is refused when it is added.
        const QString ftp = test::writeFile(workspace.dirObject(), QStringLiteral("ftp.json"),
                                            "{\"name\": \"old\", \"url\": \"ftp://example.com/e.json\"}");
        const Run refused = runCommand(
            { QStringLiteral("connector"), QStringLiteral("add"), ftp, QStringLiteral("--db"), db });
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QLatin1String("url: expected an http(s) or file URL")),
                 qPrintable(refused.err));
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
        // A connector's name is data: a "%2" in it is printed as written, not filled with a count.
        const QString odd = test::writeFile(
            workspace.dirObject(), QStringLiteral("odd.json"),
            QJsonDocument(
                QJsonObject { { QStringLiteral("name"), QStringLiteral("usage %2") },
                              { QStringLiteral("kind"), QStringLiteral("mixpanel") },
                              { QStringLiteral("url"),
                                QUrl::fromLocalFile(
                                    QStringLiteral(TENURE_TEST_DATA "/connectors/mixpanel-export.jsonl"))
                                    .toString() } })
                .toJson());
        QCOMPARE(runCommand(
                     { QStringLiteral("connector"), QStringLiteral("add"), odd, QStringLiteral("--db"), db })
                     .code,
                 0);
        const Run oddPull
            = runBinary({ QStringLiteral("pull"), QStringLiteral("usage %2"), QStringLiteral("--db"), db });
        QVERIFY2(oddPull.out.startsWith(QLatin1String("usage %2: 1 pages, 13 records: ")),
                 qPrintable(oddPull.out));
        const Run badFile = runCommand({ QStringLiteral("connector"), QStringLiteral("add"),
                                         QStringLiteral(TENURE_TEST_DATA "/csv/outcomes.csv"),
                                         QStringLiteral("--db"), db });
        QCOMPARE(badFile.code, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "TestCliImport.moc"
