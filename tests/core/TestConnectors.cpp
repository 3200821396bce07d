#include "TestSupport.h"
#include "ingest/connectors/ConnectorConfig.h"
#include "ingest/connectors/ConnectorProbe.h"
#include "ingest/connectors/ConnectorStore.h"
#include "ingest/connectors/PageDecoder.h"
#include "ingest/connectors/PullRunner.h"
#include "ingest/connectors/PullWorker.h"
#include "ingest/connectors/SecretStore.h"
#include "store/AccountStore.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"
#include "store/WorkspaceSettings.h"
#include "support/FakeApiServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSslKey>
#include <QSslServer>
#include <QTest>

using namespace tenure;
using tenure::test::FakeApiServer;
using tenure::test::TempWorkspace;

namespace {

// 250 events over three accounts, as a REST API would list them.
QJsonArray sampleRecords(int count = 250)
{
    QJsonArray records;
    for (int i = 0; i < count; ++i)
        records.append(QJsonObject {
            { QStringLiteral("id"), QStringLiteral("ev-%1").arg(i) },
            { QStringLiteral("account_id"), QStringLiteral("acc-%1").arg(i % 3) },
            { QStringLiteral("user_id"), QStringLiteral("u%1").arg(i % 7) },
            { QStringLiteral("event"), i % 2 ? QStringLiteral("login") : QStringLiteral("report_created") },
            { QStringLiteral("timestamp"),
              QStringLiteral("2026-11-%1T10:00:00Z").arg(1 + i % 20, 2, 10, QLatin1Char('0')) },
            { QStringLiteral("properties"),
              QJsonObject { { QStringLiteral("plan"), QStringLiteral("pro") } } } });
    return records;
}

// A page of `records` from `offset`, with the cursor of the next page.
QByteArray cursorPage(const QJsonArray& records, int offset, int size)
{
    QJsonArray page;
    for (int i = offset; i < std::min<int>(offset + size, records.size()); ++i)
        page.append(records[i]);
    QJsonObject body { { QStringLiteral("data"), page } };
    if (offset + size < records.size())
        body.insert(QStringLiteral("next_cursor"), QString::number(offset + size));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ConnectorConfig restConfig(const FakeApiServer& server, const QString& path = QStringLiteral("/events"))
{
    ConnectorConfig config;
    config.name = QStringLiteral("product-api");
    config.kind = ConnectorConfig::Kind::Rest;
    config.url = server.url(path).toString() + QStringLiteral("?since={since}&until={until}&cursor={cursor}");
    config.auth = ConnectorConfig::Auth::Bearer;
    config.paging = ConnectorConfig::Paging::Cursor;
    config.pageSize = 100;
    config.recordsPath = QStringLiteral("data");
    config.timeoutSeconds = 1;
    config.maxRetries = 4;
    config.start = QDateTime(QDate(2026, 10, 1), QTime(0, 0), QTimeZone::utc());
    return config;
}

qint64 count(Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        qFatal("query failed: %s", qPrintable(sql));
    return query.value(0).toLongLong();
}

} // namespace

class TestConnectors : public QObject
{
    Q_OBJECT

    std::unique_ptr<TempWorkspace> m_workspace;
    std::unique_ptr<Database> m_db;

    Result<PullRunner::Report> pull(const ConnectorConfig& config,
                                    const QString& secret = QStringLiteral("s3cret"))
    {
        PullRunner runner(*m_db, config);
        runner.setSecret(secret);
        runner.setRetryBaseMs(20);
        runner.setUntil(QDateTime(QDate(2026, 11, 25), QTime(0, 0), QTimeZone::utc()));
        return runner.runToEnd();
    }

private slots:
    void init()
    {
        m_db.reset();
        m_workspace = std::make_unique<TempWorkspace>();
        m_db = m_workspace->open();
    }

