#include "roster/forecast.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using roster::CountDistribution;
using roster::Forecast;
using roster::forecast_count;
using roster::forecast_distribution;
using roster::ForecastInput;

namespace {

ForecastInput input(int active, int target, int days, double join_rate, double leave_rate,
                    std::vector<double> prospects = {}) {
  return {active, target, days, join_rate, leave_rate, std::move(prospects)};
}

// Poisson(mean) at k, straight from the formula e^−m·m^k/k!, for the
// brute-force sums below (a different road from the model's ratio walk).
double poisson_at(double mean, int k) {
  return std::exp(-mean + k * std::log(mean) - std::lgamma(k + 1.0));
}

double total(const CountDistribution& d) {
  double sum = 0;
  for (double p : d.probability) sum += p;
  return sum;
}

double at_least(const CountDistribution& d, int target) {
  double sum = 0;
  for (size_t i = 0; i < d.probability.size(); ++i) {
    if (d.first + static_cast<std::int64_t>(i) >= target) sum += d.probability[i];
  }
  return sum;
}

// Brute force over every outcome: J and L up to 80 each (their tails beyond
// that are below 1e-40 for the means used here), and each prospect in or out.
// Returns P(count = c) for c = 0..max, with counts below 0 read as 0.
std::vector<double> brute_force(int active, double join_mean, double leave_mean, const std::vector<double>& prospects) {
  std::vector<double> by_count(active + 80 + prospects.size() + 1, 0.0);
  for (unsigned mask = 0; mask < (1u << prospects.size()); ++mask) {
    double chance = 1;
    int joined = 0;
    for (size_t i = 0; i < prospects.size(); ++i) {
      bool in = (mask >> i) & 1u;
      chance *= in ? prospects[i] : 1 - prospects[i];
      joined += in;
    }
    for (int j = 0; j <= 80; ++j) {
      for (int l = 0; l <= 80; ++l) {
        int count = std::max(0, active + joined + j - l);
        by_count[count] += chance * poisson_at(join_mean, j) * poisson_at(leave_mean, l);
      }
    }
  }
  return by_count;
}

}  // namespace

TEST_CASE("forecast: no prospects and no pace leave the count where it is", "[forecast]") {
  Forecast f = forecast_count(input(5, 10, 100, 0, 0));
  CHECK(f.chance_by_deadline == 0.0);  // 5 members, nobody comes or goes, 10 needed
  CHECK(f.expected_on_deadline == 5.0);
  CHECK(f.open_prospects == 0);
  CHECK(f.pipeline_expected == 0.0);
  CountDistribution d = forecast_distribution(input(5, 10, 100, 0, 0));
  CHECK(d.first == 5);
  CHECK(d.probability == std::vector<double>{1.0});
}

TEST_CASE("forecast: a target already reached with no pace is certain", "[forecast]") {
  CHECK(forecast_count(input(10, 10, 30, 0, 0)).chance_by_deadline == 1.0);
  CHECK(forecast_count(input(12, 10, 30, 0, 0)).chance_by_deadline == 1.0);
  // Joins only: the count can only rise, so it stays certain (not 0.9999…).
  CHECK(forecast_count(input(10, 10, 30, 0.2, 0, {0.5})).chance_by_deadline == 1.0);
}

TEST_CASE("forecast: two prospects at 50 % needing one more member", "[forecast]") {
  // 9 of 10: at least one of two fair coins, 1 − 0.5 × 0.5 = 0.75.
  Forecast f = forecast_count(input(9, 10, 60, 0, 0, {0.5, 0.5}));
  CHECK(std::abs(f.chance_by_deadline - 0.75) < 1e-12);
  CHECK(f.expected_on_deadline == Approx(10.0).margin(1e-12));
  CHECK(f.pipeline_expected == 1.0);
  CHECK(f.open_prospects == 2);
}

TEST_CASE("forecast: Poisson joins against the closed form", "[forecast]") {
  // λT = 0.5 × 6 = 3, no departures, 2 more needed: P(J ≥ 2) = 1 − e^−3 (1 + 3).
  Forecast f = forecast_count(input(8, 10, 6, 0.5, 0));
  CHECK(std::abs(f.chance_by_deadline - (1 - std::exp(-3.0) * 4)) < 1e-11);
  CHECK(f.chance_by_deadline == Approx(0.8008517265));
  CHECK(f.expected_on_deadline == Approx(11.0).margin(1e-9));
}

