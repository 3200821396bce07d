#include "BenchPortfolio.h"

#include "demo/DemoRandom.h"
#include "domain/Account.h"
#include "domain/Outcome.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "store/SourceStore.h"
#include "store/WorkspaceSettings.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>

#include <cmath>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

namespace tenure::bench {

std::unique_ptr<Database> openPortfolio(const Options& options, const QDate& today)
{
    const QString path = options.workspacePath(QStringLiteral("bench.tenure"));
    // Read-write: a workspace of an older schema is upgraded first.
    Result<std::unique_ptr<Database>> opened = Database::open(path);
    if (!opened)
        fail(opened.error());
    if (!options.workspaceExisted()) {
        QElapsedTimer timer;
        timer.start();
        generatePortfolio(**opened, options.accounts(), options.events(), today);
        std::printf("  generated %s in %.1f s\n", qPrintable(path), seconds(timer));
        // The generator's gigabytes still being written out would slow whatever is measured next.
        (void)QSqlQuery(opened.value()->connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        ::sync();
    } else {
        std::printf("  measuring %s as it is (--accounts and --events apply to generated workspaces)\n",
                    qPrintable(path));
    }
    requireData(**opened, true);
    return std::move(opened).value();
}

double peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

RuleSet benchRules()
{
    // The rules the SQL, DuckDB and PostgreSQL formulations of the benchmarks spell out: frozen
    // here, so that a change to the shipped defaults cannot make the comparisons disagree.
    QFile file(QStringLiteral(TENURE_BENCH_RULES));
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    Result<RuleSet> rules = RuleSetJson::parse(file.readAll());
    if (!rules)
        fail(QStringLiteral("%1: %2").arg(file.fileName(), rules.error()));
    return rules.value();
}

void generatePortfolio(Database& db, int accountCount, qint64 eventCount, const QDate& today)
{
    if (!WorkspaceSettings(db).setTimeZone("UTC")
        || !SourceStore(db).ensure(QStringLiteral("bench"), QStringLiteral("bench"))
        || !RuleStore(db).save(benchRules(), QStringLiteral("bench")))
        fail(QStringLiteral("cannot set up the benchmark workspace"));
    DemoRandom random(42);
    QList<Account> accounts;
    QList<Outcome> outcomes;
    for (int i = 0; i < accountCount; ++i) {
        Account a;
        a.id = QStringLiteral("B%1").arg(i, 6, 10, QLatin1Char('0'));
        a.name = a.id;
        a.seats = random.between(1, 40);
        a.plan = random.chance(0.03) ? QStringLiteral("Trial")
            : random.chance(0.5)     ? QStringLiteral("Pro")
                                     : QStringLiteral("Basic");
        a.signupDate = today.addDays(-random.between(5, 1500));
        a.renewalDate = a.signupDate;
        while (a.renewalDate < today)
            a.renewalDate = a.renewalDate.addYears(1);
        a.arr = *a.seats * 500.0;
        accounts << a;
        if (random.chance(0.05)) {
            Outcome o;
            o.accountId = a.id;
            o.kind = Outcome::Kind::Churned;
            o.date = today.addDays(-random.between(1, 200));
            o.source = QStringLiteral("bench");
            o.externalId = a.id;
            outcomes << o;
        }
    }
    if (!AccountStore(db).upsert(accounts) || !AccountStore(db).addOutcomes(outcomes))
        fail(QStringLiteral("cannot store the accounts"));

    static const QStringList names { QStringLiteral("login"),
                                     QStringLiteral("login"),
                                     QStringLiteral("login"),
                                     QStringLiteral("login"),
                                     QStringLiteral("dashboard_viewed"),
                                     QStringLiteral("dashboard_viewed"),
                                     QStringLiteral("report_created"),
                                     QStringLiteral("api_call"),
                                     QStringLiteral("integration_sync"),
                                     QStringLiteral("invite_sent"),
                                     QStringLiteral("support_ticket") };
    const qint64 end = qint64(today.toJulianDay() - 2440588) * kDayMs;
    EventLog log(db);
    QList<Event> batch;
    batch.reserve(100000);
    for (qint64 n = 0; n < eventCount; ++n) {
        const Account& a = accounts.at(int(random.next() % std::uint64_t(accountCount)));
        // Later days are likelier for half of the accounts, earlier for the others: trends both ways.
        double u = random.uniform();
        u = (a.id.back().unicode() % 2) ? std::sqrt(u) : 1 - std::sqrt(u);
        Event e;
        e.source = QStringLiteral("bench");
        e.externalId = QString::number(n, 36);
        e.accountId = a.id;
        e.userId = QStringLiteral("u%1").arg(random.between(1, *a.seats));
        e.name = random.pick(names);
        e.occurredAt = end - qint64(u * 365 * kDayMs) - 1;
        batch << e;
        if (batch.size() == 100000 || n == eventCount - 1) {
            if (!log.append(batch))
                fail(QStringLiteral("cannot append the events"));
            batch.clear();
        }
    }
}

} // namespace tenure::bench
