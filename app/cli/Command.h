#pragma once

#include "cli/CommandHelp.h"
#include "store/Database.h"
#include "team/TeamImport.h"
#include "team/TeamLocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QTemporaryDir>
#include <QTextStream>

#include <memory>
#include <optional>

namespace tenure {
class TeamDatabase;
}

namespace tenure::cli {

// Where a command writes and which workspace it acts on when --db is not given.
struct Context
{
    QTextStream& out;
    QTextStream& err;
    QString defaultDb;
};

// What a command that adds data (import, pull) writes into: a workspace file, or, for a team
// workspace, a staged copy of its master data (TeamImport) whose additions publish() sends to the
// team in one transaction.
struct WritableWorkspace
{
    WritableWorkspace();
    ~WritableWorkspace();
    Database* db = nullptr; // where the command writes
    std::unique_ptr<Database> file;
    std::unique_ptr<TeamDatabase> team;
    std::unique_ptr<TeamImport> staged;
    QTemporaryDir stagingDir;

    // A team workspace's additions, sent: "Into the team workspace …: 120 events." Empty for a file.
    Result<QString> publish();
};

// One tenure-cli subcommand: its name, one-line help, options and execute(). Adding a command
// is one class (see CommandRegistry); tests call execute() directly.
class Command
{
    Q_DECLARE_TR_FUNCTIONS(Command)

public:
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

    Command(QString name, QString description);
    virtual ~Command();

    const QString& name() const { return m_name; }
    const QString& description() const { return m_description; }

    // `arguments` starts with the command name, as in `tenure-cli NAME [options]`.
    int execute(const QStringList& arguments, Context& context);

protected:
    // Adds the command's options and arguments (to its parser, and to its --help). Value names
    // (<file>, <YYYY-MM-DD>) are syntax, as typed: QStringLiteral, not tr().
    virtual void addOptions(CommandHelp& parser);
    // Whether the command makes a workspace where --db names no file (init, demo). Every other
    // command refuses such a path: a typo must not leave an empty workspace that "succeeds".
    virtual bool createsWorkspace() const { return false; }
    // How many positional arguments the command takes at most; more is a usage error, so a
    // stray word is never silently ignored.
    virtual qsizetype maxArguments() const { return 0; }
    virtual int run(const QCommandLineParser& parser, Context& context) = 0;

    // The workspace from --db (or the context's default), opened in `mode`; errors are printed.
    std::unique_ptr<Database> openWorkspace(const QCommandLineParser& parser, Context& context,
                                            Database::Mode mode) const;
    QString workspacePath(const QCommandLineParser& parser, const Context& context) const;
    // For commands that add data: the workspace file, or the team workspace staged for `kind`;
    // false (with the error printed) when neither opens.
    bool openWritable(const QCommandLineParser& parser, Context& context, TeamImport::Kind kind,
                      WritableWorkspace& workspace) const;
    // For commands that only read: a workspace file as openWorkspace() opens it, or, for a team
    // workspace, this machine's copy of it brought up to date (TeamReadCopy), as of `today`.
    std::unique_ptr<Database> openForReading(const QCommandLineParser& parser, Context& context,
                                             Database::Mode fileMode,
                                             std::optional<QDate> today = std::nullopt) const;

    // For commands that take --time-zone: adds the option, and checks it before anything is
    // opened (so a usage error creates no file). An empty zone means "leave it as it is".
    static void addTimeZoneOption(CommandHelp& parser, const QString& help);
    bool readTimeZone(const QCommandLineParser& parser, Context& context, QByteArray& zone) const;

private:
    // Why the team at `location` cannot be opened: `error`, and, when the server no longer counts
    // the login as a member, that this machine's copies of the team's data are gone (TeamCopies).
    static QString teamRefusal(const TeamLocation& location, const QString& error);

    QString m_name;
    QString m_description;
};

} // namespace tenure::cli
