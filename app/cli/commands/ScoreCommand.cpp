#include "cli/commands/ScoreCommand.h"

#include "actions/ActionEngine.h"
#include "cli/TextColumns.h"
#include "engine/ScoringEngine.h"
#include "engine/SummaryStore.h"
#include "rules/RuleStore.h"
#include "team/TeamDatabase.h"
#include "team/TeamEngine.h"

#include <QElapsedTimer>
#include <QMap>

#include <algorithm>
#include <climits>

namespace tenure::cli {

ScoreCommand::ScoreCommand()
    : Command(QStringLiteral("score"),
              tr("Score the accounts: fold new events into stages, health scores and history (incremental)."))
{
}

void ScoreCommand::addOptions(CommandHelp& parser)
{
    parser.addOption({ QStringLiteral("full"), tr("Rebuild every summary from the event log instead.") });
    parser.addOption({ QStringLiteral("as-of"), tr("Score as of the end of this day (default: today)."),
                       QStringLiteral("YYYY-MM-DD") });
}

int ScoreCommand::run(const QCommandLineParser& parser, Context& context)
{
    ScoringEngine::Options options;
    if (parser.isSet(QStringLiteral("as-of"))) {
        const QDate asOf = QDate::fromString(parser.value(QStringLiteral("as-of")), Qt::ISODate);
        if (!asOf.isValid()) {
            context.err << tr("tenure-cli score: --as-of expects a date as YYYY-MM-DD, got \"%1\".")
                               .arg(parser.value(QStringLiteral("as-of")))
                        << Qt::endl;
            return UsageError;
        }
        options.today = asOf;
    }
    if (TeamLocation::isTeamLocation(workspacePath(parser, context)))
        return runTeam(parser, context, options);
    std::unique_ptr<Database> db = openWorkspace(parser, context, Database::Mode::ReadWrite);
    if (!db)
        return Failure;

    QElapsedTimer timer;
    timer.start();
    ScoringEngine engine(*db, options);
    // Only the engine's messages (waiting for another rebuild of the file), not its progress.
    const auto say = [&context](const QString& phase, qint64, qint64 total) {
        if (total < 0)
            context.err << tr("tenure-cli score: %1…").arg(phase) << Qt::endl;
    };
    const Result<ScoringEngine::Summary> summary
        = parser.isSet(QStringLiteral("full")) ? engine.rebuild(say) : engine.run(say);
    if (!summary) {
        context.err << tr("tenure-cli score: %1").arg(summary.error()) << Qt::endl;
        return Failure;
    }
    const double seconds = timer.elapsed() / 1000.0;
    const Result<ActionEngine::Summary> actions
        = ActionEngine(*db, ActionRules::load(*db)).refresh(summary->asOf, ActionEngine::scopeOf(*summary));
    if (!actions) {
        context.err << tr("tenure-cli score: the action queue: %1").arg(actions.error()) << Qt::endl;
        return Failure;
    }
    context.out << headline(summary.value(), seconds) << '\n'
                << tr("Action queue: %1 open (%2 new, %3 cleared, %4 back from snooze).")
                       .arg(actions->open)
                       .arg(actions->opened)
                       .arg(actions->cleared)
                       .arg(actions->woke)
                << "\n\n";
    return printCounts(*db, context);
}

QString ScoreCommand::headline(const ScoringEngine::Summary& summary, double seconds)
{
    return tr("%1 as of %2 with rules v%3: %4 events folded in, %5 accounts scored, %6 history rows (%7 s).")
        .arg(summary.rescored      ? tr("Re-scored with new rules")
                 : summary.rebuilt ? tr("Rebuilt from the log")
                                   : tr("Scored"))
        .arg(summary.asOf.toString(Qt::ISODate))
        .arg(summary.rulesVersion)
        .arg(summary.events)
        .arg(summary.accounts)
        .arg(summary.historyRows)
        .arg(QString::number(seconds, 'f', 2));
}

int ScoreCommand::runTeam(const QCommandLineParser& parser, Context& context,
                          const ScoringEngine::Options& options)
{
    Result<TeamLocation> location = TeamLocation::parse(workspacePath(parser, context));
    if (!location) {
        context.err << tr("tenure-cli score: %1").arg(location.error()) << Qt::endl;
        return UsageError;
    }
    TeamEngine engine(*location, { {}, options });
    Result<bool> elected = engine.tryElect();
    if (!elected) {
        context.err << tr("tenure-cli score: %1").arg(elected.error()) << Qt::endl;
        return Failure;
    }
    if (!elected.value()) {
        QString holder;
        if (Result<std::unique_ptr<TeamDatabase>> db = TeamDatabase::open(*location); db) {
            if (Result<QString> who = TeamEngine::describeHolder(**db); who)
                holder = who.value();
        }
        context.err
            << tr("tenure-cli score: the team's engine runs elsewhere (%1); it scores after every pull and "
                  "on each day change, and every desktop sees its results.")
                   .arg(holder.isEmpty() ? tr("another process") : holder)
            << Qt::endl;
        return Failure;
    }
    QElapsedTimer timer;
    timer.start();
    Result<TeamEngine::Pass> pass = engine.runPass(parser.isSet(QStringLiteral("full")));
    if (!pass) {
        context.err << tr("tenure-cli score: %1").arg(pass.error()) << Qt::endl;
        return Failure;
    }
    if (pass->startedOver)
        context.out << TeamEngine::describeStartOver() << '\n';
    // Counted in the shared "Command" context: "1 new event" is in tenure_en.ts.
    // (Counts as plain ints: lupdate loops on a template's angle brackets among translate()'s arguments.)
    const int eventsPulled = int(std::min<qint64>(pass->eventsPulled, INT_MAX));
    const int statusesPublished = int(std::min<qint64>(pass->statusesPublished, INT_MAX));
    const QString pulled = QCoreApplication::translate("Command", "%n new events", nullptr, eventsPulled);
    const QString published
        = QCoreApplication::translate("Command", "%n statuses", nullptr, statusesPublished);
    context.out << headline(pass->summary, timer.elapsed() / 1000.0) << '\n'
                << tr("Team workspace %1: %2 copied from the log (up to seq %3), %4 written (%5).")
                       .arg(location->display(), pulled, QString::number(pass->teamSeq), published,
                            TeamEngine::describeSteps(pass->steps))
                << "\n\n";
    return printCounts(*engine.replica(), context);
}

int ScoreCommand::printCounts(Database& db, Context& context)
{
    const Result<QList<SummaryStore::Count>> counts = SummaryStore(db).counts();
    if (!counts) {
        context.err << tr("tenure-cli score: %1").arg(counts.error()) << Qt::endl;
        return Failure;
    }
    // Stages by their names and in the rules' order (the ids of stages the rules no longer have
    // after them); only those with accounts.
    const Result<RuleStore::Active> active = RuleStore(db).active();
    const RuleSet rules = active ? active->rules : RuleSet {};
    QTextStream& out = context.out;
    QMap<QString, QMap<QString, qint64>> table; // stage id -> band -> accounts
    QStringList stages;
    for (const Stage& stage : rules.stages)
        stages << stage.id;
    QStringList bands; // in the rules' order too, then the others (no score) as met
    for (const Band& band : rules.bands)
        bands << band.name;
    for (const SummaryStore::Count& count : counts.value()) {
        const QString band = count.band.isEmpty() ? tr("(no score)") : count.band;
        table[count.stage][band] += count.accounts;
        if (!bands.contains(band))
            bands << band;
        if (!stages.contains(count.stage))
            stages << count.stage;
    }
    // Each column as wide as its widest text (the numbers at least 9 wide), a space or two between.
    int stageWidth = std::max(columnsOf(tr("Stage")), columnsOf(tr("Total")));
    for (const QString& stage : std::as_const(stages))
        stageWidth = std::max(stageWidth, columnsOf(rules.stageName(stage)));
    stageWidth += 2;
    const auto bandWidth = [](const QString& band) { return std::max(columnsOf(band), 9) + 2; };
    const int totalWidth = std::max(columnsOf(tr("Total")), 9) + 2;
    out << padRight(tr("Stage"), stageWidth);
    for (const QString& band : bands)
        out << padLeft(band, bandWidth(band));
    out << padLeft(tr("Total"), totalWidth) << '\n';
    QMap<QString, qint64> bandTotals;
    qint64 all = 0;
    for (const QString& stage : std::as_const(stages)) {
        if (!table.contains(stage))
            continue; // no account in it
        out << padRight(rules.stageName(stage), stageWidth);
        qint64 total = 0;
        for (const QString& band : bands) {
            const qint64 n = table.value(stage).value(band);
            out << padLeft(QString::number(n), bandWidth(band));
            total += n;
            bandTotals[band] += n;
        }
        all += total;
        out << padLeft(QString::number(total), totalWidth) << '\n';
    }
    out << padRight(tr("Total"), stageWidth);
    for (const QString& band : bands)
        out << padLeft(QString::number(bandTotals.value(band)), bandWidth(band));
    out << padLeft(QString::number(all), totalWidth) << '\n' << Qt::flush;
    return Success;
}

} // namespace tenure::cli
