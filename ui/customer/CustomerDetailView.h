#pragma once

#include "domain/Outcome.h"
#include "report/AccountReport.h"
#include "workspace/TeamSignIn.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace tenure {

// One customer on one screen: who they are and what they pay, stage, band and score; the stage
// timeline and health trend (drawn with the same vector charts as the printed report); why the
// score is what it is (the breakdown); recent events; the open actions as a list with Done and
// Snooze at hand, beside the notes timeline; outcomes. Loaded on a worker thread, like every view.
// Without a customer it offers the ones opened last in this workspace.
class CustomerDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerDetailView(QWidget* parent = nullptr);
    ~CustomerDetailView() override;

    // The customer asked for before a workspace was open (--view customer:ID) loads once it is.
    void setWorkspace(const QString& path);
    // A team workspace: notes and outcomes go to its server (the page reads this machine's copy).
    void setTeam(std::optional<TeamSignIn> team) { m_team = std::move(team); }
    // The team server is away (`reason`) or back (empty): Done, Snooze, notes and outcomes, which
    // would write to it, are off meanwhile and say why; the page keeps showing the copy.
    void setReadOnly(const QString& reason);
    void showCustomer(const QString& accountId);
    void refresh()
    {
        if (!m_accountId.isEmpty())
            showCustomer(m_accountId);
    }
    const QString& accountId() const { return m_accountId; }
    const std::optional<AccountReport>& report() const { return m_report; }

    // Records an outcome (the dialog's result) for the account shown, off the GUI thread.
    void recordOutcome(const Outcome& outcome);
    // Today in the workspace's zone (the report's), now: a page left open past midnight moves on.
    QDate today() const;
    // Marks one of the account's actions done, or snoozes it until `until`, off the GUI thread
    // (the team's server in a team workspace, checked against the version shown).
    void markDone(qint64 actionId);
    void snooze(qint64 actionId, const QDate& until);

protected:
    void showEvent(QShowEvent* event) override;

signals:
    void shown(const QString& accountId);
    // An outcome was recorded: scores (a churn moves the account to Churned) and backtests change.
    void outcomeRecorded(const QString& accountId);
    // An action was marked done or snoozed (the queue follows), or the change was refused.
    void actionsChanged();
    void actionFailed(const QString& message);

private:
    void display(const AccountReport& report);
    void showActions(const AccountReport& report);
    void showRecent();
    void addNote();
    void changeAction(qint64 actionId, std::optional<QDate> snoozeUntil);
    void applyReadOnly();

    QString m_path;
    std::optional<TeamSignIn> m_team;
    QString m_readOnly; // why nothing can be written, empty when it can
    QString m_accountId;
    std::optional<AccountReport> m_report;
    QLabel* m_title;
    QLabel* m_facts;
    QWidget* m_charts;
    QTableWidget* m_breakdown;
    QTableWidget* m_events;
    QStackedWidget* m_pages; // the recent customers, or the customer
    QListWidget* m_recent;
    QTableWidget* m_actions;
    QLabel* m_actionMessage;
    QLabel* m_outcomes;
    QListWidget* m_notes;
    QPushButton* m_addNote;
    QPushButton* m_addOutcome;
    QFutureWatcher<Result<AccountReport>> m_loading;
};

} // namespace tenure
