#pragma once

#include "engine/AccountStatus.h"
#include "store/SqliteStatement.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QJsonArray>

#include <optional>
#include <vector>

namespace tenure {

class Database;

// One day of an account's history.
struct DayStatus
{
    QString stage;
    std::optional<double> score;
    QString band;
};

// Every account's stage, score and band, day by day, packed one row per account and month:
// `history_months` (account_id, month 'YYYY-MM', legend, days). `days` is a JSON array indexed by
// the day of the month (entry 0 is the 1st), each entry [code, score] or null, and `legend` the
// row's own list of [stage, band] pairs that the codes index, e.g.
//   legend [["adoption","Good"],["renewal","Normal"]]   days [null,[0,71.5],[0,70.2],[1,68.9]]
// A year of 100k accounts is 1.2M rows instead of 36M, which is what makes a back-fill of a
// year's history fast to write. The view `status_history` (account_id, day, stage, score, band)
// unpacks it into one row per account and day, for anyone who reads the history with SQL; by
// account it is quick, by day it unpacks everything: onDay() reads one day from the packed rows.
class StatusHistory
{
    Q_DECLARE_TR_FUNCTIONS(StatusHistory)

public:
    static QStringList createStatements(const QString& suffix);
    static QStringList indexStatements();
    static QStringList viewStatements();
    static QStringList dropViewStatements();

    // A subquery with one row (account_id, stage, score, band) per account with a status on `day`.
    static QString onDay(const QDate& day);

    explicit StatusHistory(Database& db, QString suffix = {});

    // Stores the account's statuses for the days first, first + 1, ..., replacing what was stored
    // for those days and keeping the others.
    Status write(const QString& accountId, int first, const std::vector<DayStatus>& days);
    Result<QList<AccountStatus>> read(const QString& accountId) const;

private:
    QByteArray jsonString(const QString& text);
    struct StoredMonthRow
    {
        QJsonArray days;
        QJsonArray legend;
    };
    Result<StoredMonthRow> loadMonth(const QString& accountId, const QByteArray& month) const;

    Database& m_db;
    QString m_table;
    mutable std::optional<SqliteStatement> m_load;
    std::optional<SqliteStatement> m_save;
    QHash<QString, QByteArray> m_encoded; // stage and band names as JSON strings
};

} // namespace tenure
