#include "sources/ConnectorsDialog.h"

#include "Async.h"
#include "ingest/connectors/PullWorker.h"
#include "ingest/connectors/SecretStore.h"
#include "sources/ConnectorForm.h"
#include "sources/SourceKinds.h"
#include "store/WithWorkspace.h"
#include "util/JsonInput.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tenure {

namespace {

enum Column { Name, Kind, Host, Schedule, Progress, LastResult, ColumnCount };

QString progressText(const QJsonObject& state)
{
    if (state.isEmpty())
        return ConnectorsDialog::tr("never pulled");
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(
        qint64(state.value(QStringLiteral("window_end")).toDouble()), QTimeZone::utc());
    const QString when = QLocale().toString(end.toLocalTime(), QLocale::ShortFormat);
    return state.value(QStringLiteral("complete")).toBool()
        ? ConnectorsDialog::tr("up to %1").arg(when)
        : ConnectorsDialog::tr("interrupted before %1; resumes at the next pull").arg(when);
}

} // namespace

ConnectorsDialog::ConnectorsDialog(QString workspacePath, PullWorker* pulls, QWidget* parent)
    : QDialog(parent)
    , m_workspacePath(std::move(workspacePath))
    , m_pulls(pulls)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("ConnectorsDialog"));
    setWindowTitle(tr("Connectors"));
    m_table->setObjectName(QStringLiteral("connectors"));
    m_table->setHorizontalHeaderLabels(
        { tr("Name"), tr("Kind"), tr("Host"), tr("Schedule"), tr("Pulled"), tr("Last pull") });
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // names connectors and quotes their errors
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* addForm = new QPushButton(tr("&Add…"), this);
    addForm->setObjectName(QStringLiteral("add"));
    auto* add = new QPushButton(tr("Add from &File…"), this);
    m_edit = new QPushButton(tr("E&dit…"), this);
    m_edit->setObjectName(QStringLiteral("edit"));
    m_secret = new QPushButton(tr("Set &Secret…"), this);
    m_export = new QPushButton(tr("&Export…"), this);
    m_pull = new QPushButton(tr("&Pull Now"), this);
    m_pull->setObjectName(QStringLiteral("pull"));
    connect(add, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Add Connector"), QString(), tr("Connector definitions (*.json);;All files (*)"));
        if (!path.isEmpty())
            addFromFile(path);
    });
    connect(addForm, &QPushButton::clicked, this, &ConnectorsDialog::addInForm);
    connect(m_edit, &QPushButton::clicked, this, &ConnectorsDialog::editSelected);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &ConnectorsDialog::editSelected);
    connect(m_secret, &QPushButton::clicked, this, &ConnectorsDialog::setSecret);
    connect(m_export, &QPushButton::clicked, this, &ConnectorsDialog::exportSelected);
    connect(m_pull, &QPushButton::clicked, this, &ConnectorsDialog::pullSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const bool selected = !selectedName().isEmpty();
        m_edit->setEnabled(selected);
        m_secret->setEnabled(selected);
        m_export->setEnabled(selected);
    });
    auto* actions = new QHBoxLayout;
    for (QPushButton* button : { addForm, add, m_edit, m_secret, m_export, m_pull })
        actions->addWidget(button);
    actions->addStretch(1);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(actions);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addWidget(close);
    m_edit->setEnabled(false);
    m_secret->setEnabled(false);
    m_export->setEnabled(false);
    m_pull->setEnabled(m_pulls != nullptr);

    connect(&m_loading, &QFutureWatcherBase::finished, this, [this] {
        const Result<QList<ConnectorStore::Entry>> entries = m_loading.result();
        if (entries)
            showEntries(entries.value());
        else
            showMessage(entries.error());
        emit reloaded();
    });
    connect(&m_working, &QFutureWatcherBase::finished, this, [this] {
        const QString error = m_working.result();
        showMessage(error.isEmpty() ? m_pendingSuccess : error);
        m_pendingSuccess.clear();
        reload();
    });
    if (m_pulls) {
        connect(m_pulls, &PullWorker::finished, this,
                [this](const QString& name, const PullRunner::Report& report) {
                    m_lastResult.insert(name,
                                        tr("%1 new events, %2 already there, %3 rejected")
                                            .arg(QLocale().toString(report.inserted),
                                                 QLocale().toString(report.duplicates),
                                                 QLocale().toString(report.rejected)));
                    showMessage(report.rejections.isEmpty() ? tr("Pulled \"%1\".").arg(name)
                                                            : tr("Pulled \"%1\"; rejected records:\n%2")
                                                                  .arg(name, report.rejections.join(u'\n')));
                    reload();
                });
        connect(m_pulls, &PullWorker::failed, this, [this](const QString& name, const QString& message) {
            m_lastResult.insert(name, tr("failed: %1").arg(message));
            showMessage(message);
            reload();
        });
    }
    resize(860, 380);
    reload();
}

ConnectorsDialog::~ConnectorsDialog()
{
    m_loading.waitForFinished();
    m_working.waitForFinished();
}

void ConnectorsDialog::reload()
{
    if (m_loading.isRunning())
        return;
    const QString path = m_workspacePath;
    m_loading.setFuture(QtConcurrent::run(workPool(), [path] {
        return withWorkspace(path, Database::Mode::ReadOnly,
                             [](Database& db) { return ConnectorStore(db).all(); });
    }));
}

