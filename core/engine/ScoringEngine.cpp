#include "engine/ScoringEngine.h"

#include "engine/ActivitySource.h"
#include "engine/ChunkPipeline.h"
#include "engine/Evaluator.h"
#include "engine/RebuildLock.h"
#include "engine/ScoringEngineInternal.h"
#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "store/EventRows.h"
#include "store/Transaction.h"
#include "store/WalCheckpointer.h"
#include "store/WorkspaceSettings.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <climits>
#include <memory>

namespace tenure {

using namespace engine_state;

ScoringEngine::ScoringEngine(Database& db)
    : ScoringEngine(db, Options {}, Tuning {})
{
}

ScoringEngine::ScoringEngine(Database& db, Options options)
    : ScoringEngine(db, std::move(options), Tuning {})
{
}

ScoringEngine::ScoringEngine(Database& db, Options options, const Tuning& tuning)
    : d(std::make_unique<Private>(db, std::move(options), tuning))
{
}

ScoringEngine::~ScoringEngine() = default;

Result<ScoringEngine::Summary> ScoringEngine::run(const Progress& progress, const std::atomic_bool* cancel)
{
    return d->run(progress, cancel);
}

Result<ScoringEngine::Summary> ScoringEngine::rebuild(const Progress& progress,
                                                      const std::atomic_bool* cancel)
{
    return d->rebuild(progress, cancel);
}

ScoringEngine::Private::Private(Database& db, Options options, const Tuning& tuning)
    : db(db)
    , options(std::move(options))
    , tuning(tuning)
    , clock(WorkspaceSettings(db).timeZone())
{
    // Scoring two chunks of accounts and folding the next partition of the log.
    m_pool.setMaxThreadCount(3);
    QSqlQuery cache(db.connection());
    if (!cache.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(qint64(tuning.cacheMiB) * 1024)))
        qWarning("cannot size the engine's page cache: %s", qPrintable(cache.lastError().text()));
    // A rebuild writes a gigabyte or so: copying the write-ahead log into the database every 64 MB
    // instead of every 4 MB (SQLite's default), and on another thread than the engine's. The log
    // may grow to four times that while the engine writes.
    if (!cache.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(tuning.checkpointPages)))
        qWarning("cannot set the engine's checkpoint interval: %s", qPrintable(cache.lastError().text()));
    m_checkpointer = std::make_unique<WalCheckpointer>(db.handle(), tuning.checkpointPages);
    // Debian's SQLite zeroes every page it frees, so dropping the old summaries at a swap wrote
    // them all again, as zeros. They hold nothing that the log does not keep anyway: zero only
    // what costs no extra write.
    if (!cache.exec(QStringLiteral("PRAGMA secure_delete = FAST")))
        qWarning("cannot set the engine's secure_delete: %s", qPrintable(cache.lastError().text()));
}

ScoringEngine::Private::~Private() = default;

int ScoringEngine::Private::today() const
{
    return options.today ? DayClock::dayNumber(*options.today) : clock.today();
}

Status ScoringEngine::Private::loadContext()
{
    // Accounts and outcomes are cached between runs and reloaded only when they change, so an
    // incremental pass costs what its new events cost, not what the whole portfolio costs.
    Result<RuleStore::Active> rules = RuleStore(db).active();
    if (!rules)
        return Error { rules.error() };
    AccountStore store(db);
    // With the history's window, which decides the days kept (a pass with another one re-scores
    // every account's).
    QString stamp = store.masterDataStamp();
    if (!stamp.isEmpty())
        stamp += kMasterFormat + QLatin1Char(':') + QString::number(std::max(1, options.historyDays));
    context.today = today();
    if (!context.evaluator || context.rulesVersion != rules->version) { // new rules: the accounts stay
        context.rulesVersion = rules->version;
        context.scorer.reset();
        context.historyDays = std::max(1, options.historyDays); // today's, at least
        context.evaluator = std::make_unique<Evaluator>(std::move(rules->rules));
        context.scorer = std::make_unique<DayScorer>(*context.evaluator);
    }
    if (context.masterStamp == stamp && !stamp.isEmpty())
        return {};
    Result<QHash<QString, Account>> accounts = store.byId();
    if (!accounts)
        return Error { accounts.error() };
    context.accounts = std::move(accounts).value();
    Result<QHash<QString, QList<Outcome>>> outcomes = store.allOutcomes();
    if (!outcomes)
        return Error { outcomes.error() };
    context.outcomes = std::move(outcomes).value();
    context.masterStamp = stamp;
    return {};
}

Status ScoringEngine::Private::scoreAccounts(SummaryStore& target, const ActivitySource& source,
                                             const QStringList& ids, std::optional<int> historyFrom,
                                             DayTally* tally, Summary& summary, const Progress& progress,
                                             const std::atomic_bool* cancel)
{
    ChunkPipeline pipeline(db, m_pool, tuning, context, { target, source, historyFrom, tally });
    return pipeline.run(ids, summary, progress, cancel);
}

