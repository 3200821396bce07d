#include "MainWindow.h"

#include "AboutDialog.h"
#include "Async.h"
#include "PlainText.h"
#include "ScreenFit.h"
#include "actions/ActionQueueView.h"
#include "customer/CustomerDetailView.h"
#include "customers/CustomersView.h"
#include "ingest/connectors/PullWorker.h"
#include "overview/GettingStarted.h"
#include "overview/OverviewView.h"
#include "pipeline/ScoringWorker.h"
#include "print/ReportActions.h"
#include "rules/RulesView.h"
#include "sources/ConnectorsDialog.h"
#include "sources/DataSourcesView.h"
#include "sources/ImportCsvDialog.h"
#include "store/WorkspacePaths.h"
#include "team/TeamImportTarget.h"
#include "tuning/TuningView.h"
#include "workspace/DemoBuilder.h"
#include "workspace/QuickSwitcher.h"
#include "workspace/RecentWorkspaces.h"
#include "workspace/WorkspaceLoader.h"
#include "workspace/WorkspaceSummaryView.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QProgressDialog>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace tenure {

namespace {
QString workspaceFilter()
{
    return MainWindow::tr("Tenure workspaces (*.tenure *.tenure-team);;All files (*)");
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_views(new QStackedWidget(this))
    , m_summary(new WorkspaceSummaryView(this))
    , m_statusCounts(new QLabel(this))
    , m_statusEngine(new QLabel(this))
    , m_statusPulls(new QLabel(this))
    , m_scoringTimer(new QTimer(this))
    , m_pullTimer(new QTimer(this))
    , m_loader(new WorkspaceLoader(this))
    , m_demoBuilder(new DemoBuilder(this))
    , m_reports(new ReportActions(this))
    , m_navigation(new QListWidget(this))
    , m_customers(new CustomersView(this))
    , m_actions(new ActionQueueView(this))
    , m_customer(new CustomerDetailView(this))
    , m_overview(new OverviewView(this))
    , m_rules(new RulesView(this))
    , m_tuning(new TuningView(this))
    , m_sources(new DataSourcesView(this))
{
    m_banner = new QLabel(this);
    setObjectName(QStringLiteral("MainWindow"));
    // Connector and band names and error messages land in the status bar: shown as written.
    for (QLabel* label : { m_statusCounts, m_statusEngine, m_statusPulls, m_banner })
        label->setTextFormat(Qt::PlainText);
    setWindowTitle(tr("Tenure"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tenure.svg")));
    // Navigation on the left, one page per view; the order matches Ctrl+1, Ctrl+2, ...
    m_navigation->setObjectName(QStringLiteral("navigation"));
    auto* overview = new QWidget(this);
    auto* overviewLayout = new QVBoxLayout(overview);
    overviewLayout->addWidget(m_summary);
    overviewLayout->addWidget(m_overview, 1);
    m_views->addWidget(overview);
    m_views->addWidget(m_customers);
    m_views->addWidget(m_actions);
    m_views->addWidget(m_customer);
    m_views->addWidget(m_rules);
    m_views->addWidget(m_tuning);
    m_views->addWidget(m_sources);
    for (const QString& name : { tr("Overview"), tr("Customers"), tr("Action queue"), tr("Customer page"),
                                 tr("Rules"), tr("Tuning"), tr("Data sources") })
        m_navigation->addItem(name);
    m_navigation->setCurrentRow(0);
    m_navigation->setFixedWidth(150);
    // Room for every script: a Japanese fallback font is taller than the Latin one it stands in for.
    for (int row = 0; row < m_navigation->count(); ++row)
        m_navigation->item(row)->setSizeHint(QSize(0, fontMetrics().height() * 2));
    setupNavigation();
    connect(m_navigation, &QListWidget::currentRowChanged, m_views, &QStackedWidget::setCurrentIndex);
    // A team server that cannot be reached says so above the views, which keep their last data.
    m_banner->setObjectName(QStringLiteral("teamBanner"));
    m_banner->setWordWrap(true);
    m_banner->setContentsMargins(8, 6, 8, 6);
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xfd, 0xec, 0xc8));
    bannerPalette.setColor(QPalette::WindowText, QColor(0x5c, 0x3b, 0x00));
    m_banner->setPalette(bannerPalette);
    m_banner->hide();
    auto* central = new QWidget(this);
    auto* outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(m_banner);
    auto* layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_views, 1);
    outer->addLayout(layout, 1);
    setCentralWidget(central);
    connect(m_sources, &DataSourcesView::importRequested, this,
            [this](const QString& file) { importCsv(file); });
    connect(m_sources, &DataSourcesView::connectorsRequested, this, &MainWindow::showConnectors);
    connect(m_sources, &DataSourcesView::pullRequested, this, &MainWindow::pullNow);
    // A new rule version: the engine sees it and rebuilds the summaries; the views follow.
    connect(m_rules, &RulesView::saved, this, [this] {
        m_tuning->refresh();
        scoreNow(false);
    });
    connect(m_tuning, &TuningView::finished, this, &MainWindow::backtestDone);
    connect(m_tuning, &TuningView::failed, this, &MainWindow::backtestDone);
    connect(m_tuning, &TuningView::adopted, this, [this] {
        m_rules->refresh();
        scoreNow(false);
    });
    // Reports follow what is on screen: the selected or open customer, the list as filtered.
    m_reports->setSelection(
        [this]() -> QString {
            switch (m_navigation->currentRow()) {
            case 1:
                return m_customers->selectedAccountId();
            case 2:
                return m_actions->selectedAccountId();
            case 3:
                return m_customer->accountId();
            default:
                return {};
            }
        },
        [this]() -> std::optional<CustomerQuery> {
            if (m_navigation->currentRow() == 1)
                return m_customers->currentQuery();
            return std::nullopt;
        });
    // Double-click (or Enter) on a customer anywhere opens its page.
    auto openCustomer = [this](const QString& id) {
        m_customer->showCustomer(id);
        m_navigation->setCurrentRow(3);
    };
    connect(m_customers, &CustomersView::customerActivated, this, openCustomer);
    connect(m_overview, &OverviewView::customerActivated, this, openCustomer);
    connect(m_actions, &ActionQueueView::customerActivated, this, openCustomer);
    connect(m_actions, &ActionQueueView::changed, m_customer, &CustomerDetailView::refresh);
    connect(m_customer, &CustomerDetailView::actionsChanged, m_actions, &ActionQueueView::refresh);
    // A recorded outcome is master data: the engine re-scores (a churn moves the account to Churned).
    connect(m_customer, &CustomerDetailView::outcomeRecorded, this, [this] { scoreNow(false); });
    // The queue has a row an account: the count is of the accounts to act on, and says so.
    connect(m_actions, &ActionQueueView::loaded, this, [this](int accounts, int actions) {
        QListWidgetItem* queue = m_navigation->item(2);
        queue->setText(accounts > 0 ? tr("Action queue (%1)").arg(accounts) : tr("Action queue"));
        queue->setToolTip(accounts > 0 ? tr("%1 to act on (%2)")
                                             .arg(tr("%n accounts", nullptr, accounts),
                                                  tr("%n open actions", nullptr, actions))
                                       : tr("No open actions"));
    });
    m_statusCounts->setObjectName(QStringLiteral("statusCounts"));
    m_statusEngine->setObjectName(QStringLiteral("statusEngine"));
    statusBar()->addWidget(m_statusEngine, 1); // stretches: band counts need the room
    m_statusPulls->setObjectName(QStringLiteral("statusPulls"));
    statusBar()->addPermanentWidget(m_statusPulls);
    statusBar()->addPermanentWidget(m_statusCounts);
    // Connectors pull on their own interval (interval_minutes); the clock checks every minute.
    m_pullTimer->setInterval(60 * 1000);
    connect(m_pullTimer, &QTimer::timeout, this, [this] {
        if (m_pulls && !m_pulls->isBusy())
            m_pulls->requestDuePulls();
    });
    // Windows slide with the clock and new events arrive: score again every few minutes.
    m_scoringTimer->setInterval(5 * 60 * 1000);
    connect(m_scoringTimer, &QTimer::timeout, this, [this] {
        if (m_scoring && !m_scoring->isBusy()) // a pass still running will be followed by the next tick
            scoreNow(false);
    });
    connect(m_reports, &ReportActions::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    createMenus();
    // At first, most of a usual screen, and the size every view is laid out for where the screen
    // holds it (ScreenFit).
    const QScreen* shown = screen();
    resize(ScreenFit::mainWindow(shown ? shown->availableSize() : QSize()));
    // Where the window was and which view was open, as the user left them.
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    // Any view but the customer page, which needs an account.
    const int view = settings.value(QStringLiteral("window/view"), 0).toInt();
    m_navigation->setCurrentRow(view >= 0 && view < m_navigation->count() && view != 3 ? view : 0);

    connect(m_loader, &WorkspaceLoader::loaded, this, &MainWindow::showStats);
    connect(m_loader, &WorkspaceLoader::failed, this, &MainWindow::showError);
    connect(m_demoBuilder, &DemoBuilder::finished, this, &MainWindow::openWorkspace);
    connect(m_demoBuilder, &DemoBuilder::failed, this,
            [this](const QString& message) { showError(m_demoPath, message); });
}

MainWindow::~MainWindow()
{
    // The views' reads under way (and queued) finish, and the customer list's kept connection
    // closes, before the scoring worker's connection: closing last, that one copies the log into
    // the file and removes it. A read-only connection closing last cannot, and leaves the log
    // beside the file (whole, but two files to copy). Two seconds at most: the pool also runs
    // network calls (a team server, a connector's test), and closing must not wait on those.
    workPool()->waitForDone(2000);
    m_customers->releaseWorkspace();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/view"), m_navigation->currentRow());
    QMainWindow::closeEvent(event);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Workspace…"), QKeySequence::New, this, &MainWindow::newWorkspace);
    file->addAction(tr("&Open Workspace…"), QKeySequence::Open, this, &MainWindow::chooseWorkspace);
    file->addAction(tr("Connect to &Team Workspace…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                    &MainWindow::connectToTeam);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    QAction* demo = file->addAction(tr("Open &Demo Workspace"), this,
                                    [this] { openDemoWorkspace(WorkspacePaths::defaultDemoWorkspace()); });
    file->addSeparator();
    QAction* import
        = file->addAction(tr("&Import CSV…"), QKeySequence(tr("Ctrl+I")), this, [this] { importCsv(); });
    m_import = import; // an admin imports into a team workspace too (setFileOnlyEnabled)
    file->addAction(tr("&Export Customers as CSV…"), m_reports, &ReportActions::exportCustomersCsv);
    file->addSeparator();
    file->addAction(tr("Print &Account Report…"), QKeySequence::Print, m_reports,
                    &ReportActions::accountReport);
    file->addAction(tr("Print &Portfolio Report…"), m_reports, &ReportActions::portfolioReport);
    file->addAction(tr("Export Account Report as P&DF…"), m_reports, &ReportActions::exportAccountPdf);
    file->addAction(tr("Export Portfolio Report as PD&F…"), m_reports, &ReportActions::exportPortfolioPdf);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    QMenu* workspace = menuBar()->addMenu(tr("&Workspace"));
    m_fileOnly << workspace->addAction(tr("&Score Now"), QKeySequence::Refresh, this,
                                       [this] { scoreNow(false); });
    m_fileOnly << workspace->addAction(tr("&Rebuild Summaries from the Log"), this,
                                       [this] { scoreNow(true); });
    workspace->addAction(tr("Run &Backtest"), QKeySequence(tr("Ctrl+B")), this, &MainWindow::runBacktest);
    workspace->addSeparator();
    QAction* connectors = workspace->addAction(tr("&Connectors…"), this, &MainWindow::showConnectors);
    m_fileOnly << connectors;
    // An empty workspace's overview offers the same.
    m_overview->gettingStarted()->setActions(import, connectors, demo);
    m_fileOnly << workspace->addAction(tr("&Pull from Connectors Now"), QKeySequence(tr("Ctrl+Shift+P")),
                                       this, &MainWindow::pullNow);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const QStringList names { tr("&Overview"), tr("&Customers"), tr("&Action Queue"), tr("Customer &Page"),
                              tr("&Rules"),    tr("&Tuning"),    tr("&Data Sources") };
    for (int i = 0; i < names.size(); ++i)
        view->addAction(names[i], QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)), this,
                        [this, i] { m_navigation->setCurrentRow(i); });
    view->addSeparator();
    view->addAction(tr("&Go to Customer or View…"), QKeySequence(tr("Ctrl+K")), this,
                    &MainWindow::showSwitcher);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tenure"), this, [this] { AboutDialog(this).exec(); });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::openWorkspace(const QString& path)
{
    if (TeamLocation::isTeamLocation(path)) {
        Result<TeamLocation> location = TeamLocation::parse(path);
        if (!location) {
            // Refused for the password it holds, say: never shown with it.
            showError(TeamLocation::withoutSecrets(path), location.error());
            return;
        }
        RecentWorkspaces::add(path);
        openTeamWorkspace(*location, {});
        return;
    }
    closeTeam();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    RecentWorkspaces::add(absolute);
    if (absolute != m_path) {
        m_pulls.reset(); // connectors belong to the workspace that was open
        m_pullTimer->stop();
    }
    m_path = absolute;
    m_reports->setWorkspace(m_path);
    setWindowTitle(tr("%1 — Tenure").arg(QFileInfo(m_path).completeBaseName()));
    m_statusCounts->setText(tr("Opening…"));
    m_loader->load(m_path);
}

void MainWindow::openDemoWorkspace(const QString& path)
{
    if (m_demoBuilder->isRunning())
        return;
    // Made once, then reopened: made again on another day it would be another portfolio.
    if (QFileInfo(path).size() > 0) {
        openWorkspace(path);
        return;
    }
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
        PlainText::warning(
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
    m_summary->showWorkspace(path, stats, m_team ? &m_team->access().location : nullptr);
    m_customers->setMember(m_team ? m_team->access().member : QString());
    m_customers->setWorkspace(path);
    const std::optional<TeamSignIn> team
        = m_team ? std::optional<TeamSignIn>(m_team->access()) : std::nullopt;
    m_actions->setTeam(team);
    m_customer->setTeam(team);
    setTeamRules(team);
    m_actions->setWorkspace(path);
    m_customer->setWorkspace(path);
    m_switcher->setWorkspace(path);
    m_overview->setWorkspace(path);
    m_rules->setWorkspace(path);
    m_tuning->setWorkspace(path);
    m_sources->setTeam(team);
    m_sources->setWorkspace(path);
    // A team's scoring and pulls run in one place (the service, or an admin's desktop: TeamSession).
    if (!m_team) {
        startScoring(path);
        if (!m_pulls)
            startPulls(path);
    }
    setFileOnlyEnabled(!m_team);
    emit workspaceLoaded(path, stats);
}

void MainWindow::startScoring(const QString& path)
{
    // A new engine for every load, even of the same path: the file may have been replaced, or its
    // time zone set, meanwhile (the engine reads the zone once). The last one stops first, after
    // its pass under way at most (ScoringWorker's destructor starts none of the queued ones).
    m_scoring.reset();
    m_scoring = std::make_unique<ScoringWorker>(path);
    connect(m_scoring.get(), &ScoringWorker::progress, this,
            [this](const QString& phase, qint64 done, qint64 total) {
                m_statusEngine->setText(total > 0 ? tr("%1… %2%").arg(phase).arg(done * 100 / total) : phase);
            });
    connect(m_scoring.get(), &ScoringWorker::finished, this,
            [this](const ScoringEngine::Summary& summary, const QList<SummaryStore::Count>& counts) {
                QStringList order; // counts arrive with the bands in the rules' order
                QHash<QString, qint64> bands;
                for (const SummaryStore::Count& count : counts) {
                    if (count.band.isEmpty())
                        continue;
                    if (!bands.contains(count.band))
                        order << count.band;
                    bands[count.band] += count.accounts;
                }
                QStringList parts;
                for (const QString& band : order)
                    parts << tr("%1 %2").arg(QLocale().toString(bands.value(band)), band);
                const QString asOf = QLocale().toString(summary.asOf, QLocale::ShortFormat);
                // An empty workspace has no band to count: no dangling "·".
                m_statusEngine->setText(
                    parts.isEmpty()
                        ? tr("Scored as of %1").arg(asOf)
                        : tr("Scored as of %1 · %2").arg(asOf, parts.join(QStringLiteral(" · "))));
                m_statusEngine->setToolTip({});
                // The lists show the new statuses and the refreshed queue.
                m_customers->refresh();
                m_actions->refresh();
                m_customer->refresh();
                m_overview->refresh();
                emit scoringFinished();
            });
    connect(m_scoring.get(), &ScoringWorker::failed, this, [this](const QString& message) {
        m_statusEngine->setText(tr("Scoring failed"));
        m_statusEngine->setToolTip(PlainText::asRichText(message));
        statusBar()->showMessage(message);
        emit scoringFailed(message);
    });
    m_statusEngine->setText(tr("Scoring…"));
    m_scoring->requestRun();
    m_scoringTimer->start();
}

void MainWindow::startPulls(const QString& path)
{
    m_pulls = std::make_unique<PullWorker>(path);
    m_pulledEvents = 0;
    connect(m_pulls.get(), &PullWorker::progress, this,
            [this](const QString& connector, int pages, qint64 inserted) {
                m_statusPulls->setText(tr("Pulling %1: page %2, %3 new")
                                           .arg(connector)
                                           .arg(pages)
                                           .arg(QLocale().toString(inserted)));
            });
    connect(m_pulls.get(), &PullWorker::finished, this,
            [this](const QString& connector, const PullRunner::Report& report) {
                m_pulledEvents += report.inserted;
                m_statusPulls->setText(
                    tr("Pulled %1: %2 new events").arg(connector, QLocale().toString(report.inserted)));
                m_statusPulls->setToolTip(PlainText::asRichText(report.rejections.join(u'\n')));
            });
    connect(m_pulls.get(), &PullWorker::failed, this,
            [this](const QString& connector, const QString& message) {
                m_statusPulls->setText(connector.isEmpty() ? tr("Pull failed")
                                                           : tr("Pull of %1 failed").arg(connector));
                m_statusPulls->setToolTip(PlainText::asRichText(message));
                statusBar()->showMessage(message);
            });
    connect(m_pulls.get(), &PullWorker::idle, this, [this] {
        if (m_pulledEvents > 0)
            dataChanged();
        m_pulledEvents = 0;
        emit pullsIdle();
    });
    m_pulls->requestDuePulls();
    m_pullTimer->start();
}

void MainWindow::pullNow()
{
    if (!m_pulls)
        return;
    m_statusPulls->setText(tr("Pulling…"));
    m_pulls->requestPull();
}

bool MainWindow::showView(const QString& name)
{
    if (name.startsWith(QLatin1String("customer:"))) {
        m_customer->showCustomer(name.mid(9));
        m_navigation->setCurrentRow(3);
        return true;
    }
    // Rows of the navigation column; the customer page without an account offers the recent ones.
    const QStringList names { QStringLiteral("overview"),   QStringLiteral("customers"),
                              QStringLiteral("actions"),    QStringLiteral("customer"),
                              QStringLiteral("rules"),      QStringLiteral("tuning"),
                              QStringLiteral("datasources") };
    if (name.isEmpty() || !names.contains(name))
        return false;
    m_navigation->setCurrentRow(int(names.indexOf(name)));
    return true;
}

void MainWindow::runBacktest()
{
    showView(QStringLiteral("tuning"));
    m_tuning->runBacktest();
}

void MainWindow::showConnectors()
{
    if (m_path.isEmpty())
        return;
    auto* dialog = new ConnectorsDialog(m_path, m_pulls.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::importCsv(const QString& file)
{
    if (m_path.isEmpty())
        return;
    if (m_team && m_team->access().role != QLatin1String("admin"))
        return; // the server would refuse it: the action and the Data Sources page offer it to admins only
    auto* dialog = new ImportCsvDialog(m_path, this);
    if (m_team) {
        // Into the team: the team's engine scores what lands, and this desktop's copy, like every
        // other, takes it when the server announces it (TeamDeskSync).
        const TeamSignIn& access = m_team->access();
        dialog->setTarget(std::make_shared<TeamImportTarget>(access.location, access.password),
                          access.location.display());
    } else {
        connect(dialog, &ImportCsvDialog::imported, this, &MainWindow::dataChanged);
    }
    if (!file.isEmpty())
        dialog->setFile(file);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::dataChanged()
{
    // Reloading the workspace shows the new counts and starts a scoring pass over the new data.
    m_loader->load(m_path);
}

void MainWindow::scoreNow(bool rebuild)
{
    if (!m_scoring)
        return;
    m_statusEngine->setText(rebuild ? tr("Rebuilding summaries…") : tr("Scoring…"));
    if (rebuild)
        m_scoring->requestRebuild();
    else
        m_scoring->requestRun();
}

void MainWindow::showError(const QString& path, const QString& message)
{
    m_scoring.reset();
    m_scoringTimer->stop();
    m_pulls.reset();
    m_pullTimer->stop();
    m_statusEngine->clear();
    m_statusCounts->setText(tr("No workspace open"));
    m_summary->showError(path, message);
    statusBar()->showMessage(message);
    emit workspaceFailed(path, message);
}

} // namespace tenure
