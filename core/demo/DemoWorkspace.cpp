#include "demo/DemoWorkspace.h"

#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"
#include "store/Transaction.h"
#include "store/WorkspaceSettings.h"

#include <QSqlQuery>
#include <QVariant>

namespace tenure {

namespace {
const QString kMadeWith = QStringLiteral("demo_made_with"); // the settings of the demo in the workspace
}

Result<DemoWorkspace::Summary> DemoWorkspace::populate(Database& db, const DemoGenerator::Options& options,
                                                       const Progress& progress,
                                                       const std::atomic_bool* cancel)
{
    const QString source = QString::fromLatin1(DemoGenerator::kSource);
    {
        QSqlQuery others(db.connection());
        others.prepare(QStringLiteral("SELECT count(*) FROM sources WHERE name <> ?"));
        others.addBindValue(source);
        if (!others.exec() || !others.next())
            return Error { tr("Cannot inspect the workspace before adding the demo.") };
        if (others.value(0).toLongLong() > 0)
            return Error { tr("This workspace already holds data from other sources; the demo needs an empty "
                              "workspace. Create a new workspace for the demo.") };
    }

    // The same settings give the same portfolio, so running the demo again adds nothing; other
    // settings would add a second portfolio on top of the first.
    const QString made = QStringLiteral("seed %1, %2 accounts, %3 days up to %4")
                             .arg(options.seed)
                             .arg(options.accounts)
                             .arg(options.days)
                             .arg(options.today.toString(Qt::ISODate));
    const QString before = WorkspaceSettings(db).value(kMadeWith);
    if (EventLog(db).count() > 0 && before != made)
        return Error { tr("This workspace already holds a demo portfolio (%1); another demo needs an "
                          "empty workspace. Create a new workspace for it.")
                           .arg(before.isEmpty() ? tr("made by an earlier Tenure")
                                                 : tr("made with %1").arg(before)) };

    const DemoGenerator generator(options);
    Transaction transaction(db);
    if (!transaction.isActive())
        return Error { transaction.startError() };
    if (Status noted = WorkspaceSettings(db).setValue(kMadeWith, made); !noted)
        return Error { noted.error() };
    if (Status registered = SourceStore(db).ensure(source, QStringLiteral("demo")); !registered)
        return Error { registered.error() };

    AccountStore accounts(db);
    if (Status stored = accounts.upsert(generator.accounts()); !stored)
        return Error { stored.error() };
    const Result<AccountStore::OutcomeCounts> outcomes = accounts.addOutcomes(generator.outcomes());
    if (!outcomes)
        return Error { outcomes.error() };

    Summary summary;
    summary.accounts = generator.accounts().size();
    summary.outcomes = outcomes->inserted + outcomes->duplicates;
    EventLog log(db);
    const int total = int(generator.accounts().size());
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load())
            return Error { tr("The demo was cancelled; the workspace is unchanged.") };
        const QList<Event> events = generator.eventsFor(i);
        const Result<EventLog::AppendResult> appended = log.append(events, EventLog::Policy::AllOrNothing);
        if (!appended)
            return Error { appended.error() };
        if (!appended->rejected.isEmpty())
            return Error { tr("Demo event %1 of account %2 was rejected: %3")
                               .arg(appended->rejected.first().index)
                               .arg(generator.accounts().at(i).id, appended->rejected.first().reason) };
        summary.events += appended->inserted;
        if (progress)
            progress(i + 1, total);
    }
    if (Status committed = transaction.commit(); !committed)
        return Error { committed.error() };
    return summary;
}

} // namespace tenure
