#pragma once

#include "customers/CustomerQuery.h"
#include "domain/Account.h"
#include "rules/RuleSet.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMap>

#include <functional>
#include <optional>

namespace tenure {

class Database;

// A list of accounts with their current status, for portfolio reports and list exports: every
// account, or one owner's, in priority order.
//
// Priority order (documented in docs/reports.md): worst band first (the rules list bands best
// first; accounts without a score, e.g. churned, come last), then the nearest renewal, then the
// largest ARR, then the name.
struct PortfolioReport
{
    Q_DECLARE_TR_FUNCTIONS(PortfolioReport)

public:
    struct Row
    {
        Account account;
        QString stage; // id
        std::optional<double> score;
        QString band;
        std::optional<int> daysToRenewal;
    };

    QString owner; // empty: every owner
    QString scope; // how the accounts were chosen, for the report's header; empty: all (or the owner's)
    QDate asOf;
    RuleSet rules;
    QList<Row> rows;
    // Totals for the summary charts.
    QMap<QString, qint64> accountsByBand; // band → accounts ("" for no score)
    QMap<QString, qint64> accountsByStage; // stage id → accounts
    // currency → band → ARR. Currencies are never added together: a portfolio in dollars and yen
    // has two sums. "ARR at risk" is the worse bands' share.
    QMap<QString, QMap<QString, double>> arrByCurrencyAndBand;
    QString currency; // the currency most accounts' ARR is in, for the chart

    static Result<PortfolioReport> load(Database& db, const QDate& asOf, const QString& owner = {});
    // The accounts a customer-list search matches (the list's current filter), in priority order.
    static Result<PortfolioReport> load(Database& db, const QDate& asOf, const CustomerQuery& filter);

    // ARR in `currency` of every band but the best.
    double arrAtRisk(const QString& currency) const;

private:
    static Result<PortfolioReport> load(Database& db, const QDate& asOf,
                                        const std::function<bool(const Account&)>& include);
};

} // namespace tenure
