// The engine's rebuilds: from the log (rebuild()) and from the stored aggregates after a rules
// change (rescore()), both into shadow tables swapped in at once.
#include "engine/ActivitySource.h"
#include "engine/ChunkPipeline.h"
#include "engine/DayTally.h"
#include "engine/LogSpill.h"
#include "engine/PoolTask.h"
#include "engine/RebuildLock.h"
#include "engine/ScoringEngineInternal.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "store/EventRows.h"
#include "store/Transaction.h"

#include <QUuid>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace tenure {

using namespace engine_state;

Result<QHash<QString, AccountActivity>>
ScoringEngine::Private::readLog(qint64 upTo, int partition, const AccountPartitioning& partitioning,
                                Summary& summary, const Progress& progress, const std::atomic_bool* cancel)
{
    // One pass over the log, folded in memory: a rebuild then writes one row per account
    // instead of millions of daily rows.
    Result<EventRows> read = EventRows::open(db.handle(), 0, upTo);
    if (!read)
        return Error { tr("Cannot read the event log: %1").arg(read.error()) };
    QHash<QString, AccountActivity> all;
    QHash<QString, QString> names; // shares one copy of each event name
    qint64 rows = 0;
    for (EventRows::Row row; read->next(row);) {
        // Memory stays bounded: each pass folds only the accounts of its partition.
        if (partitioning.of(row.account) != partition)
            continue;
        AccountActivity& activity = all[QString::fromUtf8(row.account)];
        const int day = clock.dayOf(row.occurredAt);
        QString name = QString::fromUtf8(row.name);
        auto known = names.constFind(name);
        if (known == names.constEnd())
            known = names.insert(name, name);
        activity.addDaily(*known, day, row.quantity);
        if (!row.user.isNull())
            activity.addUser(day, QString::fromUtf8(row.user));
        if (++rows % 200000 == 0) {
            if (cancelled(cancel))
                return Error { tr("Scoring was cancelled.") };
            if (progress)
                progress(tr("Folding in events"), rows, upTo);
        }
    }
    if (const QString error = read->error(); !error.isEmpty())
        return Error { tr("Cannot read the event log: %1").arg(error) };
    summary.events += rows;
    return all;
}

Result<ScoringEngine::Summary> ScoringEngine::Private::rebuild(const Progress& progress,
                                                               const std::atomic_bool* cancel)
{
    // Held until the shadow is swapped in or dropped (see RebuildLock).
    Result<RebuildLock> lock = RebuildLock::take(db.path(), progress, cancel);
    if (!lock)
        return Error { lock.error() };
    return rebuildLocked(progress, cancel);
}

