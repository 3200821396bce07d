#pragma once

#include "cli/Command.h"

namespace tenure::cli {

// tenure-cli import KIND FILE: import a CSV export of accounts, events, outcomes or keys.
class ImportCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    ImportCommand();

protected:
    void addOptions(CommandHelp& parser) override;
    qsizetype maxArguments() const override { return 2; }
    int run(const QCommandLineParser& parser, Context& context) override;
};

} // namespace tenure::cli
