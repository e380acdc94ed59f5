#pragma once

#include <string>

namespace roster {

/// A fractional figure as every format shows it: two decimals, "3.50"
/// (a negative zero shows as "0.00").
std::string two_decimals(double value);

/// A change in a count with its sign: "+3", "-2", "0".
std::string signed_change(int change);

/// A count marked with `sign` unless it is zero: ('+', 3) → "+3", ('-', 2) →
/// "-2", 0 → "0" (the joins and departures columns).
std::string marked_count(char sign, int count);

}  // namespace roster
