#pragma once

#include <cstdint>
#include <vector>

namespace roster {

/// What the forecast is worked out from: today's count, the target, the days
/// to the deadline and the rates at which members come and go.
/// docs/forecast.md defines the model so it can be checked by hand.
struct ForecastInput {
  int active = 0;                              ///< A: members active today
  int target = 0;                              ///< the count to reach on the deadline
  int days_left = 0;                           ///< T: today exclusive, the deadline inclusive; 0 once it has come
  double join_rate_per_day = 0;                ///< λ: joins not through a tracked prospect
  double leave_rate_per_day = 0;               ///< μ: departures
  std::vector<double> prospect_probabilities;  ///< p_i: the chance open prospect i joins by the deadline
};

/// The count on the deadline as a random number, A + J − L + P (never below
/// 0): J ~ Poisson(λT) spontaneous joins, L ~ Poisson(μT) departures, P the
/// number of prospects that join (each independently, with its p_i).
struct Forecast {
  int days_left = 0;
  double join_rate_per_day = 0;
  double leave_rate_per_day = 0;
  int open_prospects = 0;
  double pipeline_expected = 0;     ///< Σ p_i: the members the prospects are worth
  double expected_on_deadline = 0;  ///< the mean count on the deadline
  double chance_by_deadline = 0;    ///< P(count on the deadline ≥ target), exact to about 1e-12
};

/// The count on the deadline, one probability per count from `first`.
struct CountDistribution {
  std::int64_t first = 0;
  std::vector<double> probability;  ///< probability[i] = P(count = first + i); sums to 1
};

/// A Poisson pmf cut where each tail left out holds less than kTailMass,
/// then scaled to sum to 1.
constexpr double kTailMass = 1e-12;

/// Works out the forecast exactly, without simulation (docs/forecast.md):
/// the prospects by dynamic programming, J and L by their Poisson pmfs cut at
/// kTailMass. Probabilities are clamped to [0, 1] (NaN counts as 0), rates
/// and days below 0 count as 0. With no days left the count is `active`.
/// A chance within 1e-12 of 0 or 1 is given as exactly 0 or 1: the cut makes
/// the difference meaningless. Deterministic; linear in the spread of J plus
/// the prospects squared, so it stays quick on any roster.
Forecast forecast_count(const ForecastInput& input);

/// The whole distribution of the count on the deadline (counts below 0 folded
/// into 0). Costs the spread of J times that of L: for tests and small rosters.
CountDistribution forecast_distribution(const ForecastInput& input);

/// One Poisson pmf cut at kTailMass: pmf[i] = P(N = first + i).
struct PoissonPmf {
  std::int64_t first = 0;
  std::vector<double> pmf;
};

/// The Poisson(mean) pmf, cut and scaled as for kTailMass; {0, {1}} for a mean of 0 or less.
PoissonPmf poisson_pmf(double mean);

/// P(number of successes = k) for k = 0..n, for independent trials with
/// these chances (the Poisson-binomial distribution), by dynamic programming.
std::vector<double> poisson_binomial_pmf(const std::vector<double>& probabilities);

}  // namespace roster
