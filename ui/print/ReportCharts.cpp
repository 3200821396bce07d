#include "print/ReportCharts.h"

#include "engine/DayClock.h"
#include "print/ReportPage.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <limits>

namespace tenure::ReportCharts {

namespace {

// The health trend's score labels take this much at the left; the stage timeline above it leaves
// the same, so that a day is at the same x in both.
constexpr qreal kValueAxis = 22;

// Stage and band names come from rule files and may be of any length: one line, elided.
QString fitted(const QPainter& painter, const QString& text, qreal width)
{
    return QFontMetricsF(painter.font(), painter.device())
        .elidedText(text, Qt::ElideRight, std::max<qreal>(width, 0));
}

// Month ticks along [first, last] days, with their labels (dayAxisLabels).
void monthAxis(QPainter& painter, const QRectF& plot, int first, int last, const Ink& ink)
{
    const QFont font = ReportPage::font(6.5);
    painter.setFont(font);
    const qreal span = std::max(1, last - first);
    const auto xOf = [&](int day) { return plot.left() + (day - first) / span * plot.width(); };
    QDate month = DayClock::date(first);
    month = QDate(month.year(), month.month(), 1).addMonths(1);
    painter.setPen(QPen(ink.axis, 0.4));
    for (; DayClock::dayNumber(month) <= last; month = month.addMonths(1)) {
        const qreal x = xOf(DayClock::dayNumber(month));
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 2.5));
    }
    painter.setPen(ink.text);
    const QFontMetricsF metrics(font, painter.device());
    for (const DayLabel& label : dayAxisLabels(first, last, plot.width(), metrics)) {
        const qreal x = xOf(label.day);
        if (label.start)
            painter.drawText(QRectF(x, plot.bottom() + 3, metrics.horizontalAdvance(label.text) + 2, 10),
                             Qt::AlignLeft | Qt::AlignTop, label.text);
        else
            painter.drawText(QRectF(x - 20, plot.bottom() + 3, 40, 10), Qt::AlignHCenter | Qt::AlignTop,
                             label.text);
    }
}

} // namespace

QList<DayLabel> dayAxisLabels(int first, int last, qreal width, const QFontMetricsF& metrics)
{
    QList<DayLabel> labels;
    QDate month = DayClock::date(first);
    month = QDate(month.year(), month.month(), 1).addMonths(1);
    const int months = int((last - first) / 30) + 1;
    const int step = months > 15 ? 3 : 1; // monthly through a 400-day window's 14 months
    int ticks = 0;
    for (; DayClock::dayNumber(month) <= last; month = month.addMonths(1)) {
        if (ticks++ % step != 0)
            continue;
        labels.append({ DayClock::dayNumber(month),
                        month.month() == 1 ? QString::number(month.year())
                                           : QLocale().monthName(month.month(), QLocale::ShortFormat) });
    }
    if (last - first > 92)
        return labels;
    const QString start = QLocale().toString(DayClock::date(first), QLocale::ShortFormat);
    // Left-aligned at the axis's start; the first month's label is 40 wide, centred on its day.
    const qreal room
        = labels.isEmpty() ? width : (labels.first().day - first) * width / std::max(1, last - first) - 20;
    if (metrics.horizontalAdvance(start) + 4 <= room)
        labels.prepend({ first, start, true });
    return labels;
}

