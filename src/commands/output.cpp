// A failed write to stdout (a full disk, a closed pipe) is an error, not a
// silent success.
#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <ostream>

#include "commands.h"
#include "roster/error.h"
#include "roster/i18n.h"

namespace roster {

std::string output_fix() {
  return tr("check the disk or the pipe it goes to");
}

void check_output(const std::ostream& out, const std::string& what, const std::string& fix) {
  int error = errno;  // the failed write's reason, before anything else can change it
  if (out) return;
  std::string reason = error ? std::strerror(error) : tr("the write failed");
  throw Error(trf("cannot write {0}: {1}; {2}", what.empty() ? tr("the output") : what, reason,
                  fix.empty() ? output_fix() : fix));
}

}  // namespace roster