TEST_CASE("forecast: joins, departures and prospects against a brute-force sum", "[forecast]") {
  // λT = 0.5 × 6 = 3, μT = 0.25 × 6 = 1.5, prospects at 20 % and 90 %.
  std::vector<double> prospects{0.2, 0.9};
  std::vector<double> brute = brute_force(10, 3.0, 1.5, prospects);
  double chance = 0;
  for (size_t c = 13; c < brute.size(); ++c) chance += brute[c];
  Forecast f = forecast_count(input(10, 13, 6, 0.5, 0.25, prospects));
  CHECK(std::abs(f.chance_by_deadline - chance) < 1e-10);
  CHECK(f.chance_by_deadline > 0.3);  // not a degenerate 0 or 1
  CHECK(f.chance_by_deadline < 0.7);
  CountDistribution d = forecast_distribution(input(10, 13, 6, 0.5, 0.25, prospects));
  for (size_t i = 0; i < d.probability.size(); ++i) {
    CAPTURE(i);
    CHECK(std::abs(d.probability[i] - brute[d.first + i]) < 1e-10);
  }
}

TEST_CASE("forecast: counts below 0 are folded into 0", "[forecast]") {
  // 1 member, μT = 3 departures expected, λT = 1: most outcomes would go below 0.
  std::vector<double> brute = brute_force(1, 1.0, 3.0, {});
  Forecast f = forecast_count(input(1, 2, 6, 1.0 / 6, 0.5));
  CountDistribution d = forecast_distribution(input(1, 2, 6, 1.0 / 6, 0.5));
  REQUIRE(d.first == 0);
  CHECK(std::abs(d.probability[0] - brute[0]) < 1e-10);
  CHECK(d.probability[0] > 0.5);
  double mean = 0;
  for (size_t c = 0; c < brute.size(); ++c) mean += c * brute[c];
  // E[max(0, X)] is above E[X] = 1 + 1 − 3 = −1: the fold lifts it.
  CHECK(std::abs(f.expected_on_deadline - mean) < 1e-10);
  CHECK(f.expected_on_deadline > 0.3);
}

TEST_CASE("forecast: the worked example of docs/forecast.md", "[forecast]") {
  // The demo roster as of 2024-07-15: 108 active, 3 joins and no departures in
  // 90 days, 365 days left, target 120, five prospects. Σ_k P(P = k)·P(J ≥ 12 − k)
  // with λT = 12.1667, summed in python3: 0.7723170014.
  Forecast f = forecast_count(input(108, 120, 365, 3.0 / 90, 0, {0.5, 0.5, 0.75, 0.25, 0.1}));
  CHECK(std::abs(f.chance_by_deadline - 0.7723170014) < 1e-9);
  CHECK(f.expected_on_deadline == Approx(108 + 12.1666666667 + 2.1));
  CHECK(std::abs(forecast_count(input(108, 120, 365, 3.0 / 90, 0)).chance_by_deadline - 0.5573256034) < 1e-9);
}

TEST_CASE("forecast: the expected count is A + λT − μT + Σp", "[forecast]") {
  std::vector<double> prospects{0.1, 0.25, 0.5, 0.75, 0.9};  // Σp = 2.5
  Forecast f = forecast_count(input(100, 110, 6, 0.5, 0.25, prospects));
  CHECK(std::abs(f.expected_on_deadline - (100 + 3 - 1.5 + 2.5)) < 1e-9);
  CHECK(f.pipeline_expected == Approx(2.5));
  CHECK(f.join_rate_per_day == 0.5);
  CHECK(f.leave_rate_per_day == 0.25);
  CHECK(f.days_left == 6);
}

TEST_CASE("forecast: the distribution sums to 1 and agrees with the chance", "[forecast]") {
  for (const ForecastInput& in :
       {input(91, 200, 365, 0.2, 0.05, {0.1, 0.25, 0.5, 0.75, 0.9, 0.9}), input(5, 10, 365, 1.0 / 90, 1.0 / 90),
        input(0, 1, 10, 0, 0.3), input(3000, 3100, 700, 0.3, 0.2, std::vector<double>(40, 0.5))}) {
    CAPTURE(in.active, in.target);
    CountDistribution d = forecast_distribution(in);
    CHECK(std::abs(total(d) - 1.0) < 1e-9);
    CHECK(std::abs(at_least(d, in.target) - forecast_count(in).chance_by_deadline) < 1e-9);
  }
}