Status ScoringEngine::Private::aggregate(SummaryStore& target, qint64 after, qint64 upTo, Summary& summary,
                                         const Progress& progress, const std::atomic_bool* cancel,
                                         qint64& reached)
{
    qint64& checkpoint = reached;
    checkpoint = after;
    while (checkpoint < upTo) {
        if (cancelled(cancel))
            return Error { tr("Scoring was cancelled.") };
        Result<EventRows> read = EventRows::open(db.handle(), checkpoint, upTo, tuning.batchSize);
        if (!read)
            return Error { tr("Cannot read events after %1: %2").arg(checkpoint).arg(read.error()) };

        SummaryStore::AggregateBatch batch;
        qint64 firstSeq = 0;
        qint64 lastSeq = checkpoint;
        qint64 rows = 0;
        for (EventRows::Row row; read->next(row); ++rows) {
            lastSeq = row.seq;
            if (!firstSeq)
                firstSeq = lastSeq;
            const int day = clock.dayOf(row.occurredAt);
            SummaryStore::AccountDelta& delta = batch[QString::fromUtf8(row.account)];
            delta.daily[{ QString::fromUtf8(row.name), day }] += row.quantity;
            if (!row.user.isNull())
                delta.users.insert({ day, QString::fromUtf8(row.user) });
            delta.earliestDay = std::min(delta.earliestDay, day);
        }
        if (const QString error = read->error(); !error.isEmpty())
            return Error { tr("Cannot read events after %1: %2").arg(checkpoint).arg(error) };
        if (rows == 0)
            break;

        Summary attemptSummary;
        qint64 movedTo = -1; // where another engine on this file moved the checkpoint meanwhile
        const Status done
            = withRetries(tuning, tr("Scoring events %1 to %2").arg(firstSeq).arg(lastSeq), [&]() -> Status {
                  attemptSummary = {};
                  Transaction transaction(db);
                  if (!transaction.isActive())
                      return Error { transaction.startError() };
                  // The batch was read before the write lock was taken: another engine on this file
                  // (a second window, `tenure-cli score`) may have folded it in since. Then nothing
                  // is written and the pass goes on from that engine's checkpoint.
                  if (const qint64 stored = target.state(kCheckpoint, QStringLiteral("0")).toLongLong();
                      stored != checkpoint) {
                      movedTo = stored;
                      return {};
                  }
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
        if (movedTo >= 0) {
            checkpoint = movedTo;
            summary.changedSince = movedTo; // the accounts of the batches in between are the other's
            continue;
        }
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

Result<ScoringEngine::Summary> ScoringEngine::Private::run(const Progress& progress,
                                                           const std::atomic_bool* cancel)
{
    if (Status loaded = loadContext(); !loaded)
        return Error { loaded.error() };
    // New rules: re-score from the aggregates. Aggregates of another time zone (the setting changed)
    // or of an older Tenure, which did not record the zone: rebuild them from the log.
    const auto rulesApplied
        = [this] { return SummaryStore(db).state(kRulesVersion) == QString::number(context.rulesVersion); };
    if (aggregatesReusable() && rulesApplied())
        return runIncremental(progress, cancel);
    // Either takes shadow tables: one at a time on a file (RebuildLock). The engine this one waited
    // for may have done the work meanwhile, or applied newer rules: decided again once the lock is
    // held, with the rules and accounts as they are then.
    Result<RebuildLock> lock = RebuildLock::take(db.path(), progress, cancel);
    if (!lock)
        return Error { lock.error() };
    if (Status loaded = loadContext(); !loaded)
        return Error { loaded.error() };
    if (!aggregatesReusable())
        return rebuildLocked(progress, cancel);
    if (!rulesApplied())
        return rescore(progress, cancel);
    return runIncremental(progress, cancel);
}

Result<ScoringEngine::Summary> ScoringEngine::Private::runIncremental(const Progress& progress,
                                                                      const std::atomic_bool* cancel)
{
    SummaryStore live(db);
    Summary summary;
    const qint64 checkpoint = live.state(kCheckpoint, QStringLiteral("0")).toLongLong();
    const qint64 upTo = EventLog(db).lastSeq();
    summary.changedSince = checkpoint;
    summary.changedSinceGeneration = live.state(kGeneration);
    qint64 reached = checkpoint;
    if (Status folded = aggregate(live, checkpoint, upTo, summary, progress, cancel, reached); !folded)
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
        if (Status scored = scoreAccounts(live, StoredActivities(live), ids.value(), from, nullptr, summary,
                                          progress, cancel);
            !scored)
            return Error { scored.error() };
        const Status stamped = withRetries(tuning, tr("Saving the engine state"), [&]() -> Status {
            Transaction transaction(db);
            // The months the history's window has left (a rebuild writes none of them).
            if (Status dropped
                = live.dropHistoryBefore(historyWindowStart(context.today, context.historyDays));
                !dropped)
                return dropped;
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
    summary.generation = live.state(kGeneration);
    // Another engine folded events in after this pass last looked, or swapped a rebuild in: what
    // changed is not all ours.
    if (summary.checkpoint != reached || summary.generation != summary.changedSinceGeneration)
        summary.changedSince = -1;
    summary.asOf = DayClock::date(context.today);
    summary.rulesVersion = context.rulesVersion;
    return summary;
}

qint64 ScoringEngine::checkpoint(Database& db)
{
    return SummaryStore(db).state(kCheckpoint, QStringLiteral("0")).toLongLong();
}

QString ScoringEngine::generation(Database& db)
{
    return SummaryStore(db).state(kGeneration);
}

QStringList ScoringEngine::statusStateKeys()
{
    return { kCheckpoint, kRulesVersion, kAsOfDay, kMasterStamp, kTimeZone };
}

const RuleSet* ScoringEngine::rules() const
{
    return d->context.evaluator ? &d->context.evaluator->rules() : nullptr;
}

Result<AccountStatus> ScoringEngine::evaluate(const QString& accountId, const QDate& asOf)
{
    Result<RuleStore::Active> rules = RuleStore(d->db).active();
    if (!rules)
        return Error { rules.error() };
    return evaluate(accountId, asOf, Evaluator(rules->rules));
}

Result<AccountStatus> ScoringEngine::evaluate(const QString& accountId, const QDate& asOf,
                                              const Evaluator& evaluator)
{
    const Result<AccountActivity> activity = SummaryStore(d->db).loadActivity(accountId);
    if (!activity)
        return Error { activity.error() };
    AccountStore store(d->db);
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
