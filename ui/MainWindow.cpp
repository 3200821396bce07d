#include "MainWindow.h"

#include "AboutDialog.h"
#include "store/WorkspacePaths.h"
#include "workspace/DemoBuilder.h"
#include "workspace/WorkspaceLoader.h"
#include "workspace/WorkspaceSummaryView.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStackedWidget>
#include <QStatusBar>

namespace tenure {

namespace {
QString workspaceFilter()
{
    return MainWindow::tr("Tenure workspaces (*.tenure);;All files (*)");
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_views(new QStackedWidget(this))
    , m_summary(new WorkspaceSummaryView(this))
    , m_statusCounts(new QLabel(this))
    , m_loader(new WorkspaceLoader(this))
    , m_demoBuilder(new DemoBuilder(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Tenure"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tenure.svg")));
    m_views->addWidget(m_summary);
    setCentralWidget(m_views);
    m_statusCounts->setObjectName(QStringLiteral("statusCounts"));
    statusBar()->addPermanentWidget(m_statusCounts);
    createMenus();
    resize(1100, 720);

    connect(m_loader, &WorkspaceLoader::loaded, this, &MainWindow::showStats);
    connect(m_loader, &WorkspaceLoader::failed, this, &MainWindow::showError);
    connect(m_demoBuilder, &DemoBuilder::finished, this, &MainWindow::openWorkspace);
    connect(m_demoBuilder, &DemoBuilder::failed, this,
            [this](const QString& message) { showError(m_demoPath, message); });
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Workspace…"), QKeySequence::New, this, &MainWindow::newWorkspace);
    file->addAction(tr("&Open Workspace…"), QKeySequence::Open, this, &MainWindow::chooseWorkspace);
    file->addAction(tr("Open &Demo Workspace"), this,
                    [this] { openDemoWorkspace(WorkspacePaths::defaultDemoWorkspace()); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tenure"), this, [this] { AboutDialog(this).exec(); });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::openWorkspace(const QString& path)
{
    m_path = QFileInfo(path).absoluteFilePath();
    setWindowTitle(tr("%1 — Tenure").arg(QFileInfo(m_path).completeBaseName()));
    m_statusCounts->setText(tr("Opening…"));
    m_loader->load(m_path);
}

void MainWindow::openDemoWorkspace(const QString& path)
{
    if (m_demoBuilder->isRunning())
        return;
    auto* progress = new QProgressDialog(tr("Creating the demo workspace…"), tr("Cancel"), 0, 100, this);
    progress->setWindowTitle(tr("Demo workspace"));
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &QProgressDialog::canceled, m_demoBuilder, &DemoBuilder::cancel);
    connect(m_demoBuilder, &DemoBuilder::progress, progress, [progress](int done, int total) {
        progress->setMaximum(total);
        progress->setValue(done);
    });
    auto finish = [progress] { progress->close(); };
    connect(m_demoBuilder, &DemoBuilder::finished, progress, finish);
    connect(m_demoBuilder, &DemoBuilder::failed, progress, finish);
    m_demoPath = path;
    m_statusCounts->setText(tr("Creating the demo workspace…"));
    m_demoBuilder->start(path);
}

void MainWindow::newWorkspace()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"),
                                                QFileInfo(WorkspacePaths::defaultWorkspace()).absolutePath(),
                                                workspaceFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".tenure");
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(
            this, tr("New Workspace"),
            tr("%1 already exists. Choose another name, or open it with File → Open Workspace.")
                .arg(QDir::toNativeSeparators(path)));
        return;
    }
    openWorkspace(path);
}

void MainWindow::chooseWorkspace()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Workspace"),
        m_path.isEmpty() ? QFileInfo(WorkspacePaths::defaultWorkspace()).absolutePath()
                         : QFileInfo(m_path).absolutePath(),
        workspaceFilter());
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::showStats(const QString& path, const WorkspaceStats& stats)
{
    const QLocale locale;
    const QString sources
        = stats.sources == 1 ? tr("1 source") : tr("%1 sources").arg(locale.toString(stats.sources));
    m_statusCounts->setText(
        tr("%1 accounts · %2 events · %3")
            .arg(locale.toString(stats.accounts), locale.toString(stats.events), sources));
    m_summary->showWorkspace(path, stats);
    emit workspaceLoaded(path, stats);
}

void MainWindow::showError(const QString& path, const QString& message)
{
    m_statusCounts->setText(tr("No workspace open"));
    m_summary->showError(path, message);
    statusBar()->showMessage(message);
    emit workspaceFailed(path, message);
}

} // namespace tenure
