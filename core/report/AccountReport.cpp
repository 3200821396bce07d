#include "report/AccountReport.h"

#include "engine/DayClock.h"
#include "engine/SummaryStore.h"
#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace tenure {

Result<AccountReport> AccountReport::load(Database& db, const QString& accountId, const QDate& asOf)
{
    AccountStore accounts(db);
    std::optional<Account> account = accounts.find(accountId);
    if (!account)
        return Error { tr("No account \"%1\" in this workspace.").arg(accountId) };
    AccountReport report;
    report.account = *account;
    report.asOf = asOf;
    Result<RuleStore::Active> rules = RuleStore(db).active();
    if (!rules)
        return Error { rules.error() };
    report.rules = std::move(rules->rules);
    SummaryStore summaries(db);
    Result<std::optional<AccountStatus>> status = summaries.status(accountId);
    if (!status)
        return Error { status.error() };
    report.status = status.value();
    Result<QList<AccountStatus>> history = summaries.history(accountId);
    if (!history)
        return Error { history.error() };
    report.history = std::move(history).value();
    Result<QList<Outcome>> outcomes = accounts.outcomesFor(accountId);
    if (outcomes)
        report.outcomes = std::move(outcomes).value();
    ActionStore actions(db);
    Result<QList<Action>> live = actions.forAccount(accountId);
    if (!live)
        return Error { live.error() };
    report.actions = std::move(live).value();
    Result<QList<AccountNote>> notes = actions.accountNotes(accountId, 5);
    if (!notes)
        return Error { notes.error() };
    report.notes = std::move(notes).value();
    if (report.account.renewalDate.isValid())
        report.daysToRenewal = int(asOf.daysTo(report.account.renewalDate));

    // Usage: the account's events of the last 90 days, by day in the workspace zone.
    DayClock clock(WorkspaceSettings(db).timeZone());
    const int lastDay = DayClock::dayNumber(asOf);
    const qint64 from = asOf.addDays(-89).startOfDay(clock.zone()).toMSecsSinceEpoch();
    const qint64 to = asOf.addDays(1).startOfDay(clock.zone()).toMSecsSinceEpoch();
    QSqlQuery events(db.connection());
    events.setForwardOnly(true);
    events.prepare(QStringLiteral("SELECT name, user_id, occurred_at, quantity FROM events "
                                  "WHERE account_id = ? AND occurred_at >= ? AND occurred_at < ?"));
    events.addBindValue(accountId);
    events.addBindValue(from);
    events.addBindValue(to);
    if (!events.exec())
        return Error { events.lastError().text() };
    struct Window
    {
        UsageFigures* figures;
        QSet<QString> users;
        QSet<int> days;
        QHash<QString, double> byName;
    };
    report.last30.days = 30;
    report.last90.days = 90;
    Window windows[] = { { &report.last30, {}, {}, {} }, { &report.last90, {}, {}, {} } };
    while (events.next()) {
        report.recentEvents.append({ events.value(2).toLongLong(), events.value(0).toString(),
                                     events.value(1).toString(), events.value(3).toDouble() });
        const int day = clock.dayOf(events.value(2).toLongLong());
        const double quantity = events.value(3).toDouble();
        for (Window& window : windows) {
            if (day <= lastDay - window.figures->days)
                continue;
            window.figures->events += quantity;
            window.byName[events.value(0).toString()] += quantity;
            window.days.insert(day);
            if (!events.value(1).isNull())
                window.users.insert(events.value(1).toString());
        }
    }
    std::sort(report.recentEvents.begin(), report.recentEvents.end(),
              [](const RecentEvent& a, const RecentEvent& b) { return a.occurredAt > b.occurredAt; });
    if (report.recentEvents.size() > 15)
        report.recentEvents.resize(15);
    for (Window& window : windows) {
        window.figures->activeUsers = int(window.users.size());
        window.figures->activeDays = int(window.days.size());
        for (auto it = window.byName.cbegin(); it != window.byName.cend(); ++it)
            window.figures->topEvents.append({ it.key(), it.value() });
        std::sort(window.figures->topEvents.begin(), window.figures->topEvents.end(),
                  [](const auto& a, const auto& b) {
                      return a.second > b.second || (a.second == b.second && a.first < b.first);
                  });
        if (window.figures->topEvents.size() > 5)
            window.figures->topEvents.resize(5);
    }
    return report;
}

} // namespace tenure