Result<ScoringEngine::Summary> ScoringEngine::Private::rebuildLocked(const Progress& progress,
                                                                     const std::atomic_bool* cancel)
{
    const qint64 upTo = EventLog(db).lastSeq();
    if (Status created = SummaryStore::createShadow(db); !created)
        return Error { tr("Cannot prepare the rebuild: %1").arg(created.error()) };
    auto abandon = [this](const QString& message) -> Result<Summary> {
        (void)SummaryStore::dropShadow(db); // the live summaries were never touched
        return Error { message };
    };

    Summary summary;
    summary.rebuilt = true;
    summary.allAccountsChanged = true;
    DayTally tally; // accounts per day, stage and band, of the history written
    {
        // Scoped: the shadow store's prepared statements must be gone before its tables are renamed.
        SummaryStore shadow(db, QString::fromLatin1(SummaryStore::kShadowSuffix));
        // The log is folded in memory, a partition of the accounts at a time (see
        // eventsPerFoldPartition), and each account's activity is stored in the shadow table as it
        // is scored.
        const qint64 perPartition = std::max<qint64>(1, tuning.eventsPerFoldPartition);
        const int partitions = int(std::max<qint64>(1, (upTo + perPartition - 1) / perPartition));
        // Partitions by ranges of the ids the CRM knows: the summaries are then written in the
        // order of their keys.
        const Result<std::vector<QByteArray>> ids = AccountStore(db).ids();
        const AccountPartitioning partitioning = ids ? AccountPartitioning::byRanges(ids.value(), partitions)
                                                     : AccountPartitioning::byHash(partitions);
        QSet<QString> scored;
        // One scan of the log (through its segments) spills the partitions to temporary files
        // (LogSpill). Should that fail (a full temporary disk, a damaged segment), each partition
        // reads the log's rows again, as the slower, file-free way.
        std::unique_ptr<LogSpill> spill;
        {
            // The accounts and rules load on this thread while the log is scanned on others.
            Status loaded;
            Result<std::unique_ptr<LogSpill>> written = LogSpill::write(
                db.handle(), clock, upTo, partitioning, tuning.eventsScannedInParallel,
                [&](qint64 rows) {
                    if (progress)
                        progress(tr("Folding in events"), rows, upTo);
                },
                [&] { loaded = loadContext(); }, cancel);
            if (!loaded)
                return abandon(loaded.error());
            if (written) {
                spill = std::move(written).value();
                summary.events += spill->rows();
            } else if (cancelled(cancel)) {
                return abandon(written.error());
            } else {
                qWarning("rebuild: %s; reading the log once per partition instead",
                         qPrintable(written.error()));
            }
        }
        // From the spill, the next partition is gathered on a worker while this one is scored.
        using Gathered = Result<std::unique_ptr<LogPartition>>;
        PoolTask<Gathered> nextGather;
        auto startGather = [this, &nextGather, &spill](int partition) {
            nextGather = PoolTask<Gathered>(m_pool, [&spill, partition] { return spill->gather(partition); });
        };
        if (spill)
            startGather(0);
        for (int partition = 0; partition < partitions; ++partition) {
            Status done;
            if (spill) {
                Gathered gathered = nextGather.get();
                if (partition + 1 < partitions)
                    startGather(partition + 1);
                if (!gathered)
                    return abandon(gathered.error());
                LogPartition& part = *gathered.value();
                done = scoreAccounts(shadow, PartitionActivities(part), part.ids(), std::nullopt, &tally,
                                     summary, progress, cancel);
                for (const QString& id : part.ids())
                    scored.insert(id);
                spill->recycle(part.takeEvents());
            } else {
                Result<QHash<QString, AccountActivity>> folded
                    = readLog(upTo, partition, partitioning, summary, progress, cancel);
                if (!folded)
                    return abandon(folded.error());
                QHash<QString, AccountActivity>& all = folded.value();
                QStringList ids(all.keyBegin(), all.keyEnd());
                ids.sort();
                done = scoreAccounts(shadow, FoldedActivities(all), ids, std::nullopt, &tally, summary,
                                     progress, cancel);
                for (const QString& id : std::as_const(ids))
                    scored.insert(id);
            }
            if (!done)
                return abandon(done.error());
        }
#ifdef __GLIBC__
        // The partitions were gathered and scored on other threads, whose malloc arenas would
        // otherwise keep their memory after the rebuild.
        malloc_trim(0);
#endif
        // Accounts the CRM knows that have no events yet.
        QStringList quiet;
        for (auto it = context.accounts.keyBegin(); it != context.accounts.keyEnd(); ++it) {
            if (!scored.contains(*it))
                quiet << *it;
        }
        quiet.sort();
        if (Status done = scoreAccounts(shadow, StoredActivities(shadow), quiet, std::nullopt, &tally,
                                        summary, progress, cancel);
            !done)
            return abandon(done.error());
    }
    return finishShadow(SummaryStore::Scope::Everything, tally, upTo, std::move(summary), progress, cancel);
}

bool ScoringEngine::Private::aggregatesReusable() const
{
    // The aggregates hold days of the zone they were folded in; older workspaces did not say which.
    const SummaryStore live(db);
    return !live.state(kCheckpoint).isEmpty()
        && live.state(kTimeZone) == QString::fromUtf8(clock.zone().id());
}

