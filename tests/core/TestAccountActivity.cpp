#include "engine/AccountActivity.h"
#include "engine/DayClock.h"

#include <QTest>

using namespace tenure;

namespace {

const int D = DayClock::dayNumber(QDate(2026, 6, 15));

} // namespace

// An account's daily aggregates: the queries the rules ask of them, and their stored form.
class TestAccountActivity : public QObject
{
    Q_OBJECT

private slots:
    void activityStoresCanonicallyAndMerges()
    {
        AccountActivity a;
        a.addDaily(QStringLiteral("login"), D - 1, 2);
        a.addUser(D - 1, QStringLiteral("佐藤"));
        a.addDaily(QStringLiteral("export"), D, 1);
        a.addUser(D, QStringLiteral("bob"));
        a.finish();
        a.addDaily(QStringLiteral("login"), D - 1, 3); // merged into the same day
        a.finish();
        AccountActivity b; // the same facts, arriving in another order
        b.addUser(D, QStringLiteral("bob"));
        b.addDaily(QStringLiteral("export"), D, 1);
        b.addDaily(QStringLiteral("login"), D - 1, 5);
        b.addUser(D - 1, QStringLiteral("佐藤"));
        b.addUser(D - 1, QStringLiteral("佐藤"));
        b.finish();
        QCOMPARE(a.serialize(), b.serialize());
        const auto back = AccountActivity::deserialize(a.serialize());
        QVERIFY(back.has_value());
        QCOMPARE(back->sum({ QStringLiteral("login") }, D - 1, D), 5.0);
        QCOMPARE(back->distinctUsers(D - 1, D), 2);
        QCOMPARE(back->firstDay(), D - 1);
        QCOMPARE(back->serialize(), a.serialize());
        QVERIFY(!AccountActivity::deserialize(QByteArray("\x07garbage", 8)).has_value());
        QVERIFY(AccountActivity::deserialize({})->isEmpty());
    }

    // The stored form keeps whole quantities as varints and anything else as doubles, days as
    // gaps from the first (which may be before 1970): all of it must come back exactly.
    void activityRoundTripsExactly()
    {
        AccountActivity a;
        a.addDaily(QStringLiteral("login"), -400, 1);
        a.addDaily(QStringLiteral("login"), D, 3);
        a.addDaily(QStringLiteral("seats_used"), D - 2, 0.1);
        a.addDaily(QStringLiteral("seats_used"), D - 1, 1e12 + 0.5);
        a.addDaily(QStringLiteral("refund"), D, -2);
        a.addUser(-400, QStringLiteral("ana"));
        a.addUser(D, QStringLiteral("ana"));
        a.finish();
        const QByteArray bytes = a.serialize();
        const auto back = AccountActivity::deserialize(bytes);
        QVERIFY(back.has_value());
        QCOMPARE(back->serialize(), bytes);
        QCOMPARE(back->firstDay(), -400);
        QCOMPARE(back->sum({ QStringLiteral("seats_used") }, D - 2, D - 2), 0.1);
        QCOMPARE(back->sum({ QStringLiteral("seats_used") }, D - 1, D - 1), 1e12 + 0.5);
        QCOMPARE(back->sum({ QStringLiteral("refund") }, D, D), -2.0);
        QCOMPARE(back->sum({}, -400, D), a.sum({}, -400, D));
        QCOMPARE(back->distinctUsers(-400, -400), 1);
        QCOMPARE(back->names().size(), 3);
        // Cut short anywhere, it is reported as damaged rather than read as less activity.
        for (qsizetype size = 1; size < bytes.size(); ++size)
            QVERIFY2(!AccountActivity::deserialize(bytes.left(size)).has_value(),
                     qPrintable(QString::number(size)));
    }
};

QTEST_GUILESS_MAIN(TestAccountActivity)
#include "TestAccountActivity.moc"
