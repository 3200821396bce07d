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

// Reads one number from [at, end) and moves `at` past it. False when the bytes end before the
// number does or it runs past 64 bits (damaged data); `at` is then anywhere in [at, end].
inline bool get(const char*& at, const char* end, quint64& value)
{
    value = 0;
    for (int shift = 0; shift < 64 && at != end; shift += 7) {
        const auto byte = static_cast<unsigned char>(*at++);
        value |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
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