    void configRoundTripsWithoutSecrets()
    {
        const QJsonObject json = QJsonDocument::fromJson(R"({
            "name": "app", "kind": "rest", "url": "https:\/\/api.example.com/v1/events?after={cursor}",
            "auth": {"type": "basic", "username": "csm"},
            "paging": {"type": "cursor", "cursor_path": "meta.next", "page_size": 500},
            "records_path": "data", "fields": {"account": "org.id", "time_format": "epoch_ms"}})")
                                     .object();
        const Result<ConnectorConfig> config = ConnectorConfig::fromJson(json);
        QVERIFY2(config, config ? "" : qPrintable(config.error()));
        QCOMPARE(config->paging, ConnectorConfig::Paging::Cursor);
        QCOMPARE(config->accountPath, QStringLiteral("org.id"));
        QCOMPARE(config->timeFormat, ConnectorConfig::TimeFormat::EpochMillis);
        const Result<ConnectorConfig> again = ConnectorConfig::fromJson(config->toJson());
        QVERIFY(again);
        QCOMPARE(again->toJson(), config->toJson());
        QVERIFY(!QJsonDocument(config->toJson()).toJson().contains("token"));

        auto errorOf = [](const char* text) {
            const Result<ConnectorConfig> bad
                = ConnectorConfig::fromJson(QJsonDocument::fromJson(text).object());
            return bad ? QString() : bad.error();
        };
        QVERIFY(errorOf(R"({"name": "x", "url": "https:\/\/a/b", "paging": {"type": "scroll"}})")
                    .startsWith(QLatin1String("paging.type: expected one of none, cursor")));
        QVERIFY(errorOf(R"({"name": "x", "url": "https:\/\/a/b", "paging": {"type": "cursor"}})")
                    .contains(QLatin1String("{cursor}")));
        QVERIFY(
            errorOf(R"({"name": "x", "url": "https:\/\/a/b", "auth": {"type": "bearer", "token": "abc"}})")
                .contains(QLatin1String("secrets do not belong")));
        QVERIFY(errorOf(R"({"name": "x", "url": "https:\/\/a/b", "paging": {"page_size": 0}})")
                    .startsWith(QLatin1String("paging.page_size")));
        QVERIFY(errorOf(R"({"name": "", "url": "https:\/\/a/b"})").startsWith(QLatin1String("name:")));
        QVERIFY(errorOf(R"({"name": "x", "url": "no scheme"})").startsWith(QLatin1String("url:")));
    }

    void secretsComeFromTheEnvironmentOnHeadlessMachines()
    {
        QCOMPARE(SecretStore::environmentVariable(QStringLiteral("product-api")),
                 QStringLiteral("TENURE_SECRET_PRODUCT_API"));
        qputenv("TENURE_SECRET_PRODUCT_API", "from-env");
        QCOMPARE(SecretStore::read(QStringLiteral("product-api")).value(), QStringLiteral("from-env"));
        qunsetenv("TENURE_SECRET_PRODUCT_API");
    }

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
        QVERIFY(timer.elapsed() >= 1000); // Retry-After: 1 was honoured
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

