// The chance of reaching the target: the count on the deadline as
// A + J − L + P, worked out exactly (docs/forecast.md).
#include "roster/forecast.h"

#include <algorithm>
#include <cmath>

namespace roster {
namespace {

double clamp_probability(double p) {
  return std::isnan(p) ? 0.0 : std::clamp(p, 0.0, 1.0);
}

double non_negative(double x) {
  return std::isnan(x) ? 0.0 : std::max(0.0, x);
}

std::vector<double> convolve(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> out(a.size() + b.size() - 1, 0.0);
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t j = 0; j < b.size(); ++j) out[i + j] += a[i] * b[j];
  }
  return out;
}

// The gains, P + J: the prospects who join and the spontaneous joins.
PoissonPmf gains_pmf(const ForecastInput& in, int days) {
  PoissonPmf joins = poisson_pmf(non_negative(in.join_rate_per_day) * days);
  return {joins.first, convolve(poisson_binomial_pmf(in.prospect_probabilities), joins.pmf)};
}

// Prefix sums over the departures' pmf, so each question about L is one look-up.
class LeaveSums {
 public:
  explicit LeaveSums(PoissonPmf leaves) : first_(leaves.first) {
    double mass = 0, moment = 0;
    for (size_t i = 0; i < leaves.pmf.size(); ++i) {
      mass += leaves.pmf[i];
      moment += leaves.pmf[i] * static_cast<double>(first_ + static_cast<std::int64_t>(i));
      cdf_.push_back(mass);
      moment_.push_back(moment);
    }
  }
  /// P(L ≤ x).
  double at_most(std::int64_t x) const { return x < first_ ? 0.0 : cdf_[index(x)]; }
  /// E[max(0, c − L)] = c·P(L ≤ c − 1) − Σ_{l ≤ c−1} l·P(L = l): the count
  /// c − L with every outcome below 0 read as 0.
  double kept(std::int64_t c) const {
    if (c - 1 < first_) return 0.0;
    return static_cast<double>(c) * cdf_[index(c - 1)] - moment_[index(c - 1)];
  }

 private:
  size_t index(std::int64_t x) const { return static_cast<size_t>(std::min<std::int64_t>(x - first_, last())); }
  std::int64_t last() const { return static_cast<std::int64_t>(cdf_.size()) - 1; }
  std::int64_t first_;
  std::vector<double> cdf_;     // P(L ≤ first + i)
  std::vector<double> moment_;  // Σ l·P(L = l) over l ≤ first + i
};

// Within the cut's error of certain is certain, so a sure thing reads 100 %.
double snapped(double chance) {
  if (chance < kTailMass) return 0.0;
  if (chance > 1.0 - kTailMass) return 1.0;
  return chance;
}

}  // namespace

PoissonPmf poisson_pmf(double mean) {
  if (!(mean > 0)) return {0, {1.0}};
  // From the mode outwards by the ratio of neighbours, so no factorial
  // overflows. Each tail beyond k shrinks at least geometrically, by r, so it
  // holds at most next / (1 − r): stop once that is below kTailMass.
  const auto mode = static_cast<std::int64_t>(std::floor(mean));
  const double at_mode =
      std::exp(-mean + static_cast<double>(mode) * std::log(mean) - std::lgamma(static_cast<double>(mode) + 1.0));
  std::vector<double> above{at_mode};
  for (std::int64_t k = mode;; ++k) {
    double r = mean / static_cast<double>(k + 1);
    double next = above.back() * r;
    if (next / (1.0 - r) < kTailMass) break;
    above.push_back(next);
  }
  std::vector<double> below;  // mode − 1, mode − 2, …
  for (std::int64_t k = mode; k > 0; --k) {
    double prev = (below.empty() ? at_mode : below.back()) * static_cast<double>(k) / mean;
    double r = static_cast<double>(k - 1) / mean;
    if (prev / (1.0 - r) < kTailMass) break;
    below.push_back(prev);
  }
  PoissonPmf out{mode - static_cast<std::int64_t>(below.size()), {below.rbegin(), below.rend()}};
  out.pmf.insert(out.pmf.end(), above.begin(), above.end());
  double total = 0;
  for (double p : out.pmf) total += p;
  for (double& p : out.pmf) p /= total;
  return out;
}

std::vector<double> poisson_binomial_pmf(const std::vector<double>& probabilities) {
  std::vector<double> pmf{1.0};
  for (double raw : probabilities) {
    double p = clamp_probability(raw);
    pmf.push_back(0.0);
    for (size_t k = pmf.size() - 1; k > 0; --k) pmf[k] = pmf[k] * (1.0 - p) + pmf[k - 1] * p;
    pmf[0] *= 1.0 - p;
  }
  return pmf;
}

Forecast forecast_count(const ForecastInput& in) {
  Forecast f;
  f.days_left = std::max(0, in.days_left);
  f.join_rate_per_day = non_negative(in.join_rate_per_day);
  f.leave_rate_per_day = non_negative(in.leave_rate_per_day);
  f.open_prospects = static_cast<int>(in.prospect_probabilities.size());
  for (double p : in.prospect_probabilities) f.pipeline_expected += clamp_probability(p);
  const std::int64_t active = std::max(0, in.active);
  if (f.days_left == 0) {  // the deadline has come: its count is today's
    f.expected_on_deadline = static_cast<double>(active);
    f.chance_by_deadline = active >= in.target ? 1.0 : 0.0;
    return f;
  }
  // count = A + S − L with S = P + J: sum over S, asking L one question each.
  PoissonPmf gains = gains_pmf(in, f.days_left);
  LeaveSums leaves(poisson_pmf(f.leave_rate_per_day * f.days_left));
  double chance = 0, expected = 0;
  for (size_t i = 0; i < gains.pmf.size(); ++i) {
    std::int64_t reach = active + gains.first + static_cast<std::int64_t>(i);  // the count if nobody left
    chance += gains.pmf[i] * leaves.at_most(reach - in.target);                // L ≤ reach − target
    expected += gains.pmf[i] * leaves.kept(reach);
  }
  f.chance_by_deadline = snapped(chance);
  f.expected_on_deadline = expected;
  return f;
}

CountDistribution forecast_distribution(const ForecastInput& in) {
  const std::int64_t active = std::max(0, in.active);
  const int days = std::max(0, in.days_left);
  if (days == 0) return {active, {1.0}};
  PoissonPmf gains = gains_pmf(in, days);
  PoissonPmf leaves = poisson_pmf(non_negative(in.leave_rate_per_day) * days);
  // count = active + gains.first + i − (leaves.first + j); the lowest is at the last j.
  const auto last_leave = leaves.first + static_cast<std::int64_t>(leaves.pmf.size()) - 1;
  const std::int64_t lowest = active + gains.first - last_leave;
  std::vector<double> reversed(leaves.pmf.rbegin(), leaves.pmf.rend());
  std::vector<double> spread = convolve(gains.pmf, reversed);
  if (lowest >= 0) return {lowest, spread};
  // Fold every count below 0 into 0: the roster cannot lose members it does not have.
  const auto below = static_cast<size_t>(std::min<std::int64_t>(-lowest, static_cast<std::int64_t>(spread.size())));
  double folded = 0;
  for (size_t i = 0; i < below; ++i) folded += spread[i];
  CountDistribution out{0, {folded}};
  if (below < spread.size()) {
    out.probability[0] += spread[below];
    out.probability.insert(out.probability.end(), spread.begin() + static_cast<std::ptrdiff_t>(below) + 1,
                           spread.end());
  }
  return out;
}

}  // namespace roster
