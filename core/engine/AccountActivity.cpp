#include "engine/AccountActivity.h"

#include "util/Varint.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <numeric>

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

void AccountActivity::Series::indexSorted()
{
    prefix.resize(days.size() + 1);
    prefix[0] = 0.0;
    for (std::size_t i = 0; i < quantities.size(); ++i)
        prefix[i + 1] = prefix[i] + quantities[i];
}

void AccountActivity::Series::assignSumOf(const std::vector<const Series*>& parts)
{
    days.clear();
    quantities.clear();
    std::size_t entries = 0;
    int first = INT_MAX;
    int last = INT_MIN;
    for (const Series* part : parts) {
        if (part->days.empty())
            continue;
        entries += part->days.size();
        first = std::min(first, part->days.front());
        last = std::max(last, part->days.back());
    }
    if (entries == 0) {
        indexSorted();
        return;
    }
    const qint64 span = qint64(last) - first + 1;
    if (span > qint64(entries) * 8 + 4096) { // sparse: sort instead of spreading over every day
        for (const Series* part : parts) {
            for (std::size_t i = 0; i < part->days.size(); ++i)
                pending.emplace_back(part->days[i], part->quantities[i]);
        }
        finish();
        return;
    }
    // Per day, the parts' quantities added in the order of the parts (into this thread's scratch:
    // a rebuild sums every account's).
    thread_local std::vector<double> total;
    thread_local std::vector<char> present;
    total.assign(static_cast<std::size_t>(span), 0.0);
    present.assign(static_cast<std::size_t>(span), 0);
    for (const Series* part : parts) {
        for (std::size_t i = 0; i < part->days.size(); ++i) {
            const auto at = std::size_t(part->days[i] - first);
            total[at] += part->quantities[i];
            present[at] = 1;
        }
    }
    days.reserve(entries);
    quantities.reserve(entries);
    for (std::size_t at = 0; at < total.size(); ++at) {
        if (present[at]) {
            days.push_back(first + int(at));
            quantities.push_back(total[at]);
        }
    }
    indexSorted();
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
        if (const Series* series = find(name))
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
            if (m_userDays[end].first >= day - window + 1
                && inWindow[std::size_t(m_userDays[end].second)]++ == 0)
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
        if (const Series* series = find(name))
            series->maxLastDays(first, last, out);
    }
}

const AccountActivity::Series* AccountActivity::find(const QString& name) const
{
    for (const auto& [known, series] : m_series) {
        if (known == name)
            return &series;
    }
    return nullptr;
}

AccountActivity::Series& AccountActivity::seriesFor(const QString& name)
{
    // A fold passes the same shared string for every event of a name: its data pointer finds it
    // without comparing characters.
    for (auto& [known, series] : m_series) {
        if (known.constData() == name.constData())
            return series;
    }
    for (auto& [known, series] : m_series) {
        if (known == name)
            return series;
    }
    m_series.emplace_back(name, Series {});
    return m_series.back().second;
}

QStringList AccountActivity::names() const
{
    QStringList names;
    names.reserve(qsizetype(m_series.size()));
    for (const auto& entry : m_series)
        names.append(entry.first);
    return names;
}

void AccountActivity::addDaily(const QString& name, int day, double quantity)
{
    seriesFor(name).pending.emplace_back(day, quantity);
    m_all.pending.emplace_back(day, quantity);
}

void AccountActivity::addUser(int day, const QString& userId)
{
    if (m_userIndex.size() < m_users.size()) { // deserialize() left it to be built when needed
        for (qsizetype i = m_userIndex.size(); i < m_users.size(); ++i)
            m_userIndex.insert(m_users.at(i), int(i));
    }
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
    for (auto& entry : m_series)
        entry.second.finish();
    m_all.finish();
    std::sort(m_userDays.begin(), m_userDays.end());
    m_userDays.erase(std::unique(m_userDays.begin(), m_userDays.end()), m_userDays.end());
    m_seen.assign(m_users.size(), 0);
}

AccountActivity AccountActivity::fromSorted(std::vector<DaySeries> series, QStringList users,
                                            std::vector<std::pair<int, int>> userDays)
{
    AccountActivity activity;
    activity.m_series.reserve(series.size());
    std::vector<const Series*> parts;
    parts.reserve(series.size());
    for (DaySeries& entry : series) {
        Q_ASSERT(entry.days.size() == entry.quantities.size());
        Q_ASSERT(std::is_sorted(entry.days.begin(), entry.days.end()));
        activity.m_series.emplace_back(std::move(entry.name), Series {});
        Series& target = activity.m_series.back().second;
        target.days = std::move(entry.days);
        target.quantities = std::move(entry.quantities);
        target.indexSorted();
    }
    for (const auto& entry : activity.m_series)
        parts.push_back(&entry.second);
    activity.m_all.assignSumOf(parts);
    Q_ASSERT(std::is_sorted(userDays.begin(), userDays.end()));
    activity.m_users = std::move(users);
    activity.m_userDays = std::move(userDays);
    activity.m_seen.assign(std::size_t(activity.m_users.size()), 0);
    return activity;
}

