#include "tuning/Logistic.h"

#include <cmath>

namespace tenure::stats {

bool solveSpd(std::vector<double> a, std::vector<double>& b, size_t n)
{
    // a = L L^T, L stored in the lower triangle of a.
    for (size_t j = 0; j < n; ++j) {
        double d = a[j * n + j];
        for (size_t k = 0; k < j; ++k)
            d -= a[j * n + k] * a[j * n + k];
        if (d <= 1e-12)
            return false;
        d = std::sqrt(d);
        a[j * n + j] = d;
        for (size_t i = j + 1; i < n; ++i) {
            double s = a[i * n + j];
            for (size_t k = 0; k < j; ++k)
                s -= a[i * n + k] * a[j * n + k];
            a[i * n + j] = s / d;
        }
    }
    for (size_t i = 0; i < n; ++i) {
        double s = b[i];
        for (size_t k = 0; k < i; ++k)
            s -= a[i * n + k] * b[k];
        b[i] = s / a[i * n + i];
    }
    for (size_t i = n; i-- > 0;) {
        double s = b[i];
        for (size_t k = i + 1; k < n; ++k)
            s -= a[k * n + i] * b[k];
        b[i] = s / a[i * n + i];
    }
    return true;
}

Logistic::Logistic(const std::vector<std::span<const float>>& columns, const std::vector<bool>& y,
                   double lambda)
    : m_columns(columns)
    , m_y(&y)
    , m_lambda(lambda)
{
    fit();
}

double Logistic::predictor(size_t i) const
{
    double eta = m_beta[0];
    for (size_t j = 0; j < m_columns.size(); ++j)
        eta += m_beta[j + 1] * double(m_columns[j][i]);
    return eta;
}

void Logistic::fit()
{
    const size_t n = m_y->size();
    const size_t k = m_columns.size() + 1;
    m_beta.assign(k, 0.0);
    size_t positives = 0;
    for (bool v : *m_y)
        positives += v;
    if (n == 0 || positives == 0 || positives == n)
        return;
    const double base = double(positives) / double(n);
    m_beta[0] = std::log(base / (1 - base));
    m_p.assign(n, base);
    std::vector<double> x(k);
    double previous = -INFINITY;
    for (int iteration = 0; iteration < 30; ++iteration) {
        std::vector<double> information(k * k, 0.0);
        std::vector<double> gradient(k, 0.0);
        double ll = 0;
        for (size_t i = 0; i < n; ++i) {
            x[0] = 1;
            for (size_t j = 1; j < k; ++j)
                x[j] = double(m_columns[j - 1][i]);
            const double eta = predictor(i);
            const double p = 1 / (1 + std::exp(-eta));
            m_p[i] = p;
            const double yi = (*m_y)[i] ? 1.0 : 0.0;
            ll += yi * eta - (eta > 0 ? eta + std::log1p(std::exp(-eta)) : std::log1p(std::exp(eta)));
            const double w = std::max(p * (1 - p), 1e-9);
            for (size_t a = 0; a < k; ++a) {
                gradient[a] += (yi - p) * x[a];
                for (size_t b = 0; b <= a; ++b)
                    information[a * k + b] += w * x[a] * x[b];
            }
        }
        for (size_t a = 1; a < k; ++a) {
            ll -= 0.5 * m_lambda * m_beta[a] * m_beta[a];
            gradient[a] -= m_lambda * m_beta[a];
            information[a * k + a] += m_lambda;
        }
        for (size_t a = 0; a < k; ++a)
            for (size_t b = a + 1; b < k; ++b)
                information[a * k + b] = information[b * k + a];
        m_logLikelihood = ll;
        // The inverse information, kept for score tests.
        m_informationInverse.assign(k * k, 0.0);
        for (size_t c = 0; c < k; ++c) {
            std::vector<double> e(k, 0.0);
            e[c] = 1;
            if (solveSpd(information, e, k))
                for (size_t r = 0; r < k; ++r)
                    m_informationInverse[r * k + c] = e[r];
        }
        if (std::abs(ll - previous) < 1e-7 * (1 + std::abs(ll))) {
            m_converged = true;
            break;
        }
        previous = ll;
        std::vector<double> step = gradient;
        if (!solveSpd(information, step, k))
            return;
        for (size_t a = 0; a < k; ++a)
            m_beta[a] += step[a];
    }
}

double Logistic::score(std::span<const float> column) const
{
    double u = 0;
    if (m_p.empty())
        return 0;
    for (size_t i = 0; i < m_y->size(); ++i)
        u += double(column[i]) * (((*m_y)[i] ? 1.0 : 0.0) - m_p[i]);
    return u;
}

double Logistic::scoreStatistic(std::span<const float> column) const
{
    if (m_p.empty())
        return 0;
    const size_t k = m_columns.size() + 1;
    double u = 0;
    double ixx = m_lambda;
    std::vector<double> ixb(k, 0.0);
    for (size_t i = 0; i < m_y->size(); ++i) {
        const double xi = double(column[i]);
        if (xi == 0)
            continue;
        const double w = m_p[i] * (1 - m_p[i]);
        u += xi * (((*m_y)[i] ? 1.0 : 0.0) - m_p[i]);
        ixx += w * xi * xi;
        ixb[0] += w * xi;
        for (size_t j = 1; j < k; ++j)
            ixb[j] += w * xi * double(m_columns[j - 1][i]);
    }
    double projected = 0;
    for (size_t a = 0; a < k; ++a)
        for (size_t b = 0; b < k; ++b)
            projected += ixb[a] * m_informationInverse[a * k + b] * ixb[b];
    const double variance = ixx - projected;
    return variance > 1e-12 ? u * u / variance : 0;
}

} // namespace tenure::stats
