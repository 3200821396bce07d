#include "tuning/ChartBoard.h"

#include <QGridLayout>
#include <QResizeEvent>

namespace tenure {

ChartBoard::ChartBoard(QWidget* parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
}

int ChartBoard::columnWidth() const
{
    // Enough for a plot that reads well with its axis titles and labels beside it, and a legend
    // of three entries ("Chance", "Active rules", "Candidate"), at the application's font.
    return fontMetrics().horizontalAdvance(QLatin1Char('x')) * 62;
}

void ChartBoard::addChart(QWidget* chart, bool wide)
{
    m_charts.append({ chart, wide });
    arrange(m_columns == 0 ? 1 : m_columns);
}

void ChartBoard::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    const int spacing = std::max(0, m_grid->horizontalSpacing());
    arrange(event->size().width() >= 2 * columnWidth() + spacing ? 2 : 1);
}

void ChartBoard::arrange(int columns)
{
    if (columns == m_columns && m_grid->count() == m_charts.size())
        return;
    m_columns = columns;
    for (const Entry& entry : std::as_const(m_charts))
        m_grid->removeWidget(entry.chart);
    int row = 0;
    int column = 0;
    for (const Entry& entry : std::as_const(m_charts)) {
        if (entry.wide || columns == 1) {
            if (column != 0)
                ++row;
            m_grid->addWidget(entry.chart, row++, 0, 1, columns);
            column = 0;
            continue;
        }
        m_grid->addWidget(entry.chart, row, column);
        if (++column == columns) {
            column = 0;
            ++row;
        }
    }
    // Rows of a layout that had more of them keep no height.
    for (int r = 0; r < m_grid->rowCount(); ++r)
        m_grid->setRowStretch(r, r < row + (column != 0) ? 1 : 0);
}

} // namespace tenure
