#pragma once

#include "customers/CustomerQuery.h"
#include "rules/RuleSet.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QThreadPool;
class QTimer;

namespace tenure {

class CustomerList;
class CustomerListModel;
class KeptReader;
class ScopeSwitch;

// The customer list: instant search (name or id, Japanese included), filters by stage, band,
// owner and renewal window, sort on any column. Every search runs on the view's reader thread,
// on a read-only connection kept there between searches (KeptReader), over the list held in
// memory there (CustomerList, read again when the accounts or their statuses change); typing
// only restarts a short timer, so the GUI never waits on the search.
class CustomersView : public QWidget
{
    Q_OBJECT

public:
    explicit CustomersView(QWidget* parent = nullptr);
    ~CustomersView() override;

    void setWorkspace(const QString& path);
    // In a team workspace, the signed-in member (the `owner` of their accounts): the list opens on
    // My accounts, one click from Team. Empty for a workspace file.
    void setMember(const QString& member);
    bool showsMyAccountsOnly() const;
    void setMyAccountsOnly(bool mine);
    // Runs the search again (after a scoring pass or an import).
    void refresh();
    // Closes the list's connection to the workspace now (waiting for a search under way), before
    // the workspace's writer closes: the writer, last to close, leaves the file whole. The next
    // search opens it again.
    void releaseWorkspace();
    CustomerListModel* model() const { return m_model; }
    // The selected customer's id, or empty; and the filter the list shows now.
    QString selectedAccountId() const;
    CustomerQuery currentQuery() const { return m_query; }

signals:
    // Results of a search are on screen.
    void searched(qint64 total);
    void customerActivated(const QString& accountId);

private:
    struct Loaded
    {
        CustomerQuery::Page page;
        RuleSet rules;
        QStringList owners;
        QDate today;
    };
    void runQuery();
    void showLoaded();

    QString m_path;
    QString m_member;
    std::unique_ptr<KeptReader> m_reader; // the searches' thread and connection
    std::unique_ptr<QThreadPool> m_listReads; // reads the list again beside the searches
    std::shared_ptr<CustomerList> m_list; // searched on the reader's thread only, one search at a time
    ScopeSwitch* m_scope;
    QLineEdit* m_search;
    QComboBox* m_stage;
    QComboBox* m_band;
    QComboBox* m_owner;
    QSpinBox* m_renewal;
    QTableView* m_table;
    QLabel* m_count;
    QTimer* m_debounce;
    CustomerListModel* m_model;
    CustomerQuery m_query;
    int m_sortedColumn = 0; // the view column the list is sorted by
    QFutureWatcher<Result<Loaded>> m_watcher;
    bool m_pending = false; // another search was asked for while one ran
    bool m_filtersFilled = false;
};

} // namespace tenure
