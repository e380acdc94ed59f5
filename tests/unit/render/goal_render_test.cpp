#include "roster/goal_render.h"

#include <catch2/catch.hpp>
#include <sstream>

using roster::Date;
using roster::Format;
using roster::GoalReport;

namespace {

GoalReport report() {
  GoalReport r;
  r.goal = roster::Goal{Date::from_ymd(2023, 7, 15), 200, Date::from_ymd(2025, 7, 15)};
  r.baseline = 91;
  return r;
}

std::string render(Format format, roster::RenderOptions options = {}) {
  std::ostringstream out;
  roster::render_goal(report(), format, out, options);
  return out.str();
}

}  // namespace

TEST_CASE("render_goal writes one field per row in tsv and table", "[render][goal]") {
  CHECK(render(Format::tsv) == "field\tvalue\nstart\t2023-07-15\nbaseline\t91\ntarget\t200\ndeadline\t2025-07-15\n");
  CHECK(render(Format::table) ==
        "FIELD     VALUE\n"
        "start     2023-07-15\n"
        "baseline  91\n"
        "target    200\n"
        "deadline  2025-07-15\n");
  CHECK(render(Format::table, {true, false}).starts_with("\x1b[1mFIELD     VALUE\x1b[0m\n"));
}

TEST_CASE("render_goal writes one JSON object with numbers as numbers", "[render][goal]") {
  CHECK(render(Format::json) ==
        "{\n  \"start\": \"2023-07-15\",\n  \"baseline\": 91,\n  \"target\": 200,\n"
        "  \"deadline\": \"2025-07-15\"\n}\n");
}
