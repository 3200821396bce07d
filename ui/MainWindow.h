#pragma once

#include "store/WorkspaceStats.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QTimer;
class QStackedWidget;

namespace tenure {

class DemoBuilder;
class ScoringWorker;
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

    void openWorkspace(const QString& path);
    // Builds the demo at `path` on a worker thread, then opens it.
    void openDemoWorkspace(const QString& path);
    QString workspacePath() const { return m_path; }

    // Queues a scoring pass (incremental, or a full rebuild) on the worker thread.
    void scoreNow(bool rebuild = false);

signals:
    void workspaceLoaded(const QString& path, const tenure::WorkspaceStats& stats);
    void workspaceFailed(const QString& path, const QString& message);
    void scoringFinished();
    void scoringFailed(const QString& message);

private:
    void createMenus();
    void newWorkspace();
    void chooseWorkspace();
    void showStats(const QString& path, const WorkspaceStats& stats);
    void showError(const QString& path, const QString& message);
    void startScoring(const QString& path);

    QString m_path;
    QString m_demoPath;
    QStackedWidget* m_views;
    WorkspaceSummaryView* m_summary;
    QLabel* m_statusCounts;
    QLabel* m_statusEngine;
    QTimer* m_scoringTimer;
    std::unique_ptr<ScoringWorker> m_scoring;
    WorkspaceLoader* m_loader;
    DemoBuilder* m_demoBuilder;
};

} // namespace tenure
