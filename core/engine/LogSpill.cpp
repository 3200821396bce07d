#include "engine/LogSpill.h"

#include "engine/DayClock.h"
#include "store/Database.h"
#include "store/EventRows.h"
#include "store/EventSegment.h"
#include "store/SqliteStatement.h"
#include "util/HugePages.h"
#include "util/StringNumbering.h"

#include <QDir>
#include <QTemporaryFile>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <future>
#include <numeric>
#include <utility>

namespace tenure {

namespace {

constexpr quint32 kNoUser = LogPartition::kNoUser; // the spill marks "no user" as the partition does

// One event as spilled: which account, name and user (numbers into the spill's tables), the day
// and the quantity. Fixed size, so a partition's file is read as an array.
struct Record
{
    quint32 account;
    quint32 user; // kNoUser: none
    quint32 name;
    qint32 day;
    double quantity;
};
static_assert(sizeof(Record) == 24);
constexpr std::size_t kFlushRecords = hugepages::kSize / sizeof(Record); // per partition: one huge page

} // namespace

// What one scanning thread wrote: a file per partition, of records whose numbers index the
// thread's own tables of strings.
struct LogSpill::Shard
{
    std::vector<std::unique_ptr<QTemporaryFile>> files; // per partition
    qint64 rows = 0;
    QStringList accounts;
    QStringList names;
    QStringList users;
};

// Spills a shard of the log (ranges of seqs, one after another) into its partition files: the
// events of each range's segments, and those of its rows that no segment covers. open() first,
// finish() last.
class LogSpill::ShardScanner
{
public:
    ShardScanner(sqlite3* db, const DayClock& clock, const AccountPartitioning& partitioning, Shard& shard,
                 std::atomic<qint64>& scanned, const std::atomic_bool* cancel)
        : m_db(db)
        , m_clock(clock)
        , m_partitioning(partitioning)
        , m_partitions(partitioning.count())
        , m_shard(shard)
        , m_scanned(scanned)
        , m_cancel(cancel)
    {
    }

    // The partitions' files.
    Status open()
    {
        m_buffers.resize(std::size_t(m_partitions));
        for (int i = 0; i < m_partitions; ++i) {
            auto file = std::make_unique<QTemporaryFile>(QDir::tempPath()
                                                         + QStringLiteral("/tenure-rebuild-XXXXXX"));
            if (!file->open())
                return Error { LogSpill::tr("Cannot create a temporary file for the rebuild in %1: %2")
                                   .arg(QDir::tempPath(), file->errorString()) };
            m_shard.files.push_back(std::move(file));
            m_buffers[size_t(i)].reserve(kFlushRecords);
        }
        return {};
    }

    // Events in (after, upTo].
    Status scan(qint64 after, qint64 upTo)
    {
        Result<SqliteStatement> segments
            = SqliteStatement::prepare(m_db,
                                       "SELECT first_seq, last_seq, data FROM event_segments "
                                       "WHERE first_seq > ? AND first_seq <= ? ORDER BY first_seq");
        if (!segments)
            return readError(segments.error());
        segments->bind(1, after);
        segments->bind(2, upTo);
        qint64 covered = after; // every event up to here is spilled
        int rc;
        while ((rc = sqlite3_step(segments->get())) == SQLITE_ROW) {
            const qint64 first = segments->int64(0);
            if (first > covered + 1) {
                if (Status read = scanRows(covered, first - 1); !read)
                    return read;
            }
            const auto* blob = static_cast<const char*>(sqlite3_column_blob(segments->get(), 2));
            const QByteArray data = QByteArray::fromRawData(
                blob, sqlite3_column_bytes(segments->get(), 2)); // valid until the next step
            if (Status read = scanSegment(data, first, upTo); !read)
                return read;
            covered = std::max(covered, std::min(upTo, segments->int64(1)));
        }
        if (rc != SQLITE_DONE)
            return readError(QString::fromUtf8(sqlite3_errmsg(m_db)));
        if (covered < upTo) {
            if (Status read = scanRows(covered, upTo); !read)
                return read;
        }
        return {};
    }

    // The files written out and the shard's numbers in place.
    Status finish()
    {
        for (int i = 0; i < m_partitions; ++i) {
            if (Status flushed = flush(i); !flushed)
                return flushed;
            if (!m_shard.files[size_t(i)]->flush())
                return Error { LogSpill::tr("Cannot write the rebuild's temporary file: %1")
                                   .arg(m_shard.files[size_t(i)]->errorString()) };
        }
        m_shard.accounts = m_accounts.toStringList();
        m_shard.names = m_names.toStringList();
        m_shard.users = m_users.toStringList();
        return {};
    }

private:
    static Error readError(const QString& what)
    {
        return Error { LogSpill::tr("Cannot read the event log: %1").arg(what) };
    }

