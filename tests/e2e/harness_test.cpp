// The harness itself: a child that hangs fails its test with the command's
// name instead of holding the suite until ctest's timeout.
#include "harness.h"

#include <catch2/catch.hpp>
#include <chrono>

using namespace roster::test;

TEST_CASE("run_program kills a child that outlives its timeout, and its children, and names the command", "[harness]") {
  TempDir dir;
  std::string marker = dir.file("grandchild-ran");
  // The shell starts a grandchild that would write the marker after 3 s; the
  // whole process group must be gone by then.
  std::string script = "(sleep 3; touch \"$0\") & sleep 30";
  try {
    run_program({"sh", "-c", script, marker}, "", {}, std::chrono::seconds(1));
    FAIL("run_program returned for a child that sleeps 30 s with a 1 s timeout");
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    CHECK_THAT(what, Catch::Contains("timed out after 1 s and killed: sh -c"));
    CHECK_THAT(what, Catch::Contains("sleep 30"));
  }
  run_program({"sleep", "4"});
  CHECK_FALSE(std::filesystem::exists(marker));
}

TEST_CASE("run_program returns a child's output and exit code well within its timeout", "[harness]") {
  auto r = run_program({"sh", "-c", "echo out; echo err >&2; exit 7"}, "", {}, std::chrono::seconds(30));
  CHECK(r.out == "out\n");
  CHECK(r.err == "err\n");
  CHECK(r.code == 7);
}
