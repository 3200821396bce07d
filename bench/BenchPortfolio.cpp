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

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

namespace tenure::bench {

void addPortfolioOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("accounts"), QStringLiteral("Accounts to generate."),
                       QStringLiteral("n"), QStringLiteral("100000") });
    parser.addOption({ QStringLiteral("events"), QStringLiteral("Events to generate."), QStringLiteral("n"),
                       QStringLiteral("10000000") });
    parser.addOption({ QStringLiteral("db"), QStringLiteral("The workspace (generated there when missing)."),
                       QStringLiteral("path") });
}

std::unique_ptr<Database> openPortfolio(const QCommandLineParser& parser, const QTemporaryDir& scratch,
                                        const QDate& today)
{
    const QString path = parser.isSet(QStringLiteral("db"))
        ? parser.value(QStringLiteral("db"))
        : scratch.filePath(QStringLiteral("bench.tenure"));
    const bool exists = QFile::exists(path);
    // Read-write: a workspace of an older schema is upgraded first.
    Result<std::unique_ptr<Database>> opened = Database::open(path);
    if (!opened)
        qFatal("%s", qPrintable(opened.error()));
    if (!exists) {
        QElapsedTimer timer;
        timer.start();
        generatePortfolio(**opened, parser.value(QStringLiteral("accounts")).toInt(),
                          parser.value(QStringLiteral("events")).toLongLong(), today);
        std::printf("  generated %s in %.1f s\n", qPrintable(path), seconds(timer));
        // The generator's gigabytes still being written out would slow whatever is measured next.
        (void)QSqlQuery(opened.value()->connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        ::sync();
    }
    return std::move(opened).value();
}

double peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

void generatePortfolio(Database& db, int accountCount, qint64 eventCount, const QDate& today)
{
    if (!WorkspaceSettings(db).setTimeZone("UTC")
        || !SourceStore(db).ensure(QStringLiteral("bench"), QStringLiteral("bench"))
        || !RuleStore(db).save(RuleSetJson::defaults(), QStringLiteral("bench")))
        qFatal("cannot set up the benchmark workspace");
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
        qFatal("cannot store the accounts");

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
                qFatal("cannot append the events");
            batch.clear();
        }
    }
}

} // namespace tenure::bench
