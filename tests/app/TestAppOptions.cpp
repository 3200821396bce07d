// The desktop app's command line (app/tenure/AppOptions).
#include "TestSupport.h"
#include "tenure/AppOptions.h"

#include <QProcess>
#include <QTest>

#include <string_view>

using namespace tenure;

class TestAppOptions : public QObject
{
    Q_OBJECT

private:
    static bool parse(const QStringList& arguments, AppOptions& options, QString& message, int& exitCode)
    {
        return AppOptions::parse(QStringList { QStringLiteral("tenure") } + arguments, options, message,
                                 exitCode);
    }

private slots:
    // Every view the window can show is accepted, the empty customer page included.
    void everyViewIsAccepted_data()
    {
        QTest::addColumn<QString>("view");
        for (const char* view : { "overview", "customers", "actions", "customer", "rules", "tuning",
                                  "datasources", "customer:A-17" })
            QTest::newRow(view) << QString::fromLatin1(view);
    }
    void everyViewIsAccepted()
    {
        QFETCH(QString, view);
        AppOptions options;
        QString message;
        int exitCode = -1;
        QVERIFY2(parse({ QStringLiteral("--view"), view }, options, message, exitCode), qPrintable(message));
        QCOMPARE(options.view, view);
    }

    // An unknown view is refused with the names that would do, exit code 2.
    void anUnknownViewIsRefused()
    {
        AppOptions options;
        QString message;
        int exitCode = -1;
        QVERIFY(
            !parse({ QStringLiteral("--view"), QStringLiteral("dashboard") }, options, message, exitCode));
        QCOMPARE(exitCode, 2);
        QVERIFY2(message.contains(QLatin1String("\"dashboard\"")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("customer,")), qPrintable(message));
    }

    void optionsAreRead()
    {
        AppOptions options;
        QString message;
        int exitCode = -1;
        QVERIFY(parse({ QStringLiteral("--db"), QStringLiteral("/tmp/x.tenure"), QStringLiteral("--language"),
                        QStringLiteral("ja"), QStringLiteral("--demo") },
                      options, message, exitCode));
        QCOMPARE(options.db, QStringLiteral("/tmp/x.tenure"));
        QCOMPARE(options.language, QStringLiteral("ja"));
        QVERIFY(options.demo);
        QVERIFY(!options.measureStartup);
    }

    // On a machine without a display, --help and --version still answer (the window would abort).
    void helpNeedsNoDisplay()
    {
        for (const char* option : { "--help", "--version" }) {
            QProcess tenure;
            QProcessEnvironment environment = test::programEnvironment();
            for (const char* name : { "QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY" })
                environment.remove(QLatin1String(name));
            tenure.setProcessEnvironment(environment);
            tenure.start(QStringLiteral(TENURE_BIN_DIR "/tenure"), { QLatin1String(option) });
            QVERIFY(tenure.waitForFinished(30000));
            QCOMPARE(tenure.exitStatus(), QProcess::NormalExit);
            QCOMPARE(tenure.exitCode(), 0);
            const QString out = QString::fromUtf8(tenure.readAllStandardOutput());
            QVERIFY2(
                out.contains(QLatin1String(std::string_view(option) == "--help" ? "Usage: " : "tenure ")),
                qPrintable(out + QString::fromUtf8(tenure.readAllStandardError())));
        }
    }
};

QTEST_GUILESS_MAIN(TestAppOptions)
#include "TestAppOptions.moc"
