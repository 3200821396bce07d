#include "actions/ActionQueueModel.h"

#include "PlainText.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace tenure {

namespace {

QString statusText(const Action& action)
{
    return action.status == QLatin1String("snoozed")
        ? ActionQueueModel::tr("snoozed until %1")
              .arg(QLocale().toString(action.snoozedUntil, QLocale::ShortFormat))
        : ActionQueueModel::tr("open");
}

QString lastChangeText(const Action& action)
{
    return action.updatedBy.isEmpty()
        ? QString()
        : ActionQueueModel::tr("%1, %2").arg(
            action.updatedBy, QLocale().toString(action.updatedAt.toLocalTime(), QLocale::ShortFormat));
}

constexpr quintptr kAccountRow = 0; // an index's internal id: 0 for an account, its row + 1 for its actions

} // namespace

QList<ActionQueueModel::Account> ActionQueueModel::group(const QList<Action>& actions)
{
    QList<Account> accounts;
    QHash<QString, qsizetype> rows;
    for (const Action& action : actions) {
        auto row = rows.constFind(action.accountId);
        if (row == rows.cend()) {
            row = rows.insert(action.accountId, accounts.size());
            accounts.append({ action.accountId, action.accountName, action.priority, {}, {} });
        }
        Account& account = accounts[*row];
        account.priority = std::max(account.priority, action.priority);
        account.actions.append(action);
    }
    for (Account& account : accounts) {
        std::stable_sort(account.actions.begin(), account.actions.end(),
                         [](const Action& a, const Action& b) {
                             if (a.priority != b.priority)
                                 return a.priority > b.priority;
                             const int rankA = ActionStore::triggerRank(a.trigger);
                             const int rankB = ActionStore::triggerRank(b.trigger);
                             return rankA != rankB ? rankA < rankB : a.id < b.id;
                         });
        // The newest facts win where the actions disagree (a snoozed action's facts are older).
        QList<Action> byAge = account.actions;
        std::stable_sort(byAge.begin(), byAge.end(),
                         [](const Action& a, const Action& b) { return a.updatedAt < b.updatedAt; });
        QStringList stored;
        for (const Action& action : std::as_const(byAge))
            stored << action.facts;
        account.reason = ActionStore::mergedReasonText(stored);
    }
    std::stable_sort(accounts.begin(), accounts.end(), [](const Account& a, const Account& b) {
        return a.priority != b.priority ? a.priority > b.priority : a.accountId < b.accountId;
    });
    return accounts;
}

void ActionQueueModel::setAccounts(QList<Account> accounts)
{
    beginResetModel();
    m_accounts = std::move(accounts);
    endResetModel();
}

int ActionQueueModel::actionCount() const
{
    int count = 0;
    for (const Account& account : m_accounts)
        count += int(account.actions.size());
    return count;
}

QList<Action> ActionQueueModel::actions() const
{
    QList<Action> all;
    for (const Account& account : m_accounts)
        all << account.actions;
    return all;
}

QModelIndex ActionQueueModel::accountIndex(const QString& accountId, int column) const
{
    for (int row = 0; row < m_accounts.size(); ++row)
        if (m_accounts.at(row).accountId == accountId)
            return index(row, column);
    return {};
}

QModelIndex ActionQueueModel::actionIndex(qint64 id, int column) const
{
    for (int row = 0; row < m_accounts.size(); ++row) {
        const QList<Action>& actions = m_accounts.at(row).actions;
        for (int child = 0; child < actions.size(); ++child)
            if (actions.at(child).id == id)
                return index(child, column, index(row, 0));
    }
    return {};
}

std::optional<Action> ActionQueueModel::actionAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == kAccountRow)
        return std::nullopt;
    return m_accounts.at(qsizetype(index.internalId() - 1)).actions.at(index.row());
}

QList<Action> ActionQueueModel::actionsAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (index.internalId() == kAccountRow)
        return m_accounts.at(index.row()).actions;
    return { *actionAt(index) };
}

QModelIndex ActionQueueModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_accounts.size() ? createIndex(row, column, kAccountRow) : QModelIndex();
    if (parent.internalId() != kAccountRow || parent.row() >= m_accounts.size()
        || row >= m_accounts.at(parent.row()).actions.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex ActionQueueModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kAccountRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kAccountRow);
}

int ActionQueueModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_accounts.size());
    if (parent.internalId() == kAccountRow && parent.column() == 0)
        return int(m_accounts.at(parent.row()).actions.size());
    return 0;
}

int ActionQueueModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant ActionQueueModel::accountData(const Account& account, int column) const
{
    switch (column) {
    case Priority:
        return QLocale().toString(account.priority, 'f', 1);
    case Customer:
        return account.accountName;
    case Trigger: {
        QStringList triggers;
        for (const Action& action : account.actions)
            if (const QString name = ActionStore::triggerName(action.trigger); !triggers.contains(name))
                triggers << name;
        return triggers.join(tr(", "));
    }
    case Reason:
        return account.reason;
    case Owner: {
        QStringList owners;
        for (const Action& action : account.actions)
            if (!owners.contains(action.owner))
                owners << action.owner;
        return owners.join(tr(", "));
    }
    case Status: {
        QList<const Action*> snoozed;
        for (const Action& action : account.actions)
            if (action.status == QLatin1String("snoozed"))
                snoozed << &action;
        if (snoozed.isEmpty())
            return tr("open");
        if (snoozed.size() == account.actions.size()) {
            const Action* first = *std::min_element(snoozed.begin(), snoozed.end(), [](auto* a, auto* b) {
                return a->snoozedUntil < b->snoozedUntil;
            });
            return statusText(*first);
        }
        return tr("%1 open, %2 snoozed")
            .arg(QLocale().toString(account.actions.size() - snoozed.size()),
                 QLocale().toString(snoozed.size()));
    }
    case LastChange: {
        const Action* last = nullptr;
        for (const Action& action : account.actions)
            if (!action.updatedBy.isEmpty() && (!last || action.updatedAt > last->updatedAt))
                last = &action;
        return last ? lastChangeText(*last) : QString();
    }
    }
    return {};
}

QVariant ActionQueueModel::actionData(const Action& action, int column) const
{
    switch (column) {
    case Priority:
        return QLocale().toString(action.priority, 'f', 1);
    case Customer:
        return {}; // the account row above says it
    case Trigger:
        return ActionStore::triggerName(action.trigger);
    case Reason:
        return action.reason;
    case Owner:
        return action.owner;
    case Status:
        return statusText(action);
    case LastChange:
        return lastChangeText(action);
    }
    return {};
}

QVariant ActionQueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const bool isAccount = index.internalId() == kAccountRow;
    const Account& account = m_accounts.at(isAccount ? index.row() : qsizetype(index.internalId() - 1));
    switch (role) {
    case Qt::DisplayRole:
        return isAccount ? accountData(account, index.column())
                         : actionData(account.actions.at(index.row()), index.column());
    case Qt::TextAlignmentRole:
        return index.column() == Priority ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Reason || index.column() == Trigger)
            return PlainText::asRichText(data(index, Qt::DisplayRole).toString());
        return {};
    case ActionIdRole:
        return isAccount ? QVariant() : QVariant(account.actions.at(index.row()).id);
    case AccountIdRole:
        return account.accountId;
    }
    return {};
}

QVariant ActionQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    const QStringList headers { tr("Priority"), tr("Customer"), tr("Trigger"),    tr("Why"),
                                tr("Owner"),    tr("Status"),   tr("Last change") };
    return headers.value(section);
}

} // namespace tenure
