#include "engine/ScoringEngine.h"

#include "engine/AccountScoring.h"
#include "engine/DayScorer.h"
#include "engine/Evaluator.h"
#include "engine/LogPartition.h"
#include "engine/PoolTask.h"
#include "engine/ScoringEngineInternal.h"
#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "store/SqliteStatement.h"
#include "store/Transaction.h"
#include "store/WalCheckpointer.h"
#include "store/WorkspaceSettings.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <climits>
#include <memory>

namespace tenure {

using namespace engine_state;

ScoringEngine::ScoringEngine(Database& db)
    : ScoringEngine(db, Options {})
{
}

ScoringEngine::ScoringEngine(Database& db, Options options)
    : m_db(db)
    , m_options(std::move(options))
    , m_clock(WorkspaceSettings(db).timeZone())
    , m_context(std::make_unique<Context>())
{
    // Scoring two chunks of accounts and folding the next partition of the log.
    m_pool.setMaxThreadCount(3);
    QSqlQuery cache(m_db.connection());
    if (!cache.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(qint64(m_options.cacheMiB) * 1024)))
        qWarning("cannot size the engine's page cache: %s", qPrintable(cache.lastError().text()));
    // A rebuild writes a gigabyte or so: copying the write-ahead log into the database every 64 MB
    // instead of every 4 MB (SQLite's default), and on another thread than the engine's. The log
    // may grow to four times that while the engine writes.
    if (!cache.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(m_options.checkpointPages)))
        qWarning("cannot set the engine's checkpoint interval: %s", qPrintable(cache.lastError().text()));
    m_checkpointer = std::make_unique<WalCheckpointer>(m_db.handle(), m_options.checkpointPages);
    // Debian's SQLite zeroes every page it frees, so dropping the old summaries at a swap wrote
    // them all again, as zeros. They hold nothing that the log does not keep anyway: zero only
    // what costs no extra write.
    if (!cache.exec(QStringLiteral("PRAGMA secure_delete = FAST")))
        qWarning("cannot set the engine's secure_delete: %s", qPrintable(cache.lastError().text()));
}

ScoringEngine::~ScoringEngine() = default;

int ScoringEngine::today() const
{
    return m_options.today ? DayClock::dayNumber(*m_options.today) : m_clock.today();
}

Status ScoringEngine::loadContext(Context& context)
{
    // Accounts and outcomes are cached between runs and reloaded only when they change, so an
    // incremental pass costs what its new events cost, not what the whole portfolio costs.
    Result<RuleStore::Active> rules = RuleStore(m_db).active();
    if (!rules)
        return Error { rules.error() };
    AccountStore store(m_db);
    const QString stamp = store.masterDataStamp();
    context.today = today();
    if (!context.evaluator || context.rulesVersion != rules->version) { // new rules: the accounts stay
        context.rulesVersion = rules->version;
        context.scorer.reset();
        context.historyDays = m_options.historyDays;
        context.evaluator = std::make_unique<Evaluator>(std::move(rules->rules));
        context.scorer = std::make_unique<DayScorer>(*context.evaluator);
    }
    if (context.masterStamp == stamp && !stamp.isEmpty())
        return {};
    Result<QList<Account>> accounts = store.all();
    if (!accounts)
        return Error { accounts.error() };
    context.accounts.clear();
    context.accounts.reserve(accounts->size());
    for (Account& account : accounts.value()) {
        const QString id = account.id;
        context.accounts.emplace(id, std::move(account));
    }
    Result<QHash<QString, QList<Outcome>>> outcomes = store.allOutcomes();
    if (!outcomes)
        return Error { outcomes.error() };
    context.outcomes = std::move(outcomes).value();
    context.masterStamp = stamp;
    return {};
}

Status ScoringEngine::withRetries(const QString& what, const std::function<Status()>& attempt)
{
    QString lastError;
    for (int i = 1; i <= m_options.maxAttempts; ++i) {
        const Status done = attempt();
        if (done)
            return {};
        lastError = done.error();
        qWarning("%s: attempt %d of %d failed: %s", qPrintable(what), i, m_options.maxAttempts,
                 qPrintable(lastError));
        if (i < m_options.maxAttempts)
            QThread::msleep(ulong(m_options.backoffMs) << (2 * (i - 1)));
    }
    return Error { tr("%1 failed after %2 attempts; nothing of it was kept: %3")
                       .arg(what)
                       .arg(m_options.maxAttempts)
                       .arg(lastError) };
}

