#include "customers/CustomerListDelegate.h"

#include "customers/CustomerListModel.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QTableView>

namespace tenure {

namespace {

constexpr int kBadgePadding = 6; // left and right of the name, inside the badge
constexpr int kCellMargin = 4; // between the cell's edge and the badge

} // namespace

QColor CustomerListDelegate::badgeTextColor(const QColor& background)
{
    // Black or white, whichever reads better (WCAG relative luminance).
    auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const double luminance = 0.2126 * channel(background.redF()) + 0.7152 * channel(background.greenF())
        + 0.0722 * channel(background.blueF());
    // Contrast against white (1.05 / (L + 0.05)) versus against black ((L + 0.05) / 0.05).
    return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? QColor(Qt::white) : QColor(Qt::black);
}

CustomerListDelegate::CustomerListDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

void CustomerListDelegate::setUp(QTableView* table)
{
    table->setItemDelegate(new CustomerListDelegate(table));
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    QHeaderView* header = table->horizontalHeader();
    // The name takes what room is left and elides; every other column fits its widest cell.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CustomerListModel::Name, QHeaderView::Stretch);
    header->setMinimumSectionSize(40);
}

void CustomerListDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->features &= ~QStyleOptionViewItem::WrapText; // one line; too long elides
    option->textElideMode = Qt::ElideRight;
    if (index.column() == CustomerListModel::Band)
        option->backgroundBrush = Qt::NoBrush; // the badge carries the colour
}

QRect CustomerListDelegate::badgeRect(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QString band = index.data(Qt::DisplayRole).toString();
    if (band.isEmpty())
        return {};
    const QFontMetrics metrics(option.font);
    const int height = std::min(option.rect.height() - 2, metrics.height() + 2);
    // A pixel to spare: advances are rounded, elision measures exactly.
    const int width = std::min(metrics.horizontalAdvance(band) + 2 * kBadgePadding + 2,
                               option.rect.width() - 2 * kCellMargin);
    return { option.rect.left() + kCellMargin, option.rect.center().y() - height / 2 + 1, std::max(width, 0),
             height };
}

QString CustomerListDelegate::badgeText(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QRect badge = badgeRect(option, index);
    return QFontMetrics(option.font)
        .elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight,
                    badge.width() - 2 * kBadgePadding);
}

void CustomerListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const
{
    if (index.column() != CustomerListModel::Band) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell as usual (selection, focus, alternating rows), without its text.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);
    const QRect badge = badgeRect(cell, index);
    if (badge.isEmpty())
        return;
    const QColor color = index.data(CustomerListModel::BandColorRole).value<QColor>();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(color.darker(125));
    painter->setBrush(color);
    painter->drawRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5), badge.height() / 2.5,
                             badge.height() / 2.5);
    painter->setPen(badgeTextColor(color));
    painter->setFont(cell.font);
    // Band names come from rule files: drawn as text, never as markup.
    painter->drawText(badge.adjusted(kBadgePadding, 0, -kBadgePadding, 0), Qt::AlignCenter,
                      badgeText(cell, index));
    painter->restore();
}

QSize CustomerListDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    QSize size = QStyledItemDelegate::sizeHint(cell, index);
    if (index.column() == CustomerListModel::Band) {
        const int badge = QFontMetrics(cell.font).horizontalAdvance(index.data(Qt::DisplayRole).toString())
            + 2 * kBadgePadding + 2 + 2 * kCellMargin;
        size.setWidth(std::max(size.width(), badge));
    }
    return size;
}

} // namespace tenure
