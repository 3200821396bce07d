#include "workspace/TeamConnectDialog.h"

#include "Async.h"
#include "PlainText.h"
#include "team/TeamDatabase.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tenure {

TeamConnectDialog::TeamConnectDialog(QWidget* parent)
    : QDialog(parent)
    , m_host(new QLineEdit(QStringLiteral("localhost"), this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_sslMode(new QComboBox(this))
    , m_caFile(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember the password in the keychain"), this))
    , m_result(new QLabel(this))
    , m_test(new QPushButton(tr("&Test Connection"), this))
    , m_connect(new QPushButton(tr("&Connect"), this))
{
    setObjectName(QStringLiteral("TeamConnectDialog"));
    setWindowTitle(tr("Connect to Team Workspace"));
    m_host->setObjectName(QStringLiteral("host"));
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database->setObjectName(QStringLiteral("database"));
    m_database->setPlaceholderText(tr("e.g. tenure"));
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(tr("your database login"));
    m_sslMode->setObjectName(QStringLiteral("sslMode"));
    const QList<std::pair<QString, QString>> modes {
        { QStringLiteral("verify-full"), tr("Verify the server's certificate and name (recommended)") },
        { QStringLiteral("verify-ca"), tr("Verify the server's certificate") },
        { QStringLiteral("require"), tr("Encrypt, do not verify") },
        { QStringLiteral("prefer"), tr("Encrypt when the server offers it") },
        { QStringLiteral("disable"), tr("Do not encrypt (local networks only)") },
    };
    for (const auto& [mode, text] : modes)
        m_sslMode->addItem(text, mode);
    m_sslMode->setCurrentIndex(0); // verify-full: a certificate that is not trusted is refused
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("the CA certificate that signs the server's (.crt, .pem)"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setChecked(true);
    m_result->setObjectName(QStringLiteral("result"));
    PlainText::label(m_result); // server messages quote names
    m_result->setWordWrap(true);
    m_result->setMinimumHeight(fontMetrics().height() * 3);
    m_test->setObjectName(QStringLiteral("test"));
    m_connect->setObjectName(QStringLiteral("connect"));
    m_connect->setDefault(true);

    auto* caRow = new QHBoxLayout;
    auto* browse = new QPushButton(tr("Browse…"), this);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(tr("&Encryption:"), m_sslMode);
    form->addRow(tr("CA file:"), caRow);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    buttons->addButton(m_connect, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    connect(browse, &QPushButton::clicked, this, &TeamConnectDialog::chooseCaFile);
    connect(m_test, &QPushButton::clicked, this, &TeamConnectDialog::testConnection);
    connect(buttons, &QDialogButtonBox::accepted, this, &TeamConnectDialog::connectNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : { m_host, m_database })
        connect(edit, &QLineEdit::textChanged, this, &TeamConnectDialog::updateButtons);
    updateButtons();
}

void TeamConnectDialog::setLocation(const TeamLocation& location)
{
    m_host->setText(location.host);
    m_port->setValue(location.port);
    m_database->setText(location.database);
    m_user->setText(location.user);
    const int mode = m_sslMode->findData(location.sslMode);
    m_sslMode->setCurrentIndex(mode >= 0 ? mode : 0);
    m_caFile->setText(location.sslRootCert);
}

TeamLocation TeamConnectDialog::location() const
{
    TeamLocation location;
    location.host = m_host->text().trimmed();
    location.port = m_port->value();
    location.database = m_database->text().trimmed();
    location.user = m_user->text().trimmed();
    location.sslMode = m_sslMode->currentData().toString();
    location.sslRootCert = m_caFile->text().trimmed();
    return location;
}

QString TeamConnectDialog::password() const
{
    return m_password->text();
}

QString TeamConnectDialog::resultText() const
{
    return m_result->text();
}

void TeamConnectDialog::setMessage(const QString& message)
{
    m_result->setText(message);
    m_password->setFocus();
}

void TeamConnectDialog::chooseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("CA Certificate"), m_caFile->text(),
                                                      tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

void TeamConnectDialog::updateButtons()
{
    const bool complete = !m_host->text().trimmed().isEmpty() && !m_database->text().trimmed().isEmpty();
    m_test->setEnabled(complete && !m_busy);
    m_connect->setEnabled(complete && !m_busy);
}

void TeamConnectDialog::testConnection()
{
    if (m_busy)
        return;
    m_busy = true;
    updateButtons();
    m_result->setText(tr("Connecting to %1…").arg(location().display()));
    runAsync(
        this,
        [location = location(), password = password()]() -> std::pair<bool, QString> {
            Result<std::unique_ptr<TeamDatabase>> db
                = TeamDatabase::open(location, TeamDatabase::Purpose::Use, password);
            if (!db)
                return { false, db.error() };
            const std::optional<TeamDatabase::Member>& member = (*db)->member();
            if (!member)
                return { false,
                         tr("Signed in to %1 as %2, which is not a member of this team: an admin adds "
                            "members with tenure-cli team add-member.")
                             .arg(location.display(), (*db)->login()) };
            return {
                true,
                tr("Connected to %1 as %2 (%3).").arg(location.display(), member->displayName, member->role)
            };
        },
        [this](const std::pair<bool, QString>& result) {
            m_busy = false;
            m_result->setText(result.second);
            updateButtons();
            emit tested(result.first);
        });
}

void TeamConnectDialog::connectNow()
{
    if (!m_remember->isChecked() || m_password->text().isEmpty()) {
        accept();
        return;
    }
    m_busy = true;
    updateButtons();
    runAsync(
        this,
        [location = location(), password = password()] {
            return TeamDatabase::rememberPassword(location, password);
        },
        [this](const Status& saved) {
            m_busy = false;
            updateButtons();
            // The session has the password either way; the keychain only spares typing it again.
            if (!saved)
                PlainText::warning(this, windowTitle(), saved.error());
            accept();
        });
}

} // namespace tenure