Status ScoringEngine::scoreAccounts(Context& context, const Pass& pass, const QStringList& ids,
                                    Summary& summary, const Progress& progress,
                                    const std::atomic_bool* cancel)
{
    // A pipeline: while this thread stores one transaction's worth of accounts, a worker scores
    // the next (scoring touches no database). Activities come from a rebuild's partition of the
    // log (built on the worker), from memory (a rebuild that read the log's rows) — both stored as
    // well — or from the source's stored aggregates, read here and decoded on the worker.
    struct Chunk
    {
        QStringList ids;
        std::vector<QByteArray> data; // the stored aggregates of each account
        std::vector<AccountActivity*> activities; // or its activity in memory
        std::vector<ScoredAccount> scored;
        DayTally tally;
        QString error;
        PoolTask<void> done;
    };
    // Chunk n is scored while chunk n - 1 may still be: each of the two has its own day scorer.
    // Chunk n + 1 starts only once chunk n - 1 is stored, hence scored.
    DayScorer scorers[2] { DayScorer(*context.evaluator), DayScorer(*context.evaluator) };
    std::optional<LogPartition::Builder> builders[2]; // the same for a partition's activities
    if (pass.partition) {
        Q_ASSERT(&ids == &pass.partition->ids());
        builders[0].emplace(*pass.partition);
        builders[1].emplace(*pass.partition);
    }
    const int from = pass.historyFrom.value_or(INT_MIN);
    // Accounts per chunk: fewer when each brings a long history, to bound the memory in flight.
    const qint64 historySpan
        = std::max<qint64>(1,
                           std::min<qint64>(context.historyDays,
                                            qint64(context.today) - std::max<qint64>(from, INT_MIN / 2) + 1));
    const qsizetype perChunk
        = qsizetype(std::max<qint64>(1,
                                     std::min<qint64>(m_options.accountsPerTransaction,
                                                      m_options.historyDaysPerTransaction / historySpan)));
    auto start = [&](qsizetype begin) -> Result<std::unique_ptr<Chunk>> {
        DayScorer* scorer = &scorers[(begin / perChunk) % 2];
        LogPartition::Builder* builder = pass.partition ? &*builders[(begin / perChunk) % 2] : nullptr;
        auto chunk = std::make_unique<Chunk>();
        chunk->ids = ids.mid(begin, perChunk);
        if (pass.memory) {
            for (const QString& id : std::as_const(chunk->ids))
                chunk->activities.push_back(&(*pass.memory)[id]);
        } else if (!builder) { // a partition's are built on the worker
            // One range read for the chunk (ids are sorted); an id the range missed, as SQLite
            // orders UTF-8 where Qt sorts UTF-16, is read by itself.
            Result<QHash<QString, QByteArray>> data
                = pass.source.activityData(chunk->ids.first(), chunk->ids.last());
            if (!data)
                return Error { data.error() };
            for (const QString& id : std::as_const(chunk->ids)) {
                auto found = data->find(id);
                if (found != data->end()) {
                    chunk->data.push_back(std::move(*found));
                    continue;
                }
                Result<QByteArray> alone = pass.source.activityData(id);
                if (!alone)
                    return Error { alone.error() };
                chunk->data.push_back(std::move(alone).value());
            }
        }
        Chunk* work = chunk.get();
        const bool inMemory = pass.memory != nullptr;
        const bool fromLog = inMemory || builder; // a rebuild's: its aggregates are stored too
        const bool counting = pass.tally != nullptr;
        work->done = PoolTask<void>(
            m_pool, [work, &context, scorer, builder, begin, from, inMemory, fromLog, counting] {
                for (qsizetype i = 0; i < work->ids.size(); ++i) {
                    std::optional<AccountActivity> decoded;
                    AccountActivity* activity = nullptr;
                    if (builder) {
                        decoded = builder->build(begin + i);
                        activity = &*decoded;
                    } else if (inMemory) {
                        activity = work->activities[std::size_t(i)];
                        activity->finish();
                    } else {
                        decoded = AccountActivity::deserialize(work->data[std::size_t(i)]);
                        if (!decoded) {
                            work->error
                                = tr("The stored aggregates of account %1 are unreadable; rebuild the "
                                     "summaries.")
                                      .arg(work->ids[i]);
                            return;
                        }
                        activity = &*decoded;
                    }
                    work->scored.push_back(
                        ScoredAccount::compute(context, *scorer, work->ids[i], *activity, from));
                    if (fromLog)
                        work->scored.back().aggregates = activity->serialize();
                    if (counting)
                        work->tally.add(work->scored.back().first, work->scored.back().days);
                }
            });
        return chunk;
    };
    auto store = [&](Chunk& chunk) -> Status {
        chunk.done.get();
        if (!chunk.error.isEmpty())
            return Error { chunk.error };
        const Status done = withRetries(
            tr("Scoring accounts %1 to %2").arg(chunk.ids.first(), chunk.ids.last()), [&]() -> Status {
                Transaction transaction(m_db);
                if (!transaction.isActive())
                    return Error { transaction.startError() };
                for (const ScoredAccount& scored : chunk.scored) {
                    if (Status stored = scored.store(pass.target, context.rulesVersion); !stored)
                        return stored;
                }
                return transaction.commit();
            });
        if (!done)
            return done;
        for (const ScoredAccount& scored : chunk.scored) {
            summary.historyRows += qint64(scored.days.size());
            if (!summary.allAccountsChanged)
                summary.changedAccounts.insert(scored.id);
        }
        summary.accounts += chunk.scored.size();
        if (pass.tally)
            pass.tally->merge(chunk.tally); // only what was committed
        return {};
    };

    std::unique_ptr<Chunk> pending;
    qsizetype stored = 0;
    for (qsizetype begin = 0; begin < ids.size(); begin += perChunk) {
        if (cancelled(cancel))
            return Error { tr("Scoring was cancelled.") };
        Result<std::unique_ptr<Chunk>> next = start(begin);
        if (!next)
            return Error { next.error() };
        if (pending) {
            if (Status done = store(*pending); !done)
                return done;
            stored += pending->ids.size();
            if (progress)
                progress(tr("Scoring accounts"), stored, ids.size());
        }
        pending = std::move(next).value();
    }
    if (pending) {
        if (Status done = store(*pending); !done)
            return done;
        if (progress)
            progress(tr("Scoring accounts"), ids.size(), ids.size());
    }
    return {};
}

