#include "cli/commands/ConnectorCommand.h"

#include "cli/TextColumns.h"
#include "ingest/connectors/ConnectorStore.h"
#include "ingest/connectors/PullRunner.h"
#include "ingest/connectors/SecretStore.h"
#include "util/JsonInput.h"

#include <QFile>
#include <QJsonDocument>
#include <QUrl>

#include <cstdio>

namespace tenure::cli {

ConnectorCommand::ConnectorCommand()
    : Command(QStringLiteral("connector"),
              tr("Manage product API connectors: add FILE, list, export NAME, secret NAME."))
{
}

void ConnectorCommand::addOptions(CommandHelp& parser)
{
    parser.addPositionalArgument(QStringLiteral("action"), tr("add, list, export or secret"));
    parser.addPositionalArgument(QStringLiteral("argument"),
                                 tr("add: the connector's JSON file; export, secret: its name"));
    parser.addOption({ QStringLiteral("output"), tr("export: write the JSON here instead of printing it."),
                       QStringLiteral("file") });
    parser.addOption({ QStringLiteral("delete"), tr("secret: remove the stored secret.") });
}

int ConnectorCommand::run(const QCommandLineParser& parser, Context& context)
{
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool needsArgument = action == QLatin1String("add") || action == QLatin1String("export")
        || action == QLatin1String("secret");
    if (action.isEmpty() || (needsArgument && positional.size() != 2)
        || (action == QLatin1String("list") && positional.size() != 1)) {
        context.err << tr("tenure-cli connector: expected add FILE, list, export NAME or secret NAME")
                    << Qt::endl;
        return UsageError;
    }
    if (action == QLatin1String("add"))
        return add(positional[1], parser, context);
    if (action == QLatin1String("list"))
        return list(parser, context);
    if (action == QLatin1String("export"))
        return exportOne(positional[1], parser, context);
    if (action == QLatin1String("secret"))
        return secret(positional[1], parser, context);
    context.err
        << tr("tenure-cli connector: unknown action \"%1\"; expected add, list, export or secret").arg(action)
        << Qt::endl;
    return UsageError;
}

int ConnectorCommand::add(const QString& file, const QCommandLineParser& parser, Context& context)
{
    const Result<QJsonObject> definition = json::readObject(file);
    if (!definition) {
        context.err << tr("tenure-cli connector: %1").arg(definition.error()) << Qt::endl;
        return Failure;
    }
    const Result<ConnectorConfig> config = ConnectorConfig::fromJson(*definition);
    if (!config) {
        context.err << tr("tenure-cli connector: %1: %2").arg(file, config.error()) << Qt::endl;
        return Failure;
    }
    std::unique_ptr<Database> db = openWorkspace(parser, context, Database::Mode::ReadWrite);
    if (!db)
        return Failure;
    if (Status saved = ConnectorStore(*db).save(*config); !saved) {
        context.err << tr("tenure-cli connector: %1").arg(saved.error()) << Qt::endl;
        return Failure;
    }
    context.out
        << tr("Connector \"%1\" (%2) saved. Its secret, if it needs one: tenure-cli connector secret %1, or "
              "the environment variable %3.")
               .arg(config->name, ConnectorConfig::kindName(config->kind),
                    SecretStore::environmentVariable(config->name))
        << Qt::endl;
    return Success;
}

int ConnectorCommand::list(const QCommandLineParser& parser, Context& context)
{
    std::unique_ptr<Database> db = openWorkspace(parser, context, Database::Mode::ReadOnly);
    if (!db)
        return Failure;
    const Result<QList<ConnectorStore::Entry>> entries = ConnectorStore(*db).all();
    if (!entries) {
        context.err << tr("tenure-cli connector: %1").arg(entries.error()) << Qt::endl;
        return Failure;
    }
    if (entries->isEmpty()) {
        context.out << tr("No connectors. Add one with: tenure-cli connector add FILE") << Qt::endl;
        return Success;
    }
    for (const ConnectorStore::Entry& entry : *entries) {
        const QJsonObject& state = entry.state;
        QString last = tr("never pulled");
        if (!state.isEmpty()) {
            const QDateTime end = QDateTime::fromMSecsSinceEpoch(
                qint64(state.value(QStringLiteral("window_end")).toDouble()), QTimeZone::utc());
            last = state.value(QStringLiteral("complete")).toBool()
                ? tr("pulled up to %1").arg(end.toString(Qt::ISODate))
                : tr("interrupted run up to %1, resumes at the next pull").arg(end.toString(Qt::ISODate));
        }
        context.out << padRight(entry.config.name, 20) << ' '
                    << padRight(ConnectorConfig::kindName(entry.config.kind), 9) << ' '
                    << padRight(QUrl(entry.config.url).host(), 24) << ' '
                    << padRight(entry.config.intervalMinutes > 0
                                    ? tr("every %1 min").arg(entry.config.intervalMinutes)
                                    : tr("on demand"),
                                14)
                    << ' ' << last << '\n';
    }
    context.out << Qt::flush;
    return Success;
}

int ConnectorCommand::exportOne(const QString& name, const QCommandLineParser& parser, Context& context)
{
    std::unique_ptr<Database> db = openWorkspace(parser, context, Database::Mode::ReadOnly);
    if (!db)
        return Failure;
    const Result<ConnectorStore::Entry> entry = ConnectorStore(*db).find(name);
    if (!entry) {
        context.err << tr("tenure-cli connector: %1").arg(entry.error()) << Qt::endl;
        return Failure;
    }
    const QByteArray json = QJsonDocument(entry->config.toJson()).toJson(QJsonDocument::Indented);
    if (parser.isSet(QStringLiteral("output"))) {
        QFile output(parser.value(QStringLiteral("output")));
        if (!output.open(QIODevice::WriteOnly) || output.write(json) != json.size()) {
            context.err << tr("tenure-cli connector: %1: %2").arg(output.fileName(), output.errorString())
                        << Qt::endl;
            return Failure;
        }
        return Success;
    }
    context.out << json << Qt::flush;
    return Success;
}

int ConnectorCommand::secret(const QString& name, const QCommandLineParser& parser, Context& context)
{
    if (parser.isSet(QStringLiteral("delete"))) {
        if (Status removed = SecretStore::remove(name); !removed) {
            context.err << tr("tenure-cli connector: %1").arg(removed.error()) << Qt::endl;
            return Failure;
        }
        context.out << tr("Secret of \"%1\" removed from the keychain.").arg(name) << Qt::endl;
        return Success;
    }
    // Read from standard input so the secret never appears in the shell history or `ps`.
    context.err << tr("Secret for \"%1\" (one line, not echoed to any log): ").arg(name) << Qt::flush;
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly)) {
        context.err << tr("tenure-cli connector: cannot read standard input") << Qt::endl;
        return Failure;
    }
    const QString secret = QString::fromUtf8(input.readLine()).trimmed();
    if (secret.isEmpty()) {
        context.err << tr("tenure-cli connector: no secret given") << Qt::endl;
        return Failure;
    }
    if (Status stored = SecretStore::write(name, secret); !stored) {
        context.err << tr("tenure-cli connector: %1").arg(stored.error()) << Qt::endl;
        return Failure;
    }
    context.out << tr("Secret of \"%1\" stored in the keychain.").arg(name) << Qt::endl;
    return Success;
}

} // namespace tenure::cli
