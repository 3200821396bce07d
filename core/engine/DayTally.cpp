#include "engine/DayTally.h"

namespace tenure {

void DayTally::cover(int first, int last)
{
    if (m_counts.empty()) {
        m_base = first;
        m_counts.resize(std::size_t(last - first + 1));
        return;
    }
    if (first < m_base) {
        m_counts.insert(m_counts.begin(), std::size_t(m_base - first), {});
        m_base = first;
    }
    if (last - m_base + 1 > int(m_counts.size()))
        m_counts.resize(std::size_t(last - m_base + 1));
}

std::size_t DayTally::comboOf(const QString& stage, const QString& band)
{
    if (m_last < m_combos.size() && m_combos[m_last].first == stage && m_combos[m_last].second == band)
        return m_last;
    for (m_last = 0; m_last < m_combos.size(); ++m_last) {
        if (m_combos[m_last].first == stage && m_combos[m_last].second == band)
            return m_last;
    }
    m_combos.emplace_back(stage, band);
    return m_last;
}

void DayTally::add(int first, const std::vector<DayStatus>& days)
{
    if (days.empty())
        return;
    cover(first, first + int(days.size()) - 1);
    for (std::size_t i = 0; i < days.size(); ++i)
        count(first + int(i), comboOf(days[i].stage, days[i].band), 1);
}

void DayTally::add(int day, const DayStatus& status, qint64 accounts)
{
    cover(day, day);
    count(day, comboOf(status.stage, status.band), accounts);
}

void DayTally::count(int day, std::size_t combo, qint64 accounts)
{
    std::vector<qint64>& counts = m_counts[std::size_t(day - m_base)];
    if (counts.size() <= combo)
        counts.resize(combo + 1);
    counts[combo] += accounts;
}

void DayTally::merge(const DayTally& other)
{
    if (other.m_counts.empty())
        return;
    cover(other.m_base, other.m_base + int(other.m_counts.size()) - 1);
    for (std::size_t d = 0; d < other.m_counts.size(); ++d) {
        for (std::size_t c = 0; c < other.m_counts[d].size(); ++c) {
            if (!other.m_counts[d][c])
                continue;
            count(other.m_base + int(d), comboOf(other.m_combos[c].first, other.m_combos[c].second),
                  other.m_counts[d][c]);
        }
    }
}

void DayTally::forEach(const std::function<void(int, const QString&, const QString&, qint64)>& f) const
{
    for (std::size_t d = 0; d < m_counts.size(); ++d) {
        for (std::size_t c = 0; c < m_counts[d].size(); ++c) {
            if (m_counts[d][c])
                f(m_base + int(d), m_combos[c].first, m_combos[c].second, m_counts[d][c]);
        }
    }
}

} // namespace tenure
