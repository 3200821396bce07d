#pragma once

#include <QList>
#include <QWidget>

class QGridLayout;

namespace tenure {

// Charts laid out as the width allows: side by side in pairs when each gets at least
// columnWidth(), one under the other otherwise, so that a chart is never narrower than its
// legend and axis labels need (a narrow pane scrolls down rather than cutting charts off). A
// chart added as `wide` always takes a whole row.
class ChartBoard : public QWidget
{
    Q_OBJECT

public:
    explicit ChartBoard(QWidget* parent = nullptr);

    void addChart(QWidget* chart, bool wide = false);
    // The narrowest a chart is given beside another, at the board's font.
    int columnWidth() const;
    int columns() const { return m_columns; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void arrange(int columns);

    struct Entry
    {
        QWidget* chart;
        bool wide;
    };
    QList<Entry> m_charts;
    QGridLayout* m_grid;
    int m_columns = 0;
};

} // namespace tenure
