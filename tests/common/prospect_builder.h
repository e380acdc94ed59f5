// A prospect for unit tests: its moves as (stage, day) pairs, oldest first;
// added on the first, in the stage of the last.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "roster/date.h"
#include "roster/prospect.h"

inline roster::Prospect prospect(int64_t id, const char* name,
                                 std::vector<std::pair<const char*, roster::Date>> moves) {
  roster::Prospect p;
  p.id = id;
  p.name = name;
  p.added_on = moves.front().second;
  for (const auto& [stage, on] : moves) p.moves.push_back({stage, on});
  p.stage = moves.back().first;
  return p;
}