void ConnectorsDialog::showEntries(const QList<ConnectorStore::Entry>& entries)
{
    const QString selected = selectedName();
    m_entries = entries;
    m_table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const ConnectorConfig& config = entries[row].config;
        const QStringList cells {
            config.name,
            SourceKinds::connector(config.kind),
            QUrl(config.url).scheme() == QLatin1String("file") ? tr("local file") : QUrl(config.url).host(),
            config.intervalMinutes > 0 ? tr("every %1 min").arg(config.intervalMinutes) : tr("on demand"),
            progressText(entries[row].state),
            m_lastResult.value(config.name),
        };
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
        if (config.name == selected)
            m_table->selectRow(row);
    }
    if (entries.isEmpty() && m_message->text().isEmpty()) // a hint, never over an error
        showMessage(tr("No connectors yet. Add one from its JSON definition (see docs/connectors.md)."));
}

QString ConnectorsDialog::selectedName() const
{
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : m_table->item(items.first()->row(), Name)->text();
}

void ConnectorsDialog::addFromFile(const QString& path)
{
    if (m_working.isRunning())
        return;
    // Reading, checking and saving the definition all run off the GUI thread.
    const QString workspace = m_workspacePath;
    m_pendingSuccess
        = tr("Connector added from %1. If it needs a secret, select it and choose Set Secret.").arg(path);
    showMessage(tr("Adding the connector in %1…").arg(path));
    m_working.setFuture(QtConcurrent::run(workPool(), [workspace, path]() -> QString {
        const Result<QJsonObject> definition = json::readObject(path);
        if (!definition)
            return definition.error();
        const Result<ConnectorConfig> config = ConnectorConfig::fromJson(*definition);
        if (!config)
            return tr("%1: %2").arg(path, config.error());
        const Status saved = withWorkspace(workspace, Database::Mode::ReadWrite, [&](Database& db) {
            return ConnectorStore(db).save(config.value());
        });
        return saved ? QString() : saved.error();
    }));
}

void ConnectorsDialog::addInForm()
{
    auto* form = new ConnectorForm(std::nullopt, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    connect(form, &QDialog::accepted, this, [this, form] { save(form->config().value(), form->secret()); });
    form->open();
}

void ConnectorsDialog::editSelected()
{
    const QString name = selectedName();
    for (const ConnectorStore::Entry& entry : std::as_const(m_entries)) {
        if (entry.config.name != name)
            continue;
        auto* form = new ConnectorForm(entry.config, this);
        form->setAttribute(Qt::WA_DeleteOnClose);
        connect(form, &QDialog::accepted, this,
                [this, form] { save(form->config().value(), form->secret()); });
        form->open();
        return;
    }
}

void ConnectorsDialog::save(const ConnectorConfig& config, const QString& secret)
{
    if (m_working.isRunning())
        return;
    const QString workspace = m_workspacePath;
    m_pendingSuccess = secret.isEmpty() || config.auth == ConnectorConfig::Auth::None
        ? tr("Saved the connector \"%1\".").arg(config.name)
        : tr("Saved the connector \"%1\"; its secret is in the keychain.").arg(config.name);
    showMessage(tr("Saving the connector \"%1\"…").arg(config.name));
    m_working.setFuture(QtConcurrent::run(workPool(), [workspace, config, secret]() -> QString {
        if (const Status saved = withWorkspace(workspace, Database::Mode::ReadWrite,
                                               [&](Database& db) { return ConnectorStore(db).save(config); });
            !saved)
            return saved.error();
        if (!secret.isEmpty() && config.auth != ConnectorConfig::Auth::None) {
            if (const Status stored = SecretStore::write(config.name, secret); !stored)
                return stored.error();
        }
        return {};
    }));
}

void ConnectorsDialog::setSecret()
{
    const QString name = selectedName();
    if (name.isEmpty() || m_working.isRunning())
        return;
    bool ok = false;
    const QString secret = QInputDialog::getText(this, tr("Secret of %1").arg(name),
                                                 tr("Token or password (stored in the system keychain):"),
                                                 QLineEdit::Password, QString(), &ok);
    if (!ok || secret.isEmpty())
        return;
    showMessage(tr("Storing the secret of \"%1\" in the keychain…").arg(name));
    m_pendingSuccess = tr("The secret of \"%1\" is in the keychain.").arg(name);
    m_working.setFuture(QtConcurrent::run(workPool(), [name, secret]() -> QString {
        const Status stored = SecretStore::write(name, secret);
        return stored ? QString() : stored.error();
    }));
}

void ConnectorsDialog::exportSelected()
{
    const QString name = selectedName();
    for (const ConnectorStore::Entry& entry : std::as_const(m_entries)) {
        if (entry.config.name != name)
            continue;
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Export Connector"), name + QStringLiteral(".json"),
                                           tr("Connector definitions (*.json)"));
        if (path.isEmpty())
            return;
        const QByteArray json = QJsonDocument(entry.config.toJson()).toJson(QJsonDocument::Indented);
        writeFileAsync(this, path, json, [this, name, path](const QString& error) {
            showMessage(error.isEmpty() ? tr("Exported \"%1\" to %2 (without its secret).").arg(name, path)
                                        : error);
        });
        return;
    }
}

void ConnectorsDialog::pullSelected()
{
    if (!m_pulls)
        return;
    const QString name = selectedName();
    showMessage(name.isEmpty() ? tr("Pulling every connector…") : tr("Pulling \"%1\"…").arg(name));
    m_pulls->requestPull(name);
}

void ConnectorsDialog::showMessage(const QString& message)
{
    m_message->setText(message);
}

} // namespace tenure
