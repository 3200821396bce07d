#pragma once

#include "cli/Command.h"

namespace tenure::cli {

// tenure-cli score: run the health-score engine and print accounts per stage and band.
class ScoreCommand : public Command
{
public:
    ScoreCommand();

protected:
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, Context& context) override;
};

} // namespace tenure::cli
