#pragma once

#include <optional>
#include <span>
#include <vector>

namespace tenure::stats {

// L2-regularised logistic regression, fitted by Newton's method (IRLS), small and exact: a handful
// of features (columns, each one value per case), an unpenalised intercept.
class Logistic
{
public:
    // `columns[j][i]`: feature j of case i; `y[i]`: the case's class.
    Logistic(const std::vector<std::span<const float>>& columns, const std::vector<bool>& y,
             double lambda = 1.0);

    bool converged() const { return m_converged; }
    double intercept() const { return m_beta.empty() ? 0 : m_beta[0]; }
    // Feature j's coefficient (log-odds per unit).
    double coefficient(size_t j) const { return m_beta[j + 1]; }
    // The penalised log-likelihood at the fit.
    double logLikelihood() const { return m_logLikelihood; }
    // The linear predictor of case i.
    double predictor(size_t i) const;

    // Rao's score statistic (chi-squared, one degree of freedom) for adding `column` to the
    // model: how much it would improve the fit, without fitting it. Accounts for its overlap with
    // the features already in.
    double scoreStatistic(std::span<const float> column) const;
    // The sign of the coefficient `column` would start with.
    double score(std::span<const float> column) const;

private:
    void fit();

    std::vector<std::span<const float>> m_columns;
    const std::vector<bool>* m_y;
    double m_lambda;
    std::vector<double> m_beta;
    std::vector<double> m_p; // fitted probabilities
    std::vector<double> m_informationInverse; // (k+1)^2, of the fit
    double m_logLikelihood = 0;
    bool m_converged = false;
};

// Solves the symmetric positive definite system a x = b in place (Cholesky); false when singular.
bool solveSpd(std::vector<double> a, std::vector<double>& b, size_t n);

} // namespace tenure::stats