    Status flush(int i)
    {
        HugeVector<Record>& buffer = m_buffers[size_t(i)];
        const auto bytes = qint64(buffer.size() * sizeof(Record));
        if (m_shard.files[size_t(i)]->write(reinterpret_cast<const char*>(buffer.data()), bytes) != bytes)
            return Error { LogSpill::tr("Cannot write the rebuild's temporary file: %1")
                               .arg(m_shard.files[size_t(i)]->errorString()) };
        buffer.clear();
        return {};
    }

    int partitionOf(QByteArrayView account) const { return m_partitioning.of(account); }
    quint32 account(QByteArrayView text)
    {
        const quint32 number = m_accounts.numberOf(text);
        if (number == m_partitionOf.size())
            m_partitionOf.push_back(partitionOf(text));
        return number;
    }

    Status put(const Record& record)
    {
        const int partition = m_partitionOf[record.account];
        HugeVector<Record>& out = m_buffers[size_t(partition)];
        out.push_back(record);
        if (out.size() >= kFlushRecords) {
            if (Status flushed = flush(partition); !flushed)
                return flushed;
        }
        if (++m_shard.rows % 200000 == 0) {
            if (m_cancel && m_cancel->load())
                return Error { LogSpill::tr("Scoring was cancelled.") };
            m_scanned.store(m_shard.rows, std::memory_order_relaxed);
        }
        return {};
    }

    // The segment's strings are numbered once each, not once per event.
    Status scanSegment(const QByteArray& data, qint64 first, qint64 upTo)
    {
        std::optional<EventSegment::Reader> reader = EventSegment::Reader::open(data);
        auto damaged = [first] {
            return Error { LogSpill::tr("The event log's segment from event %1 is damaged: rebuild cannot "
                                        "read it.")
                               .arg(first) };
        };
        if (!reader)
            return damaged();
        std::vector<quint32> accounts;
        const std::size_t known = m_accounts.size();
        m_accounts.numbersOf(reader->accounts(), accounts);
        for (std::size_t number = known; number < m_accounts.size(); ++number)
            m_partitionOf.push_back(partitionOf(m_accounts.text(quint32(number))));
        std::vector<quint32> names;
        m_names.numbersOf(reader->names(), names);
        std::vector<quint32> users;
        m_users.numbersOf(reader->users(), users);
        EventSegment::Entry entry;
        while (reader->next(entry)) {
            if (entry.seq > upTo)
                break;
            Record record;
            record.account = accounts[entry.account];
            record.name = names[entry.name];
            record.user = entry.user ? users[*entry.user] : kNoUser;
            record.day = m_clock.dayOf(entry.occurredAt);
            record.quantity = entry.quantity;
            if (Status put = this->put(record); !put)
                return put;
        }
        if (!reader->ok())
            return damaged();
        return {};
    }

    // Rows in (after, upTo], read one by one.
    Status scanRows(qint64 after, qint64 upTo)
    {
        Result<EventRows> read = EventRows::open(m_db, after, upTo);
        if (!read)
            return readError(read.error());
        for (EventRows::Row row; read->next(row);) {
            Record record;
            record.account = account(row.account);
            record.name = m_names.numberOf(row.name);
            record.user = row.user.isNull() ? kNoUser : m_users.numberOf(row.user);
            record.day = m_clock.dayOf(row.occurredAt);
            record.quantity = row.quantity;
            if (Status put = this->put(record); !put)
                return put;
        }
        if (const QString error = read->error(); !error.isEmpty())
            return readError(error);
        return {};
    }

