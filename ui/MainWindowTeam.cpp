// MainWindow's side of a team workspace: connecting, the session's copy, the banner, Open Recent.
#include "Async.h"
#include "MainWindow.h"
#include "PlainText.h"
#include "actions/ActionQueueView.h"
#include "customer/CustomerDetailView.h"
#include "customers/CustomersView.h"
#include "ingest/connectors/PullWorker.h"
#include "overview/OverviewView.h"
#include "pipeline/ScoringWorker.h"
#include "print/ReportActions.h"
#include "rules/RulesView.h"
#include "sources/DataSourcesView.h"
#include "store/WorkspacePaths.h"
#include "team/TeamCopies.h"
#include "team/TeamDeskSync.h"
#include "team/TeamKeptNotes.h"
#include "team/TeamWrites.h"
#include "tuning/TuningView.h"
#include "workspace/RecentWorkspaces.h"
#include "workspace/TeamConnectDialog.h"
#include "workspace/WorkspaceLoader.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace tenure {

void MainWindow::connectToTeam()
{
    auto* dialog = new TeamConnectDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_team)
        dialog->setLocation(m_team->access().location);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        RecentWorkspaces::add(dialog->location().toUrl());
        openTeamWorkspace(dialog->location(), dialog->password());
    });
    dialog->open();
}

void MainWindow::openTeamWorkspace(const TeamLocation& location, const QString& password,
                                   const TeamSession::Options& options)
{
    closeTeam();
    m_scoring.reset(); // a file's engine and connectors stop: the team has its own
    m_scoringTimer->stop();
    m_pulls.reset();
    m_pullTimer->stop();
    m_team = std::make_unique<TeamSession>(location, password, options);
    setWindowTitle(tr("%1 (team) — Tenure").arg(location.database));
    m_statusCounts->setText(tr("Connecting to %1…").arg(location.display()));
    connect(m_team.get(), &TeamSession::ready, this, &MainWindow::teamIsReady);
    connect(m_team.get(), &TeamSession::failed, this,
            [this, display = location.display()](const QString& message) {
                closeTeam();
                showError(display, message);
            });
    connect(m_team.get(), &TeamSession::lost, this, [this](const QString& message) {
        showTeamBanner(tr("Team server unreachable: %1 Retrying; what you see is the last data read.")
                           .arg(message.trimmed()));
        setTeamReadOnly(message);
        showTeamStatus();
        emit teamLost(message);
    });
    connect(m_team.get(), &TeamSession::recovered, this, [this] {
        showTeamBanner({});
        showTeamStatus();
        setTeamReadOnly({});
        m_actions->serverRecovered();
        emit teamRecovered();
    });
    connect(m_team.get(), &TeamSession::passwordRefused, this, &MainWindow::askTeamPassword);
    connect(m_team.get(), &TeamSession::notAMember, this, &MainWindow::leaveTeam);
    connect(m_team.get(), &TeamSession::refreshed, this, [this](int parts) {
        // The views read the copy again, keeping their selection, scroll position and filters.
        if (parts & (TeamDeskSync::Statuses | TeamDeskSync::WriteSide)) {
            m_customers->refresh();
            m_overview->refresh();
        }
        if (parts & TeamDeskSync::WriteSide) {
            m_rules->refresh();
            m_sources->refresh(); // an admin's import, a pull: new sources, more events
        }
        m_actions->refresh();
        m_customer->refresh();
        // The server answers: notes kept while it was away go now (an outage shorter than the
        // banner's notice included).
        m_actions->serverRecovered();
        emit teamRefreshed(parts);
    });
    connect(m_team.get(), &TeamSession::engineLog, this, [this](const QString& line) {
        // An admin's desktop standing by as the team's engine: its journal's last line, whole,
        // where the pointer asks; the bar keeps saying who signed in.
        m_statusEngine->setToolTip(PlainText::asRichText(line));
        showTeamStatus();
    });
    m_team->start();
}

