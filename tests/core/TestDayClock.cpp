#include "engine/DayClock.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace tenure;

// Days of the workspace's zone, as the engine numbers and prints them.
class TestDayClock : public QObject
{
    Q_OBJECT

private slots:
    // The engine's fast day text is QDate's ISO text, for every day of four centuries and the edges.
    void isoDayIsQtsIsoDate()
    {
        for (int day = DayClock::dayNumber(QDate(1900, 1, 1));
             day <= DayClock::dayNumber(QDate(2300, 12, 31)); ++day)
            QCOMPARE(DayClock::isoDay(day), DayClock::date(day).toString(Qt::ISODate).toLatin1());
        for (const QDate& date :
             { QDate(1, 1, 1), QDate(9999, 12, 31), QDate(10000, 1, 1), QDate(-44, 3, 15) })
            QCOMPARE(DayClock::isoDay(DayClock::dayNumber(date)), date.toString(Qt::ISODate).toLatin1());
    }

    void dayBoundariesFollowTheWorkspaceZone()
    {
        DayClock tokyo(QTimeZone("Asia/Tokyo"));
        const qint64 lastMsOfMarch1
            = QDateTime(QDate(2026, 3, 1), QTime(14, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
        QCOMPARE(DayClock::date(tokyo.dayOf(lastMsOfMarch1)), QDate(2026, 3, 1));
        QCOMPARE(DayClock::date(tokyo.dayOf(lastMsOfMarch1 + 1)), QDate(2026, 3, 2));
        DayClock utc(QTimeZone::utc());
        QCOMPARE(DayClock::date(utc.dayOf(lastMsOfMarch1 + 1)), QDate(2026, 3, 1));
        QCOMPARE(DayClock::date(utc.dayOf(-1)), QDate(1969, 12, 31));

        // Across daylight-saving changes the cached offset must agree with Qt's own conversion.
        for (const char* zone : { "Europe/Paris", "America/New_York", "Australia/Sydney" }) {
            const QTimeZone tz(zone);
            DayClock clock(tz);
            const qint64 start = QDateTime(QDate(2025, 12, 25), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
            for (qint64 ms = start; ms < start + 400LL * 86400000; ms += 1800000 + 7) {
                const QDate expected = QDateTime::fromMSecsSinceEpoch(ms, tz).date();
                if (DayClock::date(clock.dayOf(ms)) != expected)
                    QFAIL(qPrintable(QStringLiteral("%1 at %2").arg(QLatin1String(zone)).arg(ms)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDayClock)
#include "TestDayClock.moc"
