#pragma once

#include "cli/Command.h"

namespace tenure::cli {

// tenure-cli demo: fill a workspace with the deterministic demo portfolio.
class DemoCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)

public:
    DemoCommand();

protected:
    void addOptions(CommandHelp& parser) override;
    int run(const QCommandLineParser& parser, Context& context) override;
    bool createsWorkspace() const override { return true; }
};

} // namespace tenure::cli
