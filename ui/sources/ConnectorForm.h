#pragma once

#include "ingest/connectors/ConnectorConfig.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace tenure {

// Adds or edits one product API connector in a form: where it pulls from, how it signs in (the
// secret goes to the keychain, never into the workspace), how it pages and where each event field
// is in a record. Test pulls the first page into a scratch workspace (ConnectorProbe, on a worker
// thread) and shows what would land. Every value is checked as a definition file would be.
class ConnectorForm : public QDialog
{
    Q_OBJECT

public:
    // `existing`: edit it (its name stays); none: add a new connector.
    explicit ConnectorForm(const std::optional<ConnectorConfig>& existing, QWidget* parent = nullptr);

    // The connector as filled in, or what is wrong with it ("url: ...").
    Result<ConnectorConfig> config() const;
    // The secret typed in; empty: keep the stored one.
    QString secret() const;
    void test();
    // Closes with Save only when the connector is valid; otherwise says what is wrong.
    void accept() override;

signals:
    void tested(bool ok);

private:
    void load(const ConnectorConfig& config);
    void updateVisibility();

    bool m_editing;
    QFormLayout* m_connection;
    QFormLayout* m_fields;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QLineEdit* m_url;
    QComboBox* m_auth;
    QLineEdit* m_username;
    QLineEdit* m_apiKeyHeader;
    QLineEdit* m_secret;
    QComboBox* m_paging;
    QLineEdit* m_cursorPath;
    QLineEdit* m_nextPath;
    QSpinBox* m_pageSize;
    QLineEdit* m_recordsPath;
    QLineEdit* m_accountPath;
    QLineEdit* m_userPath;
    QLineEdit* m_namePath;
    QLineEdit* m_timePath;
    QLineEdit* m_idPath;
    QLineEdit* m_quantityPath;
    QLineEdit* m_propertiesPath;
    QComboBox* m_timeFormat;
    QDateEdit* m_start;
    QSpinBox* m_interval;
    QSpinBox* m_timeout;
    QSpinBox* m_retries;
    QHash<QString, QLineEdit*> m_outcomeEvents; // by outcome kind name
    QPlainTextEdit* m_result;
    QPushButton* m_test;
    QDialogButtonBox* m_buttons;
};

} // namespace tenure
