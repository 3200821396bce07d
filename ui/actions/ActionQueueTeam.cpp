// ActionQueueView's side of a team workspace: the member, the server away and back, and the
// notes kept on this machine meanwhile.
#include "Async.h"
#include "PlainText.h"
#include "actions/ActionQueueView.h"
#include "workspace/ScopeSwitch.h"

#include <QLabel>
#include <QPushButton>
#include <QTreeView>

namespace tenure {

void ActionQueueView::setTeam(std::optional<TeamSignIn> team)
{
    m_team = std::move(team);
    m_members.clear();
    m_pendingNotes.clear(); // the notes on their way, and those sent, stay known: see loadKeptNotes
    m_showsCopy = false;
    if (!m_team)
        m_offline.clear();
    m_scope->setVisible(m_team.has_value());
    m_table->setColumnHidden(ActionQueueModel::LastChange, !m_team);
    m_scope->setMine(true); // a CSM starts from their own accounts
    updateButtons();
}

void ActionQueueView::setOffline(const QString& reason)
{
    const bool changed = reason.isEmpty() != m_offline.isEmpty();
    m_offline = reason;
    updateButtons();
    if (changed)
        refresh(); // the last copy while away; the server's queue, with its versions, once back
}

bool ActionQueueView::refuseOffline()
{
    if (m_offline.isEmpty() || !m_team)
        return false;
    m_count->setText(m_offline);
    emit changeFailed(m_offline);
    return true;
}

void ActionQueueView::loadKeptNotes()
{
    const QString path = keptNotesPath();
    if (path.isEmpty())
        return;
    // Kept by an earlier session of this member on this machine: they go when the server answers.
    runAsync(
        this, [path] { return TeamKeptNotes::load(path); },
        [this, path](const Result<QList<PendingNote>>& kept) {
            if (path != keptNotesPath())
                return; // another workspace meanwhile
            if (!kept) {
                m_count->setText(kept.error());
                return;
            }
            // A note on its way is in the file until it has been sent, and a file read before a
            // send ended still holds what it sent: neither is taken twice (a note is known by
            // its time of writing as well as its text).
            for (const PendingNote& note : *kept)
                if (!m_pendingNotes.contains(note) && !m_sendingNotes.contains(note)
                    && !m_sentNotes.contains(note))
                    m_pendingNotes.append(note);
            if (!m_pendingNotes.isEmpty() && m_offline.isEmpty())
                serverRecovered();
        });
}

void ActionQueueView::serverRecovered()
{
    if (m_pendingNotes.isEmpty() || !m_team || !m_offline.isEmpty())
        return;
    const QList<PendingNote> notes = std::exchange(m_pendingNotes, {});
    m_sendingNotes += notes;
    const TeamSignIn team = *m_team;
    struct Sent
    {
        QList<std::pair<PendingNote, QString>> refused; // each with the reason
        QList<PendingNote> unsent; // the server did not answer: still kept
        QString error; // what went wrong on this machine (the kept notes' file)
    };
    runAsync(
        this,
        [team, notes, kept = keptNotesPath()]() -> Sent {
            Sent sent;
            Result<std::unique_ptr<TeamDatabase>> db = team.open();
            if (!db) {
                // Still away (or not answering yet after an offline start): the banner says so,
                // and the notes stay kept. The count keeps saying what the list shows.
                sent.unsent = notes;
                return sent;
            }
            QList<PendingNote> done;
            for (const PendingNote& note : notes) {
                const Status added
                    = ActionStore((*db)->connection()).addNote(note.actionId, team.member, note.text);
                if (!added && !(*db)->answers()) {
                    sent.unsent << note; // gone again: kept for next time
                    continue;
                }
                if (!added)
                    sent.refused.append({ note, added.error() });
                done << note;
            }
            // Sent, or shown back to the user below: no longer kept.
            if (Status forgotten = TeamKeptNotes::remove(kept, done); !forgotten)
                sent.error = forgotten.error();
            return sent;
        },
        [this, notes](const Sent& sent) {
            for (const PendingNote& note : notes) {
                m_sendingNotes.removeOne(note);
                if (!sent.unsent.contains(note))
                    m_sentNotes.append(note); // sent, or shown back below
            }
            for (const PendingNote& note : sent.unsent)
                if (!m_pendingNotes.contains(note))
                    m_pendingNotes.append(note);
            if (!sent.error.isEmpty())
                m_count->setText(sent.error);
            QStringList refused;
            for (const auto& [note, error] : sent.refused)
                refused << tr("Your note on %1 could not be sent (%2). Here it is, to keep:\n\n%3")
                               .arg(note.accountName, error, note.text);
            emit changed();
            refresh();
            if (!refused.isEmpty()) {
                emit changeFailed(refused.join(QStringLiteral("\n\n")));
                PlainText::warning(this, tr("Note not sent"), refused.join(QStringLiteral("\n\n")));
            }
        });
}

} // namespace tenure
