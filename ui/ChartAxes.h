#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace tenure::ChartAxes {

// A value axis that fits its data with round ticks ("nice numbers"): the ends and the step are
// multiples of 1, 2, 2.5 or 5 × 10^k, e.g. data up to 270 gives 0–300 by 50 (not 0–270 by 67.5).
// Used by every chart of the app and of the printed reports.
struct Scale
{
    double min = 0;
    double max = 1;
    double step = 1;

    int tickCount() const;
    QList<double> ticks() const;
    // Digits after the decimal point that the ticks need (0 for whole steps).
    int decimals() const;
};

// The smallest round step that covers `low`–`high` in at most `maxTicks` ticks (ends included).
// The range always includes 0 when the data does not cross it, so that bars start from zero.
Scale niceScale(double low, double high, int maxTicks = 6);
// The same for counts (of accounts, say): whole ticks only, 0–1 when there is nothing to count.
Scale countScale(double high, int maxTicks = 6);
// The scale with the most ticks, `maxTicks` down to `minTicks`, whose labels `fit` (the room a
// chart gives them): `scaleWith(n)` makes the scale of at most n ticks. With none that fits, the
// one of `minTicks`. Used wherever labels decide how many ticks an axis takes.
Scale fittedScale(int maxTicks, int minTicks, const std::function<Scale(int)>& scaleWith,
                  const std::function<bool(const Scale&)>& fit);
// Whether `step` is 1, 2, 2.5 or 5 × 10^k: what a test checks of every axis.
bool isNiceStep(double step);

// Tick labels: `value` in the default locale (digit grouping), with the scale's decimals.
QString tickLabel(double value, const Scale& scale);
// Short tick labels for large values such as money: "1.5M", "500k" (in Japanese "1.5億",
// "500万"), the unit chosen by the scale's end so that every tick of an axis uses the same one.
QString compactLabel(double value, const Scale& scale);

// For Qt Charts, see ChartValueAxis.h (this part also serves the printed reports, Qt Gui only).

} // namespace tenure::ChartAxes
