#pragma once

#include "util/HugePages.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

#include <vector>

namespace tenure {

// Numbers byte strings 0, 1, 2... in the order they are first seen. An open-addressing table of
// (hash, number) over one buffer of the strings' bytes: a lookup is one probe and, on a hash
// match, one comparison, with no allocation per string. For the hot loops that number millions
// of account ids, user ids and event names (the log's segments, a rebuild's scan).
class StringNumbering
{
public:
    quint32 numberOf(QByteArrayView text);
    // numberOf() of each text, into `numbers`; faster than one at a time for many texts.
    void numbersOf(const std::vector<QByteArrayView>& texts, std::vector<quint32>& numbers);
    QByteArrayView text(quint32 number) const
    {
        const quint32 begin = number == 0 ? 0 : m_ends[number - 1];
        return QByteArrayView(m_bytes.constData() + begin, qsizetype(m_ends[number] - begin));
    }
    std::size_t size() const { return m_ends.size(); }
    // Every string as UTF-8 decoded text, by number.
    QStringList toStringList() const;

private:
    static constexpr quint32 kFree = 0xffffffff;
    struct Slot
    {
        std::size_t hash = 0;
        quint32 number = kFree;
    };
    void grow();
    // The text's number, numbering it if new; the table has room for one more.
    quint32 find(QByteArrayView text, std::size_t hash);

    HugeVector<Slot> m_slots; // a power of two, at most half full
    QByteArray m_bytes; // every string's bytes, one after the other
    std::vector<quint32> m_ends; // per number: where its bytes end
};

} // namespace tenure
