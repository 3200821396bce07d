#include "util/SortedNumbering.h"

#include <algorithm>

namespace tenure {

SortedNumbering::SortedNumbering(const std::vector<QStringList>& tables)
{
    struct Key
    {
        quint32 table;
        quint32 key;
    };
    std::vector<Key> keys;
    m_numbers.resize(tables.size());
    for (std::size_t t = 0; t < tables.size(); ++t) {
        m_numbers[t].resize(std::size_t(tables[t].size()));
        for (qsizetype k = 0; k < tables[t].size(); ++k)
            keys.push_back({ quint32(t), quint32(k) });
    }
    auto text = [&](const Key& key) -> const QString& { return tables[key.table][key.key]; };
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) { return text(a) < text(b); });
    for (const Key& key : keys) {
        if (m_texts.isEmpty() || m_texts.constLast() != text(key))
            m_texts.append(text(key));
        m_numbers[key.table][key.key] = quint32(m_texts.size() - 1);
    }
}

} // namespace tenure
