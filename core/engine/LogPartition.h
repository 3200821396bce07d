#pragma once

#include "engine/AccountActivity.h"
#include "util/HugePages.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tenure {

// One partition of a rebuild's log (see LogSpill), gathered by account: every account's events,
// as numbers, in no particular order (building an activity sorts them). An account's activity is
// built only when it is scored, and goes once it is stored, so a partition holds its events and
// never all of its accounts' activities.
//
// Event names and users carry the rebuild's numbers (SortedNumbering: in sorted order), so each
// account's activity comes out with its names and users already in the order
// AccountActivity::serialize() writes them.
class LogPartition
{
public:
    static constexpr quint32 kNoUser = 0xffffffff; // an event without a user

    // One event: its name and user (kNoUser: none), day and quantity. Its account is where it
    // lies (see the constructor's `start`).
    struct Event
    {
        quint32 name;
        quint32 user;
        qint32 day;
        double quantity;
    };

    // The partition's events, gathered by account: ids()[i]'s from start[i] on (start has one
    // more entry, the end). `ids` sorted as QStringList::sort() sorts; `names` and `users` (by
    // number, sorted the same way: SortedNumbering::texts()) outlive the partition.
    LogPartition(QStringList ids, const QStringList& names, const QStringList& users,
                 HugeVector<Event> events, std::vector<std::size_t> start);

    const QStringList& ids() const { return m_ids; }
    // Its events' memory, for the next partition to reuse once this one is scored.
    HugeVector<Event> takeEvents() { return std::move(m_events); }

    // Builds activities; one per thread, and used by one thread at a time.
    class Builder
    {
    public:
        explicit Builder(const LogPartition& partition);
        // The activity of ids()[index], finished: the same as add*() and finish() give for the
        // account's events.
        AccountActivity build(qsizetype index);

    private:
        struct Daily
        {
            quint64 key; // (name, day), see nameDayKey
            double quantity;
        };
        const LogPartition& m_partition;
        std::vector<int> m_localUser; // per user: its index in the account being built
        std::vector<quint32> m_touched;
        std::vector<Daily> m_daily;
        std::vector<quint64> m_userDays; // (day, user) keys
    };

private:
    QStringList m_ids;
    std::vector<std::size_t> m_start; // per account: where its events start in m_events
    HugeVector<Event> m_events; // by account
    const QStringList& m_names;
    const QStringList& m_users;
};

} // namespace tenure
