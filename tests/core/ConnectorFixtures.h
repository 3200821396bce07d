#pragma once

// What the connector tests share: sample records as a REST API lists them, their pages, a REST
// connector on a FakeApiServer, and a fresh workspace per test to pull into.

#include "TestSupport.h"
#include "ingest/connectors/ConnectorConfig.h"
#include "ingest/connectors/PullRunner.h"
#include "store/EventLog.h"
#include "support/FakeApiServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

#include <memory>

namespace tenure::test {

// 250 events over three accounts, as a REST API would list them.
inline QJsonArray sampleRecords(int count = 250)
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
inline QByteArray cursorPage(const QJsonArray& records, int offset, int size)
{
    QJsonArray page;
    for (int i = offset; i < std::min<int>(offset + size, records.size()); ++i)
        page.append(records[i]);
    QJsonObject body { { QStringLiteral("data"), page } };
    if (offset + size < records.size())
        body.insert(QStringLiteral("next_cursor"), QString::number(offset + size));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// A REST connector with a bearer token and cursor paging on `server`.
inline ConnectorConfig restConfig(const FakeApiServer& server,
                                  const QString& path = QStringLiteral("/events"))
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

inline qint64 count(Database& db, const QString& sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        qFatal("query failed: %s", qPrintable(sql));
    return query.value(0).toLongLong();
}

// The base of a connector test class: a fresh workspace for each test (call freshWorkspace() from
// the test class's init() slot) and a pull into it with fast retries.
class ConnectorTest : public QObject
{
protected:
    std::unique_ptr<TempWorkspace> m_workspace;
    std::unique_ptr<Database> m_db;

    void freshWorkspace()
    {
        m_db.reset();
        m_workspace = std::make_unique<TempWorkspace>();
        m_db = m_workspace->open();
    }

    Result<PullRunner::Report> pull(const ConnectorConfig& config,
                                    const QString& secret = QStringLiteral("s3cret"))
    {
        PullRunner runner(*m_db, config);
        runner.setSecret(secret);
        runner.setRetryBaseMs(20);
        runner.setUntil(QDateTime(QDate(2026, 11, 25), QTime(0, 0), QTimeZone::utc()));
        return runner.runToEnd();
    }
};

} // namespace tenure::test
