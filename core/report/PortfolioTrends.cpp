#include "report/PortfolioTrends.h"

#include "engine/StatusHistory.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tenure {

Result<PortfolioTrends> PortfolioTrends::load(Database& db, const QDate& today, int months,
                                              int dropWindowDays, int maxDrops)
{
    PortfolioTrends trends;
    // The engine keeps the accounts per day and band (history_days): a month end is a few rows.
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("SELECT band, sum(accounts) FROM history_days WHERE day = ? GROUP BY band"));
    for (int i = months - 1; i >= 0; --i) {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-i);
        const QDate day = i == 0 ? today : first.addMonths(1).addDays(-1);
        query.addBindValue(day.toString(Qt::ISODate));
        if (!query.exec())
            return Error { query.lastError().text() };
        Month month { day, {} };
        while (query.next())
            month.accountsByBand.insert(query.value(0).toString(), query.value(1).toLongLong());
        if (!month.accountsByBand.isEmpty())
            trends.months.append(month);
    }
    QSqlQuery drops(db.connection());
    drops.prepare(
        QStringLiteral("SELECT h.account_id, coalesce(a.name, h.account_id), h.score, s.score FROM %1 h "
                       "JOIN account_status s ON s.account_id = h.account_id LEFT JOIN accounts a ON a.id = "
                       "h.account_id "
                       "WHERE h.score IS NOT NULL AND s.score IS NOT NULL AND h.score > s.score "
                       "ORDER BY h.score - s.score DESC, a.name LIMIT ?")
            .arg(StatusHistory::onDay(today.addDays(-dropWindowDays))));
    drops.addBindValue(maxDrops);
    if (!drops.exec())
        return Error { drops.lastError().text() };
    while (drops.next())
        trends.drops.append({ drops.value(0).toString(), drops.value(1).toString(), drops.value(2).toDouble(),
                              drops.value(3).toDouble() });
    return trends;
}

} // namespace tenure
