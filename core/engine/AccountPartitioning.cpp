#include "engine/AccountPartitioning.h"

#include <QHashFunctions>

#include <algorithm>

namespace tenure {

AccountPartitioning AccountPartitioning::byHash(int partitions)
{
    AccountPartitioning partitioning;
    partitioning.m_count = std::max(1, partitions);
    return partitioning;
}

AccountPartitioning AccountPartitioning::byRanges(const std::vector<QByteArray>& ids, int partitions)
{
    if (partitions <= 1 || ids.size() < std::size_t(partitions))
        return byHash(partitions);
    AccountPartitioning partitioning;
    partitioning.m_count = partitions;
    for (int i = 1; i < partitions; ++i)
        partitioning.m_bounds.push_back(ids[ids.size() * std::size_t(i) / std::size_t(partitions)]);
    return partitioning;
}

int AccountPartitioning::of(QByteArrayView account) const
{
    if (m_count == 1)
        return 0;
    if (m_bounds.empty())
        return int(qHash(account, 0) % std::size_t(m_count));
    // Byte order, as SQLite compares TEXT.
    const auto upper = std::upper_bound(
        m_bounds.begin(), m_bounds.end(), account,
        [](QByteArrayView id, const QByteArray& bound) { return id < QByteArrayView(bound); });
    return int(upper - m_bounds.begin());
}

} // namespace tenure
