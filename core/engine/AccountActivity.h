#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tenure {

// One account's behaviour as daily aggregates, indexed for window queries: per event name a
// day series with prefix sums (sums over any window in O(log n)), and who was active which day.
// It is also the unit of storage: serialize() packs it into one canonical blob per account.
class AccountActivity
{
public:
    void addDaily(const QString& name, int day, double quantity);
    void addUser(int day, const QString& userId);
    // Merges what was added since the last finish() into the indexed data; call before querying.
    void finish();

    // For a fold that has all of an account's events at hand and sorts them itself: one entry per
    // event name with its days ascending and unique, and who was active which day as (day, index
    // into `users`) pairs, sorted and unique. The result is finished: it equals the activity that
    // add*() and finish() build from the same events.
    struct DaySeries
    {
        QString name;
        std::vector<int> days;
        std::vector<double> quantities;
    };
    static AccountActivity fromSorted(std::vector<DaySeries> series, QStringList users,
                                      std::vector<std::pair<int, int>> userDays);

    // Sum of quantities of events named `names` (any name when empty), days [from, to].
    double sum(const QStringList& names, int from, int to) const;
    // The last day on or before `onOrBefore` with an event named `names` (any when empty).
    std::optional<int> lastDay(const QStringList& names, int onOrBefore) const;
    // Distinct users active on days [from, to].
    int distinctUsers(int from, int to) const;
    // The first day with any event, if there is one.
    std::optional<int> firstDay() const;
    // Days with any event in [from, to].
    int activeDays(int from, int to) const;
    // The same values, for every day d of [first, last] in out[d - first], as sum(names, d - window + 1, d),
    // distinctUsers(d - window + 1, d) and lastDay(names, d) (INT_MIN: none) give one day at a time,
    // in one pass over the data instead of a search per day.
    void windowSums(const QStringList& names, int window, int first, int last, double* out) const;
    void windowUsers(int window, int first, int last, int* out) const;
    void lastDays(const QStringList& names, int first, int last, int* out) const;
    // Every event name seen.
    QStringList names() const;
    bool isEmpty() const { return m_all.days.empty(); }

    // The same activity always gives the same bytes, however it was built up (names, days and
    // users in sorted order), so stored summaries can be compared byte for byte.
    QByteArray serialize() const;
    static std::optional<AccountActivity> deserialize(const QByteArray& data);

private:
    struct Series
    {
        std::vector<int> days; // ascending, unique
        std::vector<double> quantities; // per day
        std::vector<double> prefix; // prefix[i] = sum of quantities[0..i-1]
        std::vector<std::pair<int, double>> pending;
        void finish();
        void indexSorted(); // days and quantities are ascending and unique: only the prefixes
        // The sum of `parts` (each finished), day by day.
        void assignSumOf(const std::vector<const Series*>& parts);
        double sum(int from, int to) const;
        std::optional<int> lastDay(int onOrBefore) const;
        void addWindowSums(int window, int first, int last, double* out) const;
        void maxLastDays(int first, int last, int* out) const;
    };

    const Series* find(const QString& name) const;
    Series& seriesFor(const QString& name);

    std::vector<std::pair<QString, Series>> m_series; // a handful of names: searched in order
    Series m_all;
    std::vector<std::pair<int, int>> m_userDays; // (day, user index), sorted, unique
    QStringList m_users; // by index
    QHash<QString, int> m_userIndex; // by name; built when first needed after deserialize()
    mutable std::vector<int> m_seen; // per user: the query stamp that last counted them
    mutable int m_stamp = 0;
};

} // namespace tenure
