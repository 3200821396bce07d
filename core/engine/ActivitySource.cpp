#include "engine/ActivitySource.h"

#include "engine/LogPartition.h"
#include "engine/ScoringEngine.h"
#include "engine/SummaryStore.h"

#include <optional>
#include <vector>

namespace tenure {

namespace {

class StoredReader : public ActivitySource::Reader
{
public:
    explicit StoredReader(const SummaryStore& store)
        : m_store(store)
    {
    }

    Status prepare(const QStringList& chunk, qsizetype) override
    {
        // One range read for the chunk (ids are sorted); an id the range missed, as SQLite orders
        // UTF-8 where Qt sorts UTF-16, is read by itself.
        m_ids = chunk;
        m_data.clear();
        Result<QHash<QString, QByteArray>> data = m_store.activityData(m_ids.first(), m_ids.last());
        if (!data)
            return Error { data.error() };
        for (const QString& id : std::as_const(m_ids)) {
            auto found = data->find(id);
            if (found != data->end()) {
                m_data.push_back(std::move(*found));
                continue;
            }
            Result<QByteArray> alone = m_store.activityData(id);
            if (!alone)
                return Error { alone.error() };
            m_data.push_back(std::move(alone).value());
        }
        return {};
    }

    Result<const AccountActivity*> activity(qsizetype i) override
    {
        m_decoded = AccountActivity::deserialize(m_data[std::size_t(i)]);
        if (!m_decoded)
            return Error { ScoringEngine::tr(
                               "The stored aggregates of account %1 are unreadable; rebuild the "
                               "summaries.")
                               .arg(m_ids[i]) };
        return &*m_decoded;
    }

private:
    const SummaryStore& m_store;
    QStringList m_ids;
    std::vector<QByteArray> m_data; // the chunk's aggregates, serialized
    std::optional<AccountActivity> m_decoded;
};

class PartitionReader : public ActivitySource::Reader
{
public:
    explicit PartitionReader(const LogPartition& partition)
        : m_partition(partition)
        , m_builder(partition)
    {
    }

    // The pipeline's chunks are slices of the partition's own ids (activity i is built by its
    // index in the partition).
    Status prepare(const QStringList& chunk, qsizetype begin) override
    {
        Q_ASSERT(begin + chunk.size() <= m_partition.ids().size());
        Q_ASSERT(chunk.isEmpty() || chunk.first() == m_partition.ids().at(begin));
        Q_UNUSED(chunk);
        m_begin = begin;
        return {};
    }

    Result<const AccountActivity*> activity(qsizetype i) override
    {
        m_built = m_builder.build(m_begin + i);
        return &*m_built;
    }

private:
    const LogPartition& m_partition;
    LogPartition::Builder m_builder;
    qsizetype m_begin = 0;
    std::optional<AccountActivity> m_built;
};

class FoldedReader : public ActivitySource::Reader
{
public:
    explicit FoldedReader(QHash<QString, AccountActivity>& folded)
        : m_folded(folded)
    {
    }

    Status prepare(const QStringList& chunk, qsizetype) override
    {
        m_chunk.clear();
        for (const QString& id : chunk)
            m_chunk.push_back(&m_folded[id]);
        return {};
    }

    Result<const AccountActivity*> activity(qsizetype i) override
    {
        AccountActivity* activity = m_chunk[std::size_t(i)];
        activity->finish();
        return activity;
    }

private:
    QHash<QString, AccountActivity>& m_folded;
    std::vector<AccountActivity*> m_chunk;
};

} // namespace

std::unique_ptr<ActivitySource::Reader> StoredActivities::reader() const
{
    return std::make_unique<StoredReader>(m_store);
}

std::unique_ptr<ActivitySource::Reader> PartitionActivities::reader() const
{
    return std::make_unique<PartitionReader>(m_partition);
}

std::unique_ptr<ActivitySource::Reader> FoldedActivities::reader() const
{
    return std::make_unique<FoldedReader>(m_folded);
}

} // namespace tenure
