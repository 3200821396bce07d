#pragma once

#include <QCommandLineParser>
#include <QString>

#include <vector>

class QCoreApplication;

namespace tenure {
class Database;
}

namespace tenure::bench {

// The command line every benchmark shares: --db PATH, --accounts N, --events N and --help,
// with each program's own options added to parser() before process(). A wrong value or a stray
// argument ends the program with a message instead of being read as something else.
//
// A benchmark never deletes a file it did not create: its scratch files live in a temporary
// folder of its own (removed when it exits), and --db names a workspace it measures (or, when
// the path does not exist yet, generates there and keeps).
class Options
{
public:
    // How a benchmark uses --db: a workspace to measure (generated when missing), or not at all
    // (it measures writes into fresh workspaces of its own).
    enum class Db { Measure, Refuse };

    Options(const QString& description, int accounts, qint64 events, Db db = Db::Measure);

    QCommandLineParser& parser() { return m_parser; }
    const QCommandLineParser& parser() const { return m_parser; }
    void process(const QCoreApplication& app);

    int accounts() const { return m_accounts; }
    qint64 events() const { return m_events; }
    // The workspace to measure: --db's path, or `name` in the scratch folder.
    QString workspacePath(const QString& name) const;
    // Whether workspacePath() existed before this run (then it is measured as it is).
    bool workspaceExisted() const { return m_existed; }
    // A file in this run's temporary folder.
    static QString scratchPath(const QString& name);

private:
    QCommandLineParser m_parser;
    Db m_db;
    int m_accounts = 0;
    qint64 m_events = 0;
    bool m_existed = false;
};

// Ends the benchmark with `message` on stderr and exit status 1, its scratch folder removed.
[[noreturn]] void fail(const QString& message);

// Ends the benchmark unless the workspace has accounts (and events, when `needsEvents`): a
// figure measured on nothing says nothing.
void requireData(Database& db, bool needsEvents);

// The value at fraction `p` (0.5: the median, 0.99: p99) of `values`; 0 for none.
double percentile(std::vector<double> values, double p);

// A positive whole number from an option (the program ends with a message otherwise).
qint64 positiveValue(const QCommandLineParser& parser, const QString& option);

} // namespace tenure::bench
