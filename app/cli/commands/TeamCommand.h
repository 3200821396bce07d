#pragma once

#include "cli/Command.h"

namespace tenure {
class TeamDatabase;
struct TeamLocation;
} // namespace tenure

namespace tenure::cli {

// tenure-cli team: team workspaces on PostgreSQL. `init URL` prepares an empty database,
// `add-member`, `list` and `remove` manage who may sign in and with which role, `push --from FILE
// URL` moves a workspace file in.
class TeamCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(TeamCommand)

public:
    TeamCommand();

protected:
    void addOptions(CommandHelp& parser) override;
    qsizetype maxArguments() const override { return 4; }
    int run(const QCommandLineParser& parser, Context& context) override;

private:
    int init(const TeamLocation& location, const QCommandLineParser& parser, Context& context);
    static void warnIfOpenToEveryLogin(TeamDatabase& db, Context& context);
    int addMember(TeamDatabase& db, const QString& login, const QCommandLineParser& parser, Context& context);
    int list(TeamDatabase& db, Context& context);
    int push(TeamDatabase& db, const QCommandLineParser& parser, Context& context);
    int upgrade(const TeamLocation& location, Context& context);
    int set(TeamDatabase& db, const QString& setting, const QString& value, Context& context);
};

} // namespace tenure::cli
