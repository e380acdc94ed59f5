#include "json_stream_at.h"

#include "roster/json_dump.h"

namespace roster {
namespace {

// `text` (a value dumped at indent 2) moved `depth` levels in: two spaces
// more per level on each of its lines. A line break in a dump is always
// layout (a string's own is written \n).
std::string indented(const std::string& text, size_t depth) {
  std::string out;
  out.reserve(text.size() + 64);
  for (char c : text) {
    out += c;
    if (c == '\n') out.append(2 * depth, ' ');
  }
  return out;
}

void write_items(std::ostream& out, size_t depth, const std::function<void(const JsonItemWriter&)>& items) {
  size_t count = 0;
  std::string pad(2 * (depth + 1), ' ');
  items([&](const nlohmann::ordered_json& item) {
    out << (count++ ? ",\n" : "[\n") << pad << indented(dump_json(item, 2), depth + 1);
  });
  if (count == 0) {
    out << "[]";
    return;
  }
  out << '\n' << std::string(2 * depth, ' ') << ']';
}

// `value` at `depth`: the object that holds path[level], or (past the path's
// end) the streamed array itself.
void write_value(std::ostream& out, const nlohmann::ordered_json& value, size_t depth,
                 const std::vector<std::string>& path, size_t level,
                 const std::function<void(const JsonItemWriter&)>& items) {
  if (level == path.size()) return write_items(out, depth, items);
  std::string pad(2 * (depth + 1), ' ');
  out << "{\n";
  bool first = true;
  for (auto it = value.begin(); it != value.end(); ++it) {
    out << (first ? "" : ",\n") << pad << dump_json(nlohmann::ordered_json(it.key())) << ": ";
    first = false;
    if (it.key() == path[level]) {
      write_value(out, it.value(), depth + 1, path, level + 1, items);
    } else {
      out << indented(dump_json(it.value(), 2), depth + 1);
    }
  }
  out << '\n' << std::string(2 * depth, ' ') << '}';
}

}  // namespace

void write_json_streaming(std::ostream& out, const nlohmann::ordered_json& doc, const std::vector<std::string>& path,
                          const std::function<void(const JsonItemWriter&)>& items) {
  write_value(out, doc, 0, path, 0, items);
  out << '\n';
}

}  // namespace roster