namespace {

// The stored form: varints (LEB128), zigzag for what can be negative.
using varint::unzigzag;
using varint::zigzag;

bool isCount(double quantity)
{
    return quantity >= 0 && quantity < 9007199254740992.0 && quantity == std::floor(quantity);
}

class Reader
{
public:
    explicit Reader(const QByteArray& data)
        : m_at(data.constData())
        , m_end(data.constData() + data.size())
    {
    }
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_at == m_end; }
    quint64 varint()
    {
        quint64 value = 0;
        if (!varint::get(m_at, m_end, value)) {
            m_ok = false;
            return 0;
        }
        return value;
    }
    quint8 byte()
    {
        if (m_at == m_end) {
            m_ok = false;
            return 0;
        }
        return static_cast<quint8>(*m_at++);
    }
    double real()
    {
        double value = 0;
        if (m_end - m_at < qsizetype(sizeof value)) {
            m_ok = false;
            return 0;
        }
        std::memcpy(&value, m_at, sizeof value);
        m_at += sizeof value;
        return value;
    }
    QString text()
    {
        const quint64 size = varint();
        if (!m_ok || quint64(m_end - m_at) < size) {
            m_ok = false;
            return {};
        }
        const QString text = QString::fromUtf8(m_at, qsizetype(size));
        m_at += size;
        return text;
    }
    // A count of items each at least `minBytes` long: more than the bytes left is damage.
    quint64 count(quint64 minBytes = 1)
    {
        const quint64 n = varint();
        if (n > quint64(m_end - m_at) / minBytes)
            m_ok = false;
        return m_ok ? n : 0;
    }

private:
    const char* m_at;
    const char* m_end;
    bool m_ok = true;
};

constexpr quint8 kFormat = 2;

} // namespace

