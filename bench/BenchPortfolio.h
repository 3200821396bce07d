#pragma once

#include <QDate>
#include <QElapsedTimer>

namespace tenure {
class Database;
}

// The synthetic portfolio the engine and backtest benchmarks share.
namespace tenure::bench {

inline const QDate kToday(2026, 6, 30);
constexpr qint64 kDayMs = 86400000;

// `accountCount` accounts (ids B000000...), 5% of them churned in the last 200 days, and
// `eventCount` events over the year before `today`, half the accounts trending up, half down.
// Sets the workspace zone to UTC, registers the "bench" source, and saves the shipped rules.
void generatePortfolio(Database& db, int accountCount, qint64 eventCount, const QDate& today = kToday);

double peakRssMb();

inline double seconds(const QElapsedTimer& timer)
{
    return timer.nsecsElapsed() / 1e9;
}

} // namespace tenure::bench
