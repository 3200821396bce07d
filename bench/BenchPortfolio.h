#pragma once

#include <QDate>
#include <QElapsedTimer>

#include <memory>

class QCommandLineParser;
class QTemporaryDir;

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

// The options the portfolio benchmarks share: --accounts, --events (defaults 100k and 10M) and
// --db, a workspace that is generated when missing and kept (reused by later runs).
void addPortfolioOptions(QCommandLineParser& parser);
// Opens the --db workspace (a file in `scratch` when none is named), generating the portfolio
// as of `today` first when the file is new, and prints how long that took.
std::unique_ptr<Database> openPortfolio(const QCommandLineParser& parser, const QTemporaryDir& scratch,
                                        const QDate& today = kToday);

double peakRssMb();

inline double seconds(const QElapsedTimer& timer)
{
    return timer.nsecsElapsed() / 1e9;
}

} // namespace tenure::bench
