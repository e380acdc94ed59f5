// A failed write to stdout (a full disk, a closed pipe) is an error, not a
// silent success.
#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <ostream>

#include "commands.h"
#include "roster/error.h"

namespace roster {

void check_output(const std::ostream& out, const std::string& what, const std::string& fix) {
  int error = errno;  // the failed write's reason, before anything else can change it
  if (out) return;
  std::string reason = error ? std::strerror(error) : "the write failed";
  throw Error(fmt::format("cannot write {}: {}; {}", what, reason, fix));
}

}  // namespace roster