Status ScoringEngine::aggregate(Context& context, SummaryStore& target, qint64 after, qint64 upTo,
                                Summary& summary, const Progress& progress, const std::atomic_bool* cancel)
{
    qint64 checkpoint = after;
    while (checkpoint < upTo) {
        if (cancelled(cancel))
            return Error { tr("Scoring was cancelled.") };
        Result<SqliteStatement> read = SqliteStatement::prepare(
            m_db.handle(),
            "SELECT seq, account_id, user_id, name, occurred_at, quantity FROM events "
            "WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?");
        if (!read)
            return Error { tr("Cannot read events after %1: %2").arg(checkpoint).arg(read.error()) };
        read->bind(1, checkpoint);
        read->bind(2, upTo);
        read->bind(3, qint64(m_options.batchSize));

        SummaryStore::AggregateBatch batch;
        qint64 firstSeq = 0;
        qint64 lastSeq = checkpoint;
        qint64 rows = 0;
        int rc;
        while ((rc = sqlite3_step(read->get())) == SQLITE_ROW) {
            lastSeq = read->int64(0);
            if (!firstSeq)
                firstSeq = lastSeq;
            const int day = m_clock.dayOf(read->int64(4));
            SummaryStore::AccountDelta& delta = batch[read->text(1)];
            delta.daily[{ read->text(3), day }] += read->real(5);
            if (sqlite3_column_type(read->get(), 2) != SQLITE_NULL)
                delta.users.insert({ day, read->text(2) });
            delta.earliestDay = std::min(delta.earliestDay, day);
            ++rows;
        }
        if (rc != SQLITE_DONE)
            return Error { tr("Cannot read events after %1: %2")
                               .arg(checkpoint)
                               .arg(QString::fromUtf8(sqlite3_errmsg(m_db.handle()))) };
        if (rows == 0)
            break;

        Summary attemptSummary;
        const Status done
            = withRetries(tr("Scoring events %1 to %2").arg(firstSeq).arg(lastSeq), [&]() -> Status {
                  attemptSummary = {};
                  Transaction transaction(m_db);
                  if (!transaction.isActive())
                      return Error { transaction.startError() };
                  for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
                      const Result<AccountActivity> merged = target.mergeActivity(it.key(), it.value());
                      if (!merged)
                          return Error { merged.error() };
                      const ScoredAccount scored = ScoredAccount::compute(context, *context.scorer, it.key(),
                                                                          merged.value(), it->earliestDay);
                      if (Status stored = scored.store(target, context.rulesVersion); !stored)
                          return stored;
                      attemptSummary.historyRows += qint64(scored.days.size());
                      ++attemptSummary.accounts;
                      attemptSummary.changedAccounts.insert(it.key());
                  }
                  // The checkpoint moves with the summaries it describes: all of this batch, or none.
                  if (Status moved = target.setState(kCheckpoint, QString::number(lastSeq)); !moved)
                      return moved;
                  return transaction.commit();
              });
        if (!done)
            return done;
        checkpoint = lastSeq;
        summary.events += rows;
        summary.accounts += attemptSummary.accounts;
        summary.historyRows += attemptSummary.historyRows;
        summary.changedAccounts.unite(attemptSummary.changedAccounts);
        if (progress)
            progress(tr("Folding in events"), checkpoint - after, upTo - after);
    }
    return {};
}

