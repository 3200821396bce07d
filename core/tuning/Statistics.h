#pragma once

#include <QList>

#include <optional>
#include <span>
#include <vector>

namespace tenure::stats {

// A proportion's confidence interval.
struct Interval
{
    double low = 0;
    double high = 0;
};

// Wilson score interval of `successes` out of `trials` (z = 1.96: 95%); [0, 1] when trials is 0.
Interval wilson(qint64 successes, qint64 trials, double z = 1.959963984540054);

// ROC AUC of a score where LOW values flag the positive class (a health score flagging churn):
// the probability that a random positive scores below a random negative, ties counting half.
// None when either class is empty. O(n log n).
std::optional<double> rocAuc(std::span<const double> positives, std::span<const double> negatives);

// One point of the ROC curve: flagging every score <= threshold catches `tpr` of the positives
// at the cost of `fpr` of the negatives.
struct RocPoint
{
    double threshold = 0;
    double fpr = 0;
    double tpr = 0;
};
// From (0, 0) to (1, 1), one point per distinct score.
QList<RocPoint> rocCurve(std::span<const double> positives, std::span<const double> negatives);

// The cut-off that best separates positives from negatives (maximum Youden's J = TPR - FPR).
// With `lowFlags`, values below the cut-off flag the positive class ("fewer than 5 logins");
// otherwise values above it do ("more than 30 days since the last login").
struct Cutoff
{
    double threshold = 0; // flag when value < threshold (lowFlags) or value > threshold
    double youdenJ = 0;
    double tpr = 0;
    double fpr = 0;
};
std::optional<Cutoff> bestCutoff(std::span<const double> positives, std::span<const double> negatives,
                                 bool lowFlags);

// ROC AUC as rocAuc() computes it, with DeLong's variance and a 95% interval (clamped to [0, 1]).
struct AucEstimate
{
    double auc = 0;
    double variance = 0;
    Interval ci95;
};
std::optional<AucEstimate> aucWithInterval(std::span<const double> positives,
                                           std::span<const double> negatives);

// Two scores of the same cases (low values flag the positive class), compared with DeLong's test
// for correlated ROC curves: each AUC with its interval, and the difference a - b with its interval.
struct PairedAuc
{
    AucEstimate a;
    AucEstimate b;
    double difference = 0;
    Interval differenceCi95;
};
std::optional<PairedAuc> pairedAuc(std::span<const double> a, std::span<const double> b,
                                   const std::vector<bool>& positive);

} // namespace tenure::stats
