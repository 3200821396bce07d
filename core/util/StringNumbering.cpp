#include "util/StringNumbering.h"

#include <QHash>

#include <algorithm>

namespace tenure {

quint32 StringNumbering::numberOf(QByteArrayView text)
{
    if ((m_ends.size() + 1) * 2 > m_slots.size())
        grow();
    return find(text, qHash(text, 0));
}

void StringNumbering::numbersOf(const std::vector<QByteArrayView>& texts, std::vector<quint32>& numbers)
{
    // Room for all of them first: the table must not move while lookups are under way. Then each
    // text's slot is fetched into the cache a few texts ahead of its lookup, so that the table's
    // cache misses overlap instead of coming one after another.
    while ((m_ends.size() + texts.size() + 1) * 2 > m_slots.size())
        grow();
    constexpr std::size_t kAhead = 8;
    const std::size_t mask = m_slots.size() - 1;
    std::size_t hashes[kAhead];
    auto fetch = [&](std::size_t i) {
        hashes[i % kAhead] = qHash(texts[i], 0);
        __builtin_prefetch(&m_slots[hashes[i % kAhead] & mask]);
    };
    for (std::size_t i = 0; i < std::min(kAhead, texts.size()); ++i)
        fetch(i);
    numbers.resize(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::size_t hash = hashes[i % kAhead];
        if (i + kAhead < texts.size())
            fetch(i + kAhead);
        numbers[i] = find(texts[i], hash);
    }
}

quint32 StringNumbering::find(QByteArrayView text, std::size_t hash)
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot& slot = m_slots[i];
        if (slot.number == kFree) {
            slot = { hash, quint32(m_ends.size()) };
            m_bytes.append(text);
            m_ends.push_back(quint32(m_bytes.size()));
            return slot.number;
        }
        if (slot.hash == hash && this->text(slot.number) == text)
            return slot.number;
    }
}

QStringList StringNumbering::toStringList() const
{
    QStringList texts;
    texts.reserve(qsizetype(m_ends.size()));
    for (std::size_t i = 0; i < m_ends.size(); ++i)
        texts.append(QString::fromUtf8(text(quint32(i))));
    return texts;
}

void StringNumbering::grow()
{
    HugeVector<Slot> table(std::max<std::size_t>(64, m_slots.size() * 2));
    const std::size_t mask = table.size() - 1;
    for (const Slot& slot : m_slots) {
        if (slot.number == kFree)
            continue;
        std::size_t i = slot.hash & mask;
        while (table[i].number != kFree)
            i = (i + 1) & mask;
        table[i] = slot;
    }
    m_slots = std::move(table);
}

} // namespace tenure
