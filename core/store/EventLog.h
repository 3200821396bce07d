#pragma once

#include "domain/Event.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QList>

#include <span>

namespace tenure {

class Database;

// The append-only log of product events: the write side of the workspace. Rows are only ever
// inserted (triggers reject UPDATE and DELETE); everything else is derived from it.
class EventLog
{
    Q_DECLARE_TR_FUNCTIONS(EventLog)

public:
    enum class Policy {
        SkipInvalid, // append the valid rows, report the others
        AllOrNothing, // any rejected row rolls the whole batch back
    };

    struct Rejection
    {
        qsizetype index; // position in the batch
        QString reason;
    };

    struct AppendResult
    {
        qsizetype inserted = 0;
        qsizetype duplicates = 0; // already in the log under the same (source, external id)
        QList<Rejection> rejected;
        bool committed = false; // false when Policy::AllOrNothing rolled the batch back
        qint64 lastSeq = 0; // seq of the last inserted row, 0 when none
    };

    explicit EventLog(Database& db);

    // Appends one batch in one transaction (or a savepoint inside the caller's transaction).
    // A database failure (disk full, locked) is an Error and nothing of the batch is kept.
    Result<AppendResult> append(std::span<const Event> events, Policy policy = Policy::SkipInvalid);
    // The same for events already in UTF-8 (importers, connectors): no conversion per field.
    Result<AppendResult> append(std::span<const EncodedEvent> events, Policy policy = Policy::SkipInvalid);

    // Up to `limit` events with seq > afterSeq, in seq order.
    Result<QList<StoredEvent>> readAfter(qint64 afterSeq, int limit) const;

    qint64 count() const; // equal to lastSeq(): rows are never deleted
    qint64 lastSeq() const;

    // Why an event cannot enter the log, or an empty string when it can.
    static QString validate(const Event& event);
    static QString validate(const EncodedEvent& event);

private:
    template <typename Row> Result<AppendResult> appendRows(std::span<const Row> events, Policy policy);

    Database& m_db;
};

} // namespace tenure
