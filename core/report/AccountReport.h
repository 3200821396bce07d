#pragma once

#include "actions/ActionStore.h"
#include "domain/Account.h"
#include "domain/Outcome.h"
#include "engine/AccountStatus.h"
#include "rules/RuleSet.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QTimeZone>

#include <optional>

namespace tenure {

class Database;

// How much an account used the product in a recent window.
struct UsageFigures
{
    int days = 0; // the window: the last N days up to the report's day
    double events = 0; // sum of quantities
    int activeUsers = 0;
    int activeDays = 0;
    QList<QPair<QString, double>> topEvents; // the five most used event names, by quantity
};

struct RecentEvent
{
    qint64 occurredAt = 0; // UTC milliseconds
    QString name;
    QString userId;
    double quantity = 1;
};

// What goes on an account report: read from the summary tables (status, history), master data
// and, for the usage figures, the account's events of the last 90 days. The page layout lives
// in the UI layer (ui/print); this is the data only, testable headless.
struct AccountReport
{
    Q_DECLARE_TR_FUNCTIONS(AccountReport)

public:
    Account account;
    std::optional<AccountStatus> status; // empty until the engine has scored the account
    QList<AccountStatus> history; // day by day, oldest first
    QList<Outcome> outcomes;
    QList<Action> actions; // open and snoozed, highest priority first
    QList<AccountNote> notes; // the most recent first
    UsageFigures last30;
    UsageFigures last90;
    QList<RecentEvent> recentEvents; // the latest 15 of the last 90 days, newest first
    RuleSet rules; // for stage names, band names and colours
    QDate asOf; // the report's day (today in the workspace zone)
    QTimeZone timeZone; // the workspace's (a team's), in which days begin and end
    std::optional<int> daysToRenewal; // negative when the renewal date has passed

    static Result<AccountReport> load(Database& db, const QString& accountId, const QDate& asOf);
    // Why "Why this score" lists nothing (for an empty breakdown): not scored yet, a stage that
    // has no criteria in the active rules, or else a score stored without its breakdown (its rules
    // version unreadable, or rules changed since), which the next scoring pass replaces.
    QString whyNoBreakdown() const;
};

} // namespace tenure
