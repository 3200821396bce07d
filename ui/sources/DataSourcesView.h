#pragma once

#include "store/SourceStore.h"
#include "workspace/TeamSignIn.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace tenure {

// Where the workspace's data comes from: every source (CSV imports with their saved mapping,
// API connectors with how far they have pulled, the demo) with the events it brought. Import a
// CSV (or drop one here), manage connectors, pull now. Loaded on a worker thread. In a team
// workspace the sources, their events and cursors are the server's; an admin imports from here,
// and the connectors pull on the team's server (tenure-cli serve).
class DataSourcesView : public QWidget
{
    Q_OBJECT

public:
    explicit DataSourcesView(QWidget* parent = nullptr);
    ~DataSourcesView() override;

    void setWorkspace(const QString& path);
    // A team workspace's sources are read from its server; none: the workspace file's.
    void setTeam(std::optional<TeamSignIn> team);
    // Why nothing can be imported now (the team server cannot be reached); empty: it can.
    void setOffline(const QString& why);
    void refresh();

    // Why `team`'s member may not import now (only admins do; nobody while the server is `away`,
    // which says why); empty: they may, as anyone may into a file. The window's File → Import CSV…
    // follows the same rule.
    static QString importRefusal(const std::optional<TeamSignIn>& team, const QString& away);

signals:
    void importRequested(const QString& file); // empty: choose one
    void connectorsRequested();
    void pullRequested();
    void loaded(int sources);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    using Row = SourceStore::Overview;

    bool mayImport() const { return importRefusal(m_team, m_offline).isEmpty(); }
    void updateImport();

    QString m_path;
    std::optional<TeamSignIn> m_team;
    QString m_offline;
    bool m_refreshAgain = false; // asked to refresh while loading
    QTableWidget* m_table;
    QPushButton* m_import;
    QPushButton* m_connectors;
    QPushButton* m_pull;
    QLabel* m_hint;
    QString m_hintText; // what the hint says when the sources are read
    QFutureWatcher<Result<QList<Row>>> m_loading;
};

} // namespace tenure
