#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <optional>

class QCommandLineParser;

namespace tenure::cli {

// The options that say how history is replayed, read alike by `backtest` and `tune`: --horizon
// (days before each outcome), --as-of (today, for the replay) and --baseline (at most so many
// retained accounts). Each command words their help for itself.
struct ReplayOptions
{
    Q_DECLARE_TR_FUNCTIONS(ReplayOptions)

public:
    int horizonDays = 90;
    std::optional<QDate> today;
    int baselineLimit = 0; // 0: all

    // Reads them from `parser`; a message naming the option and what it got when one is wrong.
    static std::optional<QString> read(const QCommandLineParser& parser, ReplayOptions& options);
    // A day option (YYYY-MM-DD) into `day` when it is set (--as-of, tune's --cutoff); a message
    // naming it when it is not a day.
    static std::optional<QString> readDay(const QCommandLineParser& parser, const QString& name,
                                          std::optional<QDate>& day);
};

} // namespace tenure::cli
