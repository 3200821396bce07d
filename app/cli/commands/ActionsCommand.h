#pragma once

#include "cli/Command.h"

namespace tenure::cli {

// tenure-cli actions [list|show|done|snooze|reassign|note|account-note]: the action queue.
class ActionsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ActionsCommand)

public:
    ActionsCommand();

protected:
    void addOptions(CommandHelp& parser) override;
    qsizetype maxArguments() const override { return 3; }
    int run(const QCommandLineParser& parser, Context& context) override;
};

} // namespace tenure::cli
