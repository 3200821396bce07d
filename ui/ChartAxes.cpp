#include "ChartAxes.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tenure::ChartAxes {

namespace {

// Ticks land on multiples of the step up to floating-point noise.
constexpr double kTolerance = 1e-9;

double floorTo(double value, double step)
{
    return std::floor(value / step + kTolerance) * step;
}

double ceilTo(double value, double step)
{
    return std::ceil(value / step - kTolerance) * step;
}

} // namespace

int Scale::tickCount() const
{
    if (!(step > 0))
        return 1;
    // More ticks than an int holds (a step far below the range) count as too many, not as few.
    const double count = std::round((max - min) / step) + 1;
    return count < double(std::numeric_limits<int>::max()) ? int(count) : std::numeric_limits<int>::max();
}

QList<double> Scale::ticks() const
{
    QList<double> ticks;
    for (int i = 0; i < tickCount(); ++i) {
        const double tick = min + i * step;
        ticks.append(std::abs(tick) < step * kTolerance ? 0.0 : tick); // no "-0"
    }
    return ticks;
}

int Scale::decimals() const
{
    for (int decimals = 0; decimals < 10; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
            return decimals;
    }
    return 10;
}

Scale niceScale(double low, double high, int maxTicks)
{
    if (!std::isfinite(low) || !std::isfinite(high))
        low = high = 0;
    if (low > high)
        std::swap(low, high);
    low = std::min(low, 0.0); // bars and counts start from zero
    high = std::max(high, 0.0);
    if (high - low <= 0)
        high = low + 1; // nothing to show: 0–1
    maxTicks = std::max(maxTicks, 2);
    // The smallest nice step whose ticks cover the data in at most maxTicks ticks.
    const double rough = (high - low) / (maxTicks - 1);
    double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    for (;; magnitude *= 10) {
        for (const double mantissa : { 1.0, 2.0, 2.5, 5.0 }) {
            const double step = mantissa * magnitude;
            if (!std::isfinite(floorTo(low, step)) || !std::isfinite(ceilTo(high, step)))
                return { low, high, high - low }; // near the largest double: its two ends
            const Scale scale { floorTo(low, step), ceilTo(high, step), step };
            if (scale.tickCount() <= maxTicks)
                return scale;
        }
    }
}

Scale countScale(double high, int maxTicks)
{
    high = std::isfinite(high) ? std::max(high, 1.0) : 1.0;
    maxTicks = std::max(maxTicks, 2);
    // As niceScale, from the magnitude of the rough step (at least 1) up, leaving out the steps
    // that are not whole (2.5).
    const double rough = high / (maxTicks - 1);
    for (double magnitude = std::max(1.0, std::pow(10.0, std::floor(std::log10(rough))));; magnitude *= 10) {
        for (const double mantissa : { 1.0, 2.0, 2.5, 5.0 }) {
            const double step = mantissa * magnitude;
            if (!std::isfinite(ceilTo(high, step)))
                return { 0, high, high }; // near the largest double: its two ends
            if (step != std::floor(step))
                continue;
            const Scale scale { 0, ceilTo(high, step), step };
            if (scale.tickCount() <= maxTicks)
                return scale;
        }
    }
}

bool isNiceStep(double step)
{
    if (!(step > 0) || !std::isfinite(step))
        return false;
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + kTolerance));
    for (const double nice : { 1.0, 2.0, 2.5, 5.0, 10.0 })
        if (std::abs(mantissa - nice) < 1e-6)
            return true;
    return false;
}

QString tickLabel(double value, const Scale& scale)
{
    return QLocale().toString(value, 'f', scale.decimals());
}

Scale fittedScale(int maxTicks, int minTicks, const std::function<Scale(int)>& scaleWith,
                  const std::function<bool(const Scale&)>& fit)
{
    Scale scale = scaleWith(maxTicks);
    for (int ticks = maxTicks - 1; ticks >= minTicks && !fit(scale); --ticks)
        scale = scaleWith(ticks);
    return scale;
}

QString compactLabel(double value, const Scale& scale)
{
    struct Unit
    {
        double size;
        const char16_t* suffix;
    };
    static const Unit western[] = { { 1e9, u"B" }, { 1e6, u"M" }, { 1e3, u"k" } };
    static const Unit japanese[] = { { 1e8, u"億" }, { 1e4, u"万" } };
    const QLocale locale;
    const bool inJapanese = locale.language() == QLocale::Japanese;
    const double end = std::max(std::abs(scale.min), std::abs(scale.max));
    for (const Unit& unit : inJapanese ? QList<Unit>(std::begin(japanese), std::end(japanese))
                                       : QList<Unit>(std::begin(western), std::end(western))) {
        if (end < unit.size)
            continue;
        const Scale scaled { scale.min / unit.size, scale.max / unit.size, scale.step / unit.size };
        return value == 0
            ? locale.toString(0)
            : locale.toString(value / unit.size, 'f', scaled.decimals()) + QString::fromUtf16(unit.suffix);
    }
    return tickLabel(value, scale);
}

} // namespace tenure::ChartAxes