    // "Test" in the connector form: the first page only, into a scratch workspace.
    void probeReadsTheFirstPageAndLeavesTheWorkspaceAlone()
    {
        const QJsonArray records = sampleRecords();
        FakeApiServer server([&](const FakeApiServer::Request& request) {
            return FakeApiServer::json(
                cursorPage(records, request.query.queryItemValue(QStringLiteral("cursor")).toInt(), 100));
        });
        const Result<ConnectorProbe::Outcome> probe
            = ConnectorProbe::firstPage(restConfig(server), QStringLiteral("s3cret"));
        QVERIFY2(probe.ok(), probe.ok() ? "" : qPrintable(probe.error()));
        QCOMPARE(probe->report.pages, 1);
        QCOMPARE(probe->report.inserted, 100);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(probe->sample.size(), 5);
        QCOMPARE(probe->sample.first().event.accountId, QStringLiteral("acc-0"));
        QCOMPARE(probe->sample.first().event.name, QStringLiteral("report_created"));
        QCOMPARE(EventLog(*m_db).count(), 0);

        FakeApiServer refusing([](const FakeApiServer::Request&) { return FakeApiServer::json("{}", 401); });
        const Result<ConnectorProbe::Outcome> refused
            = ConnectorProbe::firstPage(restConfig(refusing), QStringLiteral("x"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("401")), qPrintable(refused.error()));
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

    // The worker pulls on its own thread; the test's thread stays free to serve the pages.
    void workerPullsOffTheCallingThread()
    {
        const QJsonArray records = sampleRecords();
        Qt::HANDLE serverThread = nullptr;
        FakeApiServer server([&](const FakeApiServer::Request& request) {
            serverThread = QThread::currentThreadId();
            return FakeApiServer::json(
                cursorPage(records, request.query.queryItemValue(QStringLiteral("cursor")).toInt(), 100));
        });
        ConnectorConfig config = restConfig(server);
        config.auth = ConnectorConfig::Auth::None;
        config.intervalMinutes = 30;
        QVERIFY(ConnectorStore(*m_db).save(config));

        PullWorker worker(m_workspace->path());
        QSignalSpy finished(&worker, &PullWorker::finished);
        QSignalSpy progress(&worker, &PullWorker::progress);
        QSignalSpy idle(&worker, &PullWorker::idle);
        worker.requestPull();
        QVERIFY(idle.wait(20000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toString(), QStringLiteral("product-api"));
        QCOMPARE(finished.first().at(1).value<PullRunner::Report>().inserted, 250);
        QCOMPARE(progress.size(), 3);
        QCOMPARE(serverThread, QThread::currentThreadId());
        QCOMPARE(EventLog(*m_db).count(), 250);

        // Just pulled: not due for 30 minutes.
        const ConnectorStore::Entry entry = ConnectorStore(*m_db).find(QStringLiteral("product-api")).value();
        const QDateTime end = QDateTime::fromMSecsSinceEpoch(
            qint64(entry.state.value(QStringLiteral("window_end")).toDouble()));
        QVERIFY(!PullWorker::isDue(entry.config, entry.state, end.addSecs(29 * 60)));
        QVERIFY(PullWorker::isDue(entry.config, entry.state, end.addSecs(30 * 60)));
        QVERIFY(PullWorker::isDue(entry.config, {}, end)); // never pulled
        ConnectorConfig manual = entry.config;
        manual.intervalMinutes = 0;
        QVERIFY(!PullWorker::isDue(manual, {}, end));
    }

    // Mutated JSON pages and lines: the decoder answers with events or an error, never crashes.
    void fuzzDecoder()
    {
        ConnectorConfig rest = ConnectorConfig::defaultsFor(ConnectorConfig::Kind::Rest);
        rest.name = QStringLiteral("fuzz");
        rest.recordsPath = QStringLiteral("data");
        ConnectorConfig mixpanel = ConnectorConfig::defaultsFor(ConnectorConfig::Kind::Mixpanel);
        mixpanel.name = QStringLiteral("fuzz");
        PageDecoder pages(rest);
        PageDecoder lines(mixpanel);
        const QByteArray seedPage = cursorPage(sampleRecords(20), 0, 20);
        const QByteArray seedLines
            = R"({"event":"a","properties":{"time":1764000000,"distinct_id":"u","account_id":"o"}})"
              "\n"
              R"({"event":"b","properties":{"time":"1764000000123","$insert_id":"x","account_id":"o"}})"
              "\n";
        QRandomGenerator random(42);
        static const char bytes[] = { '{', '}', '[', ']', '"', ':', ',', '\\', '\n', '0', 'a', char(0xff) };
        const QByteArray alphabet(bytes, sizeof bytes);
        int decoded = 0;
        for (int round = 0; round < 4000; ++round) {
            QByteArray bytes = round % 2 ? seedPage : seedLines;
            for (int m = 0; m < 1 + random.bounded(6) && !bytes.isEmpty(); ++m) {
                const int at = random.bounded(int(bytes.size()));
                if (random.bounded(2))
                    bytes[at] = alphabet[random.bounded(int(alphabet.size()))];
                else
                    bytes.remove(at, 1 + random.bounded(3));
            }
            const Result<DecodedPage> page
                = round % 2 ? pages.decodeDocument(bytes) : lines.decodeLines(bytes, 1);
            if (page) {
                ++decoded;
                for (const EncodedEvent& event : page->events)
                    QVERIFY(!event.accountId.isEmpty() && !event.externalId.isEmpty());
            } else {
                QVERIFY(!page.error().isEmpty());
            }
        }
        QVERIFY(decoded > 0);
    }
};

QTEST_GUILESS_MAIN(TestConnectors)
#include "TestConnectors.moc"
