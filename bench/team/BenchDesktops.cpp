#include "BenchDesktops.h"

#include "../BenchOptions.h"
#include "../BenchPortfolio.h"
#include "PgCluster.h"
#include "customers/CustomerList.h"
#include "customers/CustomerQuery.h"
#include "store/Database.h"
#include "store/WithWorkspace.h"
#include "store/WorkspaceSettings.h"
#include "team/TeamDatabase.h"
#include "team/TeamDeskSync.h"
#include "util/ThreadPriority.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

namespace tenure::bench {

namespace {

const QStringList kNeedles { QStringLiteral("10"), QStringLiteral("a"), QStringLiteral("B0007"),
                             QStringLiteral("99") };

// The customer list's first page for `needle`, as one SQL query on the server.
bool searchServer(TeamDatabase& team, const QString& needle)
{
    Result<QSqlQuery> list = team.exec(
        QStringLiteral("SELECT a.id, a.name, a.owner, s.stage, s.score, s.band, a.arr, a.renewal_date "
                       "FROM accounts a LEFT JOIN account_status s ON s.account_id = a.id WHERE a.name "
                       "ILIKE ? OR a.id LIKE ? ORDER BY s.score NULLS FIRST, a.id LIMIT 100"),
        { QStringLiteral("%%1%").arg(needle), QStringLiteral("%1%").arg(needle) });
    if (!list)
        return false;
    while (list->next()) { }
    return true;
}

// The same page as the Customers view asks its copy for it: on the read-only connection its reader
// thread keeps (KeptReadConnection), from the list it holds in memory there (CustomerList), as the
// view does.
// Whether the page came from the list as it was before the copy changed (read again beside), or
// nothing if the search failed.
std::optional<bool> searchCopy(KeptReadConnection& reader, CustomerList& list, const QString& copyPath,
                               const QString& needle)
{
    CustomerQuery query;
    query.search = needle;
    query.limit = 100;
    Result<CustomerQuery::Page> page
        = reader.run(copyPath, [&](Database& copy) { return list.run(query, copy, kToday); });
    return page ? std::optional<bool>(page->outdated) : std::nullopt;
}

// The statuses a read of the read side sees: all of them, or a half-swapped read side.
std::optional<qint64> statusCount(QSqlDatabase db)
{
    QSqlQuery count(db);
    if (!count.exec(QStringLiteral("SELECT count(*) FROM account_status")) || !count.next())
        return std::nullopt;
    return count.value(0).toLongLong();
}

// This machine's copy of the team workspace, kept current by a TeamDeskSync on a thread of its own
// as a desktop keeps it.
class CopySync
{
public:
    CopySync(const test::PgCluster& cluster, const Desktops& desktops)
    {
        m_sync = new TeamDeskSync(cluster.location(desktops.database, desktops.login), desktops.password,
                                  desktops.copyPath);
        m_sync->moveToThread(&m_thread);
        // At background priority, as the app's session runs it (TeamSession).
        lowerPriorityWhenStarted(&m_thread);
        QObject::connect(
            m_sync, &TeamDeskSync::ready, m_sync, [this] { m_ready = true; }, Qt::DirectConnection);
        QObject::connect(
            m_sync, &TeamDeskSync::failed, m_sync,
            [this](const QString& why) { fail(QStringLiteral("the desktop's copy: ") + why); },
            Qt::DirectConnection);
        m_thread.start();
        QMetaObject::invokeMethod(m_sync, &TeamDeskSync::start, Qt::QueuedConnection);
        while (!m_ready)
            QThread::msleep(20);
    }
    ~CopySync()
    {
        QMetaObject::invokeMethod(
            m_sync,
            [sync = m_sync] {
                sync->stop();
                delete sync;
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

private:
    QThread m_thread;
    TeamDeskSync* m_sync = nullptr;
    std::atomic_bool m_ready { false };
};

} // namespace

Desktops::Figures Desktops::run(const test::PgCluster& cluster, const std::function<void()>& during) const
{
    std::unique_ptr<CopySync> sync;
    if (search == Search::OnCopy)
        sync = std::make_unique<CopySync>(cluster, *this);

    Figures figures;
    std::atomic_bool stop { false };
    // Only the searches begun while `during` runs (and the copy follows it) count, and only once a
    // desktop has searched each needle once: not the first ones of twenty desktops started at the
    // same instant, which fill their caches and wait for each other (timed apart, `firstMs`).
    std::atomic_bool measuring { false };
    std::atomic<int> warmed { 0 }; // desktops past their first searches (or that could not start)
    QElapsedTimer since; // for BENCH_VERBOSE: when a slow search ended, from the start of `during`
    std::atomic<int> errors { 0 };
    std::atomic<int> halfSwapped { 0 };
    std::atomic<int> updates { 0 };
    std::atomic<int> olderLists { 0 };
    // Once the copy holds the publication: the desktops that have since answered from their list
    // as the copy now is (read again or not), until all have.
    std::atomic_bool followed { false };
    std::atomic<int> settled { 0 };
    std::mutex mutex;
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            Result<std::unique_ptr<TeamDatabase>> team = cluster.openAs(database, login, password);
            const bool onCopy = search == Search::OnCopy;
            KeptReadConnection reader; // this desktop's, on this thread
            // This desktop's customer list, read again beside its searches as the view does.
            QThreadPool reads;
            reads.setMaxThreadCount(1);
            CustomerList list(&reads, {});
            if (!team || (onCopy && !reader.run(copyPath, [](Database&) {}))) {
                ++errors;
                ++warmed; // nothing to wait for
                return;
            }
            std::mt19937 random(unsigned(c) * 7919u + 1u);
            std::uniform_int_distribution<int> think(250, 750); // ms between two searches
            std::vector<double> mine;
            bool settledHere = false;
            std::vector<double> first; // one search of each needle, as the cache fills
            QThread::msleep(think(random)); // people do not all start at the same instant
            for (int i = 0; !stop; ++i) {
                const QString& needle = kNeedles[(c + i) % kNeedles.size()];
                const bool counted = measuring && i >= kNeedles.size();
                const bool afterFollow = followed; // the copy held the publication when this began
                QElapsedTimer timer;
                timer.start();
                std::optional<bool> outdated = false;
                if (onCopy)
                    outdated = searchCopy(reader, list, copyPath, needle);
                const bool listed = onCopy ? outdated.has_value() : searchServer(**team, needle);
                if (i + 1 == kNeedles.size())
                    ++warmed; // once, whether this search failed or not
                if (!listed) {
                    ++errors;
                    QThread::msleep(think(random));
                    continue;
                }
                if (afterFollow && !settledHere && !*outdated) {
                    settledHere = true;
                    ++settled;
                }
                if (counted) {
                    mine.push_back(double(timer.nsecsElapsed()) / 1e6);
                    if (*outdated)
                        ++olderLists;
                } else if (i < kNeedles.size())
                    first.push_back(double(timer.nsecsElapsed()) / 1e6);
                if (counted && mine.back() > 150 && qEnvironmentVariableIsSet("BENCH_VERBOSE"))
                    std::printf("  slow search: desktop %d, search %d (\"%s\"), %.0f ms, %.1f s in\n", c, i,
                                qPrintable(needle), mine.back(), double(since.elapsed()) / 1000);
                if (i % 5 == 0) {
                    Result<QSqlQuery> touched = (*team)->exec(
                        QStringLiteral(
                            "UPDATE actions SET owner = owner, updated_at = updated_at + 1 WHERE id "
                            "= (SELECT id FROM actions ORDER BY id OFFSET ? LIMIT 1)"),
                        { (c * 31 + i) % 50 });
                    touched ? ++updates : ++errors;
                }
                if (i % 10 == 0) {
                    std::optional<qint64> seen;
                    if (!onCopy)
                        seen = statusCount((*team)->connection());
                    else if (Result<std::optional<qint64>> read = reader.run(
                                 copyPath, [](Database& copy) { return statusCount(copy.connection()); }))
                        seen = *read;
                    if (!seen)
                        ++errors;
                    else if (*seen != accounts)
                        ++halfSwapped;
                }
                QThread::msleep(think(random));
            }
            reader.close();
            std::lock_guard lock(mutex);
            figures.listMs.insert(figures.listMs.end(), mine.begin(), mine.end());
            figures.firstMs.insert(figures.firstMs.end(), first.begin(), first.end());
        });
    }
    QElapsedTimer warming;
    warming.start();
    while (warmed < clients && warming.elapsed() < 60000)
        QThread::msleep(20);
    figures.warmedUp = warmed == clients;
    since.start();
    measuring = true;
    during();
    if (sync) {
        // Until the copy holds the publication `during` made (its number, TeamPublisher), which the
        // sync copies after the announcement.
        Result<std::unique_ptr<TeamDatabase>> team = cluster.open(database);
        Result<std::unique_ptr<Database>> copy = Database::open(copyPath, Database::Mode::ReadOnly);
        if (!team || !copy)
            fail(QStringLiteral("the bench cannot read the publication's number"));
        Result<QVariant> published = (*team)->scalar(
            QStringLiteral("SELECT value::bigint FROM engine_state WHERE key = 'publication'"));
        if (!published)
            fail(published.error());
        QElapsedTimer follow;
        follow.start();
        while (WorkspaceSettings(**copy).value(QStringLiteral("team_publication")).toLongLong()
                   < published->toLongLong()
               && follow.elapsed() < 60000)
            QThread::msleep(5);
        if (follow.elapsed() < 60000)
            figures.followSeconds = double(follow.elapsed()) / 1000;
        // The reads the publication set off run after it, beside the searches: timed until every
        // desktop answers from its list as the copy now is.
        followed = true;
        QElapsedTimer settle;
        settle.start();
        while (settled < clients && settle.elapsed() < 20000)
            QThread::msleep(5);
        if (settled == clients)
            figures.settleSeconds = double(settle.elapsed()) / 1000;
    }
    measuring = false;
    QThread::msleep(500);
    stop = true;
    for (std::thread& thread : threads)
        thread.join();
    figures.errors = errors;
    figures.halfSwapped = halfSwapped;
    figures.updates = updates;
    figures.outdated = olderLists;
    return figures;
}

} // namespace tenure::bench
