#pragma once

#include "cli/Command.h"

namespace tenure {
struct BacktestReport;
}

namespace tenure::cli {

// tenure-cli backtest: how well the rules' stage, score and band foretold what happened.
class BacktestCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(BacktestCommand)

public:
    BacktestCommand();

protected:
    void addOptions(CommandHelp& parser) override;
    int run(const QCommandLineParser& parser, Context& context) override;

private:
    static void print(const BacktestReport& report, QTextStream& out);
};

} // namespace tenure::cli
