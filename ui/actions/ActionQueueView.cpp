#include "actions/ActionQueueView.h"

#include "Async.h"
#include "PlainText.h"
#include "store/Database.h"
#include "workspace/ScopeSwitch.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tenure {

void ActionQueueModel::setActions(QList<Action> actions)
{
    beginResetModel();
    m_actions = std::move(actions);
    endResetModel();
}

int ActionQueueModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_actions.size(); ++row)
        if (m_actions.at(row).id == id)
            return row;
    return -1;
}

int ActionQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_actions.size());
}

int ActionQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionQueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_actions.size())
        return {};
    const Action& action = m_actions.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Priority:
            return QLocale().toString(action.priority, 'f', 1);
        case Customer:
            return action.accountName;
        case Trigger:
            return ActionStore::triggerName(action.trigger);
        case Reason:
            return action.reason;
        case Owner:
            return action.owner;
        case Status:
            return action.status == QLatin1String("snoozed")
                ? tr("snoozed until %1").arg(QLocale().toString(action.snoozedUntil, QLocale::ShortFormat))
                : tr("open");
        case LastChange:
            return action.updatedBy.isEmpty()
                ? QString()
                : tr("%1, %2").arg(action.updatedBy,
                                   QLocale().toString(action.updatedAt.toLocalTime(), QLocale::ShortFormat));
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Priority)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Reason)
        return PlainText::asRichText(action.reason);
    return {};
}

QVariant ActionQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QStringList headers { tr("Priority"), tr("Customer"), tr("Trigger"),    tr("Why"),
                                tr("Owner"),    tr("Status"),   tr("Last change") };
    return headers.value(section);
}

