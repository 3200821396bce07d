#pragma once

#include "customers/CustomerQuery.h"
#include "rules/RuleSet.h"

#include <QAbstractTableModel>
#include <QDate>

namespace tenure {

// The rows of a customer search, as a table: name, owner, stage, score, band (coloured), ARR,
// renewal and days left. Every cell's tooltip has its full text (cells elide: see
// CustomerListDelegate), as plain text. It holds one page of results; CustomersView runs the searches (in
// SQL, on a worker thread) and hands the results over. Sorting asks the view for a new search.
class CustomerListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Owner, Stage, Score, Trend, Band, Arr, Renewal, LastActive, ColumnCount };
    static constexpr int AccountIdRole = Qt::UserRole + 1;
    static constexpr int BandColorRole = Qt::UserRole + 2; // the band's colour (QColor), for its badge

    explicit CustomerListModel(QObject* parent = nullptr);

    void setRules(const RuleSet& rules) { m_rules = rules; }
    void setToday(const QDate& today) { m_today = today; }
    void setRows(QList<CustomerRow> rows, qint64 total);
    qint64 total() const { return m_total; }
    const CustomerRow& row(int index) const { return m_rows.at(index); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

    static CustomerQuery::Column queryColumn(int column);

signals:
    // The user asked for another order: the view runs the search again.
    void sortRequested(int column, Qt::SortOrder order);

private:
    QString toolTip(const QModelIndex& index) const;

    QList<CustomerRow> m_rows;
    qint64 m_total = 0;
    RuleSet m_rules;
    QDate m_today;
};

} // namespace tenure
