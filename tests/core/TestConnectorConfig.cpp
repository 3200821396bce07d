#include "ConnectorFixtures.h"
#include "ingest/connectors/SecretStore.h"

using namespace tenure;
using namespace tenure::test;

// A connector's configuration: read from JSON with errors named by path, never holding secrets.
class TestConnectorConfig : public QObject
{
    Q_OBJECT

private slots:
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
        // Only what a pull can fetch is saved: https, http and a local file.
        auto fetchable = [](const char* text) {
            const Result<ConnectorConfig> config
                = ConnectorConfig::fromJson(QJsonDocument::fromJson(text).object());
            return config && config->checkFetchable();
        };
        QVERIFY(!fetchable(R"({"name": "x", "url": "ftp:\/\/a/b"})"));
        QVERIFY(fetchable(R"({"name": "x", "url": "HTTPS:\/\/a/b"})"));
        QVERIFY(fetchable(R"({"name": "x", "url": "file:\/\/\/tmp/export.json"})"));
    }

    void secretsComeFromTheEnvironmentOnHeadlessMachines()
    {
        QCOMPARE(SecretStore::environmentVariable(QStringLiteral("product-api")),
                 QStringLiteral("TENURE_SECRET_PRODUCT_API"));
        qputenv("TENURE_SECRET_PRODUCT_API", "from-env");
        QCOMPARE(SecretStore::read(QStringLiteral("product-api")).value(), QStringLiteral("from-env"));
        qunsetenv("TENURE_SECRET_PRODUCT_API");
    }
};

QTEST_GUILESS_MAIN(TestConnectorConfig)
#include "TestConnectorConfig.moc"
