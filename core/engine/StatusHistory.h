#pragma once

#include "engine/AccountStatus.h"
#include "store/SqliteStatement.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>

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
// `history_months` (account_id, month 'YYYY-MM', days), where `days` is a JSON array indexed by
// the day of the month (entry 0 is the 1st), each entry ["stage", score, "band"] or null.
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
    Result<QJsonArray> loadMonth(const QString& accountId, const QByteArray& month) const;

    Database& m_db;
    QString m_table;
    mutable std::optional<SqliteStatement> m_load;
    std::optional<SqliteStatement> m_save;
    QHash<QString, QByteArray> m_encoded; // stage and band names as JSON strings
};

} // namespace tenure
