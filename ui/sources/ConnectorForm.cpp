#include "sources/ConnectorForm.h"

#include "Async.h"
#include "ingest/connectors/ConnectorProbe.h"
#include "ingest/connectors/SecretStore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace tenure {

namespace {

QSpinBox* spin(QWidget* parent, int min, int max, const QString& suffix = {})
{
    auto* box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setSuffix(suffix);
    return box;
}

void select(QComboBox* box, int value)
{
    box->setCurrentIndex(std::max(0, box->findData(value)));
}

} // namespace

ConnectorForm::ConnectorForm(const std::optional<ConnectorConfig>& existing, QWidget* parent)
    : QDialog(parent)
    , m_editing(existing.has_value())
    , m_connection(new QFormLayout)
    , m_fields(new QFormLayout)
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_auth(new QComboBox(this))
    , m_username(new QLineEdit(this))
    , m_apiKeyHeader(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_paging(new QComboBox(this))
    , m_cursorPath(new QLineEdit(this))
    , m_nextPath(new QLineEdit(this))
    , m_pageSize(spin(this, 1, 100000))
    , m_recordsPath(new QLineEdit(this))
    , m_accountPath(new QLineEdit(this))
    , m_userPath(new QLineEdit(this))
    , m_namePath(new QLineEdit(this))
    , m_timePath(new QLineEdit(this))
    , m_idPath(new QLineEdit(this))
    , m_quantityPath(new QLineEdit(this))
    , m_propertiesPath(new QLineEdit(this))
    , m_timeFormat(new QComboBox(this))
    , m_start(new QDateEdit(this))
    , m_interval(spin(this, 0, 7 * 24 * 60, tr(" min")))
    , m_timeout(spin(this, 1, 600, tr(" s")))
    , m_retries(spin(this, 0, 20))
    , m_result(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("ConnectorForm"));
    setWindowTitle(m_editing ? tr("Edit Connector") : tr("Add Connector"));
    m_name->setObjectName(QStringLiteral("name"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_url->setObjectName(QStringLiteral("url"));
    m_auth->setObjectName(QStringLiteral("auth"));
    m_secret->setObjectName(QStringLiteral("secret"));
    m_paging->setObjectName(QStringLiteral("paging"));
    m_recordsPath->setObjectName(QStringLiteral("recordsPath"));
    m_result->setObjectName(QStringLiteral("result"));

    m_kind->addItem(tr("REST API (JSON pages)"), int(ConnectorConfig::Kind::Rest));
    m_kind->addItem(tr("Mixpanel raw export (JSON lines)"), int(ConnectorConfig::Kind::Mixpanel));
    m_kind->addItem(tr("Segment (track, identify, group)"), int(ConnectorConfig::Kind::Segment));
    m_auth->addItem(tr("None"), int(ConnectorConfig::Auth::None));
    m_auth->addItem(tr("Bearer token"), int(ConnectorConfig::Auth::Bearer));
    m_auth->addItem(tr("User name and password (Basic)"), int(ConnectorConfig::Auth::Basic));
    m_auth->addItem(tr("API key in a header"), int(ConnectorConfig::Auth::ApiKeyHeader));
    m_paging->addItem(tr("One request"), int(ConnectorConfig::Paging::None));
    m_paging->addItem(tr("Cursor in the response"), int(ConnectorConfig::Paging::Cursor));
    m_paging->addItem(tr("Link to the next page in the response"), int(ConnectorConfig::Paging::NextLink));
    m_paging->addItem(tr("Page numbers"), int(ConnectorConfig::Paging::PageNumber));
    m_paging->addItem(tr("Link header (rel=\"next\")"), int(ConnectorConfig::Paging::LinkHeader));
    m_timeFormat->addItem(tr("Detect"), int(ConnectorConfig::TimeFormat::Auto));
    m_timeFormat->addItem(tr("ISO 8601"), int(ConnectorConfig::TimeFormat::Iso));
    m_timeFormat->addItem(tr("Seconds since 1970"), int(ConnectorConfig::TimeFormat::EpochSeconds));
    m_timeFormat->addItem(tr("Milliseconds since 1970"), int(ConnectorConfig::TimeFormat::EpochMillis));
    m_url->setPlaceholderText(
        QStringLiteral("https://api.example.com/v1/events?since={since}&cursor={cursor}"));
    m_url->setToolTip(
        tr("{since} and {until} (date-times), {since_date} and {until_date} (YYYY-MM-DD), {cursor}, "
           "{page} and {page_size} are filled in for each request."));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(m_editing ? tr("leave empty to keep the stored secret")
                                           : tr("stored in the system keychain, never in the workspace"));
    m_start->setCalendarPopup(true);
    m_start->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_interval->setSpecialValueText(tr("on demand only"));
    m_quantityPath->setPlaceholderText(tr("empty: each record is one event"));
    m_propertiesPath->setPlaceholderText(tr("empty: the whole record"));
    m_recordsPath->setPlaceholderText(tr("empty: the response is the list"));
    m_result->setReadOnly(true);
    m_result->setPlaceholderText(
        tr("Test pulls the first page into a scratch workspace and shows what would land."));
    m_result->setMaximumHeight(150);

    m_connection->addRow(tr("&Name:"), m_name);
    m_connection->addRow(tr("&Kind:"), m_kind);
    m_connection->addRow(tr("&URL:"), m_url);
    m_connection->addRow(tr("Sign &in:"), m_auth);
    m_connection->addRow(tr("User na&me:"), m_username);
    m_connection->addRow(tr("&Header:"), m_apiKeyHeader);
    m_connection->addRow(tr("&Secret:"), m_secret);
    m_connection->addRow(tr("First pull &from:"), m_start);
    m_connection->addRow(tr("Pull &every:"), m_interval);
    m_connection->addRow(tr("&Timeout:"), m_timeout);
    m_connection->addRow(tr("&Retries per page:"), m_retries);
    m_fields->addRow(tr("&Paging:"), m_paging);
    m_fields->addRow(tr("Cursor at:"), m_cursorPath);
    m_fields->addRow(tr("Next link at:"), m_nextPath);
    m_fields->addRow(tr("Page size:"), m_pageSize);
    m_fields->addRow(tr("Records at:"), m_recordsPath);
    m_fields->addRow(tr("Account at:"), m_accountPath);
    m_fields->addRow(tr("User at:"), m_userPath);
    m_fields->addRow(tr("Event name at:"), m_namePath);
    m_fields->addRow(tr("Time at:"), m_timePath);
    m_fields->addRow(tr("Time format:"), m_timeFormat);
    m_fields->addRow(tr("Event id at:"), m_idPath);
    m_fields->addRow(tr("Quantity at:"), m_quantityPath);
    m_fields->addRow(tr("Properties at:"), m_propertiesPath);
    // Events that also record what happened to the account, for stages and backtests.
    const std::pair<const char*, QString> outcomeRows[] = { { "churned", tr("Churn events:") },
                                                            { "renewed", tr("Renewal events:") },
                                                            { "expanded", tr("Expansion events:") },
                                                            { "contracted", tr("Contraction events:") } };
    for (const auto& [kind, label] : outcomeRows) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("outcome_%1").arg(QLatin1String(kind)));
        edit->setPlaceholderText(tr("event names, separated by commas"));
        m_outcomeEvents.insert(QString::fromLatin1(kind), edit);
        m_fields->addRow(label, edit);
    }

    auto* tabs = new QTabWidget(this);
    auto* connection = new QWidget(tabs);
    connection->setLayout(m_connection);
    auto* fields = new QWidget(tabs);
    fields->setLayout(m_fields);
    tabs->addTab(connection, tr("Connection"));
    tabs->addTab(fields, tr("Paging and fields"));
    m_test = m_buttons->addButton(tr("&Test"), QDialogButtonBox::ActionRole);
    m_test->setObjectName(QStringLiteral("test"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_result);
    layout->addWidget(m_buttons);

    connect(m_test, &QPushButton::clicked, this, &ConnectorForm::test);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectorForm::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ConnectorForm::updateVisibility);
    connect(m_paging, &QComboBox::currentIndexChanged, this, &ConnectorForm::updateVisibility);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        // Mixpanel's and Segment's records have fixed field names: take them over.
        ConnectorConfig defaults
            = ConnectorConfig::defaultsFor(ConnectorConfig::Kind(m_kind->currentData().toInt()));
        Result<ConnectorConfig> current = config();
        if (current) {
            defaults.name = current->name;
            defaults.url = current->url;
            defaults.auth = current->auth;
            defaults.username = current->username;
            defaults.apiKeyHeader = current->apiKeyHeader;
            defaults.start = current->start;
            defaults.intervalMinutes = current->intervalMinutes;
        }
        const QSignalBlocker blocker(m_kind);
        load(defaults);
    });

    ConnectorConfig initial = existing.value_or(ConnectorConfig::defaultsFor(ConnectorConfig::Kind::Rest));
    if (!existing)
        initial.start = QDateTime(QDate::currentDate().addDays(-90), QTime(0, 0), QTimeZone::utc());
    load(initial);
    m_name->setReadOnly(m_editing); // a new name is a new connector
    resize(620, 560);
}

