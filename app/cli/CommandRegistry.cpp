#include "cli/CommandRegistry.h"

#include "cli/commands/ActionsCommand.h"
#include "cli/commands/BacktestCommand.h"
#include "cli/commands/ConnectorCommand.h"
#include "cli/commands/DemoCommand.h"
#include "cli/commands/ExportCommand.h"
#include "cli/commands/ImportCommand.h"
#include "cli/commands/InitCommand.h"
#include "cli/commands/PullCommand.h"
#include "cli/commands/ReportCommand.h"
#include "cli/commands/ScoreCommand.h"
#include "cli/commands/ServeCommand.h"
#include "cli/commands/StatsCommand.h"
#include "cli/commands/TeamCommand.h"
#include "cli/commands/TuneCommand.h"

namespace tenure::cli {

CommandRegistry::CommandRegistry()
{
    m_commands.push_back(std::make_unique<InitCommand>());
    m_commands.push_back(std::make_unique<DemoCommand>());
    m_commands.push_back(std::make_unique<StatsCommand>());
    m_commands.push_back(std::make_unique<ScoreCommand>());
    m_commands.push_back(std::make_unique<ImportCommand>());
    m_commands.push_back(std::make_unique<ConnectorCommand>());
    m_commands.push_back(std::make_unique<PullCommand>());
    m_commands.push_back(std::make_unique<ReportCommand>());
    m_commands.push_back(std::make_unique<ExportCommand>());
    m_commands.push_back(std::make_unique<ActionsCommand>());
    m_commands.push_back(std::make_unique<BacktestCommand>());
    m_commands.push_back(std::make_unique<TuneCommand>());
    m_commands.push_back(std::make_unique<TeamCommand>());
    m_commands.push_back(std::make_unique<ServeCommand>());
}

Command* CommandRegistry::find(const QString& name) const
{
    for (const auto& command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

} // namespace tenure::cli
