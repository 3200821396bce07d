#include "ingest/connectors/ConnectorConfig.h"

#include "domain/Outcome.h"

#include <QJsonArray>
#include <QUrl>

#include <array>
#include <utility>

namespace tenure {

namespace {

template <typename E, size_t N> using Names = std::array<std::pair<E, const char*>, N>;

constexpr Names<ConnectorConfig::Kind, 3> kKinds { { { ConnectorConfig::Kind::Rest, "rest" },
                                                     { ConnectorConfig::Kind::Mixpanel, "mixpanel" },
                                                     { ConnectorConfig::Kind::Segment, "segment" } } };
constexpr Names<ConnectorConfig::Auth, 4> kAuths { { { ConnectorConfig::Auth::None, "none" },
                                                     { ConnectorConfig::Auth::Bearer, "bearer" },
                                                     { ConnectorConfig::Auth::Basic, "basic" },
                                                     { ConnectorConfig::Auth::ApiKeyHeader,
                                                       "api_key_header" } } };
constexpr Names<ConnectorConfig::Paging, 5> kPagings {
    { { ConnectorConfig::Paging::None, "none" },
      { ConnectorConfig::Paging::Cursor, "cursor" },
      { ConnectorConfig::Paging::NextLink, "next_link" },
      { ConnectorConfig::Paging::PageNumber, "page_number" },
      { ConnectorConfig::Paging::LinkHeader, "link_header" } }
};
constexpr Names<ConnectorConfig::TimeFormat, 4> kTimeFormats {
    { { ConnectorConfig::TimeFormat::Auto, "auto" },
      { ConnectorConfig::TimeFormat::Iso, "iso" },
      { ConnectorConfig::TimeFormat::EpochSeconds, "epoch_s" },
      { ConnectorConfig::TimeFormat::EpochMillis, "epoch_ms" } }
};

template <typename E, size_t N> QString nameOf(const Names<E, N>& names, E value)
{
    for (const auto& [v, name] : names)
        if (v == value)
            return QLatin1String(name);
    return {};
}

template <typename E, size_t N> QString choices(const Names<E, N>& names)
{
    QStringList all;
    for (const auto& entry : names)
        all.append(QLatin1String(entry.second));
    return all.join(QStringLiteral(", "));
}

// Reads an enum by name at `path`; a missing value keeps the default.
template <typename E, size_t N>
Status readEnum(const QJsonObject& object, const char* key, const QString& path, const Names<E, N>& names,
                E& into)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined())
        return {};
    for (const auto& [v, name] : names) {
        if (value.toString() == QLatin1String(name)) {
            into = v;
            return {};
        }
    }
    return Error { ConnectorConfig::tr("%1: expected one of %2").arg(path, choices(names)) };
}

Status readString(const QJsonObject& object, const char* key, const QString& path, QString& into)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined())
        return {};
    if (!value.isString())
        return Error { ConnectorConfig::tr("%1: expected a string").arg(path) };
    into = value.toString();
    return {};
}

Status readInt(const QJsonObject& object, const char* key, const QString& path, int minimum, int& into)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined())
        return {};
    if (!value.isDouble() || value.toDouble() != double(value.toInt()) || value.toInt() < minimum)
        return Error { ConnectorConfig::tr("%1: expected a whole number ≥ %2").arg(path).arg(minimum) };
    into = value.toInt();
    return {};
}

} // namespace

QString ConnectorConfig::kindName(Kind kind)
{
    return nameOf(kKinds, kind);
}

ConnectorConfig ConnectorConfig::defaultsFor(Kind kind)
{
    ConnectorConfig config;
    config.kind = kind;
    if (kind == Kind::Mixpanel) {
        config.namePath = QStringLiteral("event");
        config.timePath = QStringLiteral("properties.time");
        config.userPath = QStringLiteral("properties.distinct_id");
        config.idPath = QStringLiteral("properties.$insert_id");
        config.accountPath = QStringLiteral("properties.account_id");
        config.propertiesPath = QStringLiteral("properties");
        config.timeFormat = TimeFormat::EpochSeconds;
    } else if (kind == Kind::Segment) {
        config.namePath = QStringLiteral("event");
        config.timePath = QStringLiteral("timestamp");
        config.userPath = QStringLiteral("userId");
        config.idPath = QStringLiteral("messageId");
        config.accountPath = QStringLiteral("context.groupId");
        config.propertiesPath = QStringLiteral("properties");
        config.timeFormat = TimeFormat::Iso;
    }
    return config;
}