void MainWindow::teamIsReady(const QString& copyPath)
{
    m_path = copyPath;
    m_reports->setWorkspace(copyPath); // reports and exports read the copy: the team's data
    const TeamSignIn& access = m_team->access();
    m_overview->setMember(access.member);
    showTeamStatus();
    m_loader->load(copyPath);
    emit teamReady();
}

void MainWindow::closeTeam()
{
    if (!m_team)
        return;
    m_team.reset();
    showTeamBanner({});
    setTeamReadOnly({});
    m_actions->setTeam(std::nullopt);
    m_customer->setTeam(std::nullopt);
    m_overview->setMember({});
    m_customers->setMember({});
    setTeamRules(std::nullopt);
}

void MainWindow::setTeamReadOnly(const QString& reason)
{
    // Said on every button that would write, as its tooltip.
    const QString why = reason.isEmpty()
        ? QString()
        : tr("Read-only while the team server cannot be reached (%1). Notes on actions are kept and sent "
             "when it is back.")
              .arg(reason.trimmed());
    m_actions->setOffline(why);
    m_customer->setReadOnly(why);
    m_sources->setOffline(
        reason.isEmpty()
            ? QString()
            : tr("Read-only while the team server cannot be reached (%1).").arg(reason.trimmed()));
    if (m_team)
        setTeamRules(m_team->access());
    updateImport();
}

void MainWindow::askTeamPassword(const QString& message)
{
    if (!m_team)
        return;
    showTeamBanner(
        tr("The team server refused the password: %1 Sign in again to see the team's current data.")
            .arg(message.trimmed()));
    auto* dialog = new TeamConnectDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setLocation(m_team->access().location);
    dialog->setMessage(message);
    // The same session again, with the new password (the copy, the engine's part, the options).
    connect(dialog, &QDialog::accepted, this, [this, dialog, options = m_team->options()] {
        openTeamWorkspace(dialog->location(), dialog->password(), options);
    });
    dialog->open();
}

void MainWindow::leaveTeam(const QString& message)
{
    if (!m_team)
        return;
    // A login the team no longer counts as a member keeps none of its data on this machine. The
    // window moves to this machine's default workspace file first; once that is loaded, no view
    // reads or writes the copy any more, and the copies go, off the GUI thread. Notes written while
    // the server was away can no longer be sent as this login: they are shown, to keep, and their
    // file goes with the copy only when they could be read.
    const TeamLocation location = m_team->access().location;
    const QString copy = m_team->copyPath();
    closeTeam();
    const QString own = WorkspacePaths::defaultWorkspace();
    WorkspacePaths::ensureParentExists(own);
    auto* once = new QObject(this); // holds the connections below, for this one load
    const auto removeCopies = [this, once, location, copy, message, own] {
        once->deleteLater();
        runAsync(
            this,
            [location, copy] {
                LeftTeam left;
                const QString notesFile = TeamKeptNotes::pathFor(copy);
                const Result<QList<TeamKeptNotes::Note>> kept = TeamKeptNotes::load(notesFile);
                if (kept)
                    left.notes = *kept;
                const QStringList purposes { QStringLiteral("desk"), QStringLiteral("read"),
                                             QStringLiteral("engine") };
                if (Status removed = TeamCopies::remove(location, purposes, { copy },
                                                        kept ? QStringList() : QStringList { notesFile });
                    !removed)
                    left.error = removed.error();
                else if (!kept)
                    left.error = kept.error(); // the notes' file stays, to be read another way
                return left;
            },
            [this, message, own](const LeftTeam& left) { showLeftTeam(message, own, left); });
    };
    connect(this, &MainWindow::workspaceLoaded, once, removeCopies, Qt::SingleShotConnection);
    connect(this, &MainWindow::workspaceFailed, once, removeCopies, Qt::SingleShotConnection);
    openWorkspace(own);
}

