#pragma once

#include "engine/AccountStatus.h"

#include <QString>

#include <functional>
#include <utility>
#include <vector>

namespace tenure {

// How many accounts had each (stage, band) on each day, gathered from accounts' days: what a
// rebuild or re-score writes to `history_days` (StatusHistory::addDayCounts).
class DayTally
{
public:
    void add(int first, const std::vector<DayStatus>& days); // one account each day
    void add(int day, const DayStatus& status, qint64 accounts); // accounts may be negative
    void merge(const DayTally& other);
    bool isEmpty() const { return m_counts.empty(); }
    // Calls f(day, stage, band, accounts) for every count that is not zero.
    void forEach(const std::function<void(int, const QString&, const QString&, qint64)>& f) const;

private:
    std::size_t comboOf(const QString& stage, const QString& band);
    void cover(int first, int last);
    void count(int day, std::size_t combo, qint64 accounts);

    std::vector<std::pair<QString, QString>> m_combos; // (stage, band)
    int m_base = 0; // the day of m_counts[0]
    std::vector<std::vector<qint64>> m_counts; // per day, per combo
    std::size_t m_last = 0; // the combo found last: consecutive days mostly share one
};

} // namespace tenure
