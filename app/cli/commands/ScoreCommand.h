#pragma once

#include "cli/Command.h"
#include "engine/ScoringEngine.h"

namespace tenure::cli {

// tenure-cli score: run the health-score engine and print accounts per stage and band.
class ScoreCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ScoreCommand)

public:
    ScoreCommand();

protected:
    void addOptions(CommandHelp& parser) override;
    int run(const QCommandLineParser& parser, Context& context) override;

private:
    // A team workspace: one pass of the team's engine, when this process can be it.
    int runTeam(const QCommandLineParser& parser, Context& context, const ScoringEngine::Options& options);
    static QString headline(const ScoringEngine::Summary& summary, double seconds);
    int printCounts(Database& db, Context& context);
};

} // namespace tenure::cli
