#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace tenure {

// How a rebuild splits the accounts into partitions. By ranges of their ids (in the database's
// order), so that the partitions, scored in turn, write the summaries in the order of their keys:
// each insert lands at the end of its table's index instead of anywhere in it. By hash when no
// ids are known beforehand (events of accounts the CRM never named). The ranges hold as many of
// the CRM's accounts each, not as many events: a range whose accounts bring many more events than
// the others (or many accounts the CRM does not know) makes a larger partition, at 24 bytes an
// event.
class AccountPartitioning
{
public:
    static AccountPartitioning byHash(int partitions);
    // `ids` sorted by their bytes; the ranges hold about as many of them each. Accounts not among
    // them fall in the range their id sorts into. By hash when there are fewer ids than partitions.
    static AccountPartitioning byRanges(const std::vector<QByteArray>& ids, int partitions);

    int count() const { return m_count; }
    int of(QByteArrayView account) const;

private:
    int m_count = 1;
    std::vector<QByteArray> m_bounds; // partition i holds ids below m_bounds[i] (the last, the rest)
};

} // namespace tenure
