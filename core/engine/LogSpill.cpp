#include "engine/LogSpill.h"

#include "engine/DayClock.h"
#include "store/SqliteStatement.h"

#include <QDir>

#include <cstring>
#include <thread>
#include <unordered_map>

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

// Numbers strings in the order they are first seen; looked up by their bytes as SQLite has them.
class Numbering
{
public:
    quint32 numberOf(const unsigned char* text, int bytes)
    {
        const QByteArray key = QByteArray::fromRawData(reinterpret_cast<const char*>(text), bytes);
        const auto found = m_numbers.constFind(key);
        if (found != m_numbers.constEnd())
            return *found;
        const quint32 number = quint32(m_texts.size());
        const QByteArray owned(key.constData(), key.size()); // a deep copy: SQLite's buffer moves on
        m_numbers.insert(owned, number);
        m_texts.append(QString::fromUtf8(owned));
        return number;
    }
    QStringList take()
    {
        m_numbers.clear();
        return std::move(m_texts);
    }
    qsizetype size() const { return m_texts.size(); }

private:
    QHash<QByteArray, quint32> m_numbers;
    QStringList m_texts;
};

} // namespace

namespace {

// Scans events in (after, upTo] into the shard's partition files.
Status scan(sqlite3* db, DayClock clock, qint64 after, qint64 upTo, int partitions, LogSpill::Shard& shard,
            const LogSpill::Progress& progress, const std::atomic_bool* cancel)
{
    std::vector<QByteArray> buffers(static_cast<std::size_t>(partitions));
    for (int i = 0; i < partitions; ++i) {
        auto file
            = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/tenure-rebuild-XXXXXX"));
        if (!file->open())
            return Error { LogSpill::tr("Cannot create a temporary file for the rebuild in %1: %2")
                               .arg(QDir::tempPath(), file->errorString()) };
        shard.files.push_back(std::move(file));
        buffers[size_t(i)].reserve(kFlushBytes + qsizetype(sizeof(Record)));
    }
    auto flush = [&](int i) -> Status {
        QByteArray& buffer = buffers[size_t(i)];
        if (shard.files[size_t(i)]->write(buffer) != buffer.size())
            return Error { LogSpill::tr("Cannot write the rebuild's temporary file: %1")
                               .arg(shard.files[size_t(i)]->errorString()) };
        buffer.clear();
        return {};
    };

    Result<SqliteStatement> read = SqliteStatement::prepare(db,
                                                            "SELECT account_id, user_id, name, occurred_at, "
                                                            "quantity FROM events WHERE seq > ? AND seq <= ? "
                                                            "ORDER BY seq");
    if (!read)
        return Error { LogSpill::tr("Cannot read the event log: %1").arg(read.error()) };
    read->bind(1, after);
    read->bind(2, upTo);
    sqlite3_stmt* row = read->get();
    Numbering accounts;
    Numbering names;
    Numbering users;
    std::vector<int> partitionOf; // by account number
    int rc;
    while ((rc = sqlite3_step(row)) == SQLITE_ROW) {
        Record record;
        const auto* account = sqlite3_column_text(row, 0);
        const int accountBytes = sqlite3_column_bytes(row, 0);
        record.account = accounts.numberOf(account, accountBytes);
        if (record.account == partitionOf.size())
            partitionOf.push_back(
                int(qHash(QByteArrayView(reinterpret_cast<const char*>(account), accountBytes), 0)
                    % size_t(partitions)));
        record.name = names.numberOf(sqlite3_column_text(row, 2), sqlite3_column_bytes(row, 2));
        record.user = sqlite3_column_type(row, 1) == SQLITE_NULL
            ? kNoUser
            : users.numberOf(sqlite3_column_text(row, 1), sqlite3_column_bytes(row, 1));
        record.day = clock.dayOf(sqlite3_column_int64(row, 3));
        record.quantity = sqlite3_column_double(row, 4);
        const int partition = partitionOf[record.account];
        QByteArray& out = buffers[size_t(partition)];
        out.append(reinterpret_cast<const char*>(&record), sizeof record);
        if (out.size() >= kFlushBytes) {
            if (Status flushed = flush(partition); !flushed)
                return flushed;
        }
        if (++shard.rows % 200000 == 0) {
            if (cancel && cancel->load())
                return Error { LogSpill::tr("Scoring was cancelled.") };
            if (progress)
                progress(shard.rows);
        }
    }
    if (rc != SQLITE_DONE)
        return Error {
            LogSpill::tr("Cannot read the event log: %1").arg(QString::fromUtf8(sqlite3_errmsg(db)))
        };
    for (int i = 0; i < partitions; ++i) {
        if (Status flushed = flush(i); !flushed)
            return flushed;
        if (!shard.files[size_t(i)]->flush())
            return Error { LogSpill::tr("Cannot write the rebuild's temporary file: %1")
                               .arg(shard.files[size_t(i)]->errorString()) };
    }
    shard.accounts = accounts.take();
    shard.names = names.take();
    shard.users = users.take();
    return {};
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
    const qint64 half = upTo / 2;
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

Result<QHash<QString, AccountActivity>> LogSpill::fold(int partition) const
{
    // Everything is a number here: accounts have slots, and users a number in each account's
    // activity, remembered per user for the account of their last event (most users have one).
    // The halves number accounts and users each their own way: each of their numbers is turned
    // into the fold's once, by name.
    QHash<QString, int> slotByAccount;
    QHash<QString, quint32> userByName;
    QHash<QString, QString> nameByName; // one shared copy of each event name
    std::vector<std::pair<QString, AccountActivity>> activities;
    std::vector<std::pair<int, int>> userNumber; // by fold user: (slot, number)
    std::vector<int> usersOf; // per slot: users numbered so far
    std::unordered_map<quint64, int> numbers; // (slot, user) -> the user's number in the account
    for (const Shard& shard : m_shards) {
        QTemporaryFile& file = *shard.files.at(size_t(partition));
        if (!file.seek(0))
            return Error { tr("Cannot read the rebuild's temporary file: %1").arg(file.errorString()) };
        const QByteArray data = file.readAll();
        if (data.size() % qsizetype(sizeof(Record)) != 0)
            return Error { tr("The rebuild's temporary file is damaged (partition %1).").arg(partition) };
        std::vector<int> slotOf(std::size_t(shard.accounts.size()), -1);
        std::vector<qint64> userOf(std::size_t(shard.users.size()), -1);
        std::vector<const QString*> nameOf(std::size_t(shard.names.size()), nullptr);
        const qsizetype count = data.size() / qsizetype(sizeof(Record));
        for (qsizetype i = 0; i < count; ++i) {
            Record record;
            std::memcpy(&record, data.constData() + i * qsizetype(sizeof(Record)), sizeof record);
            if (record.account >= quint32(shard.accounts.size()) || record.name >= quint32(shard.names.size())
                || (record.user != kNoUser && record.user >= quint32(shard.users.size())))
                return Error { tr("The rebuild's temporary file is damaged (partition %1).").arg(partition) };
            int& slot = slotOf[record.account];
            if (slot < 0) {
                const QString& id = shard.accounts.at(record.account);
                auto known = slotByAccount.constFind(id);
                if (known == slotByAccount.constEnd()) {
                    known = slotByAccount.insert(id, int(activities.size()));
                    activities.emplace_back(id, AccountActivity {});
                    usersOf.push_back(0);
                }
                slot = *known;
            }
            const QString*& name = nameOf[record.name];
            if (!name) {
                const QString& text = shard.names.at(record.name);
                auto known = nameByName.constFind(text);
                if (known == nameByName.constEnd())
                    known = nameByName.insert(text, text);
                name = &*known;
            }
            AccountActivity& activity = activities[std::size_t(slot)].second;
            activity.addDaily(*name, record.day, record.quantity);
            if (record.user == kNoUser)
                continue;
            qint64& user = userOf[record.user];
            if (user < 0) {
                const QString& text = shard.users.at(record.user);
                user = userByName.value(text, quint32(userNumber.size()));
                if (user == qint64(userNumber.size())) {
                    userByName.insert(text, quint32(user));
                    userNumber.emplace_back(-1, 0);
                }
            }
            auto& [userSlot, number] = userNumber[std::size_t(user)];
            if (userSlot != slot) {
                // The user's last event was another account's (or this is the first): look the
                // pair up, or number the user as this account's next.
                const auto [known, added] = numbers.try_emplace(
                    (quint64(quint32(slot)) << 32) | quint64(user), usersOf[std::size_t(slot)]);
                if (added)
                    ++usersOf[std::size_t(slot)];
                userSlot = slot;
                number = known->second;
            }
            activity.addUserNumbered(record.day, number, shard.users.at(record.user));
        }
    }
    QHash<QString, AccountActivity> all;
    all.reserve(qsizetype(activities.size()));
    for (auto& [id, activity] : activities)
        all.insert(id, std::move(activity));
    return all;
}

} // namespace tenure
