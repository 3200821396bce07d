#include "engine/AccountActivity.h"

#include <algorithm>

namespace tenure {

void AccountActivity::Series::finish()
{
    std::sort(pending.begin(), pending.end());
    days.clear();
    prefix.assign(1, 0.0);
    for (const auto& [day, quantity] : pending) {
        if (!days.empty() && days.back() == day) {
            prefix.back() += quantity;
        } else {
            days.push_back(day);
            prefix.push_back(prefix.back() + quantity);
        }
    }
    pending.clear();
    pending.shrink_to_fit();
}

double AccountActivity::Series::sum(int from, int to) const
{
    if (from > to)
        return 0;
    const auto begin = std::lower_bound(days.begin(), days.end(), from) - days.begin();
    const auto end = std::upper_bound(days.begin(), days.end(), to) - days.begin();
    return prefix[end] - prefix[begin];
}

std::optional<int> AccountActivity::Series::lastDay(int onOrBefore) const
{
    const auto it = std::upper_bound(days.begin(), days.end(), onOrBefore);
    if (it == days.begin())
        return std::nullopt;
    return *(it - 1);
}

void AccountActivity::addDaily(const QString& name, int day, double quantity)
{
    m_series[name].pending.emplace_back(day, quantity);
    m_all.pending.emplace_back(day, quantity);
}

void AccountActivity::addUser(int day, const QString& userId)
{
    const auto found = m_userIndex.constFind(userId);
    const int index = found != m_userIndex.constEnd() ? *found : int(m_userIndex.size());
    if (found == m_userIndex.constEnd())
        m_userIndex.insert(userId, index);
    m_userDays.emplace_back(day, index);
}

void AccountActivity::finish()
{
    for (Series& series : m_series)
        series.finish();
    m_all.finish();
    std::sort(m_userDays.begin(), m_userDays.end());
    m_userDays.erase(std::unique(m_userDays.begin(), m_userDays.end()), m_userDays.end());
    m_seen.assign(m_userIndex.size(), 0);
}

double AccountActivity::sum(const QStringList& names, int from, int to) const
{
    if (names.isEmpty())
        return m_all.sum(from, to);
    double total = 0;
    for (const QString& name : names) {
        const auto series = m_series.constFind(name);
        if (series != m_series.constEnd())
            total += series->sum(from, to);
    }
    return total;
}

std::optional<int> AccountActivity::lastDay(const QStringList& names, int onOrBefore) const
{
    if (names.isEmpty())
        return m_all.lastDay(onOrBefore);
    std::optional<int> last;
    for (const QString& name : names) {
        const auto series = m_series.constFind(name);
        if (series == m_series.constEnd())
            continue;
        const auto day = series->lastDay(onOrBefore);
        if (day && (!last || *day > *last))
            last = day;
    }
    return last;
}

int AccountActivity::distinctUsers(int from, int to) const
{
    if (from > to)
        return 0;
    ++m_stamp;
    int count = 0;
    auto it = std::lower_bound(m_userDays.begin(), m_userDays.end(), std::make_pair(from, -1));
    for (; it != m_userDays.end() && it->first <= to; ++it) {
        if (m_seen[it->second] != m_stamp) {
            m_seen[it->second] = m_stamp;
            ++count;
        }
    }
    return count;
}

std::optional<int> AccountActivity::firstDay() const
{
    if (m_all.days.empty())
        return std::nullopt;
    return m_all.days.front();
}

} // namespace tenure