void MainWindow::showLeftTeam(const QString& message, const QString& own, const LeftTeam& left)
{
    auto* box = new QMessageBox(QMessageBox::Information, tr("No longer a team member"), QString(),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("leftTeam"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    QStringList more;
    more << (left.error.isEmpty() ? tr("This machine's copy of the team's data has been removed.")
                                  : left.error);
    more << tr("%1 is open instead. Once an admin adds you to the team again, open the team workspace again.")
                .arg(QDir::toNativeSeparators(own));
    if (!left.notes.isEmpty()) {
        more << tr("%n note(s) you wrote while the server was away could not be sent; they are under Show "
                   "Details, to keep.",
                   nullptr, int(left.notes.size()));
        QStringList notes;
        for (const TeamKeptNotes::Note& note : left.notes)
            notes << tr("%1 (%2):\n%3")
                         .arg(note.accountName,
                              QLocale().toString(note.writtenAt.toLocalTime(), QLocale::ShortFormat),
                              note.text);
        box->setDetailedText(notes.join(QStringLiteral("\n\n")));
    }
    // One plain-text label (an informative text's label would guess rich text).
    box->setText(message.trimmed() + QStringLiteral("\n\n") + more.join(QStringLiteral("\n\n")));
    box->open();
    emit teamLeft(left.error);
}

void MainWindow::showTeamStatus()
{
    if (!m_team)
        return;
    const TeamSignIn& access = m_team->access();
    m_statusEngine->setText(
        m_team->isReachable()
            ? tr("Signed in to %1 as %2 (%3)").arg(access.location.display(), access.member, access.role)
            : tr("Not connected to %1 (last signed in as %2)").arg(access.location.display(), access.member));
}

void MainWindow::showTeamBanner(const QString& message)
{
    m_banner->setText(message);
    m_banner->setVisible(!message.isEmpty());
}

void MainWindow::setFileOnlyEnabled(bool enabled)
{
    for (QAction* action : std::as_const(m_fileOnly)) {
        action->setEnabled(enabled);
        action->setToolTip(enabled
                               ? QString()
                               : tr("In a team workspace, connectors and scoring run on the team's server "
                                    "(tenure-cli serve), or on an admin's desktop when no service runs."));
    }
    updateImport();
}

void MainWindow::updateImport()
{
    // An admin imports into the team from here, as into a file; the server refuses anyone else,
    // and takes nothing while it cannot be reached.
    // The same rule as the Data Sources page's Import button, in one place.
    const QString why = DataSourcesView::importRefusal(
        m_team ? std::optional<TeamSignIn>(m_team->access()) : std::nullopt, serverAway());
    m_import->setEnabled(why.isEmpty());
    m_import->setToolTip(PlainText::asRichText(why)); // it quotes the server's words
}

QString MainWindow::serverAway() const
{
    return m_team && !m_team->isReachable()
        ? tr("Read-only while the team server cannot be reached (%1).").arg(m_team->lostReason().trimmed())
        : QString();
}

void MainWindow::setTeamRules(const std::optional<TeamSignIn>& team)
{
    if (!team) {
        m_rules->setSaver({});
        m_tuning->setSaver({});
        return;
    }
    // The server refuses anyone else too; the button says so first. Away, it refuses everyone.
    QString reason = team->role == QLatin1String("admin")
        ? QString()
        : tr("In a team workspace only admins change the rules.");
    if (reason.isEmpty())
        reason = serverAway();
    const RulesView::Saver saver = [team = *team](const RuleSet& rules) -> Result<int> {
        Result<std::unique_ptr<TeamDatabase>> db = team.open();
        if (!db)
            return Error { db.error() };
        return TeamWrites::saveRuleSet(**db, rules, team.member);
    };
    m_rules->setSaver(saver, reason);
    m_tuning->setSaver(saver, reason);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList entries = RecentWorkspaces::list();
    for (const QString& entry : entries) {
        QAction* action = m_recentMenu->addAction(RecentWorkspaces::label(entry));
        action->setData(entry);
        connect(action, &QAction::triggered, this, [this, entry] { openWorkspace(entry); });
    }
    if (entries.isEmpty())
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear Menu"), this, [] { RecentWorkspaces::clear(); })
        ->setEnabled(!entries.isEmpty());
}

} // namespace tenure