QJsonObject ConnectorConfig::toJson() const
{
    QJsonObject json { { QStringLiteral("name"), name },
                       { QStringLiteral("kind"), kindName(kind) },
                       { QStringLiteral("url"), url },
                       { QStringLiteral("interval_minutes"), intervalMinutes },
                       { QStringLiteral("timeout_seconds"), timeoutSeconds },
                       { QStringLiteral("max_retries"), maxRetries } };
    QJsonObject authJson { { QStringLiteral("type"), nameOf(kAuths, auth) } };
    if (auth == Auth::Basic)
        authJson.insert(QStringLiteral("username"), username);
    if (auth == Auth::ApiKeyHeader)
        authJson.insert(QStringLiteral("header"), apiKeyHeader);
    json.insert(QStringLiteral("auth"), authJson);
    json.insert(QStringLiteral("paging"),
                QJsonObject { { QStringLiteral("type"), nameOf(kPagings, paging) },
                              { QStringLiteral("cursor_path"), cursorPath },
                              { QStringLiteral("next_path"), nextPath },
                              { QStringLiteral("page_size"), pageSize } });
    json.insert(QStringLiteral("records_path"), recordsPath);
    json.insert(QStringLiteral("fields"),
                QJsonObject { { QStringLiteral("account"), accountPath },
                              { QStringLiteral("user"), userPath },
                              { QStringLiteral("name"), namePath },
                              { QStringLiteral("timestamp"), timePath },
                              { QStringLiteral("id"), idPath },
                              { QStringLiteral("quantity"), quantityPath },
                              { QStringLiteral("properties"), propertiesPath },
                              { QStringLiteral("time_format"), nameOf(kTimeFormats, timeFormat) } });
    if (start.isValid())
        json.insert(QStringLiteral("start"), start.toUTC().toString(Qt::ISODate));
    if (!outcomeEvents.isEmpty()) {
        QJsonObject outcomes;
        for (auto it = outcomeEvents.cbegin(); it != outcomeEvents.cend(); ++it)
            outcomes.insert(it.key(), QJsonArray::fromStringList(it.value()));
        json.insert(QStringLiteral("outcomes"), outcomes);
    }
    return json;
}

Status ConnectorConfig::checkFetchable() const
{
    const QString scheme = QUrl(url).scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http")
        && scheme != QLatin1String("file"))
        return Error { tr("url: expected an http(s) or file URL, got \"%1\"").arg(url) };
    return {};
}