void stageTimeline(QPainter& painter, const QRectF& box, const QList<AccountStatus>& history,
                   const RuleSet& rules, const Ink& ink)
{
    const QRectF plot(box.left() + kValueAxis, box.top(), box.width() - kValueAxis, box.height() - 30);
    painter.setPen(QPen(ink.axis, 0.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);
    if (history.isEmpty()) {
        painter.setFont(ReportPage::font(8));
        painter.setPen(ink.text);
        painter.drawText(plot, Qt::AlignCenter,
                         QCoreApplication::translate("ReportCharts", "No history yet"));
        return;
    }
    const int first = history.first().day;
    const int last = history.last().day + 1;
    const qreal span = std::max(1, last - first);
    QList<QString> seen;
    qsizetype start = 0;
    for (qsizetype i = 1; i <= history.size(); ++i) {
        if (i < history.size() && history[i].stage == history[start].stage)
            continue;
        const int from = history[start].day;
        const int to = i < history.size() ? history[i].day : last;
        const QRectF span_(plot.left() + (from - first) / span * plot.width(), plot.top(),
                           (to - from) / span * plot.width(), plot.height());
        painter.fillRect(span_, QColor(rules.stageColor(history[start].stage)));
        if (!seen.contains(history[start].stage))
            seen.append(history[start].stage);
        start = i;
    }
    monthAxis(painter, plot, first, last, ink);
    // Legend: the stages in the order the account went through them.
    const QFont font = ReportPage::font(7);
    painter.setFont(font);
    qreal x = plot.left();
    const qreal y = plot.bottom() + 16;
    for (const QString& stage : seen) {
        // What is left of the line, at most half of it: a long name leaves room for the others.
        const qreal room = std::min(box.right() - x - 11, box.width() / 2);
        if (room < 24)
            break;
        painter.fillRect(QRectF(x, y + 2, 8, 8), QColor(rules.stageColor(stage)));
        painter.setPen(ink.text);
        const QString name = fitted(painter, rules.stageName(stage), room - 4);
        const qreal width = QFontMetricsF(font, painter.device()).horizontalAdvance(name);
        painter.drawText(QRectF(x + 11, y, width + 4, 12), Qt::AlignLeft | Qt::AlignVCenter, name);
        x += 11 + width + 14;
    }
}

void healthTrend(QPainter& painter, const QRectF& box, const QList<AccountStatus>& history,
                 const RuleSet& rules, const Ink& ink)
{
    const QRectF plot(box.left() + kValueAxis, box.top() + 4, box.width() - kValueAxis, box.height() - 18);
    const QFont font = ReportPage::font(6.5);
    painter.setFont(font);
    // Band lower bounds, dashed, labelled at the right.
    for (const Band& band : rules.bands) {
        const qreal y = plot.bottom() - band.minScore / 100.0 * plot.height();
        painter.setPen(QPen(QColor(band.color), 0.6, Qt::DashLine));
        if (band.minScore > 0)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(ink.onDark ? QColor(band.color).lighter(130) : QColor(band.color).darker(130));
        painter.drawText(QRectF(plot.right() - 60, y - 11, 58, 9), Qt::AlignRight | Qt::AlignBottom,
                         fitted(painter, band.name, 58));
    }
    painter.setPen(QPen(ink.axis, 0.5));
    painter.drawRect(plot);
    painter.setPen(ink.text);
    const ChartAxes::Scale scale = scoreScale();
    for (const double value : scale.ticks()) {
        const qreal y = plot.bottom() - (value - scale.min) / (scale.max - scale.min) * plot.height();
        painter.drawText(QRectF(box.left(), y - 5, kValueAxis - 4, 10), Qt::AlignRight | Qt::AlignVCenter,
                         ChartAxes::tickLabel(value, scale));
    }
    if (history.isEmpty())
        return;
    const int first = history.first().day;
    const int last = history.last().day + 1;
    const qreal span = std::max(1, last - first);
    QPainterPath path;
    bool drawing = false;
    for (const AccountStatus& day : history) {
        if (!day.score) {
            drawing = false; // no score (e.g. churned): a gap, not a drop to zero
            continue;
        }
        const QPointF point(plot.left() + (day.day - first + 0.5) / span * plot.width(),
                            plot.bottom() - *day.score / 100.0 * plot.height());
        if (drawing)
            path.lineTo(point);
        else
            path.moveTo(point);
        drawing = true;
    }
    painter.setPen(QPen(ink.line, 1.1));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    monthAxis(painter, plot, first, last, ink);
}

void bars(QPainter& painter, const QRectF& box, const QString& title, const QList<Bar>& bars,
          const std::function<QString(double)>& format, const Ink& ink)
{
    const QFont titleFont = ReportPage::font(8, true);
    const QFont font = ReportPage::font(7);
    painter.setFont(titleFont);
    painter.setPen(ink.text);
    painter.drawText(QRectF(box.left(), box.top(), box.width(), 12), Qt::AlignLeft | Qt::AlignVCenter,
                     fitted(painter, title, box.width()));
    if (bars.isEmpty())
        return;
    const qreal labelWidth = box.width() * 0.36;
    // Room for the widest value beside the longest bar ("¥57,366,000"), so that none is cut.
    const QFontMetricsF valueMetrics(font, painter.device());
    qreal widestValue = 0;
    for (const Bar& bar : bars)
        widestValue = std::max(widestValue, valueMetrics.horizontalAdvance(format(bar.value)));
    const qreal valueWidth = std::clamp(widestValue + 6, box.width() * 0.12, box.width() * 0.4);
    const qreal top = box.top() + 16;
    const qreal tickHeight = 9; // the scale's labels under the bars
    const qreal row = std::min<qreal>(14, (box.bottom() - top - tickHeight) / bars.size());
    const qreal barsWidth = box.width() - labelWidth - valueWidth;
    // Grid lines at the round ticks, labelled underneath: as many ticks (four at most) as have
    // labels that do not touch ("100万" is wider than "1M"); with two, a label that still would
    // is left out.
    const QFont tickFont = ReportPage::font(6);
    painter.setFont(tickFont);
    const QFontMetricsF tickMetrics(tickFont, painter.device());
    const ChartAxes::Scale scale = barScale(bars, tickMetrics, barsWidth);
    const qreal bottom = top + bars.size() * row;
    qreal free = box.left();
    for (const double tick : scale.ticks()) {
        const qreal x = box.left() + labelWidth + (tick - scale.min) / (scale.max - scale.min) * barsWidth;
        painter.setPen(QPen(ink.grid, 0.4));
        painter.drawLine(QPointF(x, top), QPointF(x, bottom + 1.5));
        const QString label = ChartAxes::compactLabel(tick, scale); // "1.5M" rather than "$1,500,000"
        const qreal width = tickMetrics.horizontalAdvance(label);
        if (x - width / 2 < free)
            continue;
        painter.setPen(ink.axis);
        painter.drawText(QRectF(x - width / 2 - 1, bottom + 1.5, width + 2, tickHeight - 1.5),
                         Qt::AlignHCenter | Qt::AlignTop, label);
        free = x + width / 2 + 4;
    }
    painter.setFont(font);
    for (qsizetype i = 0; i < bars.size(); ++i) {
        const qreal y = top + i * row;
        painter.setPen(ink.text);
        painter.drawText(QRectF(box.left(), y, labelWidth - 4, row), Qt::AlignLeft | Qt::AlignVCenter,
                         fitted(painter, bars[i].label, labelWidth - 4));
        const qreal width = std::max(0.0, (bars[i].value - scale.min) / (scale.max - scale.min) * barsWidth);
        painter.fillRect(QRectF(box.left() + labelWidth, y + row * 0.18, width, row * 0.64), bars[i].color);
        painter.drawText(QRectF(box.left() + labelWidth + width + 3, y, valueWidth - 3, row),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         fitted(painter, format(bars[i].value), valueWidth - 3));
    }
}

ChartAxes::Scale barScale(const QList<Bar>& bars, int maxTicks)
{
    double maximum = 0;
    for (const Bar& bar : bars)
        maximum = std::max(maximum, bar.value);
    return ChartAxes::niceScale(0, maximum, maxTicks);
}

bool tickLabelsFit(const ChartAxes::Scale& scale, const QFontMetricsF& tickMetrics, qreal width)
{
    qreal free = -std::numeric_limits<qreal>::infinity();
    for (const double tick : scale.ticks()) {
        const qreal x = (tick - scale.min) / (scale.max - scale.min) * width;
        const qreal half = tickMetrics.horizontalAdvance(ChartAxes::compactLabel(tick, scale)) / 2;
        if (x - half < free)
            return false;
        free = x + half + 4;
    }
    return true;
}

ChartAxes::Scale barScale(const QList<Bar>& bars, const QFontMetricsF& tickMetrics, qreal width)
{
    return ChartAxes::fittedScale(
        4, 2, [&bars](int ticks) { return barScale(bars, ticks); },
        [&](const ChartAxes::Scale& scale) { return tickLabelsFit(scale, tickMetrics, width); });
}

ChartAxes::Scale scoreScale()
{
    return ChartAxes::niceScale(0, 100, 5); // 0, 25, 50, 75, 100
}

} // namespace tenure::ReportCharts
