#pragma once

#include "ingest/connectors/ConnectorStore.h"
#include "ingest/connectors/PullRunner.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QPushButton;
class QTableWidget;

namespace tenure {

class PullWorker;

// The workspace's product API connectors: what each pulls, on which schedule, how far it has
// pulled and how its last pull ended. Adds a connector from its JSON definition, stores its
// secret in the keychain, exports the definition (never a secret) and pulls on demand. All
// workspace and keychain access runs off the GUI thread.
class ConnectorsDialog : public QDialog
{
    Q_OBJECT

public:
    ConnectorsDialog(QString workspacePath, PullWorker* pulls, QWidget* parent = nullptr);
    ~ConnectorsDialog() override;

    // Adds (or replaces) a connector from a JSON definition file; the list reloads after it.
    void addFromFile(const QString& path);
    // Saves a connector (new or edited in ConnectorForm) and, when given, its secret.
    void save(const ConnectorConfig& config, const QString& secret);
    // Opens the form for a new connector, or for the selected one.
    void addInForm();
    void editSelected();
    // Reloads the list from the workspace.
    void reload();

signals:
    void reloaded();

private:
    void showEntries(const QList<ConnectorStore::Entry>& entries);
    QString selectedName() const;
    void setSecret();
    void exportSelected();
    void pullSelected();
    void showMessage(const QString& message);

    QString m_workspacePath;
    PullWorker* m_pulls;
    QTableWidget* m_table;
    QLabel* m_message;
    QPushButton* m_edit;
    QPushButton* m_secret;
    QPushButton* m_export;
    QPushButton* m_pull;
    QFutureWatcher<Result<QList<ConnectorStore::Entry>>> m_loading;
    QFutureWatcher<QString> m_working; // an add or a secret; an empty result means success
    QString m_pendingSuccess; // what to say when m_working ends without an error
    QHash<QString, QString> m_lastResult; // connector → how its last pull in this session ended
    QList<ConnectorStore::Entry> m_entries;
};

} // namespace tenure
