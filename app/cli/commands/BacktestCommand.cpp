#include "cli/commands/BacktestCommand.h"

#include "cli/TextColumns.h"
#include "cli/commands/ReplayOptions.h"
#include "engine/ScoringEngine.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"
#include "tuning/Backtest.h"
#include "tuning/BacktestJson.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

namespace tenure::cli {

namespace {

QString percent(double fraction)
{
    return QString::number(fraction * 100, 'f', 1) + QLatin1Char('%');
}

QString rateWithInterval(double rate, const stats::Interval& interval)
{
    return QStringLiteral("%1 [%2–%3]").arg(percent(rate), percent(interval.low), percent(interval.high));
}

QString maybe(const std::optional<double>& value, int decimals = 3)
{
    return value ? QString::number(*value, 'f', decimals) : QStringLiteral("–");
}

} // namespace

BacktestCommand::BacktestCommand()
    : Command(QStringLiteral("backtest"),
              tr("Replay history: score each account as of DAYS before what happened and measure how well "
                 "stage, score and band foretold churn."))
{
}

void BacktestCommand::addOptions(CommandHelp& parser)
{
    parser.addOption({ QStringLiteral("horizon"),
                       tr("Score each case this many days before its outcome (default: 90)."), tr("DAYS"),
                       QStringLiteral("90") });
    parser.addOption({ QStringLiteral("rules"),
                       tr("Backtest the rule set in this JSON file instead of the active one."),
                       QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("as-of"),
                       tr("Treat this day as today: later outcomes are ignored (default: today)."),
                       QStringLiteral("YYYY-MM-DD") });
    parser.addOption({ QStringLiteral("baseline"),
                       tr("Sample at most N accounts without churn as the retained baseline (default: all)."),
                       QStringLiteral("N") });
    parser.addOption({ QStringLiteral("json"), tr("Print one JSON object instead of tables.") });
}

int BacktestCommand::run(const QCommandLineParser& parser, Context& context)
{
    ReplayOptions replay;
    if (const std::optional<QString> wrong = ReplayOptions::read(parser, replay)) {
        context.err << tr("tenure-cli backtest: %1").arg(*wrong) << Qt::endl;
        return UsageError;
    }
    BacktestOptions options;
    options.horizonDays = replay.horizonDays;
    options.today = replay.today;
    options.baselineLimit = replay.baselineLimit;
    std::optional<RuleSet> candidate;
    if (parser.isSet(QStringLiteral("rules"))) {
        const QString path = parser.value(QStringLiteral("rules"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            context.err << tr("tenure-cli backtest: cannot read %1: %2").arg(path, file.errorString())
                        << Qt::endl;
            return Failure;
        }
        Result<RuleSet> parsed = RuleSetJson::parse(file.readAll());
        if (!parsed) {
            context.err << tr("tenure-cli backtest: %1: %2").arg(path, parsed.error()) << Qt::endl;
            return Failure;
        }
        candidate = std::move(parsed).value();
    }

    std::unique_ptr<Database> db = openForReading(parser, context, Database::Mode::ReadWrite);
    if (!db)
        return Failure;
    QElapsedTimer timer;
    timer.start();
    // The backtest reads the engine's aggregates: fold in what the log has that they do not.
    if (const auto scored = ScoringEngine(*db).run(); !scored) {
        context.err << tr("tenure-cli backtest: %1").arg(scored.error()) << Qt::endl;
        return Failure;
    }
    if (!candidate) {
        Result<RuleStore::Active> active = RuleStore(*db).active();
        if (!active) {
            context.err << tr("tenure-cli backtest: %1").arg(active.error()) << Qt::endl;
            return Failure;
        }
        candidate = active->rules;
    }
    const Result<QList<BacktestReport>> reports = Backtest(*db).run({ *candidate }, options);
    if (!reports) {
        context.err << tr("tenure-cli backtest: %1").arg(reports.error()) << Qt::endl;
        return Failure;
    }
    const BacktestReport& report = reports->constFirst();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject object = BacktestJson::toObject(report);
        object.insert(QStringLiteral("seconds"), timer.elapsed() / 1000.0);
        context.out << QJsonDocument(object).toJson(QJsonDocument::Indented) << Qt::flush;
        return Success;
    }
    print(report, context.out);
    context.out << tr("Took %1 s.").arg(QString::number(timer.elapsed() / 1000.0, 'f', 2)) << '\n'
                << Qt::flush;
    return Success;
}

void BacktestCommand::print(const BacktestReport& report, QTextStream& out)
{
    out << tr("Backtest of \"%1\", %2 days ahead, as of %3")
               .arg(report.rulesName)
               .arg(report.horizonDays)
               .arg(report.today.toString(Qt::ISODate))
        << '\n'
        << tr("Cases: %1 (%2 from outcomes, %3 retained baseline), %4 churned; %5 outcomes skipped "
              "(no history %6 days before).")
               .arg(report.cases)
               .arg(report.outcomeCases)
               .arg(report.cases - report.outcomeCases)
               .arg(report.churned)
               .arg(report.skipped - report.skippedNoStart)
               .arg(report.horizonDays)
        << '\n';
    if (report.skippedNoStart > 0)
        out << report.skippedNoStartMessage() << '.' << '\n';
    out << tr("ROC AUC of the score for churn: %1 (%2 scored cases; 0.5 is chance, 1 is perfect).")
               .arg(maybe(report.auc))
               .arg(report.scored)
        << '\n'
        << tr("\"%1\" as a churn flag: %2 flagged, precision %3, recall %4.")
               .arg(report.flagBand)
               .arg(report.flagged)
               .arg(report.precision() ? percent(*report.precision()) : QStringLiteral("–"),
                    report.recall() ? percent(*report.recall()) : QStringLiteral("–"))
        << "\n\n";

    auto table = [&out](const QString& title, const QList<BacktestRate>& rows) {
        out << padRight(title, 16) << padLeft(tr("Cases"), 8) << padLeft(tr("Churned"), 9) << "  "
            << padRight(tr("Churn rate [95%]"), 26) << padLeft(tr("Expansion"), 10) << '\n';
        for (const BacktestRate& r : rows) {
            out << padRight(r.name, 16) << padLeft(QString::number(r.cases), 8)
                << padLeft(QString::number(r.churned), 9) << "  "
                << padRight(
                       r.cases == 0 ? tr("no cases") : rateWithInterval(r.churnRate(), r.churnInterval()), 26)
                << padLeft(r.cases == 0 ? QStringLiteral("–") : percent(r.expansionRate()), 10) << '\n';
        }
        out << '\n';
    };
    table(tr("Band"), report.perBand);
    table(tr("Stage"), report.perStage);

    out << tr("Per criterion (passes: earns at least half its points)") << '\n';
    // "12 cases, churn 8.3% [1.5%–35.4%]", or "no cases" (not a 0.0% [0.0%–100.0%] of nothing).
    const auto side = [](qint64 cases, double rate, const stats::Interval& interval) {
        return cases == 0
            ? tr("no cases")
            : tr("%n cases, churn %1", nullptr, int(cases)).arg(rateWithInterval(rate, interval));
    };
    for (const CriterionEvidence& e : report.perCriterion) {
        out << QStringLiteral("%1 / %2 (%3)").arg(e.stageName, e.label, e.threshold) << '\n'
            << QStringLiteral("    ")
            << tr("passes: %1; fails: %2; lift %3; AUC %4")
                   .arg(side(e.passCases, e.passRate(), e.passInterval()),
                        side(e.failCases, e.failRate(), e.failInterval()), maybe(e.lift(), 2), maybe(e.auc))
            << '\n';
        if (e.suggested) {
            out << QStringLiteral("    ")
                << (e.lowFlags ? tr("suggested: flag below %1 (Youden's J %2)")
                               : tr("suggested: flag above %1 (Youden's J %2)"))
                       .arg(QString::number(e.suggested->threshold, 'g', 4),
                            QString::number(e.suggested->youdenJ, 'f', 2));
            if (e.tooSmall)
                out << "  " << tr("[too few cases or churns to trust]");
            out << '\n';
        } else if (e.tooSmall) {
            out << QStringLiteral("    ") << tr("[too few cases or churns to trust]") << '\n';
        }
    }
}

} // namespace tenure::cli