void ConnectorForm::load(const ConnectorConfig& config)
{
    m_name->setText(config.name);
    select(m_kind, int(config.kind));
    m_url->setText(config.url);
    select(m_auth, int(config.auth));
    m_username->setText(config.username);
    m_apiKeyHeader->setText(config.apiKeyHeader);
    select(m_paging, int(config.paging));
    m_cursorPath->setText(config.cursorPath);
    m_nextPath->setText(config.nextPath);
    m_pageSize->setValue(config.pageSize);
    m_recordsPath->setText(config.recordsPath);
    m_accountPath->setText(config.accountPath);
    m_userPath->setText(config.userPath);
    m_namePath->setText(config.namePath);
    m_timePath->setText(config.timePath);
    m_idPath->setText(config.idPath);
    m_quantityPath->setText(config.quantityPath);
    m_propertiesPath->setText(config.propertiesPath);
    select(m_timeFormat, int(config.timeFormat));
    m_start->setDate(config.start.isValid() ? config.start.toUTC().date()
                                            : QDate::currentDate().addDays(-90));
    m_interval->setValue(config.intervalMinutes);
    m_timeout->setValue(config.timeoutSeconds);
    m_retries->setValue(config.maxRetries);
    for (auto it = m_outcomeEvents.cbegin(); it != m_outcomeEvents.cend(); ++it)
        it.value()->setText(config.outcomeEvents.value(it.key()).join(QStringLiteral(", ")));
    updateVisibility();
}

