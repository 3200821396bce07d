#pragma once

#include <QByteArray>

namespace tenure::varint {

// LEB128 varints, and zigzag for what can be negative: the packed formats' numbers
// (AccountActivity's aggregates, the event log's segments).
inline void put(QByteArray& out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char(value | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

inline quint64 zigzag(qint64 value)
{
    return (quint64(value) << 1) ^ quint64(value >> 63);
}

inline qint64 unzigzag(quint64 value)
{
    return qint64(value >> 1) ^ -qint64(value & 1);
}

} // namespace tenure::varint
