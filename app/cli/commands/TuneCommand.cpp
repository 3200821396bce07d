#include "cli/commands/TuneCommand.h"

#include "cli/commands/ReplayOptions.h"
#include "engine/ScoringEngine.h"
#include "rules/RuleSetJson.h"
#include "rules/RuleStore.h"
#include "tuning/RuleSuggester.h"
#include "tuning/SuggestionJson.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSaveFile>

namespace tenure::cli {

namespace {

QString maybe(const std::optional<double>& value, int decimals = 3)
{
    return value ? QString::number(*value, 'f', decimals) : QStringLiteral("–");
}

QString auc(const std::optional<stats::AucEstimate>& e)
{
    return e ? QStringLiteral("%1 [%2–%3]")
                   .arg(QString::number(e->auc, 'f', 3), QString::number(e->ci95.low, 'f', 3),
                        QString::number(e->ci95.high, 'f', 3))
             : QStringLiteral("–");
}

} // namespace

TuneCommand::TuneCommand()
    : Command(QStringLiteral("tune"),
              tr("suggest: fit rules to this workspace's own outcomes (thresholds, the criteria that carry "
                 "signal, weights) and check them on later outcomes, against the active rules."))
{
}

void TuneCommand::addOptions(CommandHelp& parser)
{
    parser.addPositionalArgument(QStringLiteral("action"), tr("suggest"));
    parser.addOption({ QStringLiteral("horizon"),
                       tr("Measure each case this many days before its outcome (default: 90)."), tr("DAYS"),
                       QStringLiteral("90") });
    parser.addOption({ QStringLiteral("as-of"),
                       tr("Treat this day as today: later outcomes are ignored (default: today)."),
                       QStringLiteral("YYYY-MM-DD") });
    parser.addOption({ QStringLiteral("cutoff"),
                       tr("Fit on outcomes up to this day, check on the later ones (default: the day that "
                          "leaves about a third of the churns after it)."),
                       QStringLiteral("YYYY-MM-DD") });
    parser.addOption({ QStringLiteral("baseline"),
                       tr("Sample at most N accounts without churn as the retained baseline (default: all)."),
                       QStringLiteral("N") });
    parser.addOption({ QStringLiteral("output"),
                       tr("Write the suggested rule set to this JSON file (nothing is written when nothing "
                          "is suggested)."),
                       QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("json"), tr("Print one JSON object instead of text.") });
}

int TuneCommand::run(const QCommandLineParser& parser, Context& context)
{
    auto usage = [&](const QString& text) {
        context.err << tr("tenure-cli tune: %1").arg(text) << Qt::endl;
        return UsageError;
    };
    const QStringList args = parser.positionalArguments();
    if (args.value(0) != QLatin1String("suggest"))
        return usage(tr("expected \"suggest\", got \"%1\"").arg(args.value(0)));
    ReplayOptions replay;
    if (const std::optional<QString> wrong = ReplayOptions::read(parser, replay))
        return usage(*wrong);
    SuggestOptions options;
    options.horizonDays = replay.horizonDays;
    options.today = replay.today;
    options.baselineLimit = replay.baselineLimit;
    if (const std::optional<QString> wrong
        = ReplayOptions::readDay(parser, QStringLiteral("cutoff"), options.cutoff))
        return usage(*wrong);

    std::unique_ptr<Database> db = openForReading(parser, context, Database::Mode::ReadWrite);
    if (!db)
        return Failure;
    QElapsedTimer timer;
    timer.start();
    // The suggestion reads the engine's aggregates: fold in what the log has that they do not.
    if (const auto scored = ScoringEngine(*db).run(); !scored) {
        context.err << tr("tenure-cli tune: %1").arg(scored.error()) << Qt::endl;
        return Failure;
    }
    const Result<RuleStore::Active> active = RuleStore(*db).active();
    if (!active) {
        context.err << tr("tenure-cli tune: %1").arg(active.error()) << Qt::endl;
        return Failure;
    }
    const Result<Suggestion> suggestion = RuleSuggester(*db).run(active->rules, options);
    if (!suggestion) {
        context.err << tr("tenure-cli tune: %1").arg(suggestion.error()) << Qt::endl;
        return Failure;
    }
    if (parser.isSet(QStringLiteral("output")) && suggestion->rules) {
        const QString path = parser.value(QStringLiteral("output"));
        QSaveFile file(path);
        const QByteArray bytes = RuleSetJson::serialize(*suggestion->rules);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            context.err << tr("tenure-cli tune: cannot write %1: %2").arg(path, file.errorString())
                        << Qt::endl;
            return Failure;
        }
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject object = SuggestionJson::toObject(*suggestion);
        object.insert(QStringLiteral("seconds"), timer.elapsed() / 1000.0);
        context.out << QJsonDocument(object).toJson(QJsonDocument::Indented) << Qt::flush;
        return Success;
    }
    print(*suggestion, context.out);
    if (parser.isSet(QStringLiteral("output")) && suggestion->rules)
        context.out << tr("Written to %1: try it with tenure-cli backtest --rules %1.")
                           .arg(parser.value(QStringLiteral("output")))
                    << '\n';
    context.out << tr("Took %1 s.").arg(QString::number(timer.elapsed() / 1000.0, 'f', 2)) << '\n'
                << Qt::flush;
    return Success;
}

