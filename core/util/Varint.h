#pragma once

#include <QByteArray>

#include <cstddef>

namespace tenure::varint {

// LEB128 varints, and zigzag for what can be negative: the packed formats' numbers
// (AccountActivity's aggregates, the event log's segments).

// The most bytes put() writes for one number.
constexpr std::size_t kMaxBytes = 10;

// Into a buffer with room for kMaxBytes; returns the end of what it wrote.
inline char* put(char* out, quint64 value)
{
    while (value >= 0x80) {
        *out++ = char(value | 0x80);
        value >>= 7;
    }
    *out++ = char(value);
    return out;
}

// Appended to `out`.
inline void put(QByteArray& out, quint64 value)
{
    char bytes[kMaxBytes];
    out.append(bytes, put(bytes, value) - bytes);
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