Result<ScoringEngine::Summary> ScoringEngine::Private::rescore(const Progress& progress,
                                                               const std::atomic_bool* cancel)
{
    // The rules changed, not the log: the stored aggregates (folded from the log up to the
    // checkpoint) are scored again with the new rules. The shadow takes the statuses, the history
    // and the engine state; the aggregates stay where they are, and only this thread writes them.
    // The caller holds the rebuild lock (run()).
    if (Status created = SummaryStore::createShadow(db, SummaryStore::Scope::Scores); !created)
        return Error { tr("Cannot prepare the rebuild: %1").arg(created.error()) };
    Summary summary;
    summary.rebuilt = true;
    summary.rescored = true;
    summary.allAccountsChanged = true;
    DayTally tally;
    {
        const SummaryStore live(db);
        SummaryStore shadow(db, QString::fromLatin1(SummaryStore::kShadowSuffix));
        const Result<QStringList> ids = live.accountIds(context.accounts.keys());
        Status done = ids ? Status {} : Status { Error { ids.error() } };
        if (done)
            done = scoreAccounts(shadow, StoredActivities(live), ids.value(), std::nullopt, &tally, summary,
                                 progress, cancel);
        if (!done) {
            (void)SummaryStore::dropShadow(db); // the live summaries were never touched
            return Error { done.error() };
        }
    }
    return finishShadow(SummaryStore::Scope::Scores, tally, std::nullopt, std::move(summary), progress,
                        cancel);
}

Result<ScoringEngine::Summary> ScoringEngine::Private::finishShadow(SummaryStore::Scope scope,
                                                                    const DayTally& tally,
                                                                    std::optional<qint64> checkpoint,
                                                                    Summary summary, const Progress& progress,
                                                                    const std::atomic_bool* cancel)
{
    auto abandon = [this](const QString& message) -> Result<Summary> {
        (void)SummaryStore::dropShadow(db); // the live summaries were never touched
        return Error { message };
    };
    {
        // Scoped: the shadow store's prepared statements must be gone before its tables are renamed.
        SummaryStore shadow(db, QString::fromLatin1(SummaryStore::kShadowSuffix));
        Transaction transaction(db);
        Status stamped = shadow.addDayCounts(tally);
        if (stamped && checkpoint)
            stamped = shadow.setState(kCheckpoint, QString::number(*checkpoint));
        if (stamped)
            stamped = shadow.setState(kTimeZone, QString::fromUtf8(clock.zone().id()));
        if (stamped)
            stamped = shadow.setState(kRulesVersion, QString::number(context.rulesVersion));
        if (stamped)
            stamped = shadow.setState(kAsOfDay, QString::number(context.today));
        if (stamped)
            stamped = shadow.setState(kMasterStamp, context.masterStamp);
        if (stamped)
            stamped = shadow.setState(kGeneration, QUuid::createUuid().toString(QUuid::WithoutBraces));
        if (stamped)
            stamped = transaction.commit();
        if (!stamped)
            return abandon(stamped.error());
    }
    // Scored on the day, rules, accounts and zone of the live summaries, the shadow is compared
    // with them at the swap: the accounts whose results differ are all that changed since the live
    // checkpoint, and the action queue looks at theirs only (ActionEngine::scopeOf). A rebuild of
    // the same log under the same rules changes none.
    SummaryStore::SwapChanges changes;
    changes.sameState = { kRulesVersion, kAsOfDay, kMasterStamp, kTimeZone };
    // The history a rebuild writes: from the back-fill's first day (AccountScoring).
    changes.historyFrom = DayClock::date(historyWindowStart(context.today, context.historyDays));
    if (Status swapped = SummaryStore::replaceWithShadow(db, scope, &changes); !swapped)
        return abandon(tr("Cannot swap in the rebuilt summaries: %1").arg(swapped.error()));

    // Events appended while the rebuild ran are folded in now.
    Result<Summary> rest = runIncremental(progress, cancel);
    if (!rest)
        return rest;
    // From where the shadow left the summaries, unless another engine moved them meanwhile.
    if (changes.compared && !rest->allAccountsChanged && rest->changedSince == changes.shadowCheckpoint) {
        summary.allAccountsChanged = false;
        summary.changedAccounts = std::move(changes.accounts);
        summary.changedAccounts.unite(rest->changedAccounts);
        summary.changedSince = changes.liveCheckpoint;
        summary.changedSinceGeneration = changes.liveGeneration;
        summary.historyComparedFrom = changes.historyFrom;
        summary.historyDroppedAccounts = std::move(changes.historyBefore);
    }
    summary.generation = rest->generation;
    summary.events += rest->events;
    summary.historyRows += rest->historyRows;
    summary.checkpoint = rest->checkpoint;
    summary.asOf = rest->asOf;
    summary.rulesVersion = rest->rulesVersion;
    return summary;
}

} // namespace tenure
