#include "engine/LogSpill.h"

#include "engine/DayClock.h"
#include "store/EventSegment.h"
#include "store/SqliteStatement.h"
#include "util/StringNumbering.h"

#include <QDir>

#include <algorithm>
#include <cstring>
#include <thread>

namespace tenure {

namespace {

constexpr qsizetype kFlushBytes = 1 << 20;
constexpr quint32 kNoUser = 0xffffffff;

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

// Spills one shard of the log (a range of seqs) into its partition files: the events of the
// range's segments, and those of its rows that no segment covers.
class ShardScanner
{
public:
    ShardScanner(sqlite3* db, const DayClock& clock, int partitions, LogSpill::Shard& shard,
                 const LogSpill::Progress& progress, const std::atomic_bool* cancel)
        : m_db(db)
        , m_clock(clock)
        , m_partitions(partitions)
        , m_shard(shard)
        , m_progress(progress)
        , m_cancel(cancel)
    {
    }

    // Events in (after, upTo].
    Status scan(qint64 after, qint64 upTo)
    {
        if (Status opened = openFiles(); !opened)
            return opened;
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
        return finish();
    }

private:
    static Error readError(const QString& what)
    {
        return Error { LogSpill::tr("Cannot read the event log: %1").arg(what) };
    }
    static QByteArrayView columnBytes(sqlite3_stmt* row, int column)
    {
        return QByteArrayView(reinterpret_cast<const char*>(sqlite3_column_text(row, column)),
                              sqlite3_column_bytes(row, column));
    }

    Status openFiles()
    {
        m_buffers.resize(std::size_t(m_partitions));
        for (int i = 0; i < m_partitions; ++i) {
            auto file = std::make_unique<QTemporaryFile>(QDir::tempPath()
                                                         + QStringLiteral("/tenure-rebuild-XXXXXX"));
            if (!file->open())
                return Error { LogSpill::tr("Cannot create a temporary file for the rebuild in %1: %2")
                                   .arg(QDir::tempPath(), file->errorString()) };
            m_shard.files.push_back(std::move(file));
            m_buffers[size_t(i)].reserve(kFlushBytes + qsizetype(sizeof(Record)));
        }
        return {};
    }

    Status flush(int i)
    {
        QByteArray& buffer = m_buffers[size_t(i)];
        if (m_shard.files[size_t(i)]->write(buffer) != buffer.size())
            return Error { LogSpill::tr("Cannot write the rebuild's temporary file: %1")
                               .arg(m_shard.files[size_t(i)]->errorString()) };
        buffer.clear();
        return {};
    }

    quint32 account(const char* text, qsizetype bytes)
    {
        const quint32 number = m_accounts.numberOf(QByteArrayView(text, bytes));
        if (number == m_partitionOf.size())
            m_partitionOf.push_back(int(qHash(QByteArrayView(text, bytes), 0) % size_t(m_partitions)));
        return number;
    }

