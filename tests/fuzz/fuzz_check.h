// What the fuzz targets share: a property check that libFuzzer sees as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>

// Aborts with the failed property; libFuzzer then saves the input as crash-*.
#define FUZZ_CHECK(condition)                                                               \
  do {                                                                                      \
    if (!(condition)) {                                                                     \
      std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                         \
    }                                                                                       \
  } while (0)
