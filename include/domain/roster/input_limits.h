#pragma once

#include <fmt/core.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "roster/i18n.h"

namespace roster {

/// The most bytes one record of an input file may take: a line, a CSV or TSV
/// row, a JSON object. A member takes a few hundred bytes; the cap stops a
/// wrong or hostile file (a 1 GB line) before it fills memory.
inline constexpr size_t kMaxRecordBytes = size_t{1} << 20;

/// The refusal of a record over kMaxRecordBytes: "LABEL:LINE: WHAT is longer
/// than 1 MB; …", where WHAT says which ("a line", "a row", "a member object").
inline std::string record_too_long(const std::string& label, size_t line, std::string_view what) {
  return trf(
      "{0}:{1}: {2} is longer than 1 MB; a member takes a few hundred bytes, so check that this is the "
      "member list",
      label, line, what);
}

}  // namespace roster
