#include "customers/CustomerListModel.h"

#include "PlainText.h"
#include "ReadableColors.h"
#include "domain/Money.h"
#include "report/PortfolioReport.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace tenure {

CustomerListModel::CustomerListModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_today(QDate::currentDate())
{
}

void CustomerListModel::setRows(QList<CustomerRow> rows, qint64 total)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_total = total;
    endResetModel();
}

int CustomerListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CustomerListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CustomerRow& row = m_rows.at(index.row());
    if (role == AccountIdRole)
        return row.id;
    if (role == Qt::DisplayRole) {
        const QLocale locale;
        switch (index.column()) {
        case Name:
            return row.name;
        case Owner:
            return row.owner;
        case Stage:
            return m_rules.stageName(row.stage);
        case Score:
            return row.score ? locale.toString(*row.score, 'f', 1) : QString();
        case Trend:
            if (!row.trend)
                return QString();
            return *row.trend > 0 ? QStringLiteral("+") + locale.toString(*row.trend, 'f', 1)
                : *row.trend < 0  ? QStringLiteral("−") + locale.toString(-*row.trend, 'f', 1)
                                  : QStringLiteral("±0");
        case Band:
            return row.band;
        case Arr:
            return row.arr ? formatMoney(*row.arr, row.currency) : QString();
        case Renewal:
            if (!row.renewalDate.isValid())
                return QString();
            if (const qint64 days = m_today.daysTo(row.renewalDate); days < 0)
                return tr("%1 (%2 d ago)") // passed: renewed or not, the CRM has not said
                    .arg(locale.toString(row.renewalDate, QLocale::ShortFormat))
                    .arg(-days);
            else
                return tr("%1 (%2 d)").arg(locale.toString(row.renewalDate, QLocale::ShortFormat)).arg(days);
        case LastActive:
            if (!row.lastActive.isValid())
                return tr("never");
            switch (const qint64 days = row.lastActive.daysTo(m_today); days) {
            case 0:
                return tr("today");
            case 1:
                return tr("yesterday");
            default:
                return tr("%1 days ago").arg(days);
            }
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Trend && row.trend && std::abs(*row.trend) >= 10)
        return QBrush(*row.trend < 0 ? worseTextColor() : betterTextColor());
    if (role == Qt::ToolTipRole)
        return toolTip(index);
    if (role == Qt::TextAlignmentRole
        && (index.column() == Score || index.column() == Arr || index.column() == Trend))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == BandColorRole && index.column() == Band && !row.band.isEmpty())
        return QColor(m_rules.bandColor(row.band));
    // A plain view (no CustomerListDelegate) still shows the band's colour, lightly.
    if (role == Qt::BackgroundRole && index.column() == Band && !row.band.isEmpty())
        return QBrush(QColor(m_rules.bandColor(row.band)).lighter(170));
    return {};
}

QString CustomerListModel::toolTip(const QModelIndex& index) const
{
    // The full text of the cell (it may be elided), with more where it helps. Names, ids, owners,
    // stages and bands come from imports and rule files: plain text, never markup.
    const CustomerRow& row = m_rows.at(index.row());
    const QString text = data(index, Qt::DisplayRole).toString();
    switch (index.column()) {
    case Name:
        return PlainText::asRichText(QStringLiteral("%1\n%2").arg(row.name, row.id));
    case Trend:
        return PlainText::asRichText(
            (text.isEmpty() ? QString() : text + u'\n')
            + tr("Score change over the last %1 days").arg(CustomerQuery::kTrendDays));
    case Band:
        return PlainText::asRichText(text.isEmpty() ? QString() : tr("Band: %1").arg(text));
    case Renewal: {
        if (!row.renewalDate.isValid())
            return {};
        const QString date = QLocale().toString(row.renewalDate, QLocale::LongFormat);
        const int days = int(m_today.daysTo(row.renewalDate));
        return PlainText::asRichText(days >= 0
                                         ? tr("Renews on %1 (in %2 days)").arg(date).arg(days)
                                         : tr("Renewal date was %1 (%2 days ago)").arg(date).arg(-days));
    }
    case LastActive:
        if (row.lastActive.isValid())
            return PlainText::asRichText(QLocale().toString(row.lastActive, QLocale::LongFormat));
        return PlainText::asRichText(text);
    default:
        return PlainText::asRichText(text);
    }
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Customer");
    case Owner:
        return tr("Owner");
    case Stage:
        return tr("Stage");
    case Score:
        return tr("Score");
    case Trend:
        return tr("30 days");
    case Band:
        return tr("Band");
    case Arr:
        return tr("ARR");
    case Renewal:
        return tr("Renewal");
    case LastActive:
        return tr("Last activity");
    }
    return {};
}

void CustomerListModel::sort(int column, Qt::SortOrder order)
{
    emit sortRequested(column, order);
}

CustomerQuery::Column CustomerListModel::queryColumn(int column)
{
    switch (column) {
    case Name:
        return CustomerQuery::Column::Name;
    case Owner:
        return CustomerQuery::Column::Owner;
    case Stage:
        return CustomerQuery::Column::Stage;
    case Band:
        return CustomerQuery::Column::Band;
    case Arr:
        return CustomerQuery::Column::Arr;
    case Renewal:
        return CustomerQuery::Column::Renewal;
    case LastActive:
        return CustomerQuery::Column::LastActive;
    default:
        return CustomerQuery::Column::Score;
    }
}

} // namespace tenure
