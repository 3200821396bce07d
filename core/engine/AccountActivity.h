#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tenure {

// One account's behaviour as daily aggregates, indexed for window queries: per event name a
// day series with prefix sums (sums over any window in O(log n)), and who was active which day.
class AccountActivity
{
public:
    void addDaily(const QString& name, int day, double quantity);
    void addUser(int day, const QString& userId);
    // Sorts and indexes what was added; call once before querying.
    void finish();

    // Sum of quantities of events named `names` (any name when empty), days [from, to].
    double sum(const QStringList& names, int from, int to) const;
    // The last day on or before `onOrBefore` with an event named `names` (any when empty).
    std::optional<int> lastDay(const QStringList& names, int onOrBefore) const;
    // Distinct users active on days [from, to].
    int distinctUsers(int from, int to) const;
    // The first day with any event, if there is one.
    std::optional<int> firstDay() const;
    bool isEmpty() const { return m_all.days.empty(); }

private:
    struct Series
    {
        std::vector<int> days; // ascending, unique
        std::vector<double> prefix; // prefix[i] = sum of quantities of days[0..i-1]
        std::vector<std::pair<int, double>> pending;
        void finish();
        double sum(int from, int to) const;
        std::optional<int> lastDay(int onOrBefore) const;
    };

    QHash<QString, Series> m_series;
    Series m_all;
    std::vector<std::pair<int, int>> m_userDays; // (day, user index), sorted
    QHash<QString, int> m_userIndex;
    mutable std::vector<int> m_seen; // per user: the query stamp that last counted them
    mutable int m_stamp = 0;
};

} // namespace tenure
