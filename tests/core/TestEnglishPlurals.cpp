#include "util/EnglishPlurals.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace tenure;

// English counts read right for one ("1 page", not "1 pages"), and a language's own translation
// installed after the English forms still wins.
class TestEnglishPlurals : public QObject
{
    Q_OBJECT

private slots:
    void oneReadsSingular()
    {
        // Without the forms, Qt only substitutes the number: the bug this fixes.
        QCOMPARE(QCoreApplication::translate("ActionStore", "No activity for %n days", nullptr, 1),
                 QStringLiteral("No activity for 1 days"));
        QVERIFY(installEnglishPlurals());
        QCOMPARE(QCoreApplication::translate("ActionStore", "No activity for %n days", nullptr, 1),
                 QStringLiteral("No activity for 1 day"));
        QCOMPARE(QCoreApplication::translate("ActionStore", "No activity for %n days", nullptr, 12),
                 QStringLiteral("No activity for 12 days"));
        QCOMPARE(QCoreApplication::translate("Command", "Wrote %1 (%n pages).", nullptr, 1)
                     .arg(QStringLiteral("r.pdf")),
                 QStringLiteral("Wrote r.pdf (1 page)."));
        QCOMPARE(QCoreApplication::translate("tenure::ReportActions", "Wrote %1 (%n pages).", nullptr, 1),
                 QStringLiteral("Wrote %1 (1 page)."));
        QCOMPARE(QCoreApplication::translate("tenure::CustomersView", "%n customers", nullptr, 1),
                 QStringLiteral("1 customer"));
        // Strings that are not counted pass through as written.
        QCOMPARE(QCoreApplication::translate("ActionStore", "Not counted"), QStringLiteral("Not counted"));
    }

    void aLanguageInstalledAfterWins()
    {
        QTranslator japanese;
        QVERIFY(japanese.load(QStringLiteral(TENURE_JA_QM)));
        QVERIFY(QCoreApplication::installTranslator(&japanese));
        const QString days
            = QCoreApplication::translate("ActionStore", "No activity for %n days", nullptr, 1);
        QVERIFY2(!days.contains(QLatin1String("day")), qPrintable(days));
        QVERIFY2(days.contains(u'1'), qPrintable(days));
        QCoreApplication::removeTranslator(&japanese);
    }
};

QTEST_GUILESS_MAIN(TestEnglishPlurals)
#include "TestEnglishPlurals.moc"
