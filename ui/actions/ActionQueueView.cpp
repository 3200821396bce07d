#include "actions/ActionQueueView.h"

#include "Async.h"
#include "PlainText.h"
#include "store/WithWorkspace.h"
#include "store/WorkspaceSettings.h"
#include "team/TeamMembers.h"
#include "workspace/ScopeSwitch.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace tenure {

ActionQueueView::ActionQueueView(QWidget* parent)
    : QWidget(parent)
    , m_model(new ActionQueueModel(this))
    , m_table(new QTreeView(this))
    , m_snoozed(new QCheckBox(tr("Show snoozed"), this))
    , m_count(new QLabel(this))
    , m_why(new QLabel(this))
    , m_done(new QPushButton(tr("&Done…"), this))
    , m_snooze(new QPushButton(tr("S&nooze…"), this))
    , m_reassign(new QPushButton(tr("&Reassign…"), this))
    , m_note(new QPushButton(tr("Add &Note…"), this))
    , m_scope(new ScopeSwitch(this))
{
    setObjectName(QStringLiteral("ActionQueueView"));
    m_table->setObjectName(QStringLiteral("actions"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setUniformRowHeights(true);
    m_table->setAllColumnsShowFocus(true);
    m_table->setExpandsOnDoubleClick(false); // a double-click opens the customer, the arrow expands
    m_table->setRootIsDecorated(true);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(ActionQueueModel::Reason, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_count->setObjectName(QStringLiteral("count"));
    m_done->setObjectName(QStringLiteral("done"));
    m_snooze->setObjectName(QStringLiteral("snooze"));
    m_reassign->setObjectName(QStringLiteral("reassign"));
    m_note->setObjectName(QStringLiteral("note"));
    PlainText::label(m_count); // errors quote account and event names
    // The selected row's reason whole: the Why column elides it in a window of usual width.
    m_why->setObjectName(QStringLiteral("why"));
    PlainText::label(m_why); // account names and rule texts as written
    m_why->setWordWrap(true);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Two lines kept for it, selected or not: the list does not jump as the selection moves.
    m_why->setMinimumHeight(2 * m_why->fontMetrics().lineSpacing());
    m_why->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    // My accounts | Team: shown in a team workspace.
    m_scope->hide();
    m_table->setColumnHidden(ActionQueueModel::LastChange, true);
    connect(m_scope, &ScopeSwitch::changed, this, &ActionQueueView::refresh);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_scope);
    for (QPushButton* button : { m_done, m_snooze, m_reassign, m_note })
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(m_snoozed);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_why);
    layout->addWidget(m_count);

    // Each button acts on what was selected, at the version shown, when it was pressed: a live
    // refresh while its dialog is open neither drops the change nor lets it pass a colleague's.
    connect(m_done, &QPushButton::clicked, this, [this] {
        const QList<Action> targets = selected();
        bool ok = false;
        const QString note = QInputDialog::getText(this, tr("Done"), tr("What was done (optional):"),
                                                   QLineEdit::Normal, {}, &ok);
        if (ok)
            markDone(targets, note);
    });
    connect(m_snooze, &QPushButton::clicked, this, [this] {
        const QList<Action> targets = selected();
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Snooze"));
        // Days in the workspace's zone (a team's), as the engine wakes snoozed actions.
        const QDate today = WorkspaceSettings::todayIn(m_zone);
        auto* date = new QDateEdit(today.addDays(7), &dialog);
        date->setObjectName(QStringLiteral("snoozeUntil"));
        date->setCalendarPopup(true);
        date->setMinimumDate(today.addDays(1));
        auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        auto* form = new QVBoxLayout(&dialog);
        form->addWidget(new QLabel(tr("Back in the queue on:"), &dialog));
        form->addWidget(date);
        form->addWidget(box);
        if (dialog.exec() == QDialog::Accepted)
            snooze(targets, date->date());
    });
    connect(m_reassign, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QList<Action> targets = selected();
        const QString current = targets.isEmpty() ? QString() : targets.first().owner;
        // A team's actions go to one of its members; a workspace file takes any name.
        const QString owner = m_team && !m_members.isEmpty()
            ? QInputDialog::getItem(this, tr("Reassign"), tr("New owner:"), m_members,
                                    std::max(0, int(m_members.indexOf(current))), false, &ok)
            : QInputDialog::getText(this, tr("Reassign"), tr("New owner:"), QLineEdit::Normal, current, &ok);
        if (ok && !owner.trimmed().isEmpty())
            reassign(targets, owner);
    });
    connect(m_note, &QPushButton::clicked, this, [this] {
        const QList<Action> targets = selected();
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(this, tr("Note"), tr("Note:"), {}, &ok);
        if (ok && !text.trimmed().isEmpty())
            addNote(targets, text);
    });
    connect(m_snoozed, &QCheckBox::toggled, this, &ActionQueueView::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ActionQueueView::updateButtons);
    connect(m_table, &QTreeView::activated, this, [this](const QModelIndex& index) {
        emit customerActivated(index.data(ActionQueueModel::AccountIdRole).toString());
    });
    connect(&m_loading, &QFutureWatcherBase::finished, this, [this] {
        const Result<Page> page = m_loading.result();
        // Shown even when newer news came meanwhile (a steady stream of changes never starves the
        // queue), then read again.
        const auto again = qScopeGuard([this, pending = std::exchange(m_reloadPending, false)] {
            if (pending)
                refresh();
        });
        m_loaded = bool(page); // an empty list says "no open actions" only once read
        if (!page) {
            m_count->setText(page.error());
            updateButtons();
            return;
        }
        // Keep what the user looks at: the expanded accounts, the selected account or action, and
        // the scroll position.
        QStringList expanded;
        for (int row = 0; row < m_model->rowCount(); ++row)
            if (m_table->isExpanded(m_model->index(row, 0)))
                expanded << m_model->account(row).accountId;
        const QModelIndex was = selectedIndex();
        const QString wasAccount = was.data(ActionQueueModel::AccountIdRole).toString();
        const QVariant wasAction = was.data(ActionQueueModel::ActionIdRole);
        const int scrolled = m_table->verticalScrollBar()->value();
        m_model->setAccounts(page->shown);
        if (page->zone.isValid())
            m_zone = page->zone;
        m_showsCopy = !page->fromCopy.isEmpty();
        if (!m_showsCopy)
            m_members = page->members;
        for (const QString& account : std::as_const(expanded))
            if (const QModelIndex index = m_model->accountIndex(account); index.isValid())
                m_table->expand(index);
        QModelIndex now;
        if (wasAction.isValid())
            now = m_model->actionIndex(wasAction.toLongLong());
        if (!now.isValid() && !wasAccount.isEmpty())
            now = m_model->accountIndex(wasAccount); // the action left: its account, if still there
        if (now.isValid()) {
            if (now.parent().isValid())
                m_table->expand(now.parent());
            m_table->selectionModel()->setCurrentIndex(
                now, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        m_table->verticalScrollBar()->setValue(scrolled);
        // A queue longer than anyone works through in a day shows its top; the count is all of it.
        const QString actions = tr("%n actions", nullptr, int(page->total));
        const QString count = page->accounts > m_model->accountCount()
            ? tr("The %1 most urgent of %2 accounts (%3)")
                  .arg(QLocale().toString(m_model->accountCount()), QLocale().toString(page->accounts),
                       actions)
            : tr("%1, %2").arg(tr("%n accounts", nullptr, int(page->accounts)), actions);
        // Read from this machine's copy: the server could not be read, so it may be behind.
        m_count->setText(
            m_showsCopy
                ? tr("%1 — this machine's last copy, read-only until the team server answers.").arg(count)
                : count);
        // Why the server was not read (the banner says it too, once the session knows it is away);
        // it quotes the server's words: shown as written, never as markup.
        m_count->setToolTip(m_showsCopy ? PlainText::asRichText(page->fromCopy) : QString());
        updateButtons();
        emit loaded(int(page->accounts), int(page->total));
    });
    connect(&m_working, &QFutureWatcherBase::finished, this, [this] {
        const Outcome outcome = m_working.result();
        const QList<PendingNote> notes = std::exchange(m_sending, {});
        if (outcome.applied > 0)
            emit changed();
        if (outcome.errors.isEmpty()) {
            // done
        } else if (!notes.isEmpty() && outcome.unreachable) {
            // Nothing typed is lost: the notes not sent wait for the server.
            for (const PendingNote& note : notes)
                if (outcome.unsent.contains(note.actionId))
                    m_pendingNotes.append(note);
            m_count->setText(
                tr("The team server cannot be reached; your note is kept and sent when it is back."));
            emit changeFailed(outcome.errors.join(u'\n'));
        } else {
            // Each action is changed on its own: the others applied, the refused ones are reported.
            const QString message = outcome.errors.join(u'\n');
            m_count->setText(message);
            emit changeFailed(message);
        }
        refresh();
    });
    updateButtons();
}

ActionQueueView::~ActionQueueView()
{
    m_loading.waitForFinished();
    m_working.waitForFinished();
}

void ActionQueueView::setWorkspace(const QString& path)
{
    m_path = path;
    m_loaded = false;
    loadKeptNotes();
    refresh();
}

bool ActionQueueView::showsMyAccountsOnly() const
{
    return m_team && m_scope->isMine();
}

void ActionQueueView::setMyAccountsOnly(bool mine)
{
    m_scope->setMine(mine);
}

QString ActionQueueView::owner() const
{
    return showsMyAccountsOnly() ? m_team->member : QString();
}

void ActionQueueView::refresh()
{
    if (m_path.isEmpty())
        return;
    if (m_loading.isRunning()) {
        m_reloadPending = true; // the newest scope and data load when this read lands
        return;
    }
    const QString path = m_path;
    const bool withSnoozed = m_snoozed->isChecked();
    const QString owner = this->owner();
    m_loading.setFuture(QtConcurrent::run(
        workPool(), [path, team = m_team, offline = m_offline, owner, withSnoozed]() -> Result<Page> {
            const auto read = [&](const ActionStore& store) -> Result<Page> {
                Result<qint64> total = store.queueSize(owner, withSnoozed);
                if (!total)
                    return Error { total.error() };
                Result<qint64> accounts = store.queueAccounts(owner, withSnoozed);
                if (!accounts)
                    return Error { accounts.error() };
                Result<QList<Action>> actions = store.queueByAccount(owner, withSnoozed, kShown);
                if (!actions)
                    return Error { actions.error() };
                return Page {
                    ActionQueueModel::group(*actions), total.value(), accounts.value(), {}, {}, {}
                };
            };
            // The team's queue, from the server: versions and authors as they are now. Without the
            // server (away, or not answering yet after an offline start), this machine's copy.
            const auto readCopy = [&](const QString& why) -> Result<Page> {
                Result<Page> page = withWorkspace(path, Database::Mode::ReadOnly, [&](Database& copy) {
                    Result<Page> kept = read(ActionStore(copy));
                    if (kept)
                        kept->zone = WorkspaceSettings(copy).timeZone(); // the team's, copied
                    return kept;
                });
                if (page)
                    page->fromCopy = why;
                return page;
            };
            if (team && !offline.isEmpty())
                return readCopy(offline);
            if (team) {
                Result<std::unique_ptr<TeamDatabase>> db = team->open();
                if (!db)
                    return readCopy(db.error());
                Result<Page> page = read(ActionStore((*db)->connection()));
                if (page) {
                    page->zone = (*db)->timeZone();
                    // Whom an action may be given to: the team's CSMs and admins, not its loaders.
                    if (Result<QList<TeamDatabase::Member>> members = TeamMembers(**db).list()) {
                        for (const TeamDatabase::Member& member : *members) {
                            if (member.role != QLatin1String("ingest"))
                                page->members << member.displayName;
                        }
                    }
                }
                return page;
            }
            return withWorkspace(path, Database::Mode::ReadOnly, [&](Database& db) {
                Result<Page> page = read(ActionStore(db));
                if (page)
                    page->zone = WorkspaceSettings(db).timeZone();
                return page;
            });
        }));
}

QString ActionQueueView::author() const
{
    // In a team the server records the signed-in member whatever is passed; the name is shown meanwhile.
    return m_team && !m_team->member.isEmpty() ? m_team->member : ActionStore::currentAuthor();
}

QModelIndex ActionQueueView::selectedIndex() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QModelIndex() : rows.first();
}

QList<Action> ActionQueueView::selected() const
{
    return m_model->actionsAt(selectedIndex());
}

QString ActionQueueView::selectedAccountId() const
{
    return selectedIndex().data(ActionQueueModel::AccountIdRole).toString();
}

void ActionQueueView::updateButtons()
{
    const bool any = !selected().isEmpty() && !m_working.isRunning();
    // A note is kept while the server is away; the other changes wait for it.
    for (QPushButton* button : { m_done, m_snooze, m_reassign }) {
        button->setEnabled(any && m_offline.isEmpty());
        button->setToolTip(PlainText::asRichText(m_offline));
    }
    m_note->setEnabled(any);
    // The account's name from its row: an action's row under it leaves the name to the account's.
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(ActionQueueModel::Reason);
    const QString why = rows.isEmpty() ? QString() : rows.first().data().toString();
    QModelIndex account = rows.isEmpty() ? QModelIndex() : rows.first();
    if (account.parent().isValid())
        account = account.parent();
    // An empty queue says so, and where actions come from, rather than asking for a selection.
    const QString when = tr("An account gets one when it is in the worst band, near its renewal outside the "
                            "best band, inactive, or when its score drops.");
    QString none = showsMyAccountsOnly()
        ? tr("No open actions on your accounts: none of them calls for one now.")
        : tr("No open actions: no account calls for one now.");
    if (!m_snoozed->isChecked())
        none += QLatin1Char(' ') + tr("Snoozed ones show with \"Show snoozed\".");
    none += QLatin1Char(' ') + when;
    m_why->setText(
        m_loaded && m_model->rowCount() == 0 ? none
            : why.isEmpty()
            ? tr("Select an account or an action to read why it is in the queue.")
            : tr("%1: %2").arg(account.siblingAtColumn(ActionQueueModel::Customer).data().toString(), why));
    m_note->setToolTip(m_offline.isEmpty()
                           ? QString()
                           : tr("The team server cannot be reached: your note is kept on this machine and "
                                "sent when it is back."));
}

void ActionQueueView::apply(const QList<Action>& actions, Change change, const QString& note)
{
    if (m_working.isRunning() || actions.isEmpty())
        return;
    const QString path = m_path;
    m_sending.clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!note.isNull())
        for (const Action& action : actions)
            m_sending.append({ action.id, action.accountName, note, now });
    // Each action on its own (its own version, its own history row): one refused leaves the others.
    const auto each = [actions, change](ActionStore& store, Outcome& outcome, const auto& alive) {
        for (qsizetype next = 0; next < actions.size(); ++next) {
            const Action& action = actions.at(next);
            const Status status = change(store, action);
            if (status) {
                ++outcome.applied;
                continue;
            }
            outcome.errors << status.error();
            if (!alive()) {
                // A statement that failed because the server went away sent nothing; nor will the rest.
                outcome.unreachable = true;
                for (qsizetype i = next; i < actions.size(); ++i)
                    outcome.unsent << actions.at(i).id;
                return;
            }
        }
    };
    // Notes not sent are kept on disk before the worker reports, so closing Tenure at once loses none.
    const auto keep = [notes = m_sending, kept = keptNotesPath()](Outcome& outcome) {
        QList<PendingNote> unsent;
        for (const PendingNote& note : notes)
            if (outcome.unsent.contains(note.actionId))
                unsent << note;
        if (Status saved = TeamKeptNotes::add(kept, unsent); !saved)
            outcome.errors << saved.error();
    };
    m_working.setFuture(QtConcurrent::run(
        workPool(), [path, team = m_team, offline = m_offline, each, keep, actions]() -> Outcome {
            Outcome outcome;
            if (team) {
                Result<std::unique_ptr<TeamDatabase>> db = offline.isEmpty()
                    ? team->open()
                    : Result<std::unique_ptr<TeamDatabase>>(Error { offline });
                if (!db) {
                    outcome.errors << db.error();
                    outcome.unreachable = true;
                    for (const Action& action : actions)
                        outcome.unsent << action.id;
                } else {
                    ActionStore store((*db)->connection());
                    each(store, outcome, [&db] { return (*db)->answers(); });
                }
                if (outcome.unreachable)
                    keep(outcome);
                return outcome;
            }
            const Status opened = withWorkspace(path, Database::Mode::ReadWrite, [&](Database& db) {
                ActionStore store(db);
                each(store, outcome, [] { return true; });
            });
            if (!opened)
                outcome.errors << opened.error();
            return outcome;
        }));
    updateButtons();
}

