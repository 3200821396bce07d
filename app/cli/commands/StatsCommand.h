#pragma once

#include "cli/Command.h"

namespace tenure::cli {

// tenure-cli stats: what a workspace holds (accounts, events per source, outcomes).
class StatsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(StatsCommand)

public:
    StatsCommand();

protected:
    void addOptions(CommandHelp& parser) override;
    int run(const QCommandLineParser& parser, Context& context) override;
};

} // namespace tenure::cli
