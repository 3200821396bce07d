#pragma once

#include "cli/Command.h"

namespace tenure::cli {

// tenure-cli report ACCOUNT_ID --pdf FILE | report --portfolio [--owner NAME] --pdf FILE
class ReportCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)

public:
    ReportCommand();

protected:
    void addOptions(CommandHelp& parser) override;
    qsizetype maxArguments() const override { return 1; }
    int run(const QCommandLineParser& parser, Context& context) override;
};

} // namespace tenure::cli
