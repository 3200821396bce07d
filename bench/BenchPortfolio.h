#pragma once

#include "BenchOptions.h"

#include <QDate>
#include <QElapsedTimer>

#include <memory>

namespace tenure {
class Database;
struct RuleSet;
}

// The synthetic portfolio the engine and backtest benchmarks share.
namespace tenure::bench {

inline const QDate kToday(2026, 6, 30);
constexpr qint64 kDayMs = 86400000;

// `accountCount` accounts (ids B000000...), 5% of them churned in the last 200 days, and
// `eventCount` events over the year before `today`, half the accounts trending up, half down.
// Sets the workspace zone to UTC, registers the "bench" source, and saves the shipped rules.
void generatePortfolio(Database& db, int accountCount, qint64 eventCount, const QDate& today = kToday);

// The rules every benchmark scores with (bench/bench-rules.json): the defaults as they were when
// the SQL formulations were written, frozen so the comparisons keep agreeing.
RuleSet benchRules();

// Opens the --db workspace (a file in the scratch folder when none is named), generating the
// portfolio (--accounts, --events) as of `today` first when the file is new, and prints how long
// that took. Ends the benchmark when the workspace cannot be opened or holds no events.
std::unique_ptr<Database> openPortfolio(const Options& options, const QDate& today = kToday);

double peakRssMb();

inline double seconds(const QElapsedTimer& timer)
{
    return timer.nsecsElapsed() / 1e9;
}

} // namespace tenure::bench