QByteArray AccountActivity::serialize() const
{
    // Format 2: names, days (as gaps) and quantities (as whole numbers when they all are)
    // in varints; users by name, their active days as (gap, user rank) pairs. Written into one
    // buffer sized for the worst case (UTF-8 takes up to 3 bytes per UTF-16 unit), then cut to
    // length.
    std::size_t bound = 1 + varint::kMaxBytes;
    for (const auto& [name, series] : m_series)
        bound += 3 * varint::kMaxBytes + 1 + 3 * std::size_t(name.size())
            + series.days.size() * 2 * varint::kMaxBytes; // a gap, then a count or a double
    bound += 2 * varint::kMaxBytes + m_userDays.size() * 2 * varint::kMaxBytes;
    for (const QString& user : m_users)
        bound += varint::kMaxBytes + 3 * std::size_t(user.size());
    QByteArray out(qsizetype(bound), Qt::Uninitialized);
    char* at = out.data();
    *at++ = char(kFormat);
    // Its length, then the text as UTF-8: ASCII (most ids and names) copied straight in.
    auto putText = [&at](const QString& text) {
        const auto* units = reinterpret_cast<const char16_t*>(text.utf16());
        if (std::all_of(units, units + text.size(), [](char16_t unit) { return unit < 0x80; })) {
            at = varint::put(at, quint64(text.size()));
            at = std::copy(units, units + text.size(), at);
            return;
        }
        const QByteArray bytes = text.toUtf8();
        at = varint::put(at, quint64(bytes.size()));
        at = std::copy(bytes.constBegin(), bytes.constEnd(), at);
    };

    // Names in sorted order: a fold builds them so, and then there is nothing to sort.
    std::vector<std::size_t> byName(m_series.size());
    std::iota(byName.begin(), byName.end(), std::size_t(0));
    auto nameLess = [this](std::size_t a, std::size_t b) { return m_series[a].first < m_series[b].first; };
    if (!std::is_sorted(byName.begin(), byName.end(), nameLess))
        std::sort(byName.begin(), byName.end(), nameLess);
    at = varint::put(at, byName.size());
    for (std::size_t index : byName) {
        const Series& series = m_series[index].second;
        putText(m_series[index].first);
        at = varint::put(at, series.days.size());
        const bool counts = std::all_of(series.quantities.begin(), series.quantities.end(), isCount);
        *at++ = char(counts ? 0 : 1);
        int previous = 0;
        for (std::size_t i = 0; i < series.days.size(); ++i) {
            at = varint::put(at, i == 0 ? zigzag(series.days[i]) : quint64(series.days[i] - previous));
            previous = series.days[i];
            if (counts) {
                at = varint::put(at, quint64(series.quantities[i]));
            } else {
                std::memcpy(at, &series.quantities[i], sizeof(double));
                at += sizeof(double);
            }
        }
    }
    // Users by name, so the bytes do not depend on the order in which they were first seen. When
    // they are numbered in that order already (a fold's), their days need no sorting either.
    const bool usersSorted = std::is_sorted(m_users.begin(), m_users.end(),
                                            [](const QString& a, const QString& b) { return a < b; });
    std::vector<int> order(std::size_t(m_users.size()));
    std::iota(order.begin(), order.end(), 0);
    if (!usersSorted)
        std::sort(order.begin(), order.end(), [this](int a, int b) { return m_users[a] < m_users[b]; });
    std::vector<int> rank(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        rank[std::size_t(order[i])] = int(i);
    at = varint::put(at, order.size());
    for (int index : order)
        putText(m_users[index]);
    std::vector<std::pair<int, int>> reordered;
    if (!usersSorted) {
        reordered.reserve(m_userDays.size());
        for (const auto& [day, user] : m_userDays)
            reordered.emplace_back(day, rank[std::size_t(user)]);
        std::sort(reordered.begin(), reordered.end());
    }
    const std::vector<std::pair<int, int>>& userDays = usersSorted ? m_userDays : reordered;
    at = varint::put(at, userDays.size());
    int previous = 0;
    for (std::size_t i = 0; i < userDays.size(); ++i) {
        at = varint::put(at, i == 0 ? zigzag(userDays[i].first) : quint64(userDays[i].first - previous));
        previous = userDays[i].first;
        at = varint::put(at, quint64(userDays[i].second));
    }
    Q_ASSERT(at <= out.constData() + out.size());
    out.truncate(at - out.constData());
    return out;
}

std::optional<AccountActivity> AccountActivity::deserialize(const QByteArray& data)
{
    AccountActivity activity;
    if (data.isEmpty()) {
        activity.finish();
        return activity;
    }
    Reader in(data);
    if (in.byte() != kFormat)
        return std::nullopt;
    // Everything is stored sorted and unique: it is read into place and only indexed, not sorted.
    const quint64 names = in.count();
    activity.m_series.reserve(names);
    std::vector<const Series*> parts;
    for (quint64 n = 0; n < names && in.ok(); ++n) {
        QString name = in.text();
        const quint64 days = in.count(2);
        const bool counts = in.byte() == 0;
        activity.m_series.emplace_back(std::move(name), Series {});
        Series& series = activity.m_series.back().second;
        series.days.reserve(days);
        series.quantities.reserve(days);
        qint64 day = 0;
        for (quint64 i = 0; i < days && in.ok(); ++i) {
            const qint64 next = i == 0 ? unzigzag(in.varint()) : day + qint64(in.varint());
            if ((i > 0 && next <= day) || next < INT_MIN || next > INT_MAX)
                return std::nullopt;
            day = next;
            series.days.push_back(int(day));
            series.quantities.push_back(counts ? double(in.varint()) : in.real());
        }
        series.indexSorted();
    }
    // The sums over all names, day by day.
    for (const auto& [name, series] : activity.m_series)
        parts.push_back(&series);
    activity.m_all.assignSumOf(parts);
    const quint64 users = in.count();
    activity.m_users.reserve(qsizetype(users));
    for (quint64 i = 0; i < users && in.ok(); ++i)
        activity.m_users.append(in.text());
    const quint64 userDays = in.count(2);
    activity.m_userDays.reserve(userDays);
    qint64 day = 0;
    for (quint64 i = 0; i < userDays && in.ok(); ++i) {
        day = i == 0 ? unzigzag(in.varint()) : day + qint64(in.varint());
        const quint64 user = in.varint();
        if (user >= quint64(activity.m_users.size()))
            return std::nullopt;
        const std::pair<int, int> entry { int(day), int(user) };
        if (!activity.m_userDays.empty() && !(activity.m_userDays.back() < entry))
            return std::nullopt; // stored sorted and unique
        activity.m_userDays.push_back(entry);
    }
    if (!in.ok() || !in.atEnd())
        return std::nullopt;
    activity.m_seen.assign(std::size_t(activity.m_users.size()), 0);
    return activity;
}

double AccountActivity::sum(const QStringList& names, int from, int to) const
{
    if (names.isEmpty())
        return m_all.sum(from, to);
    double total = 0;
    for (const QString& name : names) {
        if (const Series* series = find(name))
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
        const Series* series = find(name);
        if (!series)
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
