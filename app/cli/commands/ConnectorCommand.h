#pragma once

#include "cli/Command.h"

namespace tenure::cli {

// tenure-cli connector add FILE | list | export NAME | secret NAME: manage product API connectors.
class ConnectorCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ConnectorCommand)

public:
    ConnectorCommand();

protected:
    void addOptions(CommandHelp& parser) override;
    qsizetype maxArguments() const override { return 2; }
    int run(const QCommandLineParser& parser, Context& context) override;

private:
    int add(const QString& file, const QCommandLineParser& parser, Context& context);
    int list(const QCommandLineParser& parser, Context& context);
    int exportOne(const QString& name, const QCommandLineParser& parser, Context& context);
    int secret(const QString& name, const QCommandLineParser& parser, Context& context);
};

} // namespace tenure::cli