ActionQueueView::ActionQueueView(QWidget* parent)
    : QWidget(parent)
    , m_model(new ActionQueueModel(this))
    , m_table(new QTableView(this))
    , m_snoozed(new QCheckBox(tr("Show snoozed"), this))
    , m_count(new QLabel(this))
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
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ActionQueueModel::Reason, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_count->setObjectName(QStringLiteral("count"));
    PlainText::label(m_count); // errors quote account and event names

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
    layout->addWidget(m_count);

    connect(m_done, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString note = QInputDialog::getText(this, tr("Done"), tr("What was done (optional):"),
                                                   QLineEdit::Normal, {}, &ok);
        if (ok)
            markSelectedDone(note);
    });
    connect(m_snooze, &QPushButton::clicked, this, [this] {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Snooze"));
        auto* date = new QDateEdit(QDate::currentDate().addDays(7), &dialog);
        date->setCalendarPopup(true);
        date->setMinimumDate(QDate::currentDate().addDays(1));
        auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        auto* form = new QVBoxLayout(&dialog);
        form->addWidget(new QLabel(tr("Back in the queue on:"), &dialog));
        form->addWidget(date);
        form->addWidget(box);
        if (dialog.exec() == QDialog::Accepted)
            snoozeSelected(date->date());
    });
    connect(m_reassign, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString current = selected() ? selected()->owner : QString();
        // A team's actions go to one of its members; a workspace file takes any name.
        const QString owner = m_team && !m_members.isEmpty()
            ? QInputDialog::getItem(this, tr("Reassign"), tr("New owner:"), m_members,
                                    std::max(0, int(m_members.indexOf(current))), false, &ok)
            : QInputDialog::getText(this, tr("Reassign"), tr("New owner:"), QLineEdit::Normal, current, &ok);
        if (ok && !owner.trimmed().isEmpty())
            reassignSelected(owner);
    });
    connect(m_note, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(this, tr("Note"), tr("Note:"), {}, &ok);
        if (ok && !text.trimmed().isEmpty())
            noteOnSelected(text);
    });
    connect(m_snoozed, &QCheckBox::toggled, this, &ActionQueueView::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ActionQueueView::updateButtons);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit customerActivated(m_model->action(index.row()).accountId);
    });
    connect(&m_loading, &QFutureWatcherBase::finished, this, [this] {
        const Result<Page> page = m_loading.result();
        if (std::exchange(m_reloadPending, false)) {
            refresh();
            return;
        }
        if (!page) {
            m_count->setText(page.error());
            return;
        }
        // Keep what the user looks at: the selected action and the scroll position.
        const std::optional<Action> was = selected();
        const int scrolled = m_table->verticalScrollBar()->value();
        m_model->setActions(page->actions);
        m_members = page->members;
        if (was) {
            if (const int row = m_model->rowOf(was->id); row >= 0)
                m_table->selectRow(row);
        }
        m_table->verticalScrollBar()->setValue(scrolled);
        // A queue longer than anyone works through in a day shows its top; the count is all of it.
        m_count->setText(
            page->total > page->actions.size()
                ? tr("The %1 most urgent of %2 actions")
                      .arg(QLocale().toString(page->actions.size()), QLocale().toString(page->total))
                : tr("%n actions", nullptr, int(page->total)));
        updateButtons();
        emit loaded(int(page->total));
    });
    connect(&m_working, &QFutureWatcherBase::finished, this, [this] {
        const Outcome outcome = m_working.result();
        std::optional<PendingNote> note = std::exchange(m_sending, std::nullopt);
        if (outcome.error.isEmpty()) {
            emit changed();
        } else if (note && outcome.unreachable) {
            // Nothing typed is lost: the note waits for the server.
            m_pendingNotes.append(*note);
            m_count->setText(
                tr("The team server cannot be reached; your note is kept and sent when it is back."));
            emit changeFailed(outcome.error);
        } else {
            m_count->setText(outcome.error);
            emit changeFailed(outcome.error);
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
    refresh();
}

void ActionQueueView::setTeam(std::optional<TeamSignIn> team)
{
    m_team = std::move(team);
    m_members.clear();
    m_pendingNotes.clear();
    m_scope->setVisible(m_team.has_value());
    m_table->setColumnHidden(ActionQueueModel::LastChange, !m_team);
    m_scope->setMine(true); // a CSM starts from their own accounts
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
    m_loading.setFuture(
        QtConcurrent::run(workPool(), [path, team = m_team, owner, withSnoozed]() -> Result<Page> {
            const auto read = [&](const ActionStore& store) -> Result<Page> {
                Result<qint64> total = store.queueSize(owner, withSnoozed);
                if (!total)
                    return Error { total.error() };
                Result<QList<Action>> actions = store.queue(owner, withSnoozed, kShown);
                if (!actions)
                    return Error { actions.error() };
                return Page { std::move(actions).value(), total.value(), {} };
            };
            if (team) {
                // The team's queue, from the server: versions and authors as they are now.
                Result<std::unique_ptr<TeamDatabase>> db = team->open();
                if (!db)
                    return Error { db.error() };
                Result<Page> page = read(ActionStore((*db)->connection()));
                if (page) {
                    if (Result<QSqlQuery> members
                        = (*db)->exec(QStringLiteral("SELECT display_name FROM team_members WHERE role <> "
                                                     "'ingest' ORDER BY display_name"));
                        members) {
                        while (members->next())
                            page->members << members->value(0).toString();
                    }
                }
                return page;
            }
            Result<std::unique_ptr<Database>> db = Database::open(path, Database::Mode::ReadOnly);
            if (!db)
                return Error { db.error() };
            return read(ActionStore(**db));
        }));
}

QString ActionQueueView::author() const
{
    // In a team the server records the signed-in member whatever is passed; the name is shown meanwhile.
    return m_team && !m_team->member.isEmpty() ? m_team->member : ActionStore::currentAuthor();
}

std::optional<Action> ActionQueueView::selected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->action(rows.first().row());
}

void ActionQueueView::updateButtons()
{
    const bool any = selected().has_value() && !m_working.isRunning();
    for (QPushButton* button : { m_done, m_snooze, m_reassign, m_note })
        button->setEnabled(any);
}

void ActionQueueView::apply(std::function<Status(ActionStore&)> change, std::optional<PendingNote> note)
{
    if (m_working.isRunning())
        return;
    const QString path = m_path;
    m_sending = std::move(note);
    m_working.setFuture(QtConcurrent::run(workPool(), [path, team = m_team, change]() -> Outcome {
        if (team) {
            Result<std::unique_ptr<TeamDatabase>> db = team->open();
            if (!db)
                return { db.error(), true };
            ActionStore store((*db)->connection());
            const Status status = change(store);
            if (status)
                return {};
            // A statement that failed because the server went away sent nothing either.
            const bool alive = (*db)->scalar(QStringLiteral("SELECT 1")).ok();
            return { status.error(), !alive };
        }
        Result<std::unique_ptr<Database>> db = Database::open(path);
        if (!db)
            return { db.error() };
        ActionStore store(**db);
        const Status status = change(store);
        return { status ? QString() : status.error() };
    }));
    updateButtons();
}

void ActionQueueView::serverRecovered()
{
    if (m_pendingNotes.isEmpty() || !m_team)
        return;
    const QList<PendingNote> notes = std::exchange(m_pendingNotes, {});
    const TeamSignIn team = *m_team;
    runAsync(
        this,
        [team, notes]() -> QList<std::pair<PendingNote, QString>> {
            QList<std::pair<PendingNote, QString>> results;
            Result<std::unique_ptr<TeamDatabase>> db = team.open();
            for (const PendingNote& note : notes) {
                if (!db) {
                    results.append({ note, db.error() });
                    continue;
                }
                const Status added
                    = ActionStore((*db)->connection()).addNote(note.actionId, team.member, note.text);
                results.append({ note, added ? QString() : added.error() });
            }
            return results;
        },
        [this](const QList<std::pair<PendingNote, QString>>& results) {
            QStringList refused;
            for (const auto& [note, error] : results) {
                if (error.isEmpty())
                    continue;
                refused << tr("Your note on %1 could not be sent (%2). Here it is, to keep:\n\n%3")
                               .arg(note.accountName, error, note.text);
            }
            emit changed();
            refresh();
            if (!refused.isEmpty()) {
                emit changeFailed(refused.join(QStringLiteral("\n\n")));
                PlainText::warning(this, tr("Note not sent"), refused.join(QStringLiteral("\n\n")));
            }
        });
}

void ActionQueueView::markSelectedDone(const QString& note)
{
    if (const std::optional<Action> action = selected())
        apply([id = action->id, version = action->version, author = author(), note](ActionStore& store) {
            return store.markDone(id, author, note, version > 0 ? version : -1);
        });
}

void ActionQueueView::snoozeSelected(const QDate& until)
{
    if (const std::optional<Action> action = selected())
        apply([id = action->id, version = action->version, author = author(), until](ActionStore& store) {
            return store.snooze(id, until, author, {}, version > 0 ? version : -1);
        });
}

void ActionQueueView::reassignSelected(const QString& owner)
{
    if (const std::optional<Action> action = selected())
        apply([id = action->id, version = action->version, author = author(), owner](ActionStore& store) {
            return store.reassign(id, owner, author, version > 0 ? version : -1);
        });
}

void ActionQueueView::noteOnSelected(const QString& text)
{
    if (const std::optional<Action> action = selected())
        apply([id = action->id, author = author(),
               text](ActionStore& store) { return store.addNote(id, author, text); },
              PendingNote { action->id, action->accountName, text });
}

} // namespace tenure