void TuneCommand::print(const Suggestion& s, QTextStream& out)
{
    out << tr("Rule suggestion, %1 days ahead, as of %2; fitted on outcomes up to %3, checked on the later "
              "ones.")
               .arg(s.horizonDays)
               .arg(s.today.toString(Qt::ISODate),
                    s.cutoff.isValid() ? s.cutoff.toString(Qt::ISODate) : QStringLiteral("–"))
        << '\n'
        << tr("Training: %1 cases, %2 churned. Holdout: %3 cases, %4 churned. %5 candidate criteria tried.")
               .arg(s.trainingCases)
               .arg(s.trainingChurned)
               .arg(s.holdoutCases)
               .arg(s.holdoutChurned)
               .arg(s.candidates)
        << "\n\n";
    if (s.holdout) {
        out << tr("Holdout ROC AUC [95%]: suggested %1; active rules (\"%2\") %3, on the same cases.")
                   .arg(auc(s.holdout), s.activeName, auc(s.activeHoldout))
            << '\n';
        if (s.difference && s.differenceCi95)
            out << tr("Difference: %1 [%2–%3] (DeLong).")
                       .arg(QString::number(*s.difference, 'f', 3),
                            QString::number(s.differenceCi95->low, 'f', 3),
                            QString::number(s.differenceCi95->high, 'f', 3))
                << '\n';
        out << tr("Training ROC AUC (the cases it was fitted on, optimistic): %1.").arg(maybe(s.trainingAuc))
            << "\n\n";
    }
    if (!s.suggested) {
        out << s.reason << '\n';
    } else {
        QString stages;
        for (const SuggestedCriterion& c : s.criteria) {
            if (c.stage != stages) {
                stages = c.stage;
                out << tr("Suggested criteria in %1:").arg(stages) << '\n';
            }
            out << QStringLiteral("  %1 (%2), ").arg(c.label, c.scoring) << tr("weight %1").arg(c.weight)
                << '\n'
                << QStringLiteral("      ")
                << tr("why: AUC %1 on its own; churn when failing %2 of %3, when passing %4 of %5; lift %6")
                       .arg(QString::number(c.trainingAuc, 'f', 3))
                       .arg(c.failChurned)
                       .arg(c.failCases)
                       .arg(c.passChurned)
                       .arg(c.passCases)
                       .arg(c.lift ? QString::number(*c.lift, 'f', 2) : tr("none churned when passing"))
                << '\n';
        }
    }
    for (const ExcludedCandidate& e : s.excluded)
        out << tr("Left out: %1: %2").arg(e.label, e.reason) << '\n';
}

} // namespace tenure::cli
