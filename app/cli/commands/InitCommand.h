#pragma once

#include "cli/Command.h"

namespace tenure::cli {

// tenure-cli init: create an empty workspace (or upgrade an existing one to this schema).
class InitCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(InitCommand)

public:
    InitCommand();

protected:
    void addOptions(CommandHelp& parser) override;
    int run(const QCommandLineParser& parser, Context& context) override;
    bool createsWorkspace() const override { return true; }
};

} // namespace tenure::cli
