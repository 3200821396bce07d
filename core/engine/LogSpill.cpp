#include "engine/LogSpill.h"

#include "engine/DayClock.h"
#include "store/SqliteStatement.h"

#include <QDir>

#include <cstring>
#include <deque>
#include <string_view>
#include <unordered_map>

namespace tenure {

namespace {

constexpr qsizetype kFlushBytes = 1 << 20;

template <typename T> void put(QByteArray& out, T value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void putText(QByteArray& out, const unsigned char* text, int bytes)
{
    put<qint32>(out, text ? bytes : -1);
    if (text)
        out.append(reinterpret_cast<const char*>(text), bytes);
}

template <typename T> bool take(const char*& at, const char* end, T& value)
{
    if (end - at < qsizetype(sizeof value))
        return false;
    std::memcpy(&value, at, sizeof value);
    at += sizeof value;
    return true;
}

bool takeText(const char*& at, const char* end, QByteArrayView& text, bool& null)
{
    qint32 bytes = 0;
    if (!take(at, end, bytes))
        return false;
    null = bytes < 0;
    if (null) {
        text = {};
        return true;
    }
    if (end - at < bytes)
        return false;
    text = QByteArrayView(at, bytes);
    at += bytes;
    return true;
}

} // namespace

Result<std::unique_ptr<LogSpill>> LogSpill::write(sqlite3* db, DayClock& clock, qint64 upTo, int partitions,
                                                  const Progress& progress, const std::atomic_bool* cancel)
{
    auto spill = std::make_unique<LogSpill>();
    std::vector<QByteArray> buffers;
    buffers.resize(size_t(partitions));
    for (int i = 0; i < partitions; ++i) {
        auto file
            = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/tenure-rebuild-XXXXXX"));
        if (!file->open())
            return Error { tr("Cannot create a temporary file for the rebuild in %1: %2")
                               .arg(QDir::tempPath(), file->errorString()) };
        spill->m_files.push_back(std::move(file));
        buffers[size_t(i)].reserve(kFlushBytes + 4096);
    }
    auto flush = [&](int i) -> Status {
        QByteArray& buffer = buffers[size_t(i)];
        if (spill->m_files[size_t(i)]->write(buffer) != buffer.size())
            return Error { tr("Cannot write the rebuild's temporary file: %1")
                               .arg(spill->m_files[size_t(i)]->errorString()) };
        buffer.clear();
        return {};
    };

    Result<SqliteStatement> read = SqliteStatement::prepare(
        db,
        "SELECT account_id, user_id, name, occurred_at, quantity FROM events WHERE seq <= ? ORDER BY seq");
    if (!read)
        return Error { tr("Cannot read the event log: %1").arg(read.error()) };
    read->bind(1, upTo);
    sqlite3_stmt* row = read->get();
    int rc;
    while ((rc = sqlite3_step(row)) == SQLITE_ROW) {
        const auto* account = sqlite3_column_text(row, 0);
        const int accountBytes = sqlite3_column_bytes(row, 0);
        const int partition
            = int(qHash(QByteArrayView(reinterpret_cast<const char*>(account), accountBytes), 0)
                  % size_t(partitions));
        QByteArray& out = buffers[size_t(partition)];
        putText(out, account, accountBytes);
        putText(out, sqlite3_column_text(row, 2), sqlite3_column_bytes(row, 2));
        const auto* user = sqlite3_column_type(row, 1) == SQLITE_NULL ? nullptr : sqlite3_column_text(row, 1);
        putText(out, user, user ? sqlite3_column_bytes(row, 1) : 0);
        put<qint32>(out, clock.dayOf(sqlite3_column_int64(row, 3)));
        put<double>(out, sqlite3_column_double(row, 4));
        if (out.size() >= kFlushBytes) {
            if (Status flushed = flush(partition); !flushed)
                return Error { flushed.error() };
        }
        if (++spill->m_rows % 200000 == 0) {
            if (cancel && cancel->load())
                return Error { tr("Scoring was cancelled.") };
            if (progress)
                progress(spill->m_rows);
        }
    }
    if (rc != SQLITE_DONE)
        return Error { tr("Cannot read the event log: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))) };
    for (int i = 0; i < partitions; ++i) {
        if (Status flushed = flush(i); !flushed)
            return Error { flushed.error() };
        if (!spill->m_files[size_t(i)]->flush())
            return Error { tr("Cannot write the rebuild's temporary file: %1")
                               .arg(spill->m_files[size_t(i)]->errorString()) };
    }
    return spill;
}

Result<QHash<QString, AccountActivity>> LogSpill::fold(int partition) const
{
    QTemporaryFile& file = *m_files.at(size_t(partition));
    if (!file.seek(0))
        return Error { tr("Cannot read the rebuild's temporary file: %1").arg(file.errorString()) };
    const QByteArray data = file.readAll();
    // Ids and names are looked up by their bytes in the file, which stay put while it is folded:
    // each is turned into a QString once, not once per event.
    // A deque keeps its elements where they are as it grows, so the map may point into it.
    std::deque<std::pair<QString, AccountActivity>> accounts;
    std::unordered_map<std::string_view, AccountActivity*> byAccount;
    std::unordered_map<std::string_view, QString> names;
    std::unordered_map<std::string_view, QString> users;
    const char* at = data.constData();
    const char* end = at + data.size();
    while (at < end) {
        QByteArrayView account, name, user;
        bool null = false;
        bool noUser = false;
        qint32 day = 0;
        double quantity = 0;
        if (!takeText(at, end, account, null) || !takeText(at, end, name, null)
            || !takeText(at, end, user, noUser) || !take(at, end, day) || !take(at, end, quantity))
            return Error { tr("The rebuild's temporary file is damaged (partition %1).").arg(partition) };
        const std::string_view accountKey(account.data(), size_t(account.size()));
        auto found = byAccount.find(accountKey);
        if (found == byAccount.end()) {
            accounts.emplace_back(QString::fromUtf8(account), AccountActivity {});
            found = byAccount.emplace(accountKey, &accounts.back().second).first;
        }
        const std::string_view nameKey(name.data(), size_t(name.size()));
        auto known = names.find(nameKey);
        if (known == names.end())
            known = names.emplace(nameKey, QString::fromUtf8(name)).first;
        found->second->addDaily(known->second, day, quantity);
        if (!noUser) {
            const std::string_view userKey(user.data(), size_t(user.size()));
            auto knownUser = users.find(userKey);
            if (knownUser == users.end())
                knownUser = users.emplace(userKey, QString::fromUtf8(user)).first;
            found->second->addUser(day, knownUser->second);
        }
    }
    QHash<QString, AccountActivity> all;
    all.reserve(qsizetype(accounts.size()));
    for (auto& [id, activity] : accounts)
        all.insert(id, std::move(activity));
    return all;
}

} // namespace tenure
