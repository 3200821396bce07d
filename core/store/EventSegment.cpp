#include "store/EventSegment.h"

#include "util/Varint.h"

#include <cmath>
#include <cstring>

namespace tenure::EventSegment {

namespace {

constexpr char kFormat = 1;
constexpr double kWholeLimit = 4503599627370496.0; // 2^52: 2q still fits a varint's 64 bits

using varint::unzigzag;
using varint::zigzag;

void putTexts(QByteArray& out, const StringNumbering& texts)
{
    varint::put(out, texts.size());
    for (quint32 i = 0; i < texts.size(); ++i) {
        const QByteArrayView text = texts.text(i);
        varint::put(out, quint64(text.size()));
        out.append(text);
    }
}

} // namespace

void Writer::add(qint64 seq, QByteArrayView account, QByteArrayView user, QByteArrayView name,
                 qint64 occurredAt, double quantity)
{
    Q_ASSERT(m_events == 0 || seq > m_lastSeq);
    if (m_events == 0)
        m_firstSeq = seq;
    varint::put(m_body, quint64(seq - (m_events == 0 ? m_firstSeq : m_lastSeq)));
    varint::put(m_body, m_accounts.numberOf(account));
    varint::put(m_body, m_names.numberOf(name));
    varint::put(m_body, user.isNull() ? 0 : quint64(m_users.numberOf(user)) + 1);
    varint::put(m_body, zigzag(occurredAt - m_lastTime));
    if (quantity >= 0 && quantity < kWholeLimit && quantity == std::floor(quantity)) {
        varint::put(m_body, quint64(quantity) * 2);
    } else {
        varint::put(m_body, 1);
        m_body.append(reinterpret_cast<const char*>(&quantity), sizeof quantity);
    }
    m_lastSeq = seq;
    m_lastTime = occurredAt;
    ++m_events;
}

QByteArray Writer::finish() const
{
    QByteArray out;
    out.reserve(m_body.size() + 64 + qsizetype(m_accounts.size()) * 12);
    out.append(kFormat);
    putTexts(out, m_accounts);
    putTexts(out, m_names);
    putTexts(out, m_users);
    varint::put(out, quint64(m_events));
    varint::put(out, quint64(m_firstSeq));
    out.append(m_body);
    return out;
}

std::optional<Reader> Reader::open(const QByteArray& data)
{
    Reader reader;
    reader.m_at = data.constData();
    reader.m_end = reader.m_at + data.size();
    if (reader.m_at == reader.m_end || *reader.m_at++ != kFormat)
        return std::nullopt;
    for (std::vector<QByteArrayView>* texts : { &reader.m_accounts, &reader.m_names, &reader.m_users }) {
        const quint64 count = reader.varint();
        if (!reader.m_ok || count > quint64(reader.m_end - reader.m_at))
            return std::nullopt;
        texts->reserve(count);
        for (quint64 i = 0; i < count; ++i) {
            const quint64 size = reader.varint();
            if (!reader.m_ok || size > quint64(reader.m_end - reader.m_at))
                return std::nullopt;
            texts->emplace_back(reader.m_at, qsizetype(size));
            reader.m_at += size;
        }
    }
    const quint64 events = reader.varint();
    reader.m_seq = qint64(reader.varint());
    // Each event takes at least six bytes.
    if (!reader.m_ok || events > quint64(reader.m_end - reader.m_at) / 6 || reader.m_seq < 0)
        return std::nullopt;
    reader.m_events = qint64(events);
    return reader;
}

quint64 Reader::varint()
{
    quint64 value;
    if (varint::get(m_at, m_end, value))
        return value;
    m_ok = false;
    return 0;
}

bool Reader::next(Entry& entry)
{
    if (!m_ok || m_read == m_events)
        return false;
    const quint64 gap = varint();
    const quint64 account = varint();
    const quint64 name = varint();
    const quint64 user = varint();
    const qint64 delta = unzigzag(varint());
    const quint64 quantity = varint();
    if (!m_ok || (m_read > 0 && gap == 0) || gap > quint64(1) << 62 || account >= m_accounts.size()
        || name >= m_names.size() || user > m_users.size()) {
        m_ok = false;
        return false;
    }
    m_seq += qint64(gap);
    m_time += delta;
    entry.seq = m_seq;
    entry.account = quint32(account);
    entry.name = quint32(name);
    entry.user = user == 0 ? std::nullopt : std::optional<quint32>(quint32(user - 1));
    entry.occurredAt = m_time;
    if (quantity == 1) {
        if (m_end - m_at < qsizetype(sizeof entry.quantity)) {
            m_ok = false;
            return false;
        }
        std::memcpy(&entry.quantity, m_at, sizeof entry.quantity);
        m_at += sizeof entry.quantity;
    } else if (quantity % 2 == 0) {
        entry.quantity = double(quantity / 2);
    } else {
        m_ok = false;
        return false;
    }
    ++m_read;
    if (m_read == m_events && m_at != m_end) // trailing bytes: not what a writer made
        m_ok = false;
    return m_ok;
}

} // namespace tenure::EventSegment
