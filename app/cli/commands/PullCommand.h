#pragma once

#include "cli/Command.h"

namespace tenure::cli {

// tenure-cli pull [NAME]: pull new events from one connector, or from all of them.
class PullCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(PullCommand)

public:
    PullCommand();

protected:
    void addOptions(CommandHelp& parser) override;
    qsizetype maxArguments() const override { return 1; }
    int run(const QCommandLineParser& parser, Context& context) override;
};

} // namespace tenure::cli
