#pragma once

#include "cli/Command.h"

#include <memory>
#include <vector>

namespace tenure::cli {

// The list of tenure-cli subcommands, in the order `tenure-cli --help` shows them.
class CommandRegistry
{
public:
    CommandRegistry();
    const std::vector<std::unique_ptr<Command>>& commands() const { return m_commands; }
    Command* find(const QString& name) const;

private:
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace tenure::cli
