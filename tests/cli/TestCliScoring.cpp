#include "CliRun.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"

using namespace tenure;
using namespace tenure::test;

// tenure-cli score, backtest and tune.
class TestCliScoring : public QObject
{
    Q_OBJECT

private slots:
    void scorePrintsStagesAndBands()
    {
        test::TempWorkspace workspace;
        QCOMPARE(runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                              QStringLiteral("--accounts"), QStringLiteral("20"), QStringLiteral("--today"),
                              QStringLiteral("2026-06-15") })
                     .code,
                 0);
        const Run first = runCommand({ QStringLiteral("score"), QStringLiteral("--db"), workspace.path(),
                                       QStringLiteral("--as-of"), QStringLiteral("2026-06-15") });
        QCOMPARE(first.code, 0);
        QVERIFY2(first.out.startsWith(QLatin1String("Rebuilt from the log as of 2026-06-15 with rules v1")),
                 qPrintable(first.out));
        QVERIFY(first.out.contains(QLatin1String("20 accounts scored")));
        // Stages by name, in the rules' order; bands in the rules' order, then the unscored.
        QVERIFY2(first.out.contains(QRegularExpression(QStringLiteral("\\nAdoption +\\d"))),
                 qPrintable(first.out));
        QVERIFY2(first.out.contains(QRegularExpression(
                     QStringLiteral("Stage +Good +Normal +Bad +\\(no score\\) +Total\\n"))),
                 qPrintable(first.out));
        QVERIFY(first.out.indexOf(QLatin1String("\nTrial")) < first.out.indexOf(QLatin1String("\nAdoption")));
        QVERIFY(
            first.out.contains(QRegularExpression(QStringLiteral("Total +\\d+ +\\d+ +\\d+ +\\d+ +20\\n"))));
        const Run again = runCommand({ QStringLiteral("score"), QStringLiteral("--db"), workspace.path(),
                                       QStringLiteral("--as-of"), QStringLiteral("2026-06-15") });
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.startsWith(QLatin1String("Scored as of 2026-06-15")), qPrintable(again.out));
        QVERIFY(again.out.contains(QLatin1String("0 events folded in")));
        const Run full = runCommand({ QStringLiteral("score"), QStringLiteral("--db"), workspace.path(),
                                      QStringLiteral("--full"), QStringLiteral("--as-of"),
                                      QStringLiteral("2026-06-15") });
        QCOMPARE(full.code, 0);
        QVERIFY(full.out.startsWith(QLatin1String("Rebuilt from the log")));
        QVERIFY(!full.out.contains(QLatin1String(" 0 events folded in")));
        // New rules: every account scored again, from the aggregates (no event read).
        {
            auto db = workspace.open();
            RuleSet rules = RuleSetJson::defaults();
            rules.bands[0].minScore = 90;
            QVERIFY(RuleStore(*db).save(rules, QStringLiteral("test")).ok());
        }
        const Run rescored = runCommand({ QStringLiteral("score"), QStringLiteral("--db"), workspace.path(),
                                          QStringLiteral("--as-of"), QStringLiteral("2026-06-15") });
        QCOMPARE(rescored.code, 0);
        QVERIFY2(rescored.out.startsWith(
                     QLatin1String("Re-scored with new rules as of 2026-06-15 with rules v2: 0 "
                                   "events folded in, 20 accounts scored")),
                 qPrintable(rescored.out));
    }

    void scoreRejectsBadArguments()
    {
        test::TempWorkspace workspace;
        const Run date = runCommand({ QStringLiteral("score"), QStringLiteral("--db"), workspace.path(),
                                      QStringLiteral("--as-of"), QStringLiteral("yesterday") });
        QCOMPARE(date.code, 2);
        QVERIFY(date.err.contains(QLatin1String("YYYY-MM-DD")));
        QCOMPARE(runCommand({ QStringLiteral("init"), QStringLiteral("--db"), workspace.path() }).code, 0);
        QVERIFY(
            QFile::setPermissions(workspace.path(), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const Run readOnly
            = runCommand({ QStringLiteral("score"), QStringLiteral("--db"), workspace.path() });
        QCOMPARE(readOnly.code, 1);
        QVERIFY2(readOnly.err.contains(QLatin1String("read-only")), qPrintable(readOnly.err));
    }

    void backtestPrintsJsonAndTables()
    {
        test::TempWorkspace workspace;
        QCOMPARE(runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                              QStringLiteral("--accounts"), QStringLiteral("60"), QStringLiteral("--today"),
                              QStringLiteral("2026-06-15") })
                     .code,
                 0);
        const QStringList base { QStringLiteral("backtest"), QStringLiteral("--db"), workspace.path(),
                                 QStringLiteral("--as-of"), QStringLiteral("2026-06-15") };
        const Run json = runCommand(
            base
            + QStringList { QStringLiteral("--horizon"), QStringLiteral("30"), QStringLiteral("--json") });
        QCOMPARE(json.code, 0);
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(json.out));
        QCOMPARE(object.value(QStringLiteral("horizon_days")).toInt(), 30);
        QVERIFY(object.value(QStringLiteral("cases")).toInt() > 0);
        const double auc = object.value(QStringLiteral("auc")).toDouble(-1);
        QVERIFY2(auc >= 0 && auc <= 1, qPrintable(json.out.left(400)));
        const QJsonArray bands = object.value(QStringLiteral("per_band")).toArray();
        QCOMPARE(bands.size(), 3);
        QCOMPARE(bands.at(0).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("Good"));
        qint64 churned = 0;
        for (const QJsonValue& stage : object.value(QStringLiteral("per_stage")).toArray())
            churned += stage.toObject().value(QStringLiteral("churned")).toInteger();
        QCOMPARE(churned, object.value(QStringLiteral("churned")).toInteger());
        QVERIFY(!object.value(QStringLiteral("per_criterion")).toArray().isEmpty());

        const Run text = runCommand(base);
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QLatin1String("ROC AUC of the score for churn")), qPrintable(text.out));
        QVERIFY(text.out.contains(QLatin1String("90 days ahead")));
        // Each side of a criterion counted in words ("1 case", "12 cases"), or "no cases" where it
        // has none, not "0 cases, churn 0.0% [0.0%–100.0%]" (the binary: English plural forms).
        const Run words = runBinary(base);
        QCOMPARE(words.code, 0);
        const QRegularExpression side(
            QStringLiteral("^    passes: (no cases|1 case, churn [^;]+|[0-9]+ cases, churn [^;]+); "
                           "fails: (no cases|1 case, churn [^;]+|[0-9]+ cases, churn [^;]+); lift"));
        int sides = 0;
        for (const QString& line : words.out.split(u'\n')) {
            if (!line.startsWith(QLatin1String("    passes:")))
                continue;
            ++sides;
            QVERIFY2(side.match(line).hasMatch(), qPrintable(line));
            QVERIFY2(!line.contains(QLatin1String(" 0 cases")) && !line.contains(QLatin1String(" 1 cases")),
                     qPrintable(line));
        }
        QCOMPARE(sides, object.value(QStringLiteral("per_criterion")).toArray().size());
        QVERIFY2(words.out.contains(QLatin1String("no cases")), qPrintable(words.out));

        // A candidate rule file with an error is named with the path of the problem.
        QTemporaryDir dir;
        const QString bad = test::writeFile(
            dir, QStringLiteral("bad.json"),
            "{\"name\":\"x\",\"bands\":[{\"name\":\"A\",\"color\":\"#000000\",\"min_score\":0}],\"stages\":[{"
            "\"id\":\"s\",\"name\":\"S\",\"color\":\"#000000\",\"criteria\":["
            "{\"id\":\"c\",\"label\":\"c\",\"weight\":1,\"measure\":{\"kind\":\"event_count\",\"window_"
            "days\":0},\"score\":{\"mode\":\"pass\",\"op\":\">=\",\"value\":1}}]}]}");
        const Run badRules = runCommand(base + QStringList { QStringLiteral("--rules"), bad });
        QCOMPARE(badRules.code, 1);
        QVERIFY2(badRules.err.contains(QLatin1String("window_days")), qPrintable(badRules.err));
        const Run badHorizon
            = runCommand(base + QStringList { QStringLiteral("--horizon"), QStringLiteral("0") });
        QCOMPARE(badHorizon.code, 2);
        QVERIFY(badHorizon.err.contains(QLatin1String("--horizon")));
    }

    void backtestAndTuneReadTheirReplayOptionsAlike()
    {
        test::TempWorkspace workspace; // not opened: a wrong option stops the command first
        const QList<QStringList> commands { { QStringLiteral("backtest") },
                                            { QStringLiteral("tune"), QStringLiteral("suggest") } };
        const QList<QStringList> wrongs { { QStringLiteral("--horizon"), QStringLiteral("0") },
                                          { QStringLiteral("--horizon"), QStringLiteral("ninety") },
                                          { QStringLiteral("--as-of"), QStringLiteral("2026-13-40") },
                                          { QStringLiteral("--baseline"), QStringLiteral("-5") } };
        for (const QStringList& command : commands) {
            for (const QStringList& wrong : wrongs) {
                const Run run
                    = runCommand(command + QStringList { QStringLiteral("--db"), workspace.path() } + wrong);
                const QString what = command.join(u' ') + u' ' + wrong.join(u' ');
                QVERIFY2(run.code == 2, qPrintable(what + QStringLiteral(": exit %1").arg(run.code)));
                QVERIFY2(run.err.startsWith(QStringLiteral("tenure-cli %1: ").arg(command.constFirst())),
                         qPrintable(what + QStringLiteral(": ") + run.err));
                QVERIFY2(run.err.contains(wrong.at(0)) && run.err.contains(QLatin1Char('"') + wrong.at(1)),
                         qPrintable(what + QStringLiteral(": ") + run.err));
            }
        }
        const Run cutoff
            = runCommand({ QStringLiteral("tune"), QStringLiteral("suggest"), QStringLiteral("--db"),
                           workspace.path(), QStringLiteral("--cutoff"), QStringLiteral("soon") });
        QCOMPARE(cutoff.code, 2);
        QVERIFY2(cutoff.err.contains(QLatin1String("--cutoff"))
                     && cutoff.err.contains(QLatin1String("\"soon\"")),
                 qPrintable(cutoff.err));
        QVERIFY(!QFile::exists(workspace.path()));
    }

    void tuneSuggestFitsChecksAndWrites()
    {
        test::TempWorkspace workspace;
        QCOMPARE(runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), workspace.path(),
                              QStringLiteral("--today"), QStringLiteral("2026-06-15") })
                     .code,
                 0);
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("candidate.json"));
        const QStringList base { QStringLiteral("tune"),    QStringLiteral("suggest"),
                                 QStringLiteral("--db"),    workspace.path(),
                                 QStringLiteral("--as-of"), QStringLiteral("2026-06-15") };
        const Run json
            = runCommand(base + QStringList { QStringLiteral("--json"), QStringLiteral("--output"), output });
        QCOMPARE(json.code, 0);
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(json.out));
        QVERIFY2(object.value(QStringLiteral("suggested")).toBool(), qPrintable(json.out.left(2000)));
        QCOMPARE(object.value(QStringLiteral("horizon_days")).toInt(), 90);
        const QJsonObject holdout = object.value(QStringLiteral("holdout")).toObject();
        QVERIFY(holdout.value(QStringLiteral("suggested")).toObject().value(QStringLiteral("auc")).toDouble()
                >= 0.8);
        QCOMPARE(holdout.value(QStringLiteral("active"))
                     .toObject()
                     .value(QStringLiteral("auc_95"))
                     .toArray()
                     .size(),
                 2);
        QVERIFY(!object.value(QStringLiteral("criteria")).toArray().isEmpty());
        QFile written(output);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(RuleSetJson::parse(written.readAll()).ok());

        // The written rules are an ordinary rule file: the backtest takes them.
        const Run backtest = runCommand({ QStringLiteral("backtest"), QStringLiteral("--db"),
                                          workspace.path(), QStringLiteral("--as-of"),
                                          QStringLiteral("2026-06-15"), QStringLiteral("--rules"), output });
        QCOMPARE(backtest.code, 0);

        const Run text = runCommand(base);
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QLatin1String("Holdout ROC AUC")), qPrintable(text.out));
        QVERIFY(text.out.contains(QLatin1String("why: AUC")));

        const Run wrong = runCommand({ QStringLiteral("tune"), QStringLiteral("frobnicate"),
                                       QStringLiteral("--db"), workspace.path() });
        QCOMPARE(wrong.code, 2);
        QVERIFY(wrong.err.contains(QLatin1String("suggest")));

        // Too few outcomes: it says so and writes nothing.
        test::TempWorkspace small;
        QCOMPARE(runCommand({ QStringLiteral("demo"), QStringLiteral("--db"), small.path(),
                              QStringLiteral("--accounts"), QStringLiteral("40"), QStringLiteral("--today"),
                              QStringLiteral("2026-06-15") })
                     .code,
                 0);
        const QString none = dir.filePath(QStringLiteral("none.json"));
        const Run few = runCommand({ QStringLiteral("tune"), QStringLiteral("suggest"),
                                     QStringLiteral("--db"), small.path(), QStringLiteral("--as-of"),
                                     QStringLiteral("2026-06-15"), QStringLiteral("--output"), none });
        QCOMPARE(few.code, 0);
        QVERIFY2(few.out.contains(QLatin1String("nothing is suggested")), qPrintable(few.out));
        QVERIFY(!QFile::exists(none));
    }
};

QTEST_GUILESS_MAIN(TestCliScoring)
#include "TestCliScoring.moc"
