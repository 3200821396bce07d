#pragma once

#include "actions/ActionStore.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace tenure {

// The action queue as a table, highest priority first.
class ActionQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Priority, Customer, Trigger, Reason, Owner, Status, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setActions(QList<Action> actions);
    const Action& action(int row) const { return m_actions.at(row); }
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Action> m_actions;
};

// Whom to act on first, and why: the open actions with their reasons; done, snooze, reassign
// and note buttons. Reads and writes run on a worker thread; every change keeps its history.
class ActionQueueView : public QWidget
{
    Q_OBJECT

public:
    explicit ActionQueueView(QWidget* parent = nullptr);
    ~ActionQueueView() override;

    void setWorkspace(const QString& path);
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

private:
    std::optional<Action> selected() const;
    void apply(std::function<Status(ActionStore&)> change);
    void updateButtons();

    QString m_path;
    ActionQueueModel* m_model;
    QTableView* m_table;
    QCheckBox* m_snoozed;
    QLabel* m_count;
    QPushButton* m_done;
    QPushButton* m_snooze;
    QPushButton* m_reassign;
    QPushButton* m_note;
    struct Page
    {
        QList<Action> actions; // the highest priorities first, at most kShown
        qint64 total = 0;
    };
    static constexpr int kShown = 1000;
    QFutureWatcher<Result<Page>> m_loading;
    QFutureWatcher<QString> m_working;
};

} // namespace tenure
