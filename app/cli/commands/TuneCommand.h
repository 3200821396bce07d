#pragma once

#include "cli/Command.h"

namespace tenure {
struct Suggestion;
}

namespace tenure::cli {

// tenure-cli tune suggest: rules fitted to the workspace's own outcomes, validated on later ones.
class TuneCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(TuneCommand)

public:
    TuneCommand();

    static void print(const Suggestion& suggestion, QTextStream& out);

protected:
    void addOptions(CommandHelp& parser) override;
    qsizetype maxArguments() const override { return 1; }
    int run(const QCommandLineParser& parser, Context& context) override;
};

} // namespace tenure::cli
