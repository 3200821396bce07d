#pragma once

#include <QStyledItemDelegate>

class QTableView;

namespace tenure {

// Draws the customer list: the band as a compact badge in the band's colour with its name on it
// (readable without telling colours apart), every other cell on one line, elided at the right;
// the model's tooltips carry the full text.
class CustomerListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit CustomerListDelegate(QObject* parent = nullptr);

    // Sets a table showing a CustomerListModel up for reading: this delegate, one line per row,
    // long names elided, the other columns as wide as their contents (never wrapped or clipped).
    static void setUp(QTableView* table);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The band badge in a cell: where it is drawn, and the (possibly elided) name on it.
    QRect badgeRect(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    QString badgeText(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    // The colour of the name on a badge of colour `background`: black or white, whichever reads better.
    static QColor badgeTextColor(const QColor& background);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace tenure
