#pragma once

#include "store/WorkspaceStats.h"
#include "team/TeamKeptNotes.h"
#include "workspace/TeamSession.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QTimer;
class QStackedWidget;

namespace tenure {

class ActionQueueView;
class CustomerDetailView;
class CustomersView;
class DataSourcesView;
class DemoBuilder;
class OverviewView;
class PullWorker;
class QuickSwitcher;
class ReportActions;
class RulesView;
class ScoringWorker;
class TuningView;
class WorkspaceLoader;
class WorkspaceSummaryView;

// Hosts the views and navigates between them; owns no business logic. Each view is its own
// widget with its own model, and reads the workspace through core.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // A workspace file, or a team workspace (a postgresql:// URL or a .tenure-team file).
    void openWorkspace(const QString& path);
    // A team workspace with the password typed in the connection dialog (empty: the keychain,
    // ~/.pgpass or PGPASSWORD).
    void openTeamWorkspace(const TeamLocation& location, const QString& password,
                           const TeamSession::Options& options = {});
    // The team session of an open team workspace, or null.
    TeamSession* teamSession() const { return m_team.get(); }
    void connectToTeam(); // File → Connect to Team Workspace…
    // Builds the demo at `path` on a worker thread, then opens it.
    void openDemoWorkspace(const QString& path);
    QString workspacePath() const { return m_path; }

    // Queues a scoring pass (incremental, or a full rebuild) on the worker thread.
    void scoreNow(bool rebuild = false);
    // Queues a pull of every connector on the pull thread.
    void pullNow();
    void importCsv(const QString& file = {});
    // overview, customers, actions, rules, tuning, datasources or customer:ACCOUNT_ID; false for an
    // unknown name.
    bool showView(const QString& name);
    void showConnectors();
    // Shows the Tuning view and backtests the active rules (and the candidate, if edited).
    void runBacktest();
    // Ctrl+K: the quick switcher, to any customer or view by typing part of its name.
    void showSwitcher();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

signals:
    void workspaceLoaded(const QString& path, const tenure::WorkspaceStats& stats);
    void workspaceFailed(const QString& path, const QString& message);
    void scoringFinished();
    void scoringFailed(const QString& message);
    void pullsIdle();
    void backtestDone(); // finished or failed
    // A team workspace: its copy is open; the server was lost or is back; the copy took news.
    void teamReady();
    void teamLost(const QString& message);
    void teamRecovered();
    void teamRefreshed(int parts);
    // The server no longer counts the login as a member: this machine's copies of the team are
    // removed (or `error` says what stays) and the window shows a workspace file of its own.
    void teamLeft(const QString& error);

private:
    void createMenus();
    // The navigation's icons (tinted from the palette) and the quick switcher: MainWindowNav.cpp.
    void setupNavigation();
    void tintNavigationIcons();
    void fillRecentMenu();
    void closeTeam();
    void teamIsReady(const QString& copyPath);
    void showTeamBanner(const QString& message); // empty: hides it
    // Who is signed in to the team (or was, while the server is away), in the status bar.
    void showTeamStatus();
    void setFileOnlyEnabled(bool enabled);
    void updateImport();
    // "Read-only while the team server cannot be reached (reason)." while it is away; else empty.
    QString serverAway() const;
    // Rules saved to the team's server (admins), or to the workspace file.
    void setTeamRules(const std::optional<TeamSignIn>& team);
    // The team server away (`reason`) or back (empty): the views that write to it are read-only.
    void setTeamReadOnly(const QString& reason);
    void askTeamPassword(const QString& message);
    // The server says the login is not a member (removed since): the team's data leaves.
    void leaveTeam(const QString& message);
    struct LeftTeam
    {
        QList<TeamKeptNotes::Note> notes; // written while the server was away, never sent
        QString error; // what stays on this machine, if anything
    };
    void showLeftTeam(const QString& message, const QString& own, const LeftTeam& left);
    void newWorkspace();
    void chooseWorkspace();
    void showStats(const QString& path, const WorkspaceStats& stats);
    void showError(const QString& path, const QString& message);
    void startScoring(const QString& path);
    void startPulls(const QString& path);
    // New data landed (an import or a pull): refresh the counts and score again.
    void dataChanged();

    QString m_path;
    QString m_demoPath;
    std::unique_ptr<TeamSession> m_team;
    QLabel* m_banner;
    QMenu* m_recentMenu = nullptr;
    QList<QAction*> m_fileOnly; // what a team workspace leaves to its server and its engine
    QAction* m_import = nullptr; // a team workspace's admins import too
    QStackedWidget* m_views;
    WorkspaceSummaryView* m_summary;
    QLabel* m_statusCounts;
    QLabel* m_statusEngine;
    QLabel* m_statusPulls;
    QTimer* m_scoringTimer;
    QTimer* m_pullTimer;
    std::unique_ptr<ScoringWorker> m_scoring;
    std::unique_ptr<PullWorker> m_pulls;
    qint64 m_pulledEvents = 0; // new events of the pulls since the last idle
    WorkspaceLoader* m_loader;
    DemoBuilder* m_demoBuilder;
    ReportActions* m_reports;
    QListWidget* m_navigation;
    QuickSwitcher* m_switcher = nullptr;
    CustomersView* m_customers;
    ActionQueueView* m_actions;
    CustomerDetailView* m_customer;
    OverviewView* m_overview;
    RulesView* m_rules;
    TuningView* m_tuning;
    DataSourcesView* m_sources;
};

} // namespace tenure
