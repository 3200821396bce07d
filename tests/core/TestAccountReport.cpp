#include "TestSupport.h"
#include "demo/DemoWorkspace.h"
#include "domain/Money.h"
#include "engine/DayClock.h"
#include "engine/ScoringEngine.h"
#include "report/AccountReport.h"
#include "store/WorkspaceSettings.h"

#include <QSqlQuery>
#include <QTest>

using namespace tenure;

namespace {
const QDate kToday(2026, 6, 15);
}

// The account report's usage figures come from the engine's aggregates, not from a scan of the
// log: they must be what the log says.
class TestAccountReport : public QObject
{
    Q_OBJECT

private slots:
    void moneyShowsItsCurrency()
    {
        QCOMPARE(formatMoney(900, QStringLiteral("USD")), QStringLiteral("$900"));
        QCOMPARE(formatMoney(500, QStringLiteral("JPY")), QStringLiteral("¥500"));
        QCOMPARE(formatMoney(900, QStringLiteral("CHF")), QStringLiteral("CHF 900"));
        // No currency (a total of nothing): the figure alone, not " 0" (it printed "( 0)").
        QCOMPARE(formatMoney(0, QString()), QStringLiteral("0"));
    }

    void usageMatchesTheLog()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        QVERIFY(WorkspaceSettings(*db).setTimeZone("Asia/Tokyo").ok());
        DemoGenerator::Options options;
        options.accounts = 12;
        options.today = kToday;
        QVERIFY(DemoWorkspace::populate(*db, options).ok());
        ScoringEngine::Options scoring;
        scoring.today = kToday;
        QVERIFY(ScoringEngine(*db, scoring).run().ok());

        DayClock clock(WorkspaceSettings(*db).timeZone());
        const int today = DayClock::dayNumber(kToday);
        int checked = 0;
        for (int i = 1; i <= 12; ++i) {
            const QString id = QStringLiteral("A-%1").arg(i, 5, 10, QLatin1Char('0'));
            const Result<AccountReport> report = AccountReport::load(*db, id, kToday);
            QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error()));
            // The same figures, straight from the log.
            QSqlQuery events(db->connection());
            events.prepare(
                QStringLiteral("SELECT name, user_id, occurred_at, quantity FROM events WHERE account_id = ? "
                               "ORDER BY seq"));
            events.addBindValue(id);
            QVERIFY(events.exec());
            double sum30 = 0, sum90 = 0;
            QSet<QString> users30, users90;
            QSet<int> days30, days90;
            QHash<QString, double> names30;
            qint64 newest = 0;
            while (events.next()) {
                const int day = clock.dayOf(events.value(2).toLongLong());
                if (day > today)
                    continue;
                newest = std::max(newest, events.value(2).toLongLong());
                const double quantity = events.value(3).toDouble();
                if (day > today - 90) {
                    sum90 += quantity;
                    days90.insert(day);
                    if (!events.value(1).toString().isEmpty())
                        users90.insert(events.value(1).toString());
                }
                if (day > today - 30) {
                    sum30 += quantity;
                    days30.insert(day);
                    names30[events.value(0).toString()] += quantity;
                    if (!events.value(1).toString().isEmpty())
                        users30.insert(events.value(1).toString());
                }
            }
            QCOMPARE(report->last30.events, sum30);
            QCOMPARE(report->last90.events, sum90);
            QCOMPARE(report->last30.activeUsers, int(users30.size()));
            QCOMPARE(report->last90.activeUsers, int(users90.size()));
            QCOMPARE(report->last30.activeDays, int(days30.size()));
            QCOMPARE(report->last90.activeDays, int(days90.size()));
            if (!report->last30.topEvents.isEmpty()) {
                const auto& top = report->last30.topEvents.constFirst();
                QCOMPARE(top.second, names30.value(top.first));
                for (auto it = names30.cbegin(); it != names30.cend(); ++it)
                    QVERIFY(it.value() <= top.second);
                ++checked;
            }
            if (newest > 0) {
                QVERIFY(!report->recentEvents.isEmpty());
                QCOMPARE(report->recentEvents.constFirst().occurredAt, newest);
            }
        }
        QVERIFY(checked > 5); // most demo accounts were active in the last 30 days
    }
};

QTEST_GUILESS_MAIN(TestAccountReport)
#include "TestAccountReport.moc"