    Status put(const Record& record)
    {
        const int partition = m_partitionOf[record.account];
        QByteArray& out = m_buffers[size_t(partition)];
        out.append(reinterpret_cast<const char*>(&record), sizeof record);
        if (out.size() >= kFlushBytes) {
            if (Status flushed = flush(partition); !flushed)
                return flushed;
        }
        if (++m_shard.rows % 200000 == 0) {
            if (m_cancel && m_cancel->load())
                return Error { LogSpill::tr("Scoring was cancelled.") };
            if (m_progress)
                m_progress(m_shard.rows);
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
        auto numbers = [](StringNumbering& numbering, const std::vector<QByteArrayView>& texts) {
            std::vector<quint32> out;
            out.reserve(texts.size());
            for (QByteArrayView text : texts)
                out.push_back(numbering.numberOf(text));
            return out;
        };
        std::vector<quint32> accounts;
        accounts.reserve(reader->accounts().size());
        for (QByteArrayView text : reader->accounts())
            accounts.push_back(account(text.data(), text.size()));
        const std::vector<quint32> names = numbers(m_names, reader->names());
        const std::vector<quint32> users = numbers(m_users, reader->users());
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
        Result<SqliteStatement> read
            = SqliteStatement::prepare(m_db,
                                       "SELECT account_id, user_id, name, occurred_at, "
                                       "quantity FROM events WHERE seq > ? AND seq <= ? "
                                       "ORDER BY seq");
        if (!read)
            return readError(read.error());
        read->bind(1, after);
        read->bind(2, upTo);
        sqlite3_stmt* row = read->get();
        int rc;
        while ((rc = sqlite3_step(row)) == SQLITE_ROW) {
            Record record;
            const QByteArrayView id = columnBytes(row, 0);
            record.account = account(id.data(), id.size());
            record.name = m_names.numberOf(columnBytes(row, 2));
            record.user = sqlite3_column_type(row, 1) == SQLITE_NULL ? kNoUser
                                                                     : m_users.numberOf(columnBytes(row, 1));
            record.day = m_clock.dayOf(sqlite3_column_int64(row, 3));
            record.quantity = sqlite3_column_double(row, 4);
            if (Status put = this->put(record); !put)
                return put;
        }
        if (rc != SQLITE_DONE)
            return readError(QString::fromUtf8(sqlite3_errmsg(m_db)));
        return {};
    }

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

    sqlite3* m_db;
    DayClock m_clock; // a copy: it caches the zone's offsets as it goes
    int m_partitions;
    LogSpill::Shard& m_shard;
    const LogSpill::Progress& m_progress;
    const std::atomic_bool* m_cancel;
    std::vector<QByteArray> m_buffers;
    StringNumbering m_accounts;
    StringNumbering m_names;
    StringNumbering m_users;
    std::vector<int> m_partitionOf; // by account number
};

Status scan(sqlite3* db, const DayClock& clock, qint64 after, qint64 upTo, int partitions,
            LogSpill::Shard& shard, const LogSpill::Progress& progress, const std::atomic_bool* cancel)
{
    return ShardScanner(db, clock, partitions, shard, progress, cancel).scan(after, upTo);
}

// Where to split the log in two halves: near the middle, but not inside a segment.
qint64 halfway(sqlite3* db, qint64 upTo)
{
    const qint64 half = upTo / 2;
    Result<SqliteStatement> segment
        = SqliteStatement::prepare(db,
                                   "SELECT first_seq, last_seq FROM event_segments WHERE first_seq <= ? "
                                   "ORDER BY first_seq DESC LIMIT 1");
    if (!segment)
        return half;
    segment->bind(1, half);
    if (sqlite3_step(segment->get()) == SQLITE_ROW && segment->int64(1) > half)
        return segment->int64(0) - 1;
    return half;
}

} // namespace

Result<std::unique_ptr<LogSpill>> LogSpill::write(sqlite3* db, const DayClock& clock, qint64 upTo,
                                                  int partitions, const Progress& progress,
                                                  const std::atomic_bool* cancel)
{
    auto spill = std::make_unique<LogSpill>();
    // The second half of the log on a connection of its own; without one, one scan does it all.
    sqlite3* second = nullptr;
    const char* path = sqlite3_db_filename(db, "main");
    const qint64 half = halfway(db, upTo);
    if (path && *path && upTo > 100000
        && sqlite3_open_v2(path, &second, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        sqlite3_close(second);
        second = nullptr;
    }
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> secondOwner(second, &sqlite3_close);
    spill->m_shards.resize(second ? 2 : 1);
    Status secondDone;
    std::thread secondScan;
    if (second) {
        sqlite3_exec(second, "PRAGMA cache_size = -16384", nullptr, nullptr, nullptr);
        secondScan = std::thread([&] {
            secondDone = scan(second, clock, half, upTo, partitions, spill->m_shards[1], {}, cancel);
        });
    }
    // Progress counts both halves: this one is about as fast as the other.
    const int halves = second ? 2 : 1;
    const Status firstDone = scan(
        db, clock, 0, second ? half : upTo, partitions, spill->m_shards[0],
        [&](qint64 rows) {
            if (progress)
                progress(rows * halves);
        },
        cancel);
    if (secondScan.joinable())
        secondScan.join();
    if (!firstDone)
        return Error { firstDone.error() };
    if (!secondDone)
        return Error { secondDone.error() };
    return spill;
}

qint64 LogSpill::rows() const
{
    qint64 rows = 0;
    for (const Shard& shard : m_shards)
        rows += shard.rows;
    return rows;
}

namespace {

// One event of a partition in the fold's numbers: its account's slot, the event name's and the
// user's number in the partition (kNoUser: none), the day and the quantity.
struct Folded
{
    quint32 slot;
    quint32 name;
    quint32 user;
    qint32 day;
    double quantity;
};

// (name, day) as one number that sorts as the pair does.
quint64 nameDayKey(quint32 name, qint32 day)
{
    return (quint64(name) << 32) | quint64(quint32(day) ^ 0x80000000u);
}

// Builds one account's activity from its events (in log order), sorted here rather than added
// one at a time: quantities of a name and day are summed in ascending order, as finish() does.
class AccountBuilder
{
public:
    AccountBuilder(const std::vector<QString>& names, const QStringList& users, qsizetype userCount)
        : m_names(names)
        , m_userNames(users)
        , m_localUser(std::size_t(userCount), -1)
    {
    }

    AccountActivity build(const Folded* begin, const Folded* end)
    {
        m_daily.clear();
        m_userDays.clear();
        QStringList users;
        for (const Folded* event = begin; event != end; ++event) {
            m_daily.push_back({ nameDayKey(event->name, event->day), event->quantity });
            if (event->user == kNoUser)
                continue;
            int& local = m_localUser[event->user];
            if (local < 0) { // numbered in the order users first appear, as addUser() does
                local = int(users.size());
                users.append(m_userNames.at(event->user));
                m_touched.push_back(event->user);
            }
            m_userDays.emplace_back(event->day, local);
        }
        for (quint32 user : m_touched)
            m_localUser[user] = -1;
        m_touched.clear();

        std::sort(m_daily.begin(), m_daily.end(), [](const Daily& a, const Daily& b) {
            return a.key != b.key ? a.key < b.key : a.quantity < b.quantity;
        });
        std::vector<AccountActivity::DaySeries> series;
        for (std::size_t i = 0; i < m_daily.size();) {
            const auto name = quint32(m_daily[i].key >> 32);
            AccountActivity::DaySeries entry { m_names[name], {}, {} };
            for (; i < m_daily.size() && quint32(m_daily[i].key >> 32) == name; ++i) {
                const int day = int(quint32(m_daily[i].key) ^ 0x80000000u);
                if (!entry.days.empty() && entry.days.back() == day) {
                    entry.quantities.back() += m_daily[i].quantity;
                } else {
                    entry.days.push_back(day);
                    entry.quantities.push_back(m_daily[i].quantity);
                }
            }
            series.push_back(std::move(entry));
        }
        std::sort(m_userDays.begin(), m_userDays.end());
        m_userDays.erase(std::unique(m_userDays.begin(), m_userDays.end()), m_userDays.end());
        return AccountActivity::fromSorted(std::move(series), std::move(users), m_userDays);
    }

private:
    struct Daily
    {
        quint64 key;
        double quantity;
    };
    const std::vector<QString>& m_names;
    const QStringList& m_userNames;
    std::vector<int> m_localUser; // per partition user: the number in the account being built
    std::vector<quint32> m_touched;
    std::vector<Daily> m_daily;
    std::vector<std::pair<int, int>> m_userDays;
};

} // namespace

Result<QHash<QString, AccountActivity>> LogSpill::fold(int partition) const
{
    // The halves number accounts, names and users each their own way: each of their numbers is
    // turned into the partition's once, by name. The events are then gathered by account (a
    // counting sort, which keeps log order) and each account is built from its own events.
    QHash<QString, quint32> slotByAccount;
    QHash<QString, quint32> nameByText;
    QHash<QString, quint32> userByText;
    QStringList accounts; // by slot
    std::vector<QString> names; // by the partition's number
    QStringList users;
    std::vector<Folded> events;
    auto number = [](QHash<QString, quint32>& numbers, const QString& text, auto&& add) {
        auto found = numbers.constFind(text);
        if (found == numbers.constEnd()) {
            found = numbers.insert(text, quint32(numbers.size()));
            add(text);
        }
        return *found;
    };
    for (const Shard& shard : m_shards) {
        QTemporaryFile& file = *shard.files.at(size_t(partition));
        if (!file.seek(0))
            return Error { tr("Cannot read the rebuild's temporary file: %1").arg(file.errorString()) };
        const QByteArray data = file.readAll();
        if (data.size() % qsizetype(sizeof(Record)) != 0)
            return Error { tr("The rebuild's temporary file is damaged (partition %1).").arg(partition) };
        constexpr quint32 kUnset = 0xffffffff;
        std::vector<quint32> slotOf(std::size_t(shard.accounts.size()), kUnset);
        std::vector<quint32> nameOf(std::size_t(shard.names.size()), kUnset);
        std::vector<quint32> userOf(std::size_t(shard.users.size()), kUnset);
        const qsizetype count = data.size() / qsizetype(sizeof(Record));
        events.reserve(events.size() + std::size_t(count));
        for (qsizetype i = 0; i < count; ++i) {
            Record record;
            std::memcpy(&record, data.constData() + i * qsizetype(sizeof(Record)), sizeof record);
            if (record.account >= quint32(shard.accounts.size()) || record.name >= quint32(shard.names.size())
                || (record.user != kNoUser && record.user >= quint32(shard.users.size())))
                return Error { tr("The rebuild's temporary file is damaged (partition %1).").arg(partition) };
            quint32& slot = slotOf[record.account];
            if (slot == kUnset)
                slot = number(slotByAccount, shard.accounts.at(record.account),
                              [&](const QString& id) { accounts.append(id); });
            quint32& name = nameOf[record.name];
            if (name == kUnset)
                name = number(nameByText, shard.names.at(record.name),
                              [&](const QString& text) { names.push_back(text); });
            quint32 user = kNoUser;
            if (record.user != kNoUser) {
                quint32& known = userOf[record.user];
                if (known == kUnset)
                    known = number(userByText, shard.users.at(record.user),
                                   [&](const QString& text) { users.append(text); });
                user = known;
            }
            events.push_back({ slot, name, user, record.day, record.quantity });
        }
    }
    // Gathered by account: where each account's events start, then each put in its place.
    std::vector<std::size_t> start(std::size_t(accounts.size()) + 1, 0);
    for (const Folded& event : events)
        ++start[event.slot + 1];
    for (std::size_t i = 1; i < start.size(); ++i)
        start[i] += start[i - 1];
    std::vector<Folded> byAccount(events.size());
    {
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (const Folded& event : events)
            byAccount[next[event.slot]++] = event;
    }
    events = {};
    QHash<QString, AccountActivity> all;
    all.reserve(accounts.size());
    AccountBuilder builder(names, users, users.size());
    for (qsizetype slot = 0; slot < accounts.size(); ++slot) {
        const Folded* first = byAccount.data() + start[std::size_t(slot)];
        all.insert(accounts.at(slot), builder.build(first, byAccount.data() + start[std::size_t(slot) + 1]));
    }
    return all;
}

} // namespace tenure
