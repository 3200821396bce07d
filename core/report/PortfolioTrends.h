#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMap>

namespace tenure {

class Database;

// Portfolio health over time and the biggest recent movers, for the overview: read from
// history_days and the packed history (StatusHistory), never from raw events.
struct PortfolioTrends
{
    Q_DECLARE_TR_FUNCTIONS(PortfolioTrends)

public:
    struct Month
    {
        QDate day; // the last day of the month (today for the current one)
        QMap<QString, qint64> accountsByBand; // "" for accounts without a score
    };
    struct Drop
    {
        QString accountId;
        QString name;
        double before = 0;
        double now = 0;
    };

    QList<Month> months; // oldest first
    QList<Drop> drops; // the largest score drops in the window, largest first

    static Result<PortfolioTrends> load(Database& db, const QDate& today, int months = 12,
                                        int dropWindowDays = 30, int maxDrops = 10);
};

} // namespace tenure