    sqlite3* m_db;
    DayClock m_clock; // a copy: it caches the zone's offsets as it goes
    const AccountPartitioning& m_partitioning;
    int m_partitions;
    Shard& m_shard;
    std::atomic<qint64>& m_scanned; // rows so far, for another thread's progress reports
    const std::atomic_bool* m_cancel;
    std::vector<HugeVector<Record>> m_buffers; // per partition, until flushed
    StringNumbering m_accounts;
    StringNumbering m_names;
    StringNumbering m_users;
    std::vector<int> m_partitionOf; // by account number
};

namespace {

// Splits (0, upTo] into about `pieces` ranges of seqs, between segments: bounds[i] to bounds[i + 1].
std::vector<qint64> splitLog(sqlite3* db, qint64 upTo, int pieces)
{
    std::vector<qint64> bounds { 0 };
    Result<SqliteStatement> segment
        = SqliteStatement::prepare(db,
                                   "SELECT first_seq, last_seq FROM event_segments WHERE first_seq <= ? "
                                   "ORDER BY first_seq DESC LIMIT 1");
    for (int i = 1; i < pieces; ++i) {
        qint64 at = upTo * i / pieces;
        if (segment) {
            sqlite3_reset(segment->get());
            segment->bind(1, at);
            if (sqlite3_step(segment->get()) == SQLITE_ROW && segment->int64(1) > at)
                at = segment->int64(0) - 1; // not inside a segment
        }
        if (at > bounds.back())
            bounds.push_back(at);
    }
    bounds.push_back(upTo);
    return bounds;
}

} // namespace

LogSpill::LogSpill() = default;
LogSpill::~LogSpill() = default;

Result<std::unique_ptr<LogSpill>> LogSpill::write(sqlite3* db, const DayClock& clock, qint64 upTo,
                                                  const AccountPartitioning& partitioning,
                                                  qint64 parallelFrom, const Progress& progress,
                                                  const std::function<void()>& meanwhile,
                                                  const std::atomic_bool* cancel)
{
    auto spill = std::make_unique<LogSpill>();
    // Two threads, each with a connection of its own; without them (a workspace in memory, a
    // small log), one scan on this thread does it all.
    using Connection = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;
    auto open = [db]() -> Connection {
        sqlite3* connection = nullptr;
        const char* path = sqlite3_db_filename(db, "main");
        if (!path || !*path
            || sqlite3_open_v2(path, &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr)
                != SQLITE_OK) {
            sqlite3_close(connection);
            return Connection(nullptr, &sqlite3_close);
        }
        // The file was checked by the engine's own connection; these get the same protections.
        if (!Database::protectConnection(connection).ok()) {
            sqlite3_close(connection);
            return Connection(nullptr, &sqlite3_close);
        }
        sqlite3_exec(connection, "PRAGMA cache_size = -16384", nullptr, nullptr, nullptr);
        return Connection(connection, &sqlite3_close);
    };
    Connection first(nullptr, &sqlite3_close);
    Connection second(nullptr, &sqlite3_close);
    if (upTo >= parallelFrom) {
        first = open();
        if (first)
            second = open();
    }
    if (progress)
        progress(0);
    if (!first || !second) {
        meanwhile();
        spill->m_shards.resize(1);
        std::atomic<qint64> scanned = 0;
        ShardScanner scanner(db, clock, partitioning, spill->m_shards[0], scanned, cancel);
        Status done = scanner.open();
        if (done)
            done = scanner.scan(0, upTo);
        if (done)
            done = scanner.finish();
        if (!done)
            return Error { done.error() };
        spill->numberStrings();
        return spill;
    }
    // Each thread takes the next range of the log until none is left, so that both finish
    // about together whatever each range holds.
    const std::vector<qint64> bounds = splitLog(db, upTo, 16);
    std::atomic<std::size_t> nextRange = 0;
    spill->m_shards.resize(2);
    std::atomic<qint64> scanned[2] = { 0, 0 };
    std::future<Status> threads[2];
    sqlite3* const connections[2] = { first.get(), second.get() };
    for (int i = 0; i < 2; ++i) {
        threads[i] = std::async(std::launch::async, [&, i]() -> Status {
            ShardScanner scanner(connections[i], clock, partitioning, spill->m_shards[size_t(i)], scanned[i],
                                 cancel);
            if (Status opened = scanner.open(); !opened)
                return opened;
            for (std::size_t range; (range = nextRange++) + 1 < bounds.size();) {
                if (Status done = scanner.scan(bounds[range], bounds[range + 1]); !done)
                    return done;
            }
            return scanner.finish();
        });
    }
    meanwhile();
    // Progress from here, the caller's thread, while the threads run.
    for (std::future<Status>& running : threads) {
        while (running.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
            if (progress)
                progress(scanned[0].load(std::memory_order_relaxed)
                         + scanned[1].load(std::memory_order_relaxed));
        }
    }
    for (std::future<Status>& done : threads) {
        if (Status status = done.get(); !status)
            return Error { status.error() };
    }
    spill->numberStrings();
    return spill;
}

void LogSpill::numberStrings()
{
    std::vector<QStringList> accounts, names, users;
    for (Shard& shard : m_shards) {
        accounts.push_back(std::exchange(shard.accounts, {}));
        names.push_back(std::exchange(shard.names, {}));
        users.push_back(std::exchange(shard.users, {}));
    }
    m_accounts = SortedNumbering(accounts);
    m_names = SortedNumbering(names);
    m_users = SortedNumbering(users);
}

qint64 LogSpill::rows() const
{
    qint64 rows = 0;
    for (const Shard& shard : m_shards)
        rows += shard.rows;
    return rows;
}

namespace {

// Calls `use` with each record of a partition's file, read in blocks into `buffer`.
template <typename Use>
Status forEachRecord(QTemporaryFile& file, QByteArray& buffer, int partition, Use&& use)
{
    constexpr qint64 kBlock = 65536 * qint64(sizeof(Record));
    if (!file.seek(0))
        return Error { LogSpill::tr("Cannot read the rebuild's temporary file: %1").arg(file.errorString()) };
    buffer.resize(kBlock);
    qint64 got;
    while ((got = file.read(buffer.data(), kBlock)) > 0) {
        if (got % qint64(sizeof(Record)) != 0) // the file is written in whole records
            return Error {
                LogSpill::tr("The rebuild's temporary file is damaged (partition %1).").arg(partition)
            };
        for (qint64 at = 0; at < got; at += qint64(sizeof(Record))) {
            Record record;
            std::memcpy(&record, buffer.constData() + at, sizeof record);
            if (Status used = use(record); !used)
                return used;
        }
    }
    if (got < 0)
        return Error { LogSpill::tr("Cannot read the rebuild's temporary file: %1").arg(file.errorString()) };
    return {};
}

} // namespace

void LogSpill::recycle(HugeVector<LogPartition::Event> events) const
{
    events.clear();
    const std::lock_guard lock(m_spareLock);
    if (events.capacity() > m_spare.capacity())
        m_spare.swap(events);
}

Result<std::unique_ptr<LogPartition>> LogSpill::gather(int partition) const
{
    // Two passes over the partition's files: the first counts each account's events, the second
    // puts every event in its account's place, with the rebuild's numbers for its name and user.
    // No copy of the files is held, only the one array of events (reused from an earlier
    // partition when there is one).
    const auto damaged = [partition] {
        return Error { tr("The rebuild's temporary file is damaged (partition %1).").arg(partition) };
    };
    std::vector<std::size_t> place(std::size_t(m_accounts.size()), 0); // by account number
    QByteArray buffer;
    for (std::size_t i = 0; i < m_shards.size(); ++i) {
        const std::vector<quint32>& account = m_accounts.numbers(i);
        const std::size_t names = m_names.numbers(i).size();
        const std::size_t users = m_users.numbers(i).size();
        auto count = [&](const Record& record) -> Status {
            if (record.account >= account.size() || record.name >= names
                || (record.user != kNoUser && record.user >= users))
                return damaged();
            ++place[account[record.account]];
            return {};
        };
        const Status counted
            = forEachRecord(*m_shards[i].files.at(size_t(partition)), buffer, partition, count);
        if (!counted)
            return Error { counted.error() };
    }
    // The partition's accounts in the order of their numbers, which is their ids' order.
    QStringList ids;
    std::vector<std::size_t> start { 0 };
    for (std::size_t number = 0; number < place.size(); ++number) {
        if (place[number] == 0)
            continue;
        ids.append(m_accounts.texts()[qsizetype(number)]);
        const std::size_t events = place[number];
        place[number] = start.back(); // from here on: where its next event goes
        start.push_back(start.back() + events);
    }
    HugeVector<LogPartition::Event> events;
    {
        const std::lock_guard lock(m_spareLock);
        events.swap(m_spare);
    }
    events.resize(start.back());
    for (std::size_t i = 0; i < m_shards.size(); ++i) {
        const std::vector<quint32>& account = m_accounts.numbers(i);
        const std::vector<quint32>& name = m_names.numbers(i);
        const std::vector<quint32>& user = m_users.numbers(i);
        const Status placed = forEachRecord(
            *m_shards[i].files.at(size_t(partition)), buffer, partition, [&](const Record& record) -> Status {
                // The files are as the first pass read them: their numbers are known.
                events[place[account[record.account]]++]
                    = { name[record.name], record.user == kNoUser ? kNoUser : user[record.user], record.day,
                        record.quantity };
                return {};
            });
        if (!placed)
            return Error { placed.error() };
    }
    return std::make_unique<LogPartition>(std::move(ids), m_names.texts(), m_users.texts(), std::move(events),
                                          std::move(start));
}

} // namespace tenure