TEST_CASE("forecast: the chance never falls when a prospect's probability rises", "[forecast]") {
  double before = -1;
  for (int step = 0; step <= 10; ++step) {
    double p = step / 10.0;
    double chance = forecast_count(input(95, 100, 90, 0.03, 0.01, {0.3, p, 0.6})).chance_by_deadline;
    CAPTURE(p);
    CHECK(chance >= before);
    before = chance;
  }
  double low = forecast_count(input(95, 100, 90, 0.03, 0.01, {0.3, 0.0, 0.6})).chance_by_deadline;
  CHECK(before > low + 0.01);  // the prospect matters: 0 → 1 moves the chance
}

TEST_CASE("forecast: with no days left the count is today's", "[forecast]") {
  Forecast short_of = forecast_count(input(9, 10, 0, 0.5, 0.5, {0.9, 0.9}));
  CHECK(short_of.chance_by_deadline == 0.0);  // no time for the prospects or anyone else
  CHECK(short_of.expected_on_deadline == 9.0);
  CHECK(short_of.pipeline_expected == Approx(1.8));
  CHECK(forecast_count(input(10, 10, 0, 0.5, 0.5)).chance_by_deadline == 1.0);
  CHECK(forecast_count(input(10, 10, -3, 0.5, 0.5)).days_left == 0);
}

TEST_CASE("forecast: probabilities outside [0, 1] and bad rates are clamped", "[forecast]") {
  double nan = std::numeric_limits<double>::quiet_NaN();
  Forecast f = forecast_count(input(9, 10, 30, -1, nan, {1.5, -0.2, nan}));
  CHECK(f.pipeline_expected == 1.0);  // 1 + 0 + 0
  CHECK(f.chance_by_deadline == 1.0);
  CHECK(f.join_rate_per_day == 0.0);
  CHECK(f.leave_rate_per_day == 0.0);
}

TEST_CASE("poisson_pmf cuts each tail below 1e-12 and sums to 1", "[forecast]") {
  CHECK(roster::poisson_pmf(0).pmf == std::vector<double>{1.0});
  auto three = roster::poisson_pmf(3.0);
  CHECK(three.first == 0);
  CHECK(three.pmf[2] == Approx(std::exp(-3.0) * 4.5));  // e^−3 · 3² / 2!
  // The first count left out, and everything after it, is below the cut.
  int after = static_cast<int>(three.first + three.pmf.size());
  CHECK(poisson_at(3.0, after) < 1e-12);
  CHECK(poisson_at(3.0, after - 1) >= 1e-13);
  auto big = roster::poisson_pmf(1e6);
  CHECK(big.first > 990'000);  // the lower tail is cut too
  double sum = 0, mean = 0;
  for (size_t i = 0; i < big.pmf.size(); ++i) {
    sum += big.pmf[i];
    mean += big.pmf[i] * static_cast<double>(big.first + static_cast<std::int64_t>(i));
  }
  CHECK(sum == Approx(1.0).margin(1e-12));
  CHECK(mean == Approx(1e6).epsilon(1e-12));
}

TEST_CASE("poisson_binomial_pmf by dynamic programming", "[forecast]") {
  CHECK(roster::poisson_binomial_pmf({}) == std::vector<double>{1.0});
  CHECK(roster::poisson_binomial_pmf({0.5, 0.5}) == std::vector<double>{0.25, 0.5, 0.25});
  CHECK(roster::poisson_binomial_pmf({1.0, 0.0}) == std::vector<double>{0.0, 1.0, 0.0});
  auto three = roster::poisson_binomial_pmf({0.1, 0.2, 0.3});
  CHECK(three[3] == Approx(0.006));  // 0.1 × 0.2 × 0.3
  CHECK(three[0] == Approx(0.504));  // 0.9 × 0.8 × 0.7
  CHECK(three[1] == Approx(0.398));  // 0.1·0.8·0.7 + 0.9·0.2·0.7 + 0.9·0.8·0.3
  CHECK(three[2] == Approx(0.092));  // 0.1·0.2·0.7 + 0.1·0.8·0.3 + 0.9·0.2·0.3
}