Result<ConnectorConfig> ConnectorForm::config() const
{
    ConnectorConfig config
        = ConnectorConfig::defaultsFor(ConnectorConfig::Kind(m_kind->currentData().toInt()));
    config.name = m_name->text().trimmed();
    config.url = m_url->text().trimmed();
    config.auth = ConnectorConfig::Auth(m_auth->currentData().toInt());
    config.username = m_username->text().trimmed();
    config.apiKeyHeader = m_apiKeyHeader->text().trimmed();
    config.paging = ConnectorConfig::Paging(m_paging->currentData().toInt());
    config.cursorPath = m_cursorPath->text().trimmed();
    config.nextPath = m_nextPath->text().trimmed();
    config.pageSize = m_pageSize->value();
    config.recordsPath = m_recordsPath->text().trimmed();
    config.accountPath = m_accountPath->text().trimmed();
    config.userPath = m_userPath->text().trimmed();
    config.namePath = m_namePath->text().trimmed();
    config.timePath = m_timePath->text().trimmed();
    config.idPath = m_idPath->text().trimmed();
    config.quantityPath = m_quantityPath->text().trimmed();
    config.propertiesPath = m_propertiesPath->text().trimmed();
    config.timeFormat = ConnectorConfig::TimeFormat(m_timeFormat->currentData().toInt());
    config.start = QDateTime(m_start->date(), QTime(0, 0), QTimeZone::utc());
    config.intervalMinutes = m_interval->value();
    config.timeoutSeconds = m_timeout->value();
    config.maxRetries = m_retries->value();
    for (auto it = m_outcomeEvents.cbegin(); it != m_outcomeEvents.cend(); ++it) {
        QStringList names;
        for (const QString& name : it.value()->text().split(u',', Qt::SkipEmptyParts))
            if (!name.trimmed().isEmpty())
                names << name.trimmed();
        if (!names.isEmpty())
            config.outcomeEvents.insert(it.key(), names);
    }
    // The same checks as a definition file, with the same words.
    return ConnectorConfig::fromJson(config.toJson());
}

