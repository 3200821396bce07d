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

namespace {

constexpr double kZ95 = 1.959963984540054;

// DeLong's placements: for each positive, the share of negatives it beats (scores lower than,
// ties half); for each negative, the share of positives that beat it.
struct Placements
{
    std::vector<double> positives; // V10
    std::vector<double> negatives; // V01
};

Placements placements(std::span<const double> values, const std::vector<bool>& positive)
{
    const size_t n = values.size();
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
    qint64 totalPositives = 0;
    for (size_t i = 0; i < n; ++i)
        totalPositives += positive[i];
    const qint64 totalNegatives = qint64(n) - totalPositives;
    std::vector<double> perCase(n, 0);
    qint64 positivesBelow = 0;
    qint64 negativesBelow = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        qint64 pos = 0;
        qint64 neg = 0;
        for (; j < n && values[order[j]] == values[order[i]]; ++j)
            (positive[order[j]] ? pos : neg) += 1;
        for (size_t k = i; k < j; ++k) {
            const size_t c = order[k];
            if (positive[c]) {
                const qint64 negativesAbove = totalNegatives - negativesBelow - neg;
                perCase[c] = (double(negativesAbove) + 0.5 * double(neg)) / double(totalNegatives);
            } else {
                perCase[c] = (double(positivesBelow) + 0.5 * double(pos)) / double(totalPositives);
            }
        }
        positivesBelow += pos;
        negativesBelow += neg;
        i = j;
    }
    Placements p;
    for (size_t i = 0; i < n; ++i)
        (positive[i] ? p.positives : p.negatives).push_back(perCase[i]);
    return p;
}

double mean(const std::vector<double>& v)
{
    double sum = 0;
    for (double x : v)
        sum += x;
    return v.empty() ? 0 : sum / double(v.size());
}

double covariance(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() < 2)
        return 0;
    const double ma = mean(a);
    const double mb = mean(b);
    double sum = 0;
    for (size_t i = 0; i < a.size(); ++i)
        sum += (a[i] - ma) * (b[i] - mb);
    return sum / double(a.size() - 1);
}

AucEstimate estimate(const Placements& p)
{
    AucEstimate e;
    e.auc = mean(p.positives);
    e.variance = covariance(p.positives, p.positives) / double(p.positives.size())
        + covariance(p.negatives, p.negatives) / double(p.negatives.size());
    const double half = kZ95 * std::sqrt(std::max(0.0, e.variance));
    e.ci95 = { std::max(0.0, e.auc - half), std::min(1.0, e.auc + half) };
    return e;
}

} // namespace

std::optional<AucEstimate> aucWithInterval(std::span<const double> positives,
                                           std::span<const double> negatives)
{
    if (positives.empty() || negatives.empty())
        return std::nullopt;
    std::vector<double> values(positives.begin(), positives.end());
    values.insert(values.end(), negatives.begin(), negatives.end());
    std::vector<bool> positive(values.size(), false);
    std::fill(positive.begin(), positive.begin() + qsizetype(positives.size()), true);
    return estimate(placements(values, positive));
}

std::optional<PairedAuc> pairedAuc(std::span<const double> a, std::span<const double> b,
                                   const std::vector<bool>& positive)
{
    if (a.size() != b.size() || a.size() != positive.size())
        return std::nullopt;
    const auto positives = std::count(positive.begin(), positive.end(), true);
    if (positives == 0 || positives == qsizetype(positive.size()))
        return std::nullopt;
    const Placements pa = placements(a, positive);
    const Placements pb = placements(b, positive);
    PairedAuc result { estimate(pa), estimate(pb), 0, {} };
    result.difference = result.a.auc - result.b.auc;
    const double cov = covariance(pa.positives, pb.positives) / double(pa.positives.size())
        + covariance(pa.negatives, pb.negatives) / double(pa.negatives.size());
    const double variance = std::max(0.0, result.a.variance + result.b.variance - 2 * cov);
    const double half = kZ95 * std::sqrt(variance);
    result.differenceCi95 = { result.difference - half, result.difference + half };
    return result;
}

} // namespace tenure::stats
