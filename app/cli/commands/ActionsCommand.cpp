#include "cli/commands/ActionsCommand.h"

#include "actions/ActionRules.h"
#include "actions/ActionStore.h"
#include "cli/TextColumns.h"
#include "store/WorkspaceSettings.h"
#include "team/TeamDatabase.h"
#include "team/TeamMembers.h"
#include "team/TeamWrites.h"
#include "util/JsonInput.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace tenure::cli {

ActionsCommand::ActionsCommand()
    : Command(QStringLiteral("actions"),
              tr("The action queue: list, show ID, done ID, snooze ID --until DATE, reassign ID --to NAME, "
                 "note ID TEXT, "
                 "account-note ACCOUNT_ID TEXT, rules [--set FILE]."))
{
}

void ActionsCommand::addOptions(CommandHelp& parser)
{
    parser.addPositionalArgument(
        QStringLiteral("action"),
        tr("list (default), show, done, snooze, reassign, note, account-note, rules"));
    parser.addOption(
        { QStringLiteral("owner"), tr("list: only this owner's actions."), QStringLiteral("name") });
    parser.addOption({ QStringLiteral("snoozed"), tr("list: include snoozed actions.") });
    parser.addOption({ QStringLiteral("json"), tr("list: one JSON array.") });
    parser.addOption(
        { QStringLiteral("until"), tr("snooze: until this day."), QStringLiteral("YYYY-MM-DD") });
    parser.addOption({ QStringLiteral("to"), tr("reassign: the new owner."), QStringLiteral("name") });
    parser.addOption(
        { QStringLiteral("note"), tr("done, snooze: a note for the history."), QStringLiteral("text") });
    parser.addOption(
        { QStringLiteral("author"), tr("Who does it (default: $USER)."), QStringLiteral("name") });
    parser.addOption({ QStringLiteral("set"),
                       tr("rules: replace the triggers and weights with this JSON file."),
                       QStringLiteral("file") });
}

