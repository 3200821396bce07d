#pragma once

#include "domain/Event.h"
#include "ingest/connectors/ConnectorConfig.h"
#include "store/AccountKeyStore.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <memory>

namespace tenure {

// What one page (or one chunk of JSON lines) of a connector's response holds.
struct DecodedPage
{
    QList<EncodedEvent> events; // UTF-8, as the response had them
    QStringList rejected; // records that cannot become events, with the reason
    qsizetype records = 0; // records seen, including rejected and ignored ones
    qsizetype ignored = 0; // Segment identify calls and other messages that carry no event
    QString nextCursor; // Paging::Cursor: empty on the last page
    QString nextLink; // Paging::NextLink: empty on the last page
    QList<AccountKeyStore::Entry> userAccounts; // Segment group calls: user → account
    // The bytes the events' fields point into (a few large blocks instead of an allocation per
    // field): the events are valid as long as this page, or a copy of it, lives.
    QList<QByteArray> storage;
};

// Turns response bodies into events with simdjson: a JSON document holding an array of records
// (REST, Segment) or JSON lines (Mixpanel's raw export, Segment's JSONL). Field paths come from
// the connector's configuration; nothing here touches the network or the database.
class PageDecoder
{
    Q_DECLARE_TR_FUNCTIONS(PageDecoder)

public:
    explicit PageDecoder(ConnectorConfig config);
    ~PageDecoder();

    // Segment: users already mapped to accounts by earlier group calls.
    void setUserAccounts(QHash<QString, QString> users) { m_users = std::move(users); }

    // One JSON document. Errors say what is wrong and where ("byte 1043: unclosed string").
    Result<DecodedPage> decodeDocument(const QByteArray& body);
    // Complete JSON lines; `firstLine` numbers them in messages. Blank lines are skipped.
    Result<DecodedPage> decodeLines(const QByteArray& lines, qint64 firstLine);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    QHash<QString, QString> m_users;
};

} // namespace tenure
