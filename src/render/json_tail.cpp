#include "json_tail.h"

#include "roster/json_dump.h"

namespace roster {

JsonTailArray::JsonTailArray(std::ostream& out, const nlohmann::ordered_json& head, const std::string& key)
    : out_(out) {
  if (head.empty()) {
    out_ << "{\n";
  } else {
    std::string text = dump_json(head, 2);  // "{\n  …\n}": drop the "\n}" to add a key
    text.resize(text.size() - 2);
    out_ << text << ",\n";
  }
  out_ << "  " << dump_json(nlohmann::ordered_json(key)) << ": [";
}

void JsonTailArray::item(const nlohmann::ordered_json& value) {
  // The item sits two levels deep: four more spaces on each of its lines. A
  // line break in the dump is always layout (a string's own is written \n).
  std::string text = dump_json(value, 2);
  std::string indented = "    ";
  indented.reserve(text.size() + 64);
  for (char c : text) {
    indented += c;
    if (c == '\n') indented += "    ";
  }
  out_ << (count_++ ? ",\n" : "\n") << indented;
}

void JsonTailArray::finish() {
  out_ << (count_ ? "\n  ]\n}\n" : "]\n}\n");
}

}  // namespace roster
