#pragma once

#include "engine/AccountStatus.h"
#include "store/SqliteStatement.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <array>
#include <functional>
#include <optional>
#include <vector>

namespace tenure {

class Database;
class DayTally;

// Every account's stage, score and band, day by day, packed one row per account and month:
// `history_months` (account_id, month 'YYYY-MM', legend, days). `days` is a JSON array indexed by
// the day of the month (entry 0 is the 1st), each entry [code, score] or null, and `legend` the
// row's own list of [stage, band] pairs that the codes index, e.g.
//   legend [["adoption","Good"],["renewal","Normal"]]   days [null,[0,71.5],[0,70.2],[1,68.9]]
// A year of 100k accounts is 1.2M rows instead of 36M, which is what makes a back-fill of a
// year's history fast to write. `history_days` (day, stage, band, accounts) counts the accounts
// each day, for the portfolio's history (the overview's 12 months). The view `status_history` (account_id,
// day, stage, score, band) unpacks it into one row per account and day, for anyone who reads the history with
// SQL; by account it is quick, by day it unpacks everything: onDay() reads one day from the packed rows.

class StatusHistory
{
    Q_DECLARE_TR_FUNCTIONS(StatusHistory)

public:
    // A subquery with one row (account_id, stage, score, band) per account with a status on `day`.
    static QString onDay(const QDate& day);

    // The accounts whose history differs between `history_months` and `history_months<suffix>` on
    // a day from `from` on (invalid: every day), or that one side has a month of and the other not;
    // and, into `before`, the accounts whose history_months holds a day before `from`. Both tables
    // are read side by side in the order of their keys (account, month), as one merge.
    static Status compareWithShadow(Database& db, const QString& suffix, const QDate& from,
                                    QSet<QString>& changed, QSet<QString>& before);

    // With `countsByWrites`, every write() also keeps `history_days` (accounts per day, stage and
    // band) up to date in the same transaction. Without, write() replaces without reading what
    // was stored (a rebuild's fresh tables: each account is written once) and the counts are
    // added at the end with addDayCounts().
    StatusHistory(Database& db, QString suffix, bool countsByWrites);

    // An account's days packed into month rows; pure, so it can be done on any thread.
    struct EncodedMonth
    {
        QByteArray key; // 'YYYY-MM'
        int day = 0; // the first day given
        int from = 0; // index in the month of the first day given
        int count = 0; // days given
        std::size_t offset = 0; // of the first in the days encoded
        QByteArray legend;
        QByteArray days;
    };
    using Encoded = std::vector<EncodedMonth>;
    static Encoded encode(int first, const std::vector<DayStatus>& days);

    // Stores the account's statuses for the days first, first + 1, ..., replacing what was stored
    // for those days and keeping the others (`encoded` is encode(first, days)).
    Status write(const QString& accountId, int first, const std::vector<DayStatus>& days);
    Status write(const QString& accountId, const Encoded& encoded, const std::vector<DayStatus>& days);
    Result<QList<AccountStatus>> read(const QString& accountId) const;
    Status addDayCounts(const DayTally& tally);
    // Drops every account's months before the month of `day`, and their days' counts.
    Status dropMonthsBefore(int day);

private:
    static constexpr int kMaxDaysInMonth = 31;
    using Month = std::array<std::optional<DayStatus>, kMaxDaysInMonth>;
    static void encodeMonth(const Month& entries, int length, EncodedMonth& out);
    struct StoredMonthRow
    {
        QJsonArray days;
        QJsonArray legend;
    };
    Result<StoredMonthRow> loadMonth(const QString& accountId, const QByteArray& month) const;
    Status addDayCount(int day, const QString& stage, const QString& band, qint64 accounts);

    Database& m_db;
    QString m_table;
    QString m_daysTable;
    bool m_countsByWrites;
    mutable std::optional<SqliteStatement> m_load;
    std::optional<SqliteStatement> m_save;
    std::optional<SqliteStatement> m_count;
    std::optional<SqliteStatement> m_dropZero;
};

} // namespace tenure
