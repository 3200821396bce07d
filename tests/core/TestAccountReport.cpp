#include "TestSupport.h"
#include "demo/DemoWorkspace.h"
#include "domain/Money.h"
#include "engine/DayClock.h"
#include "engine/ScoringEngine.h"
#include "report/AccountReport.h"
#include "report/ObservedText.h"
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

    // What a criterion observed reads the same on the customer page and the printed report, with
    // as many decimals as tell it (the report printed -11.5385 where the page showed -11.54), and a
    // fall with the minus sign the action queue's reasons use.
    void observedValuesInWords_data()
    {
        QTest::addColumn<QVariant>("observed");
        QTest::addColumn<QString>("words");
        QTest::newRow("nothing measured") << QVariant() << QStringLiteral("n/a");
        QTest::newRow("yes") << QVariant(true) << QStringLiteral("yes");
        QTest::newRow("whole") << QVariant(1250.0) << QStringLiteral("1,250");
        QTest::newRow("integer") << QVariant(qint64(42)) << QStringLiteral("42");
        QTest::newRow("fraction") << QVariant(2.0 / 3.0) << QStringLiteral("0.667");
        QTest::newRow("change") << QVariant(-11.538461) << QStringLiteral("−11.54");
        QTest::newRow("fall") << QVariant(-3.0) << QStringLiteral("−3");
        QTest::newRow("small fall") << QVariant(-0.25) << QStringLiteral("−0.250");
        QTest::newRow("half") << QVariant(12.5) << QStringLiteral("12.5");
        QTest::newRow("large") << QVariant(12345.678) << QStringLiteral("12,345.68");
        QTest::newRow("text") << QVariant(QStringLiteral("enterprise")) << QStringLiteral("enterprise");
        QTest::newRow("digits as text") << QVariant(QStringLiteral("007")) << QStringLiteral("007");
    }

    void observedValuesInWords()
    {
        QFETCH(QVariant, observed);
        QFETCH(QString, words);
        QCOMPARE(observedText(observed), words);
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
