#pragma once

#include "cli/Command.h"

namespace tenure::cli {

// tenure-cli export customers --csv FILE [--encoding cp932] [--owner NAME]
class ExportCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    ExportCommand();

protected:
    void addOptions(CommandHelp& parser) override;
    qsizetype maxArguments() const override { return 1; }
    int run(const QCommandLineParser& parser, Context& context) override;
};

} // namespace tenure::cli
