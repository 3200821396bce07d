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
    report.timeZone = WorkspaceSettings(db).timeZone();
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

    // Usage in the last 30 and 90 days, from the engine's daily aggregates of the account (the
    // log has no index by account: reading it would scan every event of the workspace).
    const int lastDay = DayClock::dayNumber(asOf);
    Result<AccountActivity> activity = summaries.loadActivity(accountId);
    if (!activity)
        return Error { activity.error() };
    report.last30.days = 30;
    report.last90.days = 90;
    for (UsageFigures* figures : { &report.last30, &report.last90 }) {
        const int from = lastDay - figures->days + 1;
        figures->events = activity->sum({}, from, lastDay);
        figures->activeUsers = activity->distinctUsers(from, lastDay);
        figures->activeDays = activity->activeDays(from, lastDay);
        for (const QString& name : activity->names()) {
            if (const double used = activity->sum({ name }, from, lastDay); used > 0)
                figures->topEvents.append({ name, used });
        }
        std::sort(figures->topEvents.begin(), figures->topEvents.end(), [](const auto& a, const auto& b) {
            return a.second > b.second || (a.second == b.second && a.first < b.first);
        });
        if (figures->topEvents.size() > 5)
            figures->topEvents.resize(5);
    }

    // The latest events received for the account, newest first. The log is read backwards from
    // its end and, on a large workspace, no further than its last kRecentScan events, so that
    // the page of a long-silent account does not scan the whole log.
    constexpr qint64 kRecentScan = 2000000;
    QSqlQuery events(db.connection());
    events.setForwardOnly(true);
    events.prepare(
        QStringLiteral("SELECT name, user_id, occurred_at, quantity FROM events "
                       "WHERE account_id = ? AND seq > (SELECT coalesce(max(seq), 0) FROM events) - ? "
                       "AND occurred_at < ? ORDER BY seq DESC LIMIT 15"));
    events.addBindValue(accountId);
    events.addBindValue(kRecentScan);
    events.addBindValue(asOf.addDays(1).startOfDay(WorkspaceSettings(db).timeZone()).toMSecsSinceEpoch());
    if (!events.exec())
        return Error { events.lastError().text() };
    while (events.next())
        report.recentEvents.append({ events.value(2).toLongLong(), events.value(0).toString(),
                                     events.value(1).toString(), events.value(3).toDouble() });
    std::sort(report.recentEvents.begin(), report.recentEvents.end(),
              [](const RecentEvent& a, const RecentEvent& b) { return a.occurredAt > b.occurredAt; });
    return report;
}

QString AccountReport::whyNoBreakdown() const
{
    if (!status)
        return tr("The health-score engine has not scored this account yet.");
    if (const Stage* stage = rules.stage(status->stage); stage && stage->criteria.isEmpty())
        return tr("The %1 stage has no health criteria.").arg(rules.stageName(status->stage));
    return tr("No breakdown is stored for this score; the next scoring pass adds it.");
}

} // namespace tenure