void ActionQueueView::markSelectedDone(const QString& note)
{
    markDone(selected(), note);
}

void ActionQueueView::snoozeSelected(const QDate& until)
{
    snooze(selected(), until);
}

void ActionQueueView::reassignSelected(const QString& owner)
{
    reassign(selected(), owner);
}

void ActionQueueView::noteOnSelected(const QString& text)
{
    addNote(selected(), text);
}

void ActionQueueView::markDone(const QList<Action>& targets, const QString& note)
{
    if (refuseOffline())
        return;
    apply(targets, [author = author(), note](ActionStore& store, const Action& action) {
        return store.markDone(action.id, author, note, action.version > 0 ? action.version : -1);
    });
}

void ActionQueueView::snooze(const QList<Action>& targets, const QDate& until)
{
    if (refuseOffline())
        return;
    apply(targets, [author = author(), until](ActionStore& store, const Action& action) {
        return store.snooze(action.id, until, author, {}, action.version > 0 ? action.version : -1);
    });
}

void ActionQueueView::reassign(const QList<Action>& targets, const QString& owner)
{
    if (refuseOffline())
        return;
    apply(targets, [author = author(), owner](ActionStore& store, const Action& action) {
        return store.reassign(action.id, owner, author, action.version > 0 ? action.version : -1);
    });
}

void ActionQueueView::addNote(const QList<Action>& targets, const QString& text)
{
    apply(
        targets,
        [author = author(), text](ActionStore& store, const Action& action) {
            return store.addNote(action.id, author, text);
        },
        text.isNull() ? QStringLiteral("") : text);
}

} // namespace tenure
