#pragma once

#include <ostream>
#include <string>

namespace roster {

/// Streams JSON values as one array ("[\n  {…},\n  {…}\n]") or as JSON Lines,
/// one value at a time, so memory stays flat however long the list.
class JsonStream {
 public:
  JsonStream(std::ostream& out, bool lines) : out_(out), lines_(lines) {
    if (!lines_) out_ << '[';
  }
  /// Writes one already-serialised value.
  void item(const std::string& json) {
    if (!lines_) out_ << (count_++ ? ",\n  " : "\n  ");
    out_ << json;
    if (lines_) out_ << '\n';
  }
  /// Closes the array (nothing to close for JSON Lines).
  void finish() {
    if (!lines_) out_ << (count_ ? "\n]\n" : "]\n");
    out_.flush();
  }

 private:
  std::ostream& out_;
  bool lines_;
  size_t count_ = 0;
};

}  // namespace roster
