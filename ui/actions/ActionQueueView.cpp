#include "actions/ActionQueueView.h"

#include "Async.h"
#include "PlainText.h"
#include "store/Database.h"

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
    const QStringList headers { tr("Priority"), tr("Customer"), tr("Trigger"),
                                tr("Why"),      tr("Owner"),    tr("Status") };
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

    auto* buttons = new QHBoxLayout;
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
        const QString owner = QInputDialog::getText(this, tr("Reassign"), tr("New owner:"), QLineEdit::Normal,
                                                    selected() ? selected()->owner : QString(), &ok);
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
        if (!page) {
            m_count->setText(page.error());
            return;
        }
        m_model->setActions(page->actions);
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
        const QString error = m_working.result();
        if (!error.isEmpty())
            m_count->setText(error);
        else
            emit changed();
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

void ActionQueueView::refresh()
{
    if (m_path.isEmpty() || m_loading.isRunning())
        return;
    const QString path = m_path;
    const bool withSnoozed = m_snoozed->isChecked();
    m_loading.setFuture(QtConcurrent::run(workPool(), [path, withSnoozed]() -> Result<Page> {
        Result<std::unique_ptr<Database>> db = Database::open(path, Database::Mode::ReadOnly);
        if (!db)
            return Error { db.error() };
        const ActionStore store(**db);
        Result<qint64> total = store.queueSize({}, withSnoozed);
        if (!total)
            return Error { total.error() };
        Result<QList<Action>> actions = store.queue({}, withSnoozed, kShown);
        if (!actions)
            return Error { actions.error() };
        return Page { std::move(actions).value(), total.value() };
    }));
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

void ActionQueueView::apply(std::function<Status(ActionStore&)> change)
{
    if (m_working.isRunning())
        return;
    const QString path = m_path;
    m_working.setFuture(QtConcurrent::run(workPool(), [path, change]() -> QString {
        Result<std::unique_ptr<Database>> db = Database::open(path);
        if (!db)
            return db.error();
        ActionStore store(**db);
        const Status status = change(store);
        return status ? QString() : status.error();
    }));
    updateButtons();
}

void ActionQueueView::markSelectedDone(const QString& note)
{
    if (const std::optional<Action> action = selected())
        apply([id = action->id, note](ActionStore& store) {
            return store.markDone(id, ActionStore::currentAuthor(), note);
        });
}

void ActionQueueView::snoozeSelected(const QDate& until)
{
    if (const std::optional<Action> action = selected())
        apply([id = action->id, until](ActionStore& store) {
            return store.snooze(id, until, ActionStore::currentAuthor());
        });
}

void ActionQueueView::reassignSelected(const QString& owner)
{
    if (const std::optional<Action> action = selected())
        apply([id = action->id, owner](ActionStore& store) {
            return store.reassign(id, owner, ActionStore::currentAuthor());
        });
}

void ActionQueueView::noteOnSelected(const QString& text)
{
    if (const std::optional<Action> action = selected())
        apply([id = action->id, text](ActionStore& store) {
            return store.addNote(id, ActionStore::currentAuthor(), text);
        });
}

} // namespace tenure
