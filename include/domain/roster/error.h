#pragma once

#include <stdexcept>
#include <string>

namespace roster {

/// Process exit codes, as docs/usage.md promises them.
enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,        ///< bad data, database or I/O problem
  kExitUsage = 2,        ///< bad command line
  kExitCheckFailed = 3,  ///< a --check found the goal behind or missed
};

/// The one error type: a message a secretary can act on, and the exit code.
/// Thrown where the problem is known, caught once in main.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, int exit_code = kExitError)
      : std::runtime_error(message), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

/// A usage error (exit code 2): a bad option value or a missing argument.
inline Error usage_error(const std::string& message) {
  return Error(message, kExitUsage);
}

}  // namespace roster
