#include "util/StringNumbering.h"

#include <QHash>

#include <algorithm>

namespace tenure {

quint32 StringNumbering::numberOf(QByteArrayView text)
{
    const std::size_t hash = qHash(text, 0);
    if ((m_ends.size() + 1) * 2 > m_slots.size())
        grow();
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
    std::vector<Slot> table(std::max<std::size_t>(64, m_slots.size() * 2));
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
