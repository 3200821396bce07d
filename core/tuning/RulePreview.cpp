#include "tuning/RulePreview.h"

#include "engine/DayClock.h"
#include "engine/Evaluator.h"
#include "engine/SummaryStore.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tenure {

Result<RulePreview::Summary> RulePreview::run(Database& db, const RuleSet& candidate,
                                              std::optional<QDate> today, int examples,
                                              const std::atomic_bool* cancel)
{
    const int day = today ? DayClock::dayNumber(*today) : DayClock::dayNumber(WorkspaceSettings(db).today());
    QHash<QString, QPair<QString, QString>> current; // id -> (stage, band)
    {
        QSqlQuery query(db.connection());
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT account_id, stage, coalesce(band, '') FROM account_status")))
            return Error { tr("Reading the current statuses failed: %1").arg(query.lastError().text()) };
        while (query.next())
            current.insert(query.value(0).toString(),
                           { query.value(1).toString(), query.value(2).toString() });
    }
    AccountStore accounts(db);
    Result<QList<Account>> all = accounts.all();
    if (!all)
        return Error { all.error() };
    Result<QHash<QString, QList<Outcome>>> outcomes = accounts.allOutcomes();
    if (!outcomes)
        return Error { outcomes.error() };

    const Evaluator evaluator(candidate);
    SummaryStore summaries(db);
    Summary summary;
    summary.asOf = DayClock::date(day);
    for (const Account& account : *all) {
        if (cancel && cancel->load())
            return Error { tr("The preview was cancelled.") };
        Result<AccountActivity> activity = summaries.loadActivity(account.id);
        if (!activity)
            return Error { activity.error() };
        const AccountStatus status = evaluator.evaluate(account, outcomes->value(account.id), *activity, day,
                                                        Evaluator::Detail::ScoreOnly);
        ++summary.accounts;
        const QPair<QString, QString> before = current.value(account.id);
        const bool stageChanged = before.first != status.stage;
        const bool bandChanged = before.second != status.band;
        summary.stageChanges += stageChanged;
        summary.bandChanges += bandChanged;
        if (bandChanged)
            summary.bandMoves[{ before.second, status.band }] += 1;
        if ((stageChanged || bandChanged) && summary.examples.size() < examples)
            summary.examples.append(
                { account.id, account.name, before.first, status.stage, before.second, status.band });
    }
    return summary;
}

} // namespace tenure