Result<ScoringEngine::Summary> ScoringEngine::run(const Progress& progress, const std::atomic_bool* cancel)
{
    Context& context = *m_context;
    if (Status loaded = loadContext(context); !loaded)
        return Error { loaded.error() };
    // New rules: re-score from the aggregates. Aggregates of another time zone (the setting changed)
    // or of an older Tenure, which did not record the zone: rebuild them from the log.
    const bool reusable = aggregatesReusable();
    if (!reusable || SummaryStore(m_db).state(kRulesVersion) != QString::number(context.rulesVersion))
        return reusable ? rescore(context, progress, cancel) : rebuild(progress, cancel);
    return runIncremental(context, progress, cancel);
}

Result<ScoringEngine::Summary> ScoringEngine::runIncremental(Context& context, const Progress& progress,
                                                             const std::atomic_bool* cancel)
{
    SummaryStore live(m_db);
    Summary summary;
    const qint64 checkpoint = live.state(kCheckpoint, QStringLiteral("0")).toLongLong();
    const qint64 upTo = EventLog(m_db).lastSeq();
    if (Status folded = aggregate(context, live, checkpoint, upTo, summary, progress, cancel); !folded)
        return Error { folded.error() };

    // Windows slide when the day changes; account data changes everything since the first event.
    const bool masterChanged = live.state(kMasterStamp) != context.masterStamp;
    const int lastAsOf = live.state(kAsOfDay, QString::number(INT_MIN)).toInt();
    if (masterChanged || lastAsOf != context.today) {
        const Result<QStringList> ids = live.accountIds(context.accounts.keys());
        if (!ids)
            return Error { ids.error() };
        summary.allAccountsChanged = true; // no need to list them one by one
        summary.changedAccounts.clear();
        const std::optional<int> from
            = masterChanged || lastAsOf > context.today ? std::nullopt : std::optional<int>(lastAsOf + 1);
        if (Status scored = scoreAccounts(context, Pass { live, live, nullptr, from }, ids.value(), summary,
                                          progress, cancel);
            !scored)
            return Error { scored.error() };
        const Status stamped = withRetries(tr("Saving the engine state"), [&]() -> Status {
            Transaction transaction(m_db);
            if (Status set = live.setState(kAsOfDay, QString::number(context.today)); !set)
                return set;
            if (Status set = live.setState(kMasterStamp, context.masterStamp); !set)
                return set;
            return transaction.commit();
        });
        if (!stamped)
            return Error { stamped.error() };
    }
    summary.checkpoint = live.state(kCheckpoint, QStringLiteral("0")).toLongLong();
    summary.asOf = DayClock::date(context.today);
    summary.rulesVersion = context.rulesVersion;
    return summary;
}

const RuleSet* ScoringEngine::rules() const
{
    return m_context->evaluator ? &m_context->evaluator->rules() : nullptr;
}

Result<AccountStatus> ScoringEngine::evaluate(const QString& accountId, const QDate& asOf)
{
    Result<RuleStore::Active> rules = RuleStore(m_db).active();
    if (!rules)
        return Error { rules.error() };
    return evaluate(accountId, asOf, Evaluator(rules->rules));
}

Result<AccountStatus> ScoringEngine::evaluate(const QString& accountId, const QDate& asOf,
                                              const Evaluator& evaluator)
{
    const Result<AccountActivity> activity = SummaryStore(m_db).loadActivity(accountId);
    if (!activity)
        return Error { activity.error() };
    AccountStore store(m_db);
    Account account = store.find(accountId).value_or(Account {});
    if (account.id.isEmpty()) {
        account.id = accountId;
        account.name = accountId;
    }
    const Result<QList<Outcome>> outcomes = store.outcomesFor(accountId);
    if (!outcomes)
        return Error { outcomes.error() };
    return evaluator.evaluate(account, outcomes.value(), activity.value(), DayClock::dayNumber(asOf));
}

} // namespace tenure
