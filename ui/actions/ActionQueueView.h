#pragma once

#include "actions/ActionStore.h"
#include "workspace/TeamSignIn.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace tenure {

class ScopeSwitch;

// The action queue as a table, highest priority first.
class ActionQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Priority, Customer, Trigger, Reason, Owner, Status, LastChange, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setActions(QList<Action> actions);
    const Action& action(int row) const { return m_actions.at(row); }
    // The row of action `id`, or -1.
    int rowOf(qint64 id) const;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Action> m_actions;
};

// Whom to act on first, and why: the open actions with their reasons; done, snooze, reassign
// and note buttons. Reads and writes run on a worker thread; every change keeps its history.
//
// In a team workspace the queue is read from and worked on the server itself, as the signed-in
// member: it opens on My accounts (one click to Team), shows who changed each action last, offers
// the team's members for reassignment, turns a colleague's simultaneous change into a message
// ("Done by 佐藤 花子 at 10:42"), and keeps a note written while the server is away until it is
// back.
class ActionQueueView : public QWidget
{
    Q_OBJECT

public:
    explicit ActionQueueView(QWidget* parent = nullptr);
    ~ActionQueueView() override;

    void setWorkspace(const QString& path);
    // A team workspace's queue (set before setWorkspace), or none for a workspace file.
    void setTeam(std::optional<TeamSignIn> team);
    bool showsMyAccountsOnly() const;
    void setMyAccountsOnly(bool mine);
    // The server is back: sends the notes kept meanwhile.
    void serverRecovered();
    int pendingNotes() const { return int(m_pendingNotes.size()); }
    void refresh();
    ActionQueueModel* model() const { return m_model; }
    QString selectedAccountId() const { return selected() ? selected()->accountId : QString(); }

    // The buttons' work, callable directly (tests, shortcuts): on the selected action.
    void markSelectedDone(const QString& note);
    void snoozeSelected(const QDate& until);
    void reassignSelected(const QString& owner);
    void noteOnSelected(const QString& text);

signals:
    void loaded(int actions);
    void changed(); // an action was worked on
    void customerActivated(const QString& accountId);
    // A change was refused or failed (a colleague's change first, the server away): the message.
    void changeFailed(const QString& message);

private:
    struct Outcome
    {
        QString error;
        bool unreachable = false; // the server could not be reached: nothing was sent
    };
    struct PendingNote
    {
        qint64 actionId = 0;
        QString accountName;
        QString text;
    };
    std::optional<Action> selected() const;
    void apply(std::function<Status(ActionStore&)> change, std::optional<PendingNote> note = std::nullopt);
    void updateButtons();
    QString owner() const; // the owner the queue shows, empty for everyone's
    QString author() const; // who is at the keyboard, for history rows

    QString m_path;
    std::optional<TeamSignIn> m_team;
    QList<PendingNote> m_pendingNotes;
    QStringList m_members; // the team's members, for reassignment
    ActionQueueModel* m_model;
    QTableView* m_table;
    QCheckBox* m_snoozed;
    QLabel* m_count;
    QPushButton* m_done;
    QPushButton* m_snooze;
    QPushButton* m_reassign;
    QPushButton* m_note;
    ScopeSwitch* m_scope;
    struct Page
    {
        QList<Action> actions; // the highest priorities first, at most kShown
        qint64 total = 0;
        QStringList members;
    };
    static constexpr int kShown = 1000;
    QFutureWatcher<Result<Page>> m_loading;
    bool m_reloadPending = false;
    QFutureWatcher<Outcome> m_working;
    std::optional<PendingNote> m_sending; // the note m_working sends, if it is one
};

} // namespace tenure
