#pragma once

#include <QByteArray>
#include <QString>
#include <QTypeInfo>

namespace tenure {

// One product-usage event as it enters the append-only log. The model is schemaless: whatever a
// product tracks beyond name, time, account and user travels in `properties` (a JSON object).
struct Event
{
    QString source; // registered source that delivered it (see SourceStore)
    QString externalId; // id within the source; (source, externalId) is unique in the log
    QString accountId;
    QString userId; // may be empty: account-level events
    QString name;
    qint64 occurredAt = 0; // UTC milliseconds since the epoch
    double quantity = 1; // an aggregated row ("feature X used 9 times that day") is one event of 9
    QByteArray properties; // compact JSON object; empty means {}
};

// The same event as UTF-8 bytes, the way importers and connectors read it from files and
// responses: the log stores it as it is, without a round trip through UTF-16 (the fast path of
// EventLog::append for bulk ingest).
struct EncodedEvent
{
    QByteArray source;
    QByteArray externalId;
    QByteArray accountId;
    QByteArray userId;
    QByteArray name;
    qint64 occurredAt = 0;
    double quantity = 1;
    QByteArray properties;
};

// An event read back from the log, with what the log added on arrival.
struct StoredEvent
{
    qint64 seq = 0; // ingest order, strictly increasing, never reused
    qint64 receivedAt = 0; // UTC milliseconds
    Event event;
};

} // namespace tenure

Q_DECLARE_TYPEINFO(tenure::Event, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(tenure::StoredEvent, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(tenure::EncodedEvent, Q_RELOCATABLE_TYPE);
