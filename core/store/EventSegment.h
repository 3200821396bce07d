#pragma once

#include "util/StringNumbering.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>
#include <vector>

namespace tenure {

// The columnar form of one appended batch of the event log: what the engine reads of each event
// (seq, account, user, name, time, quantity), packed into one blob. EventLog::append writes it to
// `event_segments` in the same transaction as the batch's rows, and like them it is never updated
// or deleted, so a segment covers every event whose seq lies in [firstSeq, lastSeq]. A rebuild
// reads the log through its segments (thousands of blobs instead of millions of rows) and reads
// the rows only where no segment covers them (a workspace older than the segments, say).
//
// Format 1, varints throughout (LEB128, zigzag where signed): a format byte; the accounts, names
// and users of the batch (count, then each as length and UTF-8 bytes); the event count and the
// first seq; then per event: seq gap, account, name, user + 1 (0: none), time delta in ms, and
// the quantity as 2q for a whole 0 <= q < 2^52, else 1 and the double's 8 bytes.
namespace EventSegment {

class Writer
{
public:
    // Events in ascending seq. A null `user` is an event without a user.
    void add(qint64 seq, QByteArrayView account, QByteArrayView user, QByteArrayView name, qint64 occurredAt,
             double quantity);
    bool isEmpty() const { return m_events == 0; }
    qint64 firstSeq() const { return m_firstSeq; }
    qint64 lastSeq() const { return m_lastSeq; }
    qint64 events() const { return m_events; }
    QByteArray finish() const;

private:
    StringNumbering m_accounts;
    StringNumbering m_names;
    StringNumbering m_users;
    QByteArray m_body;
    qint64 m_events = 0;
    qint64 m_firstSeq = 0;
    qint64 m_lastSeq = 0;
    qint64 m_lastTime = 0;
};

struct Entry
{
    qint64 seq;
    quint32 account; // into Reader::accounts()
    quint32 name; // into Reader::names()
    std::optional<quint32> user; // into Reader::users()
    qint64 occurredAt;
    double quantity;
};

// Reads a segment in place: `data` must outlive the reader.
class Reader
{
public:
    // Damaged data (truncated, a number out of range, seqs not ascending) gives std::nullopt.
    static std::optional<Reader> open(const QByteArray& data);

    const std::vector<QByteArrayView>& accounts() const { return m_accounts; }
    const std::vector<QByteArrayView>& names() const { return m_names; }
    const std::vector<QByteArrayView>& users() const { return m_users; }
    qint64 events() const { return m_events; }
    // The next event, false at the end or on damage (then ok() is false).
    bool next(Entry& entry);
    bool ok() const { return m_ok; }

private:
    quint64 varint(); // util/Varint.h's, noting damage in m_ok

    std::vector<QByteArrayView> m_accounts;
    std::vector<QByteArrayView> m_names;
    std::vector<QByteArrayView> m_users;
    const char* m_at = nullptr;
    const char* m_end = nullptr;
    qint64 m_events = 0;
    qint64 m_read = 0;
    qint64 m_seq = 0;
    qint64 m_time = 0;
    bool m_ok = true;
};

} // namespace EventSegment

} // namespace tenure
