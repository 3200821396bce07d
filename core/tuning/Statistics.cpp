#include "tuning/Statistics.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace tenure::stats {

namespace {

struct Labelled
{
    double value;
    bool positive;
};

// Every value with its class, ascending by value.
std::vector<Labelled> sorted(std::span<const double> positives, std::span<const double> negatives)
{
    std::vector<Labelled> all;
    all.reserve(positives.size() + negatives.size());
    for (double v : positives)
        all.push_back({ v, true });
    for (double v : negatives)
        all.push_back({ v, false });
    std::sort(all.begin(), all.end(), [](const Labelled& a, const Labelled& b) { return a.value < b.value; });
    return all;
}

} // namespace

Interval wilson(qint64 successes, qint64 trials, double z)
{
    if (trials <= 0)
        return { 0, 1 };
    const double n = double(trials);
    const double p = double(successes) / n;
    const double z2 = z * z;
    const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return { std::max(0.0, centre - half), std::min(1.0, centre + half) };
}

std::optional<double> rocAuc(std::span<const double> positives, std::span<const double> negatives)
{
    if (positives.empty() || negatives.empty())
        return std::nullopt;
    // Mann-Whitney: walk the values in ascending order; a positive beats every negative above it.
    const std::vector<Labelled> all = sorted(positives, negatives);
    double wins = 0;
    qint64 negativesBelow = 0;
    for (size_t i = 0; i < all.size();) {
        size_t j = i;
        qint64 pos = 0;
        qint64 neg = 0;
        for (; j < all.size() && all[j].value == all[i].value; ++j)
            (all[j].positive ? pos : neg) += 1;
        const qint64 negativesAbove = qint64(negatives.size()) - negativesBelow - neg;
        wins += double(pos) * (double(negativesAbove) + 0.5 * double(neg));
        negativesBelow += neg;
        i = j;
    }
    return wins / (double(positives.size()) * double(negatives.size()));
}

QList<RocPoint> rocCurve(std::span<const double> positives, std::span<const double> negatives)
{
    QList<RocPoint> curve;
    if (positives.empty() || negatives.empty())
        return curve;
    const std::vector<Labelled> all = sorted(positives, negatives);
    curve.append({ all.front().value, 0, 0 });
    qint64 tp = 0;
    qint64 fp = 0;
    for (size_t i = 0; i < all.size();) {
        size_t j = i;
        for (; j < all.size() && all[j].value == all[i].value; ++j)
            (all[j].positive ? tp : fp) += 1;
        curve.append(
            { all[i].value, double(fp) / double(negatives.size()), double(tp) / double(positives.size()) });
        i = j;
    }
    return curve;
}

std::optional<Cutoff> bestCutoff(std::span<const double> positives, std::span<const double> negatives,
                                 bool lowFlags)
{
    if (positives.empty() || negatives.empty())
        return std::nullopt;
    std::vector<Labelled> all = sorted(positives, negatives);
    if (!lowFlags)
        std::reverse(all.begin(), all.end());
    // Flagging the first k values (in flagging order) for every k at a change of value; the
    // threshold is set halfway to the next value so that it reads as a rule ("< 4.5").
    std::optional<Cutoff> best;
    qint64 tp = 0;
    qint64 fp = 0;
    for (size_t i = 0; i < all.size();) {
        size_t j = i;
        for (; j < all.size() && all[j].value == all[i].value; ++j)
            (all[j].positive ? tp : fp) += 1;
        if (j == all.size())
            break; // flagging everything separates nothing
        const double tpr = double(tp) / double(positives.size());
        const double fpr = double(fp) / double(negatives.size());
        const double j0 = tpr - fpr;
        if (!best || j0 > best->youdenJ)
            best = Cutoff { (all[i].value + all[j].value) / 2, j0, tpr, fpr };
        i = j;
    }
    return best;
}

} // namespace tenure::stats
