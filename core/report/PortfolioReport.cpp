#include "report/PortfolioReport.h"

#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/Database.h"

#include <QLocale>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace tenure {

Result<PortfolioReport> PortfolioReport::load(Database& db, const QDate& asOf, const QString& owner)
{
    Result<PortfolioReport> report = load(
        db, asOf, [&owner](const Account& account) { return owner.isEmpty() || account.owner == owner; });
    if (report)
        report->owner = owner;
    return report;
}

Result<PortfolioReport> PortfolioReport::load(Database& db, const QDate& asOf, const CustomerQuery& filter)
{
    CustomerQuery all = filter;
    all.limit = std::numeric_limits<int>::max();
    const Result<CustomerQuery::Page> page = all.run(db, asOf);
    if (!page)
        return Error { page.error() };
    QSet<QString> ids;
    for (const CustomerRow& row : page->rows)
        ids.insert(row.id);
    Result<PortfolioReport> report
        = load(db, asOf, [&ids](const Account& account) { return ids.contains(account.id); });
    if (report) {
        QStringList parts;
        if (!filter.search.isEmpty())
            parts << tr("\"%1\"").arg(filter.search);
        if (!filter.stage.isEmpty())
            parts << report->rules.stageName(filter.stage);
        if (!filter.band.isEmpty())
            parts << (filter.band == QLatin1String("-") ? tr("no score") : filter.band);
        if (!filter.owner.isEmpty())
            parts << filter.owner;
        if (filter.renewalWithinDays)
            parts << tr("renewal within %n days", nullptr, *filter.renewalWithinDays);
        report->scope
            = parts.isEmpty() ? QString() : tr("Customer list: %1").arg(parts.join(QStringLiteral(", ")));
    }
    return report;
}

Result<PortfolioReport> PortfolioReport::load(Database& db, const QDate& asOf,
                                              const std::function<bool(const Account&)>& include)
{
    PortfolioReport report;
    report.asOf = asOf;
    Result<RuleStore::Active> rules = RuleStore(db).active();
    if (!rules)
        return Error { rules.error() };
    report.rules = std::move(rules->rules);
    Result<QList<Account>> accounts = AccountStore(db).all();
    if (!accounts)
        return Error { accounts.error() };
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT account_id, stage, score, band FROM account_status")))
        return Error { query.lastError().text() };
    struct Status
    {
        QString stage;
        std::optional<double> score;
        QString band;
    };
    QHash<QString, Status> statuses;
    while (query.next())
        statuses.insert(
            query.value(0).toString(),
            { query.value(1).toString(),
              query.value(2).isNull() ? std::nullopt : std::optional<double>(query.value(2).toDouble()),
              query.value(3).toString() });

    QHash<QString, int> accountsByCurrency;
    for (Account& account : *accounts) {
        if (!include(account))
            continue;
        const Status status = statuses.value(account.id);
        Row row { std::move(account), status.stage, status.score, status.band, std::nullopt };
        if (row.account.renewalDate.isValid())
            row.daysToRenewal = int(asOf.daysTo(row.account.renewalDate));
        ++report.accountsByBand[row.band];
        ++report.accountsByStage[row.stage];
        if (row.account.arr) {
            report.arrByCurrencyAndBand[row.account.currency][row.band] += *row.account.arr;
            ++accountsByCurrency[row.account.currency];
        }
        report.rows.append(std::move(row));
    }
    int most = -1;
    for (auto it = accountsByCurrency.cbegin(); it != accountsByCurrency.cend(); ++it)
        if (it.value() > most || (it.value() == most && it.key() < report.currency)) {
            most = it.value();
            report.currency = it.key();
        }

    // Worst band first: the rules list bands best first.
    QHash<QString, int> severity;
    for (qsizetype i = 0; i < report.rules.bands.size(); ++i)
        severity.insert(report.rules.bands[i].name, int(i) + 1);
    std::sort(report.rows.begin(), report.rows.end(), [&severity](const Row& a, const Row& b) {
        const int sa = severity.value(a.band, 0);
        const int sb = severity.value(b.band, 0);
        if (sa != sb)
            return sa > sb;
        const int ra = a.daysToRenewal.value_or(INT_MAX);
        const int rb = b.daysToRenewal.value_or(INT_MAX);
        if (ra != rb)
            return ra < rb;
        const double aa = a.account.arr.value_or(0);
        const double ab = b.account.arr.value_or(0);
        if (aa != ab)
            return aa > ab;
        return a.account.name < b.account.name;
    });
    return report;
}

double PortfolioReport::arrAtRisk(const QString& currency) const
{
    double sum = 0;
    const QMap<QString, double> byBand = arrByCurrencyAndBand.value(currency);
    for (qsizetype i = 1; i < rules.bands.size(); ++i)
        sum += byBand.value(rules.bands[i].name);
    return sum;
}

} // namespace tenure
