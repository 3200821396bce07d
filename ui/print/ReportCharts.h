#pragma once

#include "ChartAxes.h"
#include "engine/AccountStatus.h"
#include "rules/RuleSet.h"

#include <QColor>
#include <QFontMetricsF>
#include <QList>
#include <QRectF>
#include <QString>

#include <functional>

class QPainter;

namespace tenure {

// Charts for printed reports, drawn with QPainter as vector paths and text (crisp at any zoom,
// searchable in the PDF), in the rules' stage and band colours.
namespace ReportCharts {

// The colours the charts draw their text, frames, grid and score line in. The defaults are for
// paper; on screen the widget passes its palette's (CustomerDetailView), so the charts read in a
// dark window too. Stage and band colours come from the rules either way.
struct Ink
{
    QColor text { 0x33, 0x33, 0x33 };
    QColor axis { 0x88, 0x88, 0x88 };
    QColor grid { 0xdd, 0xdd, 0xdd };
    QColor line { 0x1f, 0x4e, 0x79 };
    bool onDark = false; // band names lightened instead of darkened from their colour
};

struct Bar
{
    QString label;
    double value = 0;
    QColor color;
};

// Stages as coloured spans over time, with month ticks and a legend underneath.
void stageTimeline(QPainter& painter, const QRectF& box, const QList<AccountStatus>& history,
                   const RuleSet& rules, const Ink& ink = {});
// The score over time (0–100) with each band's lower bound drawn as a dashed line.
void healthTrend(QPainter& painter, const QRectF& box, const QList<AccountStatus>& history,
                 const RuleSet& rules, const Ink& ink = {});
// Horizontal bars with their values written at their ends, over a value scale with round ticks
// (grid lines, labelled underneath).
void bars(QPainter& painter, const QRectF& box, const QString& title, const QList<Bar>& bars,
          const std::function<QString(double)>& format, const Ink& ink = {});
// The value scales the charts draw on: the bars' (from 0 past the longest bar, `maxTicks` round
// ticks at most; fewer where their labels would touch) and the score's.
ChartAxes::Scale barScale(const QList<Bar>& bars, int maxTicks = 4);
// The bars' scale for bars `width` wide whose tick labels are measured with `tickMetrics`: the
// most ticks, four at most and two at least, whose labels do not touch.
ChartAxes::Scale barScale(const QList<Bar>& bars, const QFontMetricsF& tickMetrics, qreal width);
// Whether the scale's tick labels, centred on their ticks along `width`, keep 4 apart.
bool tickLabelsFit(const ChartAxes::Scale& scale, const QFontMetricsF& tickMetrics, qreal width);
ChartAxes::Scale scoreScale();

// A label along the time axis of the timeline and the trend, and the day it is centred on (or,
// `start`, begins at: the first day's, left-aligned under the axis's start).
struct DayLabel
{
    int day = 0;
    QString text;
    bool start = false;
};
// The labels of a time axis `width` long for the days [first, last], in text measured by
// `metrics`: each month's first day ("Nov", or "2026" in January; every third month past
// fifteen), and, on a history of three months or less, the day it begins in the locale's short
// date, where it keeps clear of the first month's label (a new account's history often begins
// mid-month: without it, its chart would not say since when).
QList<DayLabel> dayAxisLabels(int first, int last, qreal width, const QFontMetricsF& metrics);

} // namespace ReportCharts

} // namespace tenure
