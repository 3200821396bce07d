#pragma once

#include "team/TeamLocation.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tenure {

// File → Connect to Team Workspace…: where the team's PostgreSQL server is (host, port, database,
// user, TLS mode and CA file) and the password, which goes to the OS keychain when asked, never
// to settings. Test Connection signs in off the GUI thread and says exactly what happened: who
// signed in, or the cause (host not found, refused, bad password, untrusted certificate, not a
// Tenure workspace, a newer version).
class TeamConnectDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TeamConnectDialog(QWidget* parent = nullptr);

    void setLocation(const TeamLocation& location);
    TeamLocation location() const;
    QString password() const;
    // Test Connection's work, callable directly (tests): the result lands in resultText().
    void testConnection();
    QString resultText() const;
    // Why the dialog is asked for again (the server refused the saved password, say).
    void setMessage(const QString& message);

signals:
    void tested(bool ok);

private:
    void chooseCaFile();
    void connectNow();
    void updateButtons();

    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_database;
    QLineEdit* m_user;
    QComboBox* m_sslMode;
    QLineEdit* m_caFile;
    QLineEdit* m_password;
    QCheckBox* m_remember;
    QLabel* m_result;
    QPushButton* m_test;
    QPushButton* m_connect;
    bool m_busy = false;
};

} // namespace tenure