Result<ConnectorConfig> ConnectorConfig::fromJson(const QJsonObject& json)
{
    Kind kind = Kind::Rest;
    if (Status s = readEnum(json, "kind", QStringLiteral("kind"), kKinds, kind); !s)
        return Error { s.error() };
    ConnectorConfig config = defaultsFor(kind);
    auto fail = [](const Status& s) { return Error { s.error() }; };
    if (Status s = readString(json, "name", QStringLiteral("name"), config.name); !s)
        return fail(s);
    if (config.name.trimmed().isEmpty())
        return Error { tr("name: expected a non-empty name") };
    if (Status s = readString(json, "url", QStringLiteral("url"), config.url); !s)
        return fail(s);
    const QUrl url(QString(config.url)
                       .replace(QLatin1Char('{'), QLatin1String("%7B"))
                       .replace(QLatin1Char('}'), QLatin1String("%7D")));
    if (config.url.isEmpty() || !url.isValid() || url.scheme().isEmpty())
        return Error { tr("url: expected an http(s) or file URL, got \"%1\"").arg(config.url) };
    if (Status s
        = readInt(json, "interval_minutes", QStringLiteral("interval_minutes"), 0, config.intervalMinutes);
        !s)
        return fail(s);
    if (Status s
        = readInt(json, "timeout_seconds", QStringLiteral("timeout_seconds"), 1, config.timeoutSeconds);
        !s)
        return fail(s);
    if (Status s = readInt(json, "max_retries", QStringLiteral("max_retries"), 0, config.maxRetries); !s)
        return fail(s);

    const QJsonObject auth = json.value(QStringLiteral("auth")).toObject();
    if (Status s = readEnum(auth, "type", QStringLiteral("auth.type"), kAuths, config.auth); !s)
        return fail(s);
    if (auth.contains(QStringLiteral("token")) || auth.contains(QStringLiteral("password")))
        return Error { tr("auth: secrets do not belong in the connector file; store the token with "
                          "`tenure-cli connector secret %1` or set the environment variable")
                           .arg(config.name) };
    if (Status s = readString(auth, "username", QStringLiteral("auth.username"), config.username); !s)
        return fail(s);
    if (Status s = readString(auth, "header", QStringLiteral("auth.header"), config.apiKeyHeader); !s)
        return fail(s);
    if (config.auth == Auth::Basic && config.username.isEmpty())
        return Error { tr("auth.username: basic authentication needs a user name") };

    const QJsonObject paging = json.value(QStringLiteral("paging")).toObject();
    if (Status s = readEnum(paging, "type", QStringLiteral("paging.type"), kPagings, config.paging); !s)
        return fail(s);
    if (Status s = readString(paging, "cursor_path", QStringLiteral("paging.cursor_path"), config.cursorPath);
        !s)
        return fail(s);
    if (Status s = readString(paging, "next_path", QStringLiteral("paging.next_path"), config.nextPath); !s)
        return fail(s);
    if (Status s = readInt(paging, "page_size", QStringLiteral("paging.page_size"), 1, config.pageSize); !s)
        return fail(s);
    if (config.paging == Paging::Cursor && !config.url.contains(QLatin1String("{cursor}")))
        return Error { tr("url: cursor paging needs {cursor} in the URL") };
    if (config.paging == Paging::PageNumber && !config.url.contains(QLatin1String("{page}")))
        return Error { tr("url: page-number paging needs {page} in the URL") };

    if (Status s = readString(json, "records_path", QStringLiteral("records_path"), config.recordsPath); !s)
        return fail(s);
    const QJsonObject fields = json.value(QStringLiteral("fields")).toObject();
    const std::array<std::pair<const char*, QString*>, 7> paths { { { "account", &config.accountPath },
                                                                    { "user", &config.userPath },
                                                                    { "name", &config.namePath },
                                                                    { "timestamp", &config.timePath },
                                                                    { "id", &config.idPath },
                                                                    { "quantity", &config.quantityPath },
                                                                    { "properties",
                                                                      &config.propertiesPath } } };
    for (const auto& [key, into] : paths)
        if (Status s = readString(fields, key, QStringLiteral("fields.") + QLatin1String(key), *into); !s)
            return fail(s);
    for (const char* required : { "account", "name", "timestamp" })
        if (fields.contains(QLatin1String(required))
            && fields.value(QLatin1String(required)).toString().isEmpty())
            return Error {
                tr("fields.%1: expected where the %1 is in a record").arg(QLatin1String(required))
            };
    if (Status s = readEnum(fields, "time_format", QStringLiteral("fields.time_format"), kTimeFormats,
                            config.timeFormat);
        !s)
        return fail(s);
    if (json.contains(QStringLiteral("start"))) {
        config.start = QDateTime::fromString(json.value(QStringLiteral("start")).toString(), Qt::ISODate);
        if (!config.start.isValid())
            return Error { tr("start: expected an ISO date-time such as 2026-01-01T00:00:00Z") };
    }
    if (json.contains(QStringLiteral("outcomes"))) {
        const QJsonValue outcomes = json.value(QStringLiteral("outcomes"));
        if (!outcomes.isObject())
            return Error { tr(
                "outcomes: expected an object such as {\"churned\": [\"subscription_cancelled\"]}") };
        const QJsonObject byKind = outcomes.toObject();
        for (auto it = byKind.begin(); it != byKind.end(); ++it) {
            if (!Outcome::kindFromName(it.key()))
                return Error {
                    tr("outcomes.%1: expected churned, renewed, expanded or contracted").arg(it.key())
                };
            QStringList names;
            for (const QJsonValue& name : it.value().toArray()) {
                if (!name.isString() || name.toString().trimmed().isEmpty())
                    return Error { tr("outcomes.%1: expected a list of event names").arg(it.key()) };
                names << name.toString().trimmed();
            }
            if (!it.value().isArray() || names.isEmpty())
                return Error { tr("outcomes.%1: expected a list of event names").arg(it.key()) };
            config.outcomeEvents.insert(it.key(), names);
        }
    }
    return config;
}

} // namespace tenure
