#include "TestSupport.h"
#include "engine/DayClock.h"
#include "engine/DayTally.h"
#include "engine/StatusHistory.h"

#include <QSqlQuery>
#include <QTest>

using namespace tenure;

namespace {

const int kMay30 = DayClock::dayNumber(QDate(2026, 5, 30));

DayStatus day(const char* stage, std::optional<double> score, const char* band)
{
    return { QString::fromLatin1(stage), score, QString::fromLatin1(band) };
}

// The view's rows for the account, as text, by day.
QStringList viewRows(Database& db, const QString& account)
{
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral(
        "SELECT day, stage, score, band FROM status_history WHERE account_id = ? ORDER BY day"));
    query.addBindValue(account);
    if (!query.exec())
        qFatal("status_history query failed");
    QStringList rows;
    while (query.next())
        rows << QStringLiteral("%1 %2 %3 %4")
                    .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                         query.value(3).toString());
    return rows;
}

} // namespace

// The packed history (one row per account and month), the view that unpacks it, and the
// accounts-per-day counts kept beside it.
class TestStatusHistory : public QObject
{
    Q_OBJECT

private slots:
    void writesAcrossMonthsAndReadsBack()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        StatusHistory history(*db, {}, true);
        const std::vector<DayStatus> days { day("onboarding", 55.5, "Normal"), day("onboarding", 71, "Good"),
                                            day("churned", std::nullopt, ""), day("adoption", 12.5, "Bad") };
        QVERIFY(history.write(QStringLiteral("A-1"), kMay30, days).ok());
        QSqlQuery months(db->connection());
        QVERIFY(months.exec(QStringLiteral("SELECT count(*) FROM history_months WHERE account_id = 'A-1'")));
        QVERIFY(months.next());
        QCOMPARE(months.value(0).toInt(), 2); // May and June

        const auto read = history.read(QStringLiteral("A-1"));
        QVERIFY(read.ok());
        QCOMPARE(read->size(), 4);
        for (int i = 0; i < 4; ++i) {
            const AccountStatus& status = read->at(i);
            QCOMPARE(status.day, kMay30 + i);
            QCOMPARE(status.stage, days[std::size_t(i)].stage);
            QCOMPARE(status.score, days[std::size_t(i)].score);
            QCOMPARE(status.band, days[std::size_t(i)].band);
        }
        QCOMPARE(viewRows(*db, QStringLiteral("A-1")),
                 (QStringList { QStringLiteral("2026-05-30 onboarding 55.5 Normal"),
                                QStringLiteral("2026-05-31 onboarding 71 Good"),
                                QStringLiteral("2026-06-01 churned  "),
                                QStringLiteral("2026-06-02 adoption 12.5 Bad") }));
    }

    // A later write replaces the days it gives and keeps the others, and the day counts follow.
    void rewriteReplacesOnlyItsDays()
    {
        test::TempWorkspace workspace;
        auto db = workspace.open();
        StatusHistory history(*db, {}, true);
        QVERIFY(
            history
                .write(QStringLiteral("A-1"), kMay30,
                       { day("renewal", 80, "Good"), day("renewal", 75, "Good"), day("renewal", 70, "Good") })
                .ok());
        QVERIFY(history.write(QStringLiteral("A-1"), kMay30 + 1, { day("renewal", 35, "Bad") }).ok());
        const auto read = history.read(QStringLiteral("A-1"));
        QVERIFY(read.ok());
        QCOMPARE(read->size(), 3);
        QCOMPARE(read->at(0).score, 80.0);
        QCOMPARE(read->at(1).score, 35.0);
        QCOMPARE(read->at(1).band, QStringLiteral("Bad"));
        QCOMPARE(read->at(2).score, 70.0);

        QSqlQuery counts(db->connection());
        QVERIFY(
            counts.exec(QStringLiteral("SELECT day, band, accounts FROM history_days ORDER BY day, band")));
        QStringList rows;
        while (counts.next())
            rows << QStringLiteral("%1 %2 %3")
                        .arg(counts.value(0).toString(), counts.value(1).toString(),
                             counts.value(2).toString());
        QCOMPARE(rows,
                 (QStringList { QStringLiteral("2026-05-30 Good 1"), QStringLiteral("2026-05-31 Bad 1"),
                                QStringLiteral("2026-06-01 Good 1") }));
    }

    void tallyCountsAccountsPerDay()
    {
        DayTally tally;
        tally.add(10, { day("trial", 50, "Normal"), day("trial", 80, "Good") });
        DayTally other;
        other.add(11, { day("trial", 85, "Good") });
        other.add(10, day("trial", 50, "Normal"), -1);
        tally.merge(other);
        QStringList counted;
        tally.forEach([&](int d, const QString& stage, const QString& band, qint64 accounts) {
            counted << QStringLiteral("%1 %2 %3 %4").arg(d).arg(stage, band).arg(accounts);
        });
        counted.sort();
        QCOMPARE(counted, (QStringList { QStringLiteral("11 trial Good 2") })); // day 10's count is zero
        QVERIFY(!tally.isEmpty());
        QVERIFY(DayTally().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStatusHistory)
#include "TestStatusHistory.moc"
