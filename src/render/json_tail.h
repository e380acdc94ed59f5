// A JSON document whose last key holds a list that grows with the roster:
// the keys before it built as one value, the list's items written as they
// come, so the list is never held. Internal to src/render.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace roster {

/// Writes `head` with one more key, last, whose value is an array written one
/// item at a time. The bytes are those of dump_json(doc, 2) and a newline,
/// where doc is `head` with the array added whole.
class JsonTailArray {
 public:
  /// Writes `head`'s keys and opens the array of `key`.
  JsonTailArray(std::ostream& out, const nlohmann::ordered_json& head, const std::string& key);
  /// Writes the next item of the array.
  void item(const nlohmann::ordered_json& value);
  /// Closes the array and the document, and ends the line.
  void finish();

 private:
  std::ostream& out_;
  size_t count_ = 0;
};

}  // namespace roster
