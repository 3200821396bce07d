#include "BenchOptions.h"

#include "store/Database.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>

namespace tenure::bench {

namespace {

// Static, so that fail()'s exit() removes it too.
QTemporaryDir& scratch()
{
    static QTemporaryDir dir;
    return dir;
}

const QString kDb = QStringLiteral("db");
const QString kAccounts = QStringLiteral("accounts");
const QString kEvents = QStringLiteral("events");

} // namespace

Options::Options(const QString& description, int accounts, qint64 events, Db db)
    : m_db(db)
    , m_accounts(accounts)
    , m_events(events)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.addOption(
        { kDb,
          db == Db::Measure
              ? QStringLiteral("The workspace to measure, as it is. A path that does not exist "
                               "yet gets a generated workspace, which is kept.")
              : QStringLiteral("Not taken: this benchmark measures writes into fresh workspaces "
                               "it creates, and removes, in a temporary folder."),
          QStringLiteral("path") });
    m_parser.addOption({ kAccounts,
                         accounts > 0 ? QStringLiteral("Accounts to generate (default %1).").arg(accounts)
                                      : QStringLiteral("Not used by this benchmark."),
                         QStringLiteral("n") });
    m_parser.addOption({ kEvents,
                         events > 0 ? QStringLiteral("Events to generate (default %1).").arg(events)
                                    : QStringLiteral("Not used by this benchmark."),
                         QStringLiteral("n") });
}

void Options::process(const QCoreApplication& app)
{
    if (!m_parser.parse(app.arguments()))
        fail(m_parser.errorText() + QStringLiteral(" (see --help)"));
    if (m_parser.isSet(QStringLiteral("help")))
        m_parser.showHelp(0);
    // The old positional form (`bench_views 1000 PATH`) must not be half-understood.
    if (!m_parser.positionalArguments().isEmpty())
        fail(QStringLiteral(
                 "unexpected argument \"%1\": sizes and paths are options, --accounts N, --events N "
                 "and --db PATH (see --help)")
                 .arg(m_parser.positionalArguments().constFirst()));
    if (m_parser.isSet(kAccounts)) {
        const qint64 accounts = positiveValue(m_parser, kAccounts);
        if (accounts > INT_MAX)
            fail(QStringLiteral("--accounts: at most %1").arg(INT_MAX));
        m_accounts = int(accounts);
    }
    if (m_parser.isSet(kEvents))
        m_events = positiveValue(m_parser, kEvents);
    if (!m_parser.isSet(kDb))
        return;
    if (m_db == Db::Refuse)
        fail(QStringLiteral(
            "--db is not taken by this benchmark: it measures writes into fresh workspaces that it "
            "creates, and removes, in a temporary folder"));
    const QFileInfo info(m_parser.value(kDb));
    m_existed = info.exists();
    if (info.isDir())
        fail(QStringLiteral("--db %1 is a folder, not a workspace").arg(info.filePath()));
    // Database::open would make an empty file a new workspace: an empty file is not ours to fill.
    if (m_existed && info.size() == 0)
        fail(QStringLiteral(
                 "--db %1 is an empty file: name a workspace to measure, or a path that does not exist "
                 "to generate one there")
                 .arg(info.filePath()));
}

QString Options::workspacePath(const QString& name) const
{
    return m_parser.isSet(kDb) ? m_parser.value(kDb) : scratchPath(name);
}

QString Options::scratchPath(const QString& name)
{
    if (!scratch().isValid())
        fail(QStringLiteral("cannot create a temporary folder: %1").arg(scratch().errorString()));
    return scratch().filePath(name);
}

void fail(const QString& message)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()), qPrintable(message));
    std::fflush(stderr);
    std::exit(1);
}

void requireData(Database& db, bool needsEvents)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM accounts), EXISTS (SELECT 1 FROM events)"))
        || !query.next())
        fail(QStringLiteral("cannot read %1: %2").arg(db.path(), query.lastError().text()));
    const bool accounts = query.value(0).toBool();
    const bool events = query.value(1).toBool();
    query.finish();
    if (!accounts || (needsEvents && !events))
        fail(QStringLiteral(
                 "the workspace %1 has no %2: a figure measured on it would say nothing. Name a populated "
                 "workspace, or a path that does not exist to generate one there")
                 .arg(db.path(), accounts ? QStringLiteral("events") : QStringLiteral("accounts")));
}

qint64 positiveValue(const QCommandLineParser& parser, const QString& option)
{
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value <= 0)
        fail(QStringLiteral("--%1 takes a positive whole number, not \"%2\"")
                 .arg(option, parser.value(option)));
    return value;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[at];
}

} // namespace tenure::bench
