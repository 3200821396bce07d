#pragma once

#include "actions/ActionStore.h"

#include <QAbstractItemModel>

namespace tenure {

// The action queue as a tree, one row per account: its highest priority, its triggers strongest
// first, and its reasons in one sentence; under it, its actions one by one. Accounts come highest
// priority first; an account's actions by priority, then the strength of their trigger.
class ActionQueueModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { Priority, Customer, Trigger, Reason, Owner, Status, LastChange, ColumnCount };
    enum Role { ActionIdRole = Qt::UserRole + 1, AccountIdRole };
    struct Account
    {
        QString accountId;
        QString accountName;
        double priority = 0; // the highest of its actions'
        QString reason; // every action's facts, once each
        QList<Action> actions; // strongest first
    };
    using QAbstractItemModel::QAbstractItemModel;

    // The actions grouped by account, in the order shown. Pure and thread-safe: the queue's worker
    // groups them, so the GUI thread only swaps the result in (setAccounts).
    static QList<Account> group(const QList<Action>& actions);
    void setAccounts(QList<Account> accounts);
    int accountCount() const { return int(m_accounts.size()); }
    int actionCount() const;
    const Account& account(int row) const { return m_accounts.at(row); }
    // Every action, in the order shown.
    QList<Action> actions() const;
    // The account row of `accountId`, the child row of action `id`; invalid when not shown.
    QModelIndex accountIndex(const QString& accountId, int column = 0) const;
    QModelIndex actionIndex(qint64 id, int column = 0) const;
    // The action of a child row; none for an account row.
    std::optional<Action> actionAt(const QModelIndex& index) const;
    // What a row stands for: an account row its actions, a child row its own.
    QList<Action> actionsAt(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant accountData(const Account& account, int column) const;
    QVariant actionData(const Action& action, int column) const;

    QList<Account> m_accounts;
};

} // namespace tenure
