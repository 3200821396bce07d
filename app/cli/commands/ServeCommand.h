#pragma once

#include "cli/Command.h"

namespace tenure::cli {

// tenure-cli serve: the headless engine of a team workspace. Stands by until it holds the team's
// engine lock, then scores at once, after every change the server announces (new events, accounts,
// rules), every few minutes and when the day changes; stops cleanly on SIGTERM or SIGINT. Logs one
// line per event to standard output, for the journal.
class ServeCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ServeCommand)

public:
    ServeCommand();

protected:
    void addOptions(CommandHelp& parser) override;
    int run(const QCommandLineParser& parser, Context& context) override;
};

} // namespace tenure::cli
