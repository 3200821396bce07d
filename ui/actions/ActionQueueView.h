#pragma once

#include "actions/ActionQueueModel.h"
#include "actions/ActionStore.h"
#include "team/TeamKeptNotes.h"
#include "workspace/TeamSignIn.h"

#include <QFutureWatcher>
#include <QTimeZone>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace tenure {

class ScopeSwitch;

// Whom to act on first, and why: the accounts with open actions, their reasons, and under each its
// actions; done, snooze, reassign and note buttons that work on the selected account's actions
// (those listed under it) or on one selected action. Reads and writes run on a worker thread;
// every change is one per action and keeps that action's history.
//
// In a team workspace the queue is read from and worked on the server itself, as the signed-in
// member: it opens on My accounts (one click to Team), shows who changed each action last, offers
// the team's members for reassignment, turns a colleague's simultaneous change into a message
// ("Done by 佐藤 花子 at 10:42": each action is changed on its own, on the version shown, so when
// an account's several actions are worked on together the others still apply and the refused ones
// are reported). While the server is away the queue is read-only (Done, Snooze and Reassign say
// why they are off) and shows the last data read, or this machine's copy when it starts without
// the server; a note written meanwhile is kept on disk beside the copy (TeamKeptNotes) and sent
// when the server answers, even after a restart, or shown back with the reason.
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
    // The server is away (`reason`, a sentence shown as the buttons' tooltip) or back (empty): the
    // queue is read-only meanwhile.
    void setOffline(const QString& reason);
    bool isOffline() const { return !m_offline.isEmpty(); }
    // The queue shown is this machine's copy (the server could not be read), not the server's.
    bool showsCopy() const { return m_showsCopy; }
    // The server is back: sends the notes kept meanwhile.
    void serverRecovered();
    int pendingNotes() const { return int(m_pendingNotes.size()); }
    void refresh();
    ActionQueueModel* model() const { return m_model; }
    QString selectedAccountId() const;

    // The buttons' work, callable directly (tests, shortcuts): on the selected account's actions,
    // or the selected action.
    void markSelectedDone(const QString& note);
    void snoozeSelected(const QDate& until);
    void reassignSelected(const QString& owner);
    void noteOnSelected(const QString& text);

signals:
    void loaded(int accounts, int actions); // how many accounts and actions the whole queue has
    void changed(); // an action was worked on
    void customerActivated(const QString& accountId);
    // A change was refused or failed (a colleague's change first, the server away): the message.
    void changeFailed(const QString& message);

private:
    struct Outcome
    {
        QStringList errors; // one per refused or failed action
        int applied = 0;
        bool unreachable = false; // the server could not be reached: the rest was not sent
        QList<qint64> unsent; // the actions nothing was sent for, when unreachable
    };
    using Change = std::function<Status(ActionStore&, const Action&)>;
    using PendingNote = TeamKeptNotes::Note;
    QModelIndex selectedIndex() const;
    // The actions the buttons work on: the selected account's, or the selected action.
    QList<Action> selected() const;
    void apply(const QList<Action>& actions, Change change, const QString& note = {});
    void updateButtons();
    QString owner() const; // the owner the queue shows, empty for everyone's
    QString author() const; // who is at the keyboard, for history rows
    QString keptNotesPath() const { return m_team ? TeamKeptNotes::pathFor(m_path) : QString(); }
    void loadKeptNotes();
    // Done, Snooze and Reassign while the server is away: refused with the reason.
    bool refuseOffline();
    // The buttons' work on the actions selected when the button was pressed.
    void markDone(const QList<Action>& targets, const QString& note);
    void snooze(const QList<Action>& targets, const QDate& until);
    void reassign(const QList<Action>& targets, const QString& owner);
    void addNote(const QList<Action>& targets, const QString& text);

    QString m_path;
    std::optional<TeamSignIn> m_team;
    QString m_offline; // why the server cannot be reached, empty when it can
    bool m_showsCopy = false;
    bool m_loaded = false; // the last load read the queue
    QList<PendingNote> m_pendingNotes;
    QList<PendingNote> m_sendingNotes; // on their way to the server: still in the kept file
    QList<PendingNote> m_sentNotes; // sent (or shown back) this session: never taken again
    QStringList m_members; // the team's members, for reassignment
    ActionQueueModel* m_model;
    QTreeView* m_table;
    QCheckBox* m_snoozed;
    QLabel* m_count;
    QLabel* m_why; // the selected row's reason, whole
    QPushButton* m_done;
    QPushButton* m_snooze;
    QPushButton* m_reassign;
    QPushButton* m_note;
    ScopeSwitch* m_scope;
    struct Page
    {
        // The actions of the kShown accounts with the highest priorities, grouped on the worker.
        QList<ActionQueueModel::Account> shown;
        qint64 total = 0; // actions in the whole queue
        qint64 accounts = 0; // accounts in the whole queue
        QStringList members;
        QString fromCopy; // why the copy was read instead of the server, empty when it was not
        QTimeZone zone; // the workspace's (a team's), in which a snooze's day is counted
    };
    static constexpr int kShown = 1000; // accounts
    QFutureWatcher<Result<Page>> m_loading;
    bool m_reloadPending = false;
    QTimeZone m_zone = QTimeZone::systemTimeZone(); // the workspace's, once a page has said it
    QFutureWatcher<Outcome> m_working;
    QList<PendingNote> m_sending; // the notes m_working sends, if it sends notes
};

} // namespace tenure
