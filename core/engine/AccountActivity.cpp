#include "engine/AccountActivity.h"

#include <QDataStream>
#include <QIODevice>

#include <algorithm>
#include <climits>

namespace tenure {

void AccountActivity::Series::finish()
{
    if (pending.empty() && prefix.size() == days.size() + 1)
        return;
    for (std::size_t i = 0; i < days.size(); ++i)
        pending.emplace_back(days[i], quantities[i]);
    std::sort(pending.begin(), pending.end());
    days.clear();
    quantities.clear();
    for (const auto& [day, quantity] : pending) {
        if (!days.empty() && days.back() == day) {
            quantities.back() += quantity;
        } else {
            days.push_back(day);
            quantities.push_back(quantity);
        }
    }
    prefix.assign(1, 0.0);
    prefix.reserve(days.size() + 1);
    for (double quantity : quantities)
        prefix.push_back(prefix.back() + quantity);
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

void AccountActivity::Series::addWindowSums(int window, int first, int last, double* out) const
{
    // Both ends of the window only move forward: begin and end are what lower_bound and
    // upper_bound would find for each day, and the sums are the same differences of prefixes.
    std::size_t begin = 0;
    std::size_t end = 0;
    for (int day = first; day <= last; ++day) {
        while (begin < days.size() && days[begin] < day - window + 1)
            ++begin;
        while (end < days.size() && days[end] <= day)
            ++end;
        out[day - first] += window > 0 ? prefix[end] - prefix[begin] : 0.0;
    }
}

void AccountActivity::Series::maxLastDays(int first, int last, int* out) const
{
    std::size_t end = 0;
    for (int day = first; day <= last; ++day) {
        while (end < days.size() && days[end] <= day)
            ++end;
        if (end > 0)
            out[day - first] = std::max(out[day - first], days[end - 1]);
    }
}

void AccountActivity::windowSums(const QStringList& names, int window, int first, int last, double* out) const
{
    std::fill(out, out + (last - first + 1), 0.0);
    if (names.isEmpty()) {
        m_all.addWindowSums(window, first, last, out);
        return;
    }
    for (const QString& name : names) {
        const auto series = m_series.constFind(name);
        if (series != m_series.constEnd())
            series->addWindowSums(window, first, last, out);
    }
}

void AccountActivity::windowUsers(int window, int first, int last, int* out) const
{
    std::vector<int> inWindow(m_users.size(), 0); // days each user is active within the window
    int distinct = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    for (int day = first; day <= last; ++day) {
        while (end < m_userDays.size() && m_userDays[end].first <= day) {
            if (m_userDays[end].first >= day - window + 1 && inWindow[std::size_t(m_userDays[end].second)]++ == 0)
                ++distinct;
            ++end;
        }
        while (begin < end && m_userDays[begin].first < day - window + 1) {
            // Entries before the first window were never counted in.
            if (m_userDays[begin].first >= first - window + 1
                && --inWindow[std::size_t(m_userDays[begin].second)] == 0)
                --distinct;
            ++begin;
        }
        out[day - first] = window > 0 ? distinct : 0;
    }
}

void AccountActivity::lastDays(const QStringList& names, int first, int last, int* out) const
{
    std::fill(out, out + (last - first + 1), INT_MIN);
    if (names.isEmpty()) {
        m_all.maxLastDays(first, last, out);
        return;
    }
    for (const QString& name : names) {
        const auto series = m_series.constFind(name);
        if (series != m_series.constEnd())
            series->maxLastDays(first, last, out);
    }
}

void AccountActivity::addDaily(const QString& name, int day, double quantity)
{
    m_series[name].pending.emplace_back(day, quantity);
    m_all.pending.emplace_back(day, quantity);
}

void AccountActivity::addUser(int day, const QString& userId)
{
    const auto found = m_userIndex.constFind(userId);
    const int index = found != m_userIndex.constEnd() ? *found : int(m_users.size());
    if (found == m_userIndex.constEnd()) {
        m_userIndex.insert(userId, index);
        m_users.append(userId);
    }
    m_userDays.emplace_back(day, index);
}

void AccountActivity::finish()
{
    for (Series& series : m_series)
        series.finish();
    m_all.finish();
    std::sort(m_userDays.begin(), m_userDays.end());
    m_userDays.erase(std::unique(m_userDays.begin(), m_userDays.end()), m_userDays.end());
    m_seen.assign(m_users.size(), 0);
}

QByteArray AccountActivity::serialize() const
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << quint8(1); // format version
    QStringList names = m_series.keys();
    names.sort();
    out << quint32(names.size());
    for (const QString& name : names) {
        const Series& series = m_series[name];
        out << name << quint32(series.days.size());
        for (std::size_t i = 0; i < series.days.size(); ++i)
            out << qint32(series.days[i]) << series.quantities[i];
    }
    // Users by name, so the bytes do not depend on the order in which they were first seen.
    std::vector<int> order(m_users.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::sort(order.begin(), order.end(), [this](int a, int b) { return m_users[a] < m_users[b]; });
    std::vector<int> rank(m_users.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        rank[order[i]] = int(i);
    out << quint32(order.size());
    for (int index : order)
        out << m_users[index];
    std::vector<std::pair<int, int>> userDays;
    userDays.reserve(m_userDays.size());
    for (const auto& [day, user] : m_userDays)
        userDays.emplace_back(day, rank[user]);
    std::sort(userDays.begin(), userDays.end());
    out << quint32(userDays.size());
    for (const auto& [day, user] : userDays)
        out << qint32(day) << quint32(user);
    return data;
}

std::optional<AccountActivity> AccountActivity::deserialize(const QByteArray& data)
{
    AccountActivity activity;
    if (data.isEmpty()) {
        activity.finish();
        return activity;
    }
    QDataStream in(data);
    in.setVersion(QDataStream::Qt_6_4);
    quint8 version = 0;
    quint32 names = 0;
    in >> version >> names;
    if (version != 1)
        return std::nullopt;
    for (quint32 n = 0; n < names && in.status() == QDataStream::Ok; ++n) {
        QString name;
        quint32 count = 0;
        in >> name >> count;
        for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
            qint32 day = 0;
            double quantity = 0;
            in >> day >> quantity;
            activity.addDaily(name, day, quantity);
        }
    }
    quint32 users = 0;
    in >> users;
    QStringList names_;
    for (quint32 i = 0; i < users && in.status() == QDataStream::Ok; ++i) {
        QString user;
        in >> user;
        names_.append(user);
    }
    quint32 userDays = 0;
    in >> userDays;
    for (quint32 i = 0; i < userDays && in.status() == QDataStream::Ok; ++i) {
        qint32 day = 0;
        quint32 user = 0;
        in >> day >> user;
        if (user >= quint32(names_.size()))
            return std::nullopt;
        activity.addUser(day, names_.at(int(user)));
    }
    if (in.status() != QDataStream::Ok)
        return std::nullopt;
    activity.finish();
    return activity;
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

int AccountActivity::activeDays(int from, int to) const
{
    if (from > to)
        return 0;
    const auto begin = std::lower_bound(m_all.days.begin(), m_all.days.end(), from);
    const auto end = std::upper_bound(begin, m_all.days.end(), to);
    return int(end - begin);
}

std::optional<int> AccountActivity::firstDay() const
{
    if (m_all.days.empty())
        return std::nullopt;
    return m_all.days.front();
}

} // namespace tenure
