#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace tenure {

// One product API connector as the user configures it, exportable as JSON. It never holds a
// secret: tokens and passwords live in the OS keychain (see SecretStore) under the connector's
// name, or in an environment variable on headless machines.
struct ConnectorConfig
{
    Q_DECLARE_TR_FUNCTIONS(ConnectorConfig)

public:
    enum class Kind {
        Rest, // generic REST JSON: pages of records
        Mixpanel, // raw export: JSON lines {"event", "properties": {"time", "distinct_id", "$insert_id"}}
        Segment, // track / identify / group messages; group calls map users to accounts
    };
    enum class Auth { None, Bearer, Basic, ApiKeyHeader };
    enum class Paging {
        None, // one request
        Cursor, // the response carries the next cursor (cursorPath); {cursor} in the URL
        NextLink, // the response carries the next page's URL (nextPath)
        PageNumber, // {page} counts up from 1 until a page comes back short or empty
        LinkHeader, // the HTTP Link header's rel="next"
    };
    enum class TimeFormat { Auto, Iso, EpochSeconds, EpochMillis };

    QString name; // also the event source name
    Kind kind = Kind::Rest;
    // {since} and {until} (ISO date-times), {since_date} and {until_date} (YYYY-MM-DD), {cursor},
    // {page}, {page_size}: filled in per request, URL-encoded.
    QString url;
    Auth auth = Auth::None;
    QString username; // for Basic
    QString apiKeyHeader = QStringLiteral("X-API-Key"); // for ApiKeyHeader
    Paging paging = Paging::None;
    QString cursorPath = QStringLiteral("next_cursor");
    QString nextPath = QStringLiteral("next");
    int pageSize = 100;
    QString recordsPath; // where the array of records is ("data", "results.items"); empty: the root
    // Where each field is in a record (dot paths; for Mixpanel and Segment the defaults fit).
    QString accountPath = QStringLiteral("account_id");
    QString userPath = QStringLiteral("user_id");
    QString namePath = QStringLiteral("event");
    QString timePath = QStringLiteral("timestamp");
    QString idPath = QStringLiteral("id");
    QString quantityPath; // empty: every record is one event
    QString propertiesPath = QStringLiteral("properties"); // empty: the whole record
    TimeFormat timeFormat = TimeFormat::Auto;
    QDateTime start; // the first pull starts here (default: 90 days back)
    int intervalMinutes = 60; // pull every N minutes while the app runs; 0: on demand only
    int timeoutSeconds = 30;
    int maxRetries = 5; // per page, for 429, 5xx and timeouts
    // Events that also record an outcome of their account (JSON "outcomes": {"churned":
    // ["subscription_cancelled"], ...}): by outcome kind name, the event names.
    QHash<QString, QStringList> outcomeEvents;

    static QString kindName(Kind kind);
    QJsonObject toJson() const; // what is exported and stored: no secrets
    // Errors name the JSON path: "paging.type: expected one of none, cursor, next_link, ...".
    static Result<ConnectorConfig> fromJson(const QJsonObject& json);
    // Whether a pull can fetch the url: https, http or file. Checked when a connector is saved
    // (ConnectorStore::save), not when one is read, so that one stored before this check cannot
    // stop the others from being listed and pulled.
    Status checkFetchable() const;
    // The mapping defaults of `kind` (Mixpanel's and Segment's fixed field names).
    static ConnectorConfig defaultsFor(Kind kind);
};

} // namespace tenure