int ActionsCommand::run(const QCommandLineParser& parser, Context& context)
{
    const QStringList args = parser.positionalArguments();
    const QString verb = args.value(0, QStringLiteral("list"));
    const QString defaultAuthor = parser.isSet(QStringLiteral("author"))
        ? parser.value(QStringLiteral("author"))
        : ActionStore::currentAuthor();
    auto usage = [&](const QString& text) {
        context.err << tr("tenure-cli actions: %1").arg(text) << Qt::endl;
        return UsageError;
    };
    // Each action and how many words it takes, itself included: told before anything is opened.
    static const QHash<QString, qsizetype> kWords {
        { QStringLiteral("list"), 1 },   { QStringLiteral("rules"), 1 },
        { QStringLiteral("show"), 2 },   { QStringLiteral("done"), 2 },
        { QStringLiteral("snooze"), 2 }, { QStringLiteral("reassign"), 2 },
        { QStringLiteral("note"), 3 },   { QStringLiteral("account-note"), 3 },
    };
    const auto words = kWords.constFind(verb);
    if (words == kWords.cend())
        return usage(tr("unknown action \"%1\"; expected list, show, done, snooze, reassign, note, "
                        "account-note or rules")
                         .arg(verb));
    if (args.size() > qMax<qsizetype>(1, *words))
        return usage(tr("unexpected argument \"%1\" after %2").arg(args.value(*words), verb));
    const bool reads = verb == QLatin1String("list") || verb == QLatin1String("show")
        || (verb == QLatin1String("rules") && !parser.isSet(QStringLiteral("set")));
    // A team workspace: the team's queue on the server, changed as the signed-in member.
    std::unique_ptr<Database> db;
    std::unique_ptr<TeamDatabase> team;
    QString author = defaultAuthor;
    if (TeamLocation::isTeamLocation(workspacePath(parser, context))) {
        Result<TeamLocation> location = TeamLocation::parse(workspacePath(parser, context));
        Result<std::unique_ptr<TeamDatabase>> opened = location
            ? TeamDatabase::open(*location)
            : Result<std::unique_ptr<TeamDatabase>>(Error { location.error() });
        if (!opened) {
            context.err << tr("tenure-cli actions: %1").arg(opened.error()) << Qt::endl;
            return Failure;
        }
        team = std::move(opened).value();
        if (!reads && !team->member()) {
            context.err
                << tr("tenure-cli actions: %1 is not a member of this team workspace: ask an admin to add "
                      "you (tenure-cli team add-member).")
                       .arg(team->login())
                << Qt::endl;
            return Failure;
        }
        if (team->member())
            author = team->member()->displayName; // the login says who it is, not a free-text field
    } else {
        db = openWorkspace(parser, context, reads ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
        if (!db)
            return Failure;
    }
    ActionStore store = team ? ActionStore(team->connection()) : ActionStore(*db);
    auto done = [&](const Status& status, const QString& message) {
        if (!status) {
            context.err << tr("tenure-cli actions: %1").arg(status.error()) << Qt::endl;
            return int(Failure);
        }
        context.out << message << Qt::endl;
        return int(Success);
    };
    bool idOk = false;
    const qint64 id = args.value(1).toLongLong(&idOk);

    if (verb == QLatin1String("list")) {
        const Result<QList<Action>> queue
            = store.queue(parser.value(QStringLiteral("owner")), parser.isSet(QStringLiteral("snoozed")));
        if (!queue)
            return done(Error { queue.error() }, {});
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const Action& a : *queue) {
                // The reason's facts as stored, the same in every language (`reason` follows
                // --language); null for a reason written in words.
                const QJsonDocument facts = QJsonDocument::fromJson(a.facts.toUtf8());
                array.append(QJsonObject {
                    { QStringLiteral("id"), a.id },
                    { QStringLiteral("account_id"), a.accountId },
                    { QStringLiteral("account"), a.accountName },
                    { QStringLiteral("trigger"), a.trigger },
                    { QStringLiteral("status"), a.status },
                    { QStringLiteral("priority"), a.priority },
                    { QStringLiteral("reason"), a.reason },
                    { QStringLiteral("facts"), facts.isObject() ? QJsonValue(facts.object()) : QJsonValue() },
                    { QStringLiteral("owner"), a.owner },
                    { QStringLiteral("snoozed_until"), a.snoozedUntil.toString(Qt::ISODate) },
                    { QStringLiteral("updated_at"), a.updatedAt.toString(Qt::ISODateWithMs) },
                    { QStringLiteral("updated_by"), a.updatedBy },
                    { QStringLiteral("version"), a.version } });
            }
            context.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
            return Success;
        }
        if (queue->isEmpty())
            context.out << tr("No open actions.") << '\n';
        // Each action: its id, priority and account, then its trigger and reason indented below.
        const int idWidth = std::max(5, columnsOf(tr("ID")));
        const int priorityWidth = std::max(5, columnsOf(tr("Priority")));
        const QString indent(idWidth + 2 + priorityWidth + 2, u' ');
        if (!queue->isEmpty())
            context.out << padLeft(tr("ID"), idWidth) << "  " << padLeft(tr("Priority"), priorityWidth)
                        << "  " << tr("Account · owner") << '\n'
                        << indent << tr("Trigger: why") << '\n';
        for (const Action& a : *queue)
            context.out << padLeft(QString::number(a.id), idWidth) << "  "
                        << padLeft(QString::number(a.priority, 'f', 1), priorityWidth) << "  "
                        << a.accountName << " (" << a.accountId << ")"
                        << (a.owner.isEmpty() ? QString() : QStringLiteral(" · ") + a.owner)
                        << (a.status == QLatin1String("snoozed")
                                ? tr(" · snoozed until %1").arg(a.snoozedUntil.toString(Qt::ISODate))
                                : QString())
                        << (a.updatedBy.isEmpty() ? QString()
                                                  : tr(" · last changed by %1, %2")
                                                        .arg(a.updatedBy,
                                                             QLocale().toString(a.updatedAt.toLocalTime(),
                                                                                QLocale::ShortFormat)))
                        << '\n'
                        << indent << ActionStore::triggerName(a.trigger) << ": " << a.reason << '\n';
        context.out << Qt::flush;
        return Success;
    }
    if (verb == QLatin1String("rules")) {
        if (!parser.isSet(QStringLiteral("set"))) {
            const Result<ActionRules> rules = team ? TeamWrites::actionRules(*team) : ActionRules::load(*db);
            if (!rules)
                return done(Error { rules.error() }, {});
            context.out << QJsonDocument(rules->toJson()).toJson(QJsonDocument::Indented) << Qt::flush;
            return Success;
        }
        const QString path = parser.value(QStringLiteral("set"));
        const Result<QJsonObject> json = json::readObject(path);
        if (!json)
            return done(Error { json.error() }, {});
        const Result<ActionRules> rules = ActionRules::fromJson(*json);
        if (!rules)
            return done(Error { tr("%1: %2").arg(path, rules.error()) }, {});
        if (team)
            return done(
                TeamWrites::saveActionRules(*team, *rules),
                tr("Action rules saved to the team workspace; the team's engine applies them from its "
                   "next pass."));
        return done(rules->save(*db), tr("Action rules saved; they apply from the next scoring pass."));
    }
    if (verb == QLatin1String("account-note")) {
        if (args.size() != 3)
            return usage(tr("expected account-note ACCOUNT_ID TEXT"));
        return done(store.addAccountNote(args[1], author, args[2]), tr("Note added to %1.").arg(args[1]));
    }
    if (!idOk)
        return usage(tr("%1 expects an action id (see tenure-cli actions list)").arg(verb));
    if (verb == QLatin1String("show")) {
        const std::optional<Action> action = store.find(id);
        if (!action)
            return done(Error { tr("No action %1.").arg(id) }, {});
        context.out << tr("Action %1: %2 (%3), %4, priority %5, owner %6")
                           .arg(id)
                           .arg(action->accountName, action->accountId,
                                ActionStore::statusName(action->status))
                           .arg(action->priority, 0, 'f', 1)
                           .arg(action->owner)
                    << '\n'
                    << "  " << action->reason << '\n';
        const Result<QList<ActionEvent>> history = store.history(id);
        if (history) {
            // Columns as wide as their widest entry ("Team engine" beside "高橋 美咲").
            int authorColumns = 0;
            int kindColumns = 0;
            for (const ActionEvent& event : *history) {
                authorColumns = std::max(authorColumns, columnsOf(event.author));
                kindColumns = std::max(kindColumns, columnsOf(ActionStore::eventName(event.kind)));
            }
            for (const ActionEvent& event : *history)
                context.out << "  " << event.at.toLocalTime().toString(Qt::ISODate) << "  "
                            << padRight(event.author, authorColumns) << "  "
                            << padRight(ActionStore::eventName(event.kind), kindColumns) << "  "
                            << event.detail << '\n';
        }
        context.out << Qt::flush;
        return Success;
    }
    const QString note = parser.value(QStringLiteral("note"));
    if (verb == QLatin1String("done"))
        return done(store.markDone(id, author, note), tr("Action %1 done.").arg(id));
    if (verb == QLatin1String("snooze")) {
        const QDate until = QDate::fromString(parser.value(QStringLiteral("until")), Qt::ISODate);
        if (!until.isValid())
            return usage(tr("snooze expects --until YYYY-MM-DD"));
        // A day already come would wake the action at once: a snooze that does nothing. Days are
        // the workspace's (a team's zone), as the engine counts them.
        const QDate today
            = team ? WorkspaceSettings::todayIn(team->timeZone()) : WorkspaceSettings(*db).today();
        if (until <= today)
            return usage(tr("snooze --until %1: the day must be after today (%2)")
                             .arg(until.toString(Qt::ISODate), today.toString(Qt::ISODate)));
        return done(store.snooze(id, until, author, note),
                    tr("Action %1 snoozed until %2.").arg(id).arg(until.toString(Qt::ISODate)));
    }
    if (verb == QLatin1String("reassign")) {
        if (!parser.isSet(QStringLiteral("to")))
            return usage(tr("reassign expects --to NAME"));
        // In a team an account's owner is a member's display name: the desktop offers only those.
        if (team) {
            const Result<QList<TeamDatabase::Member>> members = TeamMembers(*team).list();
            if (!members)
                return done(Error { members.error() }, {});
            QStringList names;
            for (const TeamDatabase::Member& member : *members)
                names << member.displayName;
            if (!names.contains(parser.value(QStringLiteral("to"))))
                return usage(tr("reassign --to \"%1\": not a member of the team (members: %2)")
                                 .arg(parser.value(QStringLiteral("to")), names.join(QStringLiteral(", "))));
        }
        return done(store.reassign(id, parser.value(QStringLiteral("to")), author),
                    tr("Action %1 now belongs to %2.").arg(id).arg(parser.value(QStringLiteral("to"))));
    }
    if (verb == QLatin1String("note")) {
        if (args.size() != 3)
            return usage(tr("expected note ID TEXT"));
        return done(store.addNote(id, author, args[2]), tr("Note added to action %1.").arg(id));
    }
    return usage(tr("unknown action \"%1\"").arg(verb));
}

} // namespace tenure::cli
