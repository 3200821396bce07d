#include "CliRun.h"
#include "actions/ActionStore.h"
#include "cli/TextColumns.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace tenure;
using namespace tenure::test;

// tenure-cli report and export, headless.
class TestCliReports : public QObject
{
    Q_OBJECT

private slots:
    // A snooze's day is the workspace's, in its time zone, as the engine wakes actions: not this
    // machine's. Of two zones 25 hours apart, one is on another day than this machine now.
    void aSnoozesDayIsTheWorkspaces()
    {
        const auto [zoneId, today] = test::zoneOnAnotherDay();
        const QString zone = QString::fromLatin1(zoneId);
        test::TempWorkspace workspace;
        const QString db = workspace.path();
        QCOMPARE(
            runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--accounts"),
                         QStringLiteral("20"), QStringLiteral("--time-zone"), zone })
                .code,
            0);
        QCOMPARE(runCommand({ QStringLiteral("score"), QStringLiteral("--db"), db }).code, 0);
        const Run queue
            = runCommand({ QStringLiteral("actions"), QStringLiteral("--db"), db, QStringLiteral("--json") });
        const QJsonArray actions = QJsonDocument::fromJson(queue.out.toUtf8()).array();
        QVERIFY2(!actions.isEmpty(), qPrintable(queue.out + queue.err));
        const QString id
            = QString::number(actions.first().toObject().value(QStringLiteral("id")).toInteger());
        const Run same
            = runCommand({ QStringLiteral("actions"), QStringLiteral("snooze"), id, QStringLiteral("--until"),
                           today.toString(Qt::ISODate), QStringLiteral("--db"), db });
        QCOMPARE(same.code, 2);
        QVERIFY2(same.err.contains(
                     QStringLiteral("the day must be after today (%1)").arg(today.toString(Qt::ISODate))),
                 qPrintable(same.err + QStringLiteral(" in ") + zone));
        const Run next
            = runCommand({ QStringLiteral("actions"), QStringLiteral("snooze"), id, QStringLiteral("--until"),
                           today.addDays(1).toString(Qt::ISODate), QStringLiteral("--db"), db });
        QVERIFY2(next.code == 0, qPrintable(next.err + QStringLiteral(" in ") + zone));
    }

    // Reports and the list export, headless, from the real binary (no display needed).
    void reportAndExport()
    {
        test::TempWorkspace workspace;
        const QString db = workspace.path();
        QCOMPARE(
            runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--accounts"),
                         QStringLiteral("40"), QStringLiteral("--today"), QStringLiteral("2026-11-25") })
                .code,
            0);
        QCOMPARE(runCommand({ QStringLiteral("score"), QStringLiteral("--db"), db, QStringLiteral("--as-of"),
                              QStringLiteral("2026-11-25") })
                     .code,
                 0);
        const QString pdf = workspace.dir() + QStringLiteral("/a.pdf");
        QProcessEnvironment headless = test::programEnvironment();
        headless.remove(QStringLiteral("QT_QPA_PLATFORM"));
        headless.remove(QStringLiteral("DISPLAY"));
        headless.remove(QStringLiteral("XDG_RUNTIME_DIR")); // as under cron: no session, and no warning
        QProcess process;
        process.setProcessEnvironment(headless);
        process.start(QStringLiteral(TENURE_BIN_DIR "/tenure-cli"),
                      { QStringLiteral("report"), QStringLiteral("A-00003"), QStringLiteral("--pdf"), pdf,
                        QStringLiteral("--db"), db, QStringLiteral("--as-of"),
                        QStringLiteral("2026-11-25") });
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QString written = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(written.contains(QLatin1String("Wrote")) && written.contains(QLatin1String("(1 page).")),
                 qPrintable(written));
        const QString warned = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(!warned.contains(QLatin1String("XDG_RUNTIME_DIR")), qPrintable(warned));
        QCOMPARE_GT(QFile(pdf).size(), 10000);

        const QString portfolio = workspace.dir() + QStringLiteral("/p.pdf");
        const Run owner = runBinary({ QStringLiteral("report"), QStringLiteral("--portfolio"),
                                      QStringLiteral("--owner"), QStringLiteral("nobody"),
                                      QStringLiteral("--pdf"), portfolio, QStringLiteral("--db"), db });
        QCOMPARE(owner.code, 1);
        QVERIFY(owner.err.contains(QLatin1String("no accounts owned by \"nobody\"")));
        const Run all = runBinary({ QStringLiteral("report"), QStringLiteral("--portfolio"),
                                    QStringLiteral("--pdf"), portfolio, QStringLiteral("--db"), db,
                                    QStringLiteral("--page-size"), QStringLiteral("letter") });
        QCOMPARE(all.code, 0);
        QVERIFY(QFile::exists(portfolio));
        const Run unknown = runBinary({ QStringLiteral("report"), QStringLiteral("A-404"),
                                        QStringLiteral("--pdf"), pdf, QStringLiteral("--db"), db });
        QCOMPARE(unknown.code, 1);
        QVERIFY(unknown.err.contains(QLatin1String("A-404")));
        QCOMPARE(runBinary({ QStringLiteral("report"), QStringLiteral("--db"), db }).code, 2);
        // A folder, or a folder that does not exist, is no place for a PDF: said, and nothing claimed.
        for (const QString& nowhere : { workspace.dir(), workspace.dir() + QStringLiteral("/none/r.pdf") }) {
            const Run refused = runBinary({ QStringLiteral("report"), QStringLiteral("--portfolio"),
                                            QStringLiteral("--pdf"), nowhere, QStringLiteral("--db"), db });
            QCOMPARE(refused.code, 1);
            QVERIFY2(refused.err.contains(nowhere + QStringLiteral(": the PDF cannot be written: ")),
                     qPrintable(refused.err));
            QVERIFY2(!refused.out.contains(QLatin1String("Wrote")), qPrintable(refused.out));
            QVERIFY2(!refused.err.contains(QLatin1String("QPainter")), qPrintable(refused.err));
        }

        // The action queue, as a CSM works it from a terminal.
        const Run queue
            = runCommand({ QStringLiteral("actions"), QStringLiteral("--db"), db, QStringLiteral("--json") });
        QCOMPARE(queue.code, 0);
        const QJsonArray actions = QJsonDocument::fromJson(queue.out.toUtf8()).array();
        QVERIFY2(!actions.isEmpty(), qPrintable(queue.out));
        const QString id
            = QString::number(actions.first().toObject().value(QStringLiteral("id")).toInteger());
        const QString account = actions.first().toObject().value(QStringLiteral("account_id")).toString();
        // As text: a header naming the columns, each action's account under "Account", its reason
        // under "Trigger".
        const Run listed = runCommand({ QStringLiteral("actions"), QStringLiteral("--db"), db });
        QCOMPARE(listed.code, 0);
        const QStringList lines = listed.out.split(u'\n');
        QVERIFY2(lines.size() > 4 && lines.at(0).trimmed().startsWith(QLatin1String("ID  Priority  Account")),
                 qPrintable(listed.out));
        const qsizetype accountColumn = lines.at(0).indexOf(QLatin1String("Account"));
        QCOMPARE(lines.at(1).indexOf(QLatin1String("Trigger")), accountColumn);
        const QJsonObject top = actions.first().toObject();
        QCOMPARE(lines.at(2).indexOf(top.value(QStringLiteral("account")).toString()), accountColumn);
        QCOMPARE(lines.at(3).trimmed(),
                 QStringLiteral("%1: %2").arg(
                     ActionStore::triggerName(top.value(QStringLiteral("trigger")).toString()),
                     top.value(QStringLiteral("reason")).toString()));
        // Each reason comes with its facts, for scripts: the same in Japanese, where the words differ.
        const QJsonObject facts = actions.first().toObject().value(QStringLiteral("facts")).toObject();
        QVERIFY2(!facts.value(QStringLiteral("band")).toString().isEmpty()
                     && !facts.value(QStringLiteral("stage")).toString().isEmpty(),
                 qPrintable(queue.out));
        const Run japanese
            = runBinary({ QStringLiteral("--language"), QStringLiteral("ja"), QStringLiteral("actions"),
                          QStringLiteral("--db"), db, QStringLiteral("--json") });
        QCOMPARE(japanese.code, 0);
        const QJsonObject first = QJsonDocument::fromJson(japanese.out.toUtf8()).array().first().toObject();
        QCOMPARE(first.value(QStringLiteral("facts")).toObject(), facts);
        QCOMPARE(first.value(QStringLiteral("id")).toInteger(),
                 actions.first().toObject().value(QStringLiteral("id")).toInteger());
        QVERIFY2(first.value(QStringLiteral("reason")).toString()
                     != actions.first().toObject().value(QStringLiteral("reason")).toString(),
                 qPrintable(japanese.out));
        QCOMPARE(runCommand({ QStringLiteral("actions"), QStringLiteral("note"), id,
                              QStringLiteral("left a voicemail"), QStringLiteral("--db"), db,
                              QStringLiteral("--author"), QStringLiteral("yuki") })
                     .code,
                 0);
        QCOMPARE(runCommand({ QStringLiteral("actions"), QStringLiteral("reassign"), id,
                              QStringLiteral("--to"), QStringLiteral("Dana"), QStringLiteral("--db"), db })
                     .code,
                 0);
        QCOMPARE(runCommand(
                     { QStringLiteral("actions"), QStringLiteral("snooze"), id, QStringLiteral("--db"), db })
                     .code,
                 2);
        // A day already come would wake the action at once.
        const Run past = runCommand(
            { QStringLiteral("actions"), QStringLiteral("snooze"), id, QStringLiteral("--until"),
              QDate::currentDate().addDays(-5).toString(Qt::ISODate), QStringLiteral("--db"), db });
        QCOMPARE(past.code, 2);
        QVERIFY2(past.err.contains(QStringLiteral("the day must be after today")), qPrintable(past.err));
        QCOMPARE(runCommand({ QStringLiteral("actions"), QStringLiteral("done"), id, QStringLiteral("--note"),
                              QStringLiteral("renewal signed"), QStringLiteral("--db"), db,
                              QStringLiteral("--author"), QStringLiteral("yuki") })
                     .code,
                 0);
        QCOMPARE(runCommand({ QStringLiteral("actions"), QStringLiteral("note"), id,
                              QStringLiteral("折り返し待ち"), QStringLiteral("--db"), db,
                              QStringLiteral("--author"), QStringLiteral("高橋 美咲・東日本チーム") })
                     .code,
                 0);
        const Run shown = runCommand(
            { QStringLiteral("actions"), QStringLiteral("show"), id, QStringLiteral("--db"), db });
        // The history's columns line up whatever the authors' names: each kind starts at one column.
        static const QRegularExpression row(QStringLiteral("^  \\S+  (.*?\\S) {2,}(\\S+)"));
        QSet<int> kindColumns;
        for (const QString& line : shown.out.split(QLatin1Char('\n')))
            if (const QRegularExpressionMatch m = row.match(line);
                m.hasMatch() && line.startsWith(QLatin1String("  20")))
                kindColumns << cli::columnsOf(QStringView(line).left(m.capturedStart(2)));
        QVERIFY2(kindColumns.size() == 1, qPrintable(shown.out));
        QVERIFY2(shown.out.contains(QLatin1String("done"))
                     && shown.out.contains(QLatin1String("renewal signed"))
                     && shown.out.contains(QLatin1String("left a voicemail"))
                     && shown.out.contains(QLatin1String("reassigned")),
                 qPrintable(shown.out));
        // In Japanese, the status and what happened read in Japanese; the CSMs' notes as written.
        const Run shownJa
            = runBinary({ QStringLiteral("--language"), QStringLiteral("ja"), QStringLiteral("actions"),
                          QStringLiteral("show"), id, QStringLiteral("--db"), db });
        QCOMPARE(shownJa.code, 0);
        QVERIFY2(shownJa.out.contains(QStringLiteral("完了"))
                     && shownJa.out.contains(QStringLiteral("担当変更"))
                     && shownJa.out.contains(QStringLiteral("折り返し待ち"))
                     && !shownJa.out.contains(QLatin1String("reassigned"))
                     && !shownJa.out.contains(QLatin1String("  done")),
                 qPrintable(shownJa.out));
        const Run after
            = runCommand({ QStringLiteral("actions"), QStringLiteral("--db"), db, QStringLiteral("--json") });
        QCOMPARE(QJsonDocument::fromJson(after.out.toUtf8()).array().size(), actions.size() - 1);
        QCOMPARE(runCommand({ QStringLiteral("actions"), QStringLiteral("account-note"), account,
                              QStringLiteral("met the CFO"), QStringLiteral("--db"), db })
                     .code,
                 0);
        QCOMPARE(runCommand({ QStringLiteral("actions"), QStringLiteral("done"), QStringLiteral("x"),
                              QStringLiteral("--db"), db })
                     .code,
                 2);
        const Run bogus
            = runCommand({ QStringLiteral("actions"), QStringLiteral("bogus"), QStringLiteral("--db"), db });
        QCOMPARE(bogus.code, 2);
        QVERIFY2(bogus.err.contains(QLatin1String("unknown action \"bogus\"")), qPrintable(bogus.err));
        const Run extra = runCommand({ QStringLiteral("actions"), QStringLiteral("done"), id,
                                       QStringLiteral("now"), QStringLiteral("--db"), db });
        QCOMPARE(extra.code, 2);
        QVERIFY2(extra.err.contains(QLatin1String("unexpected argument \"now\" after done")),
                 qPrintable(extra.err));

        const QString csv = workspace.dir() + QStringLiteral("/c.csv");
        const Run exported = runCommand({ QStringLiteral("export"), QStringLiteral("customers"),
                                          QStringLiteral("--csv"), csv, QStringLiteral("--encoding"),
                                          QStringLiteral("cp932"), QStringLiteral("--db"), db });
        QCOMPARE(exported.code, 0);
        QVERIFY(exported.out.contains(QLatin1String("40 accounts")));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().startsWith("\xef\xbb\xbf")); // CP932 has no byte-order mark
        QCOMPARE(
            runCommand({ QStringLiteral("export"), QStringLiteral("accounts"), QStringLiteral("--db"), db })
                .code,
            2);
    }

    // Action rules from a file: checked, then saved; a broken or misspelt file changes nothing.
    void actionRulesFileIsCheckedBeforeItIsSaved()
    {
        test::TempWorkspace workspace;
        const QString db = workspace.path();
        QCOMPARE(runCommand({ QStringLiteral("init"), QStringLiteral("--db"), db }).code, 0);
        const QTemporaryDir& dir = workspace.dirObject();
        const QString good = writeFile(dir, QStringLiteral("good.json"),
                                       R"({"weights": {"band": 5}, "triggers": {"inactive_days": 3}})");
        QCOMPARE(runCommand({ QStringLiteral("actions"), QStringLiteral("rules"), QStringLiteral("--set"),
                              good, QStringLiteral("--db"), db })
                     .code,
                 0);
        const QString saved
            = runCommand({ QStringLiteral("actions"), QStringLiteral("rules"), QStringLiteral("--db"), db })
                  .out;
        QVERIFY2(saved.contains(QLatin1String("\"inactive_days\": 3")), qPrintable(saved));

        const QList<QPair<QByteArray, QString>> bad {
            { "{\"weights\": {\"band\": 40,}}",
              QStringLiteral("bad.json: line 1, column 26: object is missing after a comma") },
            { "{\n  \"triggers\": {\n    \"inactive_day\": 3\n  }\n}",
              QStringLiteral("bad.json: triggers.inactive_day: unknown key; expected worst_band, ") },
            { "{\"weights\": {\"colour\": 1}}", QStringLiteral("bad.json: weights.colour: unknown key") },
            { "{\"weights\": [1, 2]}", QStringLiteral("bad.json: weights: expected an object") },
            { "[1, 2]", QStringLiteral("bad.json: expected a JSON object") },
            { "not json", QStringLiteral("bad.json: line 1, column 2: illegal value") },
        };
        for (const auto& [bytes, expected] : bad) {
            const QString file = writeFile(dir, QStringLiteral("bad.json"), bytes);
            const Run refused = runCommand({ QStringLiteral("actions"), QStringLiteral("rules"),
                                             QStringLiteral("--set"), file, QStringLiteral("--db"), db });
            QCOMPARE(refused.code, 1);
            QVERIFY2(refused.err.contains(expected), qPrintable(refused.err));
            QVERIFY2(!refused.out.contains(QLatin1String("saved")), qPrintable(refused.out));
            QCOMPARE(
                runCommand({ QStringLiteral("actions"), QStringLiteral("rules"), QStringLiteral("--db"), db })
                    .out,
                saved);
        }
    }

    // --language ja: the command line's help, messages and reports in Japanese (a Japanese
    // team's scheduled reports); an unknown language is refused; English without it.
    void japaneseCommandLine()
    {
        test::TempWorkspace workspace;
        const QString db = workspace.path();
        QCOMPARE(
            runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--accounts"),
                         QStringLiteral("20"), QStringLiteral("--today"), QStringLiteral("2026-11-25") })
                .code,
            0);
        QTemporaryDir config; // no ui/language setting of this machine's user
        QProcessEnvironment environment = test::programEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        const auto run
            = [&environment](const QStringList& arguments) { return runBinary(arguments, environment); };
        const Run english = run({ QStringLiteral("--help") });
        QVERIFY2(english.out.startsWith(QLatin1String("Usage: tenure-cli")), qPrintable(english.out));
        const Run help
            = run({ QStringLiteral("--language"), QStringLiteral("ja"), QStringLiteral("--help") });
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("使い方: tenure-cli")), qPrintable(help.out));
        QVERIFY2(help.out.contains(
                     QStringLiteral("ワークスペースの顧客、イベント、結果、データソースを数えます。")),
                 qPrintable(help.out)); // a command's own description
        // A command's messages: its own strings (in its own translation context) and the shared ones.
        const Run stats
            = run({ QStringLiteral("--language=ja"), QStringLiteral("stats"), QStringLiteral("--db"), db });
        QCOMPARE(stats.code, 0);
        QVERIFY2(stats.out.contains(QStringLiteral("顧客            20")), qPrintable(stats.out));
        const Run refused
            = run({ QStringLiteral("--language"), QStringLiteral("fr"), QStringLiteral("stats") });
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(QLatin1String("--language expects en or ja, got \"fr\"")),
                 qPrintable(refused.err));

        const QString pdf = workspace.dir() + QStringLiteral("/ja.pdf");
        const Run report
            = run({ QStringLiteral("--language"), QStringLiteral("ja"), QStringLiteral("report"),
                    QStringLiteral("A-00003"), QStringLiteral("--pdf"), pdf, QStringLiteral("--db"), db,
                    QStringLiteral("--as-of"), QStringLiteral("2026-11-25") });
        QCOMPARE(report.code, 0);
        QVERIFY2(report.out.contains(QStringLiteral("を書き出しました")), qPrintable(report.out));
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed: the PDF's words are not checked");
        QProcess text;
        text.start(QStringLiteral("pdftotext"), { pdf, QStringLiteral("-") });
        QVERIFY(text.waitForFinished(30000));
        const QString words = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(words.contains(QStringLiteral("スコアの内訳")) && words.contains(QStringLiteral("利用状況")),
                 qPrintable(words));

        // What happened to a customer, in the reader's language: 「更新」, not the stored "renewed".
        const QString renewed = workspace.accountWithOutcome(Outcome::Kind::Renewed);
        QVERIFY(!renewed.isEmpty());
        const QString outcomePdf = workspace.dir() + QStringLiteral("/ja-outcome.pdf");
        QCOMPARE(run({ QStringLiteral("--language"), QStringLiteral("ja"), QStringLiteral("report"), renewed,
                       QStringLiteral("--pdf"), outcomePdf, QStringLiteral("--db"), db,
                       QStringLiteral("--as-of"), QStringLiteral("2026-11-25") })
                     .code,
                 0);
        text.start(QStringLiteral("pdftotext"), { outcomePdf, QStringLiteral("-") });
        QVERIFY(text.waitForFinished(30000));
        const QString outcomeWords = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(outcomeWords.contains(QStringLiteral("結果"))
                     && outcomeWords.contains(QStringLiteral("更新"))
                     && !outcomeWords.contains(QLatin1String("renewed")),
                 qPrintable(outcomeWords));
    }
};

QTEST_GUILESS_MAIN(TestCliReports)
#include "TestCliReports.moc"
