#include "ConnectorFixtures.h"
#include "ingest/connectors/ConnectorStore.h"
#include "store/AccountStore.h"
#include "store/SourceStore.h"
#include "store/WorkspaceSettings.h"

#include <QSslKey>
#include <QSslServer>

using namespace tenure;
using namespace tenure::test;

// PullRunner pages through an API into the event log: faults retried or reported with their cause, every
// event exactly once, a stopped run resumed where it stopped.
class TestPullRunner : public ConnectorTest
{
    Q_OBJECT

private slots:
    void init() { freshWorkspace(); }

    // Cursor paging through 429 + Retry-After, two 500s, a slow page and a repeated page: every
    // event lands exactly once, and the token travels in the header.
    void restPagingRecoversFromFaults()
    {
        const QJsonArray records = sampleRecords();
        QHash<QString, int> calls;
        FakeApiServer server([&](const FakeApiServer::Request& request) {
            const QString cursor = request.query.queryItemValue(QStringLiteral("cursor"));
            const int call = ++calls[cursor];
            if (request.headers.value("authorization") != "Bearer s3cret")
                return FakeApiServer::json("{}", 401);
            if (cursor.isEmpty() && call == 1) {
                FakeApiServer::Response limited = FakeApiServer::json(R"({"error": "slow down"})", 429);
                limited.headers.emplace_back("Retry-After", "1");
                return limited;
            }
            if (cursor == QLatin1String("100") && call <= 2)
                return FakeApiServer::json(R"({"error": "oops"})", 500 + call);
            if (cursor == QLatin1String("200") && call == 1) {
                FakeApiServer::Response slow = FakeApiServer::json(cursorPage(records, 200, 100));
                slow.delayMs = 2500; // beyond the 1 s timeout
                return slow;
            }
            if (cursor == QLatin1String("200"))
                return FakeApiServer::json(cursorPage(records, 150, 150)); // repeats half of page 2
            return FakeApiServer::json(cursorPage(records, cursor.toInt(), 100));
        });
        QElapsedTimer timer;
        timer.start();
        const Result<PullRunner::Report> report = pull(restConfig(server));
        QVERIFY2(report, report ? "" : qPrintable(report.error()));
        QCOMPARE_GE(timer.elapsed(), 1000); // Retry-After: 1 was honoured
        QCOMPARE(report->pages, 3);
        QCOMPARE(report->retries, 4); // one 429, two 500s, one timeout
        QCOMPARE(report->inserted, 250);
        QCOMPARE(report->duplicates, 50);
        QCOMPARE(EventLog(*m_db).count(), 250);
        QCOMPARE(count(*m_db, QStringLiteral("SELECT count(DISTINCT external_id) FROM events")), 250);
        const QList<StoredEvent> first = EventLog(*m_db).readAfter(0, 1).value();
        QCOMPARE(first.first().event.accountId, QStringLiteral("acc-0"));
        QCOMPARE(first.first().event.name, QStringLiteral("report_created"));
        QCOMPARE(first.first().event.occurredAt, test::utcMs(2026, 11, 1, 10, 0));
        QCOMPARE(first.first().event.properties, QByteArray(R"({"plan":"pro"})"));
        // The window was filled into the URL, and the next run starts where this one ended.
        QCOMPARE(server.requests().first().query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded),
                 QStringLiteral("2026-10-01T00:00:00Z"));
        const QJsonObject state = SourceStore(*m_db).state(QStringLiteral("product-api")).value();
        QVERIFY(state.value(QStringLiteral("complete")).toBool());
        const qsizetype before = server.requests().size();
        const Result<PullRunner::Report> second = pull(restConfig(server));
        QVERIFY(second);
        QCOMPARE(
            server.requests().at(before).query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded),
            QStringLiteral("2026-11-25T00:00:00Z"));
    }

    // Outcome events also record an outcome of their account, in the page's transaction.
    void outcomeEventsRecordOutcomes()
    {
        Account known;
        known.id = QStringLiteral("acc-1");
        known.name = QStringLiteral("Known");
        QVERIFY(AccountStore(*m_db).upsert({ &known, 1 }).ok());
        const QByteArray body = R"({"data": [
            {"id": "e1", "account_id": "acc-1", "event": "login", "timestamp": "2026-11-20T10:00:00Z"},
            {"id": "e2", "account_id": "acc-1", "event": "subscription_cancelled", "timestamp": "2026-11-21T23:30:00Z"},
            {"id": "e3", "account_id": "acc-9", "event": "subscription_cancelled", "timestamp": "2026-11-21T10:00:00Z"}]})";
        FakeApiServer server([&](const FakeApiServer::Request&) { return FakeApiServer::json(body); });
        ConnectorConfig config = restConfig(server);
        config.paging = ConnectorConfig::Paging::None;
        config.url = server.url(QStringLiteral("/events")).toString();
        config.outcomeEvents.insert(QStringLiteral("churned"), { QStringLiteral("subscription_cancelled") });
        QVERIFY(WorkspaceSettings(*m_db).setTimeZone("Asia/Tokyo").ok());
        QVERIFY(ConnectorStore(*m_db).save(config).ok());
        const Result<PullRunner::Report> report = pull(config);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error()));
        QCOMPARE(report->inserted, 3); // every event lands in the log
        QCOMPARE(report->outcomes, 1);
        QVERIFY(report->rejections.join(u'\n').contains(QLatin1String("acc-9")));
        const QList<Outcome> outcomes = AccountStore(*m_db).outcomesFor(QStringLiteral("acc-1")).value();
        QCOMPARE(outcomes.size(), 1);
        QCOMPARE(outcomes[0].kind, Outcome::Kind::Churned);
        QCOMPARE(outcomes[0].date, QDate(2026, 11, 22)); // 23:30 UTC is the next day in Tokyo
        QCOMPARE(outcomes[0].source, QStringLiteral("product-api"));
        // Pulled again, nothing doubles.
        QCOMPARE(pull(config)->outcomes, 0);
        QCOMPARE(AccountStore(*m_db).outcomesFor(QStringLiteral("acc-1"))->size(), 1);

        // The mapping travels with the definition, and a wrong kind is named.
        const Result<ConnectorConfig> back = ConnectorConfig::fromJson(config.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->outcomeEvents.value(QStringLiteral("churned")),
                 QStringList { QStringLiteral("subscription_cancelled") });
        QJsonObject bad = config.toJson();
        bad.insert(QStringLiteral("outcomes"),
                   QJsonObject { { QStringLiteral("lost"), QJsonArray { QStringLiteral("x") } } });
        const Result<ConnectorConfig> wrong = ConnectorConfig::fromJson(bad);
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().startsWith(QLatin1String("outcomes.lost:")), qPrintable(wrong.error()));
    }

    void persistentServerErrorsGiveUpWithTheCause()
    {
        FakeApiServer server([](const FakeApiServer::Request&) { return FakeApiServer::json("{}", 503); });
        ConnectorConfig config = restConfig(server);
        config.maxRetries = 2;
        const Result<PullRunner::Report> report = pull(config);
        QVERIFY(!report);
        QVERIFY2(report.error().contains(QLatin1String("Connector \"product-api\", page 1")),
                 qPrintable(report.error()));
        QVERIFY(report.error().contains(QLatin1String("gave up after 3 attempts")));
        QVERIFY(report.error().contains(QLatin1String("HTTP 503")));
        QCOMPARE(server.requests().size(), 3);
    }

    // Invalid JSON on page 2 ends the run; page 1 stays with its cursor, and the next run (the
    // server fixed) resumes at page 2: nothing lost, nothing twice.
    void invalidJsonEndsTheRunAndTheNextRunResumes()
    {
        const QJsonArray records = sampleRecords();
        bool broken = true;
        FakeApiServer server([&](const FakeApiServer::Request& request) {
            const QString cursor = request.query.queryItemValue(QStringLiteral("cursor"));
            if (cursor == QLatin1String("100") && broken)
                return FakeApiServer::json(cursorPage(records, 100, 100).left(700)); // cut mid-record
            return FakeApiServer::json(cursorPage(records, cursor.toInt(), 100));
        });
        const Result<PullRunner::Report> failed = pull(restConfig(server));
        QVERIFY(!failed);
        QVERIFY2(failed.error().contains(QLatin1String("page 2")), qPrintable(failed.error()));
        QVERIFY(failed.error().contains(QLatin1String("not valid JSON")));
        QCOMPARE(EventLog(*m_db).count(), 100);
        const QJsonObject state = SourceStore(*m_db).state(QStringLiteral("product-api")).value();
        QCOMPARE(state.value(QStringLiteral("cursor")).toString(), QStringLiteral("100"));

        broken = false;
        const qsizetype before = server.requests().size();
        const Result<PullRunner::Report> resumed = pull(restConfig(server));
        QVERIFY2(resumed, resumed ? "" : qPrintable(resumed.error()));
        QVERIFY(resumed->resumed);
        QCOMPARE(server.requests().at(before).query.queryItemValue(QStringLiteral("cursor")),
                 QStringLiteral("100"));
        QCOMPARE(resumed->inserted, 150);
        QCOMPARE(EventLog(*m_db).count(), 250);
    }

    void truncatedTransferIsRetriedThenReported()
    {
        FakeApiServer server([](const FakeApiServer::Request&) {
            FakeApiServer::Response cut
                = FakeApiServer::json(R"({"data": [{"id": "1", "account_id": "a"}]})");
            cut.truncateAt = 10;
            return cut;
        });
        ConnectorConfig config = restConfig(server);
        config.maxRetries = 1;
        const Result<PullRunner::Report> report = pull(config);
        QVERIFY(!report);
        QVERIFY2(report.error().contains(QLatin1String("Connector \"product-api\", page 1")),
                 qPrintable(report.error()));
        QCOMPARE(EventLog(*m_db).count(), 0);
    }

    void refusedCredentialsStopAtOnce()
    {
        FakeApiServer server([](const FakeApiServer::Request&) {
            return FakeApiServer::json(R"({"error": "bad token"})", 401);
        });
        const Result<PullRunner::Report> report = pull(restConfig(server), QStringLiteral("wrong"));
        QVERIFY(!report);
        QVERIFY(report.error().contains(QLatin1String("HTTP 401")));
        QVERIFY(report.error().contains(QLatin1String("TENURE_SECRET_PRODUCT_API")));
        QVERIFY(!report.error().contains(QLatin1String("wrong"))); // the secret never appears
        QCOMPARE(server.requests().size(), 1);
    }

    // A key in the address's query is a secret too: Qt's own error text ("Error transferring
    // http://…?api_key=…") and an error page that echoes the address lose it.
    void aKeyInTheAddressNeverAppearsInAnError()
    {
        for (const bool echo : { false, true }) {
            FakeApiServer server([echo](const FakeApiServer::Request& request) {
                FakeApiServer::Response response;
                response.status = echo ? 400 : 404;
                if (echo)
                    response.body = "bad request for http://127.0.0.1" + request.path.toUtf8() + "?"
                        + request.query.toString(QUrl::FullyEncoded).toUtf8();
                return response;
            });
            ConnectorConfig config = restConfig(server);
            config.url += QStringLiteral("&api_key=SUPERSECRET123");
            const Result<PullRunner::Report> report = pull(config);
            QVERIFY(!report);
            QVERIFY2(report.error().contains(
                         echo ? QLatin1String("HTTP 400: bad request for http://127.0.0.1/events")
                              : QLatin1String("HTTP 404: ")),
                     qPrintable(report.error()));
            QVERIFY2(!report.error().contains(QLatin1String("SUPERSECRET123")), qPrintable(report.error()));
            QVERIFY2(!report.error().contains(QLatin1String("cursor=")), qPrintable(report.error()));
        }
    }

    void redirectLoopsAreReported()
    {
        FakeApiServer server([](const FakeApiServer::Request& request) {
            FakeApiServer::Response redirect;
            redirect.status = 302;
            redirect.headers.emplace_back("Location", request.path == QLatin1String("/a") ? "/b" : "/a");
            return redirect;
        });
        ConnectorConfig config = restConfig(server, QStringLiteral("/a"));
        const Result<PullRunner::Report> report = pull(config);
        QVERIFY(!report);
        QVERIFY2(report.error().contains(QLatin1String("redirect loop")), qPrintable(report.error()));
    }

    // A server whose certificate no trusted CA signed: the run ends with a TLS error, and the
    // connector never falls back to trusting it.
    void untrustedCertificatesEndTheRun()
    {
        QFile certificateFile(QStringLiteral(TENURE_TEST_DATA "/tls/test-only.crt"));
        QFile keyFile(QStringLiteral(TENURE_TEST_DATA "/tls/test-only.key"));
        QVERIFY(certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certificateFile.readAll()));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        QSslServer server;
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        ConnectorConfig config;
        config.name = QStringLiteral("tls");
        config.url = QStringLiteral("https://127.0.0.1:%1/events").arg(server.serverPort());
        config.timeoutSeconds = 5;
        const Result<PullRunner::Report> report = pull(config);
        QVERIFY(!report);
        QVERIFY2(report.error().contains(QLatin1String("TLS error")), qPrintable(report.error()));
        QVERIFY(report.error().contains(QLatin1String("Connector \"tls\", page 1")));
    }

    void pagingLoopsAreReported()
    {
        FakeApiServer server([](const FakeApiServer::Request&) {
            return FakeApiServer::json(R"({"data": [{"id": "1", "account_id": "a", "event": "x",
                                          "timestamp": "2026-11-01T00:00:00Z"}], "next_cursor": "same"})");
        });
        const Result<PullRunner::Report> report = pull(restConfig(server));
        QVERIFY(!report);
        QVERIFY2(report.error().contains(QLatin1String("paging loop")), qPrintable(report.error()));
        QCOMPARE(EventLog(*m_db).count(), 1);
    }

    void linkHeaderPageNumberAndNextLinkPaging()
    {
        const QJsonArray records = sampleRecords(25);
        auto slice = [&](int from, int size) {
            QJsonArray page;
            for (int i = from; i < std::min<int>(from + size, records.size()); ++i)
                page.append(records[i]);
            return page;
        };
        FakeApiServer server([&](const FakeApiServer::Request& request) {
            const int page = request.query.queryItemValue(QStringLiteral("page")).toInt();
            if (request.path == QLatin1String("/numbered"))
                return FakeApiServer::json(QJsonDocument(slice((page - 1) * 10, 10)).toJson());
            if (request.path == QLatin1String("/linked")) {
                FakeApiServer::Response response
                    = FakeApiServer::json(QJsonDocument(slice((page - 1) * 10, 10)).toJson());
                if (page < 3)
                    response.headers.emplace_back("Link",
                                                  "</linked?page=" + QByteArray::number(page + 1)
                                                      + ">; rel=\"next\", </linked?page=3>; rel=\"last\"");
                return response;
            }
            QJsonObject body { { QStringLiteral("items"), slice((page - 1) * 10, 10) } };
            if (page < 3)
                body.insert(QStringLiteral("links"),
                            QJsonObject {
                                { QStringLiteral("next"), QStringLiteral("/next?page=%1").arg(page + 1) } });
            return FakeApiServer::json(QJsonDocument(body).toJson());
        });
        ConnectorConfig numbered = restConfig(server);
        numbered.name = QStringLiteral("numbered");
        numbered.url = server.url(QStringLiteral("/numbered")).toString()
            + QStringLiteral("?page={page}&per_page={page_size}");
        numbered.paging = ConnectorConfig::Paging::PageNumber;
        numbered.pageSize = 10;
        numbered.recordsPath.clear();
        QCOMPARE(pull(numbered)->inserted, 25);

        ConnectorConfig linked = numbered;
        linked.name = QStringLiteral("linked");
        linked.url = server.url(QStringLiteral("/linked?page=1")).toString();
        linked.paging = ConnectorConfig::Paging::LinkHeader;
        const Result<PullRunner::Report> viaLink = pull(linked);
        QCOMPARE(viaLink->pages, 3);
        QCOMPARE(viaLink->duplicates, 0);
        QCOMPARE(viaLink->inserted, 25);

        ConnectorConfig next = linked;
        next.name = QStringLiteral("next");
        next.url = server.url(QStringLiteral("/next?page=1")).toString();
        next.paging = ConnectorConfig::Paging::NextLink;
        next.nextPath = QStringLiteral("links.next");
        next.recordsPath = QStringLiteral("items");
        const Result<PullRunner::Report> viaNext = pull(next);
        QCOMPARE(viaNext->pages, 3);
        QCOMPARE(viaNext->inserted, 25);
        QCOMPARE(EventLog(*m_db).count(), 75);
    }

    void mixpanelExportAsJsonLines()
    {
        QByteArray lines;
        for (int i = 0; i < 3000; ++i)
            lines
                += QStringLiteral(
                       R"({"event":"%1","properties":{"time":%2,"distinct_id":"user-%3","$insert_id":"ins-%4","account_id":"org-%5","$browser":"Firefox"}})")
                       .arg(i % 3 ? QStringLiteral("Viewed Report") : QStringLiteral("ログイン"))
                       .arg(1764000000 + i)
                       .arg(i % 11)
                       .arg(i)
                       .arg(i % 4)
                       .toUtf8()
                + "\n";
        lines += "\n"; // a trailing blank line is fine
        FakeApiServer server([&](const FakeApiServer::Request& request) {
            Q_UNUSED(request);
            FakeApiServer::Response response;
            response.body = lines;
            response.headers.emplace_back("Content-Type", "application/x-ndjson");
            return response;
        });
        ConnectorConfig config = ConnectorConfig::defaultsFor(ConnectorConfig::Kind::Mixpanel);
        config.name = QStringLiteral("mixpanel");
        config.url = server.url(QStringLiteral("/api/2.0/export")).toString()
            + QStringLiteral("?from_date={since_date}&to_date={until_date}");
        config.auth = ConnectorConfig::Auth::Basic;
        config.username = QStringLiteral("service-account");
        config.start = QDateTime(QDate(2026, 10, 1), QTime(0, 0), QTimeZone::utc());
        const Result<PullRunner::Report> report = pull(config);
        QVERIFY2(report, report ? "" : qPrintable(report.error()));
        QCOMPARE(report->inserted, 3000);
        QCOMPARE(server.requests().first().query.queryItemValue(QStringLiteral("from_date")),
                 QStringLiteral("2026-10-01"));
        QCOMPARE(server.requests().first().query.queryItemValue(QStringLiteral("to_date")),
                 QStringLiteral("2026-11-25"));
        QCOMPARE(server.requests().first().headers.value("authorization"),
                 "Basic " + QByteArray("service-account:s3cret").toBase64());
        const StoredEvent first = EventLog(*m_db).readAfter(0, 1).value().first();
        QCOMPARE(first.event.name, QStringLiteral("ログイン"));
        QCOMPARE(first.event.userId, QStringLiteral("user-0"));
        QCOMPARE(first.event.accountId, QStringLiteral("org-0"));
        QCOMPARE(first.event.externalId, QStringLiteral("ins-0"));
        QCOMPARE(first.event.occurredAt, qint64(1764000000) * 1000);
        QVERIFY(first.event.properties.contains("\"$browser\":\"Firefox\""));

        // A bad line names its line number.
        lines.insert(lines.indexOf('\n', 5000) + 1, "{\"event\": \"broken\",\n");
        const Result<PullRunner::Report> broken = pull(config);
        QVERIFY(!broken);
        QVERIFY2(broken.error().contains(QLatin1String("not valid JSON")), qPrintable(broken.error()));
        QVERIFY(broken.error().contains(QLatin1String("line ")));
    }

    void segmentGroupCallsMapUsersToAccounts()
    {
        FakeApiServer server([](const FakeApiServer::Request&) {
            return FakeApiServer::json(R"({"batch": [
              {"type": "identify", "userId": "u1", "traits": {"email": "a@example.com"}, "messageId": "m0",
               "timestamp": "2026-11-20T09:00:00Z"},
              {"type": "track", "userId": "u1", "event": "Report Created", "messageId": "m1",
               "timestamp": "2026-11-20T09:05:00.250Z", "properties": {"pages": 3}},
              {"type": "group", "userId": "u1", "groupId": "acct-42", "messageId": "m2",
               "timestamp": "2026-11-20T09:00:00Z", "traits": {"name": "さくら商事"}},
              {"type": "track", "userId": "u2", "event": "Login", "messageId": "m3",
               "timestamp": "2026-11-20T10:00:00Z", "context": {"groupId": "acct-7"}},
              {"type": "track", "userId": "stranger", "event": "Login", "messageId": "m4",
               "timestamp": "2026-11-20T10:00:00Z"},
              {"type": "page", "userId": "u1", "name": "Pricing", "messageId": "m5",
               "timestamp": "2026-11-20T11:00:00Z", "properties": {"path": "/pricing"}}
            ]})");
        });
        ConnectorConfig config = ConnectorConfig::defaultsFor(ConnectorConfig::Kind::Segment);
        config.name = QStringLiteral("segment");
        config.url = server.url(QStringLiteral("/export")).toString();
        const Result<PullRunner::Report> report = pull(config);
        QVERIFY2(report, report ? "" : qPrintable(report.error()));
        QCOMPARE(report->inserted, 3);
        QCOMPARE(report->ignored, 2); // identify and group
        QCOMPARE(report->rejected, 1); // a user in no group: reported, not silently dropped
        QVERIFY(report->rejections.first().contains(QLatin1String("record 4")));
        const QList<StoredEvent> events = EventLog(*m_db).readAfter(0, 10).value();
        QCOMPARE(events[0].event.accountId, QStringLiteral("acct-42")); // through the group call
        QCOMPARE(events[0].event.occurredAt, test::utcMs(2026, 11, 20, 9, 5) + 250);
        QCOMPARE(events[0].event.externalId, QStringLiteral("m1"));
        QCOMPARE(events[1].event.accountId, QStringLiteral("acct-7"));
        QCOMPARE(events[2].event.name, QStringLiteral("Page Viewed"));
        QCOMPARE(events[2].event.accountId, QStringLiteral("acct-42"));
        QCOMPARE(count(*m_db,
                       QStringLiteral("SELECT count(*) FROM account_keys WHERE namespace = 'user:segment'")),
                 1);
    }

    // A run cancelled after its first page (as a kill would leave it) resumes at the second.
    void cancelledRunResumesWithoutLossOrDuplicates()
    {
        const QJsonArray records = sampleRecords();
        FakeApiServer server([&](const FakeApiServer::Request& request) {
            const QString cursor = request.query.queryItemValue(QStringLiteral("cursor"));
            FakeApiServer::Response response = FakeApiServer::json(cursorPage(records, cursor.toInt(), 100));
            response.delayMs = cursor.isEmpty() ? 0 : 300;
            return response;
        });
        {
            PullRunner runner(*m_db, restConfig(server));
            runner.setSecret(QStringLiteral("s3cret"));
            connect(&runner, &PullRunner::progress, &runner, [&runner](int pages) {
                if (pages == 1)
                    runner.cancel();
            });
            const Result<PullRunner::Report> report = runner.runToEnd();
            QVERIFY(report);
            QVERIFY(report->cancelled);
            QCOMPARE(report->pages, 1);
        }
        QCOMPARE(EventLog(*m_db).count(), 100);
        const Result<PullRunner::Report> resumed = pull(restConfig(server));
        QVERIFY(resumed);
        QVERIFY(resumed->resumed);
        QCOMPARE(resumed->inserted, 150);
        QCOMPARE(resumed->duplicates, 0);
        QCOMPARE(EventLog(*m_db).count(), 250);
    }
};

QTEST_GUILESS_MAIN(TestPullRunner)
#include "TestPullRunner.moc"