QString ConnectorForm::secret() const
{
    return m_secret->text();
}

void ConnectorForm::updateVisibility()
{
    const auto auth = ConnectorConfig::Auth(m_auth->currentData().toInt());
    const auto paging = ConnectorConfig::Paging(m_paging->currentData().toInt());
    m_connection->setRowVisible(m_username, auth == ConnectorConfig::Auth::Basic);
    m_connection->setRowVisible(m_apiKeyHeader, auth == ConnectorConfig::Auth::ApiKeyHeader);
    m_connection->setRowVisible(m_secret, auth != ConnectorConfig::Auth::None);
    m_fields->setRowVisible(m_cursorPath, paging == ConnectorConfig::Paging::Cursor);
    m_fields->setRowVisible(m_nextPath, paging == ConnectorConfig::Paging::NextLink);
    m_fields->setRowVisible(m_pageSize, paging != ConnectorConfig::Paging::None);
}

void ConnectorForm::test()
{
    const Result<ConnectorConfig> candidate = config();
    if (!candidate) {
        m_result->setPlainText(candidate.error());
        emit tested(false);
        return;
    }
    const ConnectorConfig connector = candidate.value();
    const QString typed = secret();
    const bool keepStored = m_editing && typed.isEmpty() && connector.auth != ConnectorConfig::Auth::None;
    m_test->setEnabled(false);
    m_result->setPlainText(tr("Pulling the first page of %1…").arg(connector.url));
    runAsync(
        this,
        [connector, typed, keepStored]() -> Result<ConnectorProbe::Outcome> {
            QString secret = typed;
            if (keepStored) {
                Result<QString> stored = SecretStore::read(connector.name);
                if (!stored)
                    return Error { stored.error() };
                secret = stored.value();
            }
            return ConnectorProbe::firstPage(connector, secret);
        },
        [this](const Result<ConnectorProbe::Outcome>& outcome) {
            m_test->setEnabled(true);
            if (!outcome) {
                m_result->setPlainText(tr("The test failed: %1").arg(outcome.error()));
                emit tested(false);
                return;
            }
            const QLocale locale;
            const PullRunner::Report& report = outcome->report;
            QStringList lines;
            lines
                << tr("It works: the first page had %1 records: %2 events, %3 rejected, %4 without an event.")
                       .arg(locale.toString(report.records), locale.toString(report.inserted),
                            locale.toString(report.rejected), locale.toString(report.ignored));
            for (const StoredEvent& stored : outcome->sample) {
                const Event& e = stored.event;
                lines << tr("  %1 · account %2 · user %3 · %4")
                             .arg(QLocale().toString(
                                      QDateTime::fromMSecsSinceEpoch(e.occurredAt).toLocalTime(),
                                      QLocale::ShortFormat),
                                  e.accountId, e.userId.isEmpty() ? tr("(none)") : e.userId, e.name);
            }
            for (const QString& rejection : report.rejections.mid(0, 5))
                lines << tr("  rejected: %1").arg(rejection);
            lines << tr("Nothing was written to the workspace.");
            m_result->setPlainText(lines.join(u'\n'));
            emit tested(true);
        });
}

void ConnectorForm::accept()
{
    const Result<ConnectorConfig> candidate = config();
    if (!candidate) {
        m_result->setPlainText(candidate.error());
        return;
    }
    QDialog::accept();
}

} // namespace tenure
