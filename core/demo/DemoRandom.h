#pragma once

#include <QtGlobal>

#include <cmath>
#include <cstdint>

namespace tenure {

// SplitMix64: tiny, fast and, unlike std::*_distribution, the same on every platform and
// standard library, so a demo seed makes the same workspace everywhere.
class DemoRandom
{
public:
    explicit DemoRandom(std::uint64_t seed)
        : m_state(seed)
    {
    }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    // Uniform integer in [low, high].
    int between(int low, int high) { return low + int(next() % std::uint64_t(high - low + 1)); }
    double between(double low, double high) { return low + (high - low) * uniform(); }
    bool chance(double probability) { return uniform() < probability; }
    // Poisson-distributed count (Knuth's method; the demo's means are small).
    int poisson(double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean > 30) // normal approximation keeps large means cheap
            return qMax(
                0, int(std::lround(mean + std::sqrt(mean) * (uniform() + uniform() + uniform() - 1.5) * 2)));
        const double limit = std::exp(-mean);
        int count = 0;
        for (double product = uniform(); product > limit; product *= uniform())
            ++count;
        return count;
    }
    template <typename List> const auto& pick(const List& list)
    {
        return list[qsizetype(next() % std::uint64_t(list.size()))];
    }

    static std::uint64_t mix(std::uint64_t a, std::uint64_t b)
    {
        DemoRandom random(a * 0x9e3779b97f4a7c15ULL + b);
        return random.next();
    }

private:
    std::uint64_t m_state;
};

} // namespace tenure
