#include "engine/LogPartition.h"

#include <algorithm>
#include <numeric>

namespace tenure {

namespace {

// (name, day) as one number that sorts as the pair does.
quint64 nameDayKey(quint32 name, qint32 day)
{
    return (quint64(name) << 32) | quint64(quint32(day) ^ 0x80000000u);
}

// (day, user) as one number that sorts as the pair does.
quint64 dayUserKey(qint32 day, int user)
{
    return (quint64(quint32(day) ^ 0x80000000u) << 32) | quint64(quint32(user));
}

} // namespace

LogPartition::LogPartition(QStringList ids, const QStringList& names, const QStringList& users,
                           HugeVector<Event> events, std::vector<std::size_t> start)
    : m_ids(std::move(ids))
    , m_start(std::move(start))
    , m_events(std::move(events))
    , m_names(names)
    , m_users(users)
{
    Q_ASSERT(m_start.size() == std::size_t(m_ids.size()) + 1 && m_start.back() == m_events.size());
}

LogPartition::Builder::Builder(const LogPartition& partition)
    : m_partition(partition)
    , m_localUser(std::size_t(partition.m_users.size()), -1)
{
}

AccountActivity LogPartition::Builder::build(qsizetype index)
{
    const Event* const begin = m_partition.m_events.data() + m_partition.m_start[std::size_t(index)];
    const Event* const end = m_partition.m_events.data() + m_partition.m_start[std::size_t(index) + 1];
    const QStringList& userNames = m_partition.m_users;
    m_daily.clear();
    for (const Event* event = begin; event != end; ++event) {
        m_daily.push_back({ nameDayKey(event->name, event->day), event->quantity });
        if (event->user != kNoUser && m_localUser[event->user] < 0) {
            m_localUser[event->user] = 0;
            m_touched.push_back(event->user);
        }
    }
    // The account's users, numbered in the order of their names (as serialize() writes them):
    // the rebuild numbers them so.
    std::sort(m_touched.begin(), m_touched.end());
    QStringList users;
    users.reserve(qsizetype(m_touched.size()));
    for (quint32 user : m_touched) {
        m_localUser[user] = int(users.size());
        users.append(userNames[user]);
    }
    m_userDays.clear();
    for (const Event* event = begin; event != end; ++event) {
        if (event->user != kNoUser)
            m_userDays.push_back(dayUserKey(event->day, m_localUser[event->user]));
    }
    for (quint32 user : m_touched)
        m_localUser[user] = -1;
    m_touched.clear();

    // Sorted by name and day, then quantities of a name and day in ascending order, as finish()
    // sums them (runs of one name and day are short: sorted on their own).
    std::sort(m_daily.begin(), m_daily.end(), [](const Daily& a, const Daily& b) { return a.key < b.key; });
    for (std::size_t i = 0; i < m_daily.size();) {
        std::size_t run = i + 1;
        while (run < m_daily.size() && m_daily[run].key == m_daily[i].key)
            ++run;
        if (run - i > 1)
            std::sort(m_daily.begin() + std::ptrdiff_t(i), m_daily.begin() + std::ptrdiff_t(run),
                      [](const Daily& a, const Daily& b) { return a.quantity < b.quantity; });
        i = run;
    }
    std::sort(m_userDays.begin(), m_userDays.end());
    m_userDays.erase(std::unique(m_userDays.begin(), m_userDays.end()), m_userDays.end());
    std::vector<std::pair<int, int>> userDays;
    userDays.reserve(m_userDays.size());
    for (quint64 key : m_userDays)
        userDays.emplace_back(int(quint32(key >> 32) ^ 0x80000000u), int(quint32(key)));
    std::vector<AccountActivity::DaySeries> series;
    for (std::size_t i = 0; i < m_daily.size();) {
        const auto name = quint32(m_daily[i].key >> 32);
        std::size_t last = i; // the name's entries: at most as many days
        while (last < m_daily.size() && quint32(m_daily[last].key >> 32) == name)
            ++last;
        AccountActivity::DaySeries entry { m_partition.m_names[name], {}, {} };
        entry.days.reserve(last - i);
        entry.quantities.reserve(last - i);
        for (; i < m_daily.size() && quint32(m_daily[i].key >> 32) == name; ++i) {
            const int day = int(quint32(m_daily[i].key) ^ 0x80000000u);
            if (!entry.days.empty() && entry.days.back() == day) {
                entry.quantities.back() += m_daily[i].quantity;
            } else {
                entry.days.push_back(day);
                entry.quantities.push_back(m_daily[i].quantity);
            }
        }
        series.push_back(std::move(entry));
    }
    return AccountActivity::fromSorted(std::move(series), std::move(users), std::move(userDays));
}

} // namespace tenure
