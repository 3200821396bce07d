#include "CliRun.h"
#include "Version.h"
#include "cli/TextColumns.h"
#include "store/Database.h"
#include "store/SourceStore.h"

#include <QRegularExpression>

using namespace tenure;
using namespace tenure::test;

// tenure-cli init, demo, stats, help and version: workspaces made, bad arguments and unusable workspaces
// refused.
class TestCliWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void initCreatesWorkspace()
    {
        test::TempWorkspace workspace;
        const Run run = runCommand({ QStringLiteral("init"), QStringLiteral("--db"), workspace.path(),
                                     QStringLiteral("--time-zone"), QStringLiteral("Asia/Tokyo") });
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(QLatin1String("Created workspace")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("Asia/Tokyo")));
        QVERIFY(QFile::exists(workspace.path()));
        const Run again = runCommand({ QStringLiteral("init"), QStringLiteral("--db"), workspace.path() });
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.contains(QLatin1String("is ready")), qPrintable(again.out));
        QVERIFY(again.out.contains(QLatin1String("Asia/Tokyo"))); // kept, not reset to the machine's
    }

    // A workspace made in Japanese (--language ja) keeps Japanese rules, whatever language scores
    // it first; one made in English, English rules.
    void aWorkspaceKeepsTheRulesOfTheLanguageItWasMadeIn()
    {
        for (const QString& language : { QStringLiteral("ja"), QStringLiteral("en") }) {
            for (const QString& command : { QStringLiteral("init"), QStringLiteral("demo") }) {
                test::TempWorkspace workspace;
                QStringList made { QStringLiteral("--language"), language, command, QStringLiteral("--db"),
                                   workspace.path() };
                if (command == QLatin1String("demo"))
                    made << QStringLiteral("--accounts") << QStringLiteral("5");
                const Run created = runBinary(made);
                QCOMPARE(created.code, 0);
                const QString other
                    = language == QLatin1String("ja") ? QStringLiteral("en") : QStringLiteral("ja");
                QCOMPARE(runBinary({ QStringLiteral("--language"), other, QStringLiteral("score"),
                                     QStringLiteral("--db"), workspace.path() })
                             .code,
                         0);
                const auto db = workspace.open(Database::Mode::ReadOnly);
                QSqlQuery name(db->connection());
                QVERIFY(name.exec(QStringLiteral("SELECT count(*), max(definition) FROM rule_sets"))
                        && name.next());
                QCOMPARE(name.value(0).toInt(), 1);
                const bool japanese = name.value(1).toString().contains(QStringLiteral("標準のルール"));
                QVERIFY2(japanese == (language == QLatin1String("ja")),
                         qPrintable(language + u' ' + command));
            }
        }
    }

    void initRejectsBadPathAndZone()
    {
        test::TempWorkspace workspace;
        const Run badPath = runCommand({ QStringLiteral("init"), QStringLiteral("--db"),
                                         workspace.dir() + QStringLiteral("/missing/w.tenure") });
        QCOMPARE(badPath.code, 1);
        QVERIFY2(badPath.err.contains(QLatin1String("does not exist")), qPrintable(badPath.err));
        const Run badZone = runCommand({ QStringLiteral("init"), QStringLiteral("--db"), workspace.path(),
                                         QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus") });
        QCOMPARE(badZone.code, 2);
        QVERIFY2(badZone.err.contains(QLatin1String("Unknown time zone")), qPrintable(badZone.err));
        QVERIFY(!QFile::exists(workspace.path())); // a usage error creates nothing
        const Run badDemoZone = runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                                             QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus") });
        QCOMPARE(badDemoZone.code, 2);
        QVERIFY(!QFile::exists(workspace.path()));
        const Run badOption = runCommand({ QStringLiteral("init"), QStringLiteral("--frobnicate") });
        QCOMPARE(badOption.code, 2);
        // A stray word is refused, not ignored: `init w.tenure` must not make the default workspace.
        const Run stray = runCommand(
            { QStringLiteral("init"), QStringLiteral("w.tenure"), QStringLiteral("--db"), workspace.path() });
        QCOMPARE(stray.code, 2);
        QVERIFY2(stray.err.contains(QLatin1String("unexpected argument \"w.tenure\"")),
                 qPrintable(stray.err));
        QVERIFY(!QFile::exists(workspace.path()));
    }

    void demoThenStats()
    {
        test::TempWorkspace workspace;
        const Run demo = runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                                      QStringLiteral("--accounts"), QStringLiteral("12"),
                                      QStringLiteral("--today"), QStringLiteral("2026-06-15"),
                                      QStringLiteral("--time-zone"), QStringLiteral("Europe/Paris") });
        QCOMPARE(demo.code, 0);
        QVERIFY2(demo.out.contains(QLatin1String("12 accounts")), qPrintable(demo.out));

        const Run stats = runCommand(
            { QStringLiteral("stats"), QStringLiteral("--db"), workspace.path(), QStringLiteral("--json") });
        QCOMPARE(stats.code, 0);
        const QJsonObject object = QJsonDocument::fromJson(stats.out.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("accounts")).toInteger(), 12);
        QCOMPARE(object.value(QStringLiteral("sources")).toInteger(), 1);
        QCOMPARE(object.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Europe/Paris"));
        const qint64 events = object.value(QStringLiteral("events")).toInteger();
        QVERIFY(events > 1000);
        QCOMPARE(object.value(QStringLiteral("events_by_source"))
                     .toObject()
                     .value(QStringLiteral("demo"))
                     .toInteger(),
                 events);

        const Run table = runCommand({ QStringLiteral("stats"), QStringLiteral("--db"), workspace.path() });
        QCOMPARE(table.code, 0);
        QVERIFY(table.out.contains(QStringLiteral("Events     %1").arg(events)));

        // A source without events yet is counted and listed, with 0.
        {
            std::unique_ptr<Database> db = workspace.open();
            QVERIFY(SourceStore(*db).ensure(QStringLiteral("crm"), QStringLiteral("csv")).ok());
        }
        const Run again = runCommand({ QStringLiteral("stats"), QStringLiteral("--db"), workspace.path() });
        QVERIFY2(again.out.contains(QStringLiteral("Sources    2")), qPrintable(again.out));
        QVERIFY2(again.out.contains(QRegularExpression(QStringLiteral("\\n  crm +0\\n"))),
                 qPrintable(again.out));
    }

    void demoRejectsBadArguments()
    {
        test::TempWorkspace workspace;
        const Run seed = runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                                      QStringLiteral("--seed"), QStringLiteral("abc") });
        QCOMPARE(seed.code, 2);
        QVERIFY(seed.err.contains(QLatin1String("--seed")));
        const Run date = runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                                      QStringLiteral("--today"), QStringLiteral("15/06/2026") });
        QCOMPARE(date.code, 2);
        QVERIFY(date.err.contains(QLatin1String("YYYY-MM-DD")));
        QVERIFY(!QFile::exists(workspace.path())); // nothing created on a usage error
    }

    void readOnlyWorkspace()
    {
        test::TempWorkspace workspace;
        QCOMPARE(runCommand({ QStringLiteral("init"), QStringLiteral("--db"), workspace.path() }).code, 0);
        QVERIFY(
            QFile::setPermissions(workspace.path(), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const Run demo = runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                                      QStringLiteral("--accounts"), QStringLiteral("3") });
        QCOMPARE(demo.code, 1);
        QVERIFY2(demo.err.contains(QLatin1String("read-only")), qPrintable(demo.err));
        const Run stats = runCommand({ QStringLiteral("stats"), QStringLiteral("--db"), workspace.path() });
        QCOMPARE(stats.code, 0); // reading a write-protected workspace is fine
        QVERIFY(stats.out.contains(QLatin1String("Accounts   0")));
    }

    void newerSchemaIsRefused()
    {
        test::TempWorkspace workspace;
        {
            auto db = workspace.open();
            QSqlQuery bump(db->connection());
            QVERIFY(bump.exec(QStringLiteral("PRAGMA user_version = 999")));
        }
        for (const char* command : { "stats", "init", "demo" }) {
            const Run run
                = runCommand({ QString::fromLatin1(command), QStringLiteral("--db"), workspace.path() });
            QCOMPARE(run.code, 1);
            QVERIFY2(run.err.contains(QLatin1String("newer version of Tenure")), qPrintable(run.err));
        }
        // A path that names no file: refused by every command but init and demo, which create it.
        const QString none = workspace.dir() + QStringLiteral("/none.tenure");
        for (const char* command : { "stats", "score", "backtest", "pull" }) {
            const Run missing = runCommand({ QString::fromLatin1(command), QStringLiteral("--db"), none });
            QCOMPARE(missing.code, 1);
            QVERIFY2(missing.err.contains(QStringLiteral("there is no workspace at %1").arg(none)),
                     qPrintable(missing.err));
            QVERIFY(!QFile::exists(none));
        }
        QCOMPARE(runCommand({ QStringLiteral("init"), QStringLiteral("--db"), none }).code, 0);
        QVERIFY(QFile::exists(none));
    }

    void helpListsOptions()
    {
        const Run help = runCommand({ QStringLiteral("demo"), QStringLiteral("--help") });
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.contains(QLatin1String("Usage: tenure-cli demo")), qPrintable(help.out));
        QVERIFY(help.out.contains(QLatin1String("--seed")));
        QVERIFY(help.out.contains(QLatin1String("--db")));
    }

    void binaryVersionAndDispatch()
    {
        const Run version = runBinary({ QStringLiteral("--version") });
        QCOMPARE(version.code, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("tenure-cli %1").arg(QLatin1String(kVersion)));

        const Run unknown = runBinary({ QStringLiteral("frobnicate") });
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains(QLatin1String("unknown command")));
        QVERIFY(unknown.err.contains(QLatin1String("stats"))); // usage lists the commands

        test::TempWorkspace workspace;
        const Run init = runBinary({ QStringLiteral("--db"), workspace.path(), QStringLiteral("init") });
        QCOMPARE(init.code, 0);
        const Run stats = runBinary({ QStringLiteral("stats"), QStringLiteral("--db"), workspace.path() });
        QCOMPARE(stats.code, 0);
        QVERIFY(stats.out.contains(QLatin1String("Accounts   0")));
    }

    // Tables in a terminal: a Japanese character takes two columns, so columns line up.
    void textColumnsCountWideCharacters()
    {
        QCOMPARE(cli::columnsOf(u"高橋 美咲"), 9);
        QCOMPARE(cli::columnsOf(u"Kenji Sato"), 10);
        QCOMPARE(cli::columnsOf(u"ｶﾅ"), 2); // half-width katakana: one column each
        QCOMPARE(cli::columnsOf(QString::fromUcs4(U"\U00020BB7")), 2); // beyond the BMP (𠮷)
        QCOMPARE(cli::padRight(QStringLiteral("高橋"), 6), QStringLiteral("高橋  "));
        QCOMPARE(cli::padLeft(QStringLiteral("12"), 4), QStringLiteral("  12"));
        QCOMPARE(cli::padRight(QStringLiteral("オンボーディング"), 10), QStringLiteral("オンボーディング"));
    }
};

QTEST_GUILESS_MAIN(TestCliWorkspace)
#include "TestCliWorkspace.moc"
