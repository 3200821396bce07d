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
    // The engine keeps the accounts per day and band (history_days): a month end is a few rows. A
    // CSM's copy of a team workspace with own-accounts-only on has none (the server keeps the
    // team's counts from them) but its accounts' history: their month ends are counted from it.
    QSqlQuery probe(db.connection());
    if (!probe.exec(QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM history_days) AND EXISTS (SELECT 1 FROM "
                                   "history_months)"))
        || !probe.next())
        return Error { probe.lastError().text() };
    const bool fromAccounts = probe.value(0).toBool();
    probe.finish();
    QSqlQuery query(db.connection());
    if (!fromAccounts)
        query.prepare(
            QStringLiteral("SELECT band, sum(accounts) FROM history_days WHERE day = ? GROUP BY band"));
    for (int i = months - 1; i >= 0; --i) {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-i);
        const QDate day = i == 0 ? today : first.addMonths(1).addDays(-1);
        if (fromAccounts)
            query.prepare(QStringLiteral("SELECT coalesce(band, ''), count(*) FROM %1 GROUP BY 1")
                              .arg(StatusHistory::onDay(day)));
        else
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
