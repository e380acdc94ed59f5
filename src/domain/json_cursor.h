// The input of the JSON import readers as nlohmann-json's parser reads it.
// Internal to src/domain (import_json.cpp and json_member.cpp).
#pragma once

#include <cstddef>
#include <cstdio>
#include <iterator>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>

#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/input_limits.h"

namespace roster {

// The input as the parser reads it, one byte at a time: knows the line, and
// stops a member object that grows past kMaxRecordBytes before it fills memory.
class JsonCursor {
 public:
  JsonCursor(std::istream& in, std::string label) : buf_(in.rdbuf()), label_(std::move(label)) {}

  int peek() { return buf_ ? buf_->sgetc() : EOF; }
  void advance() {
    last_ = buf_->sbumpc();
    if (last_ == '\n') ++newlines_;
    if (marked_ && ++since_mark_ > kMaxRecordBytes)
      throw Error(record_too_long(label_, mark_line_, tr("a member object")));
  }
  // The line of the token read last. A number is known to end only when the
  // byte after it is read, and that byte may be the line break.
  size_t line() const { return 1 + newlines_ - (last_ == '\n' ? 1 : 0); }
  // The line of the next byte.
  size_t next_line() const { return 1 + newlines_; }
  // A member object starts at the next byte: the size cap counts from here
  // to unmark(). White space between objects is never kept, so it is not
  // counted.
  void mark() {
    marked_ = true;
    since_mark_ = 0;
    mark_line_ = next_line();
  }
  void unmark() { marked_ = false; }
  void skip(std::string_view bytes) {
    for (int c = peek(); c != EOF && bytes.find(static_cast<char>(c)) != std::string_view::npos; c = peek()) advance();
  }
  // Reads past a UTF-8 byte-order mark. False when the first bytes began
  // one but were cut short: they are read past all the same (a stream
  // cannot put them back), so the reader must refuse the file.
  [[nodiscard]] bool skip_bom() {
    if (peek() != 0xEF) return true;
    for (int byte : {0xEF, 0xBB, 0xBF}) {
      if (peek() != byte) return false;
      advance();
    }
    return true;
  }

 private:
  std::streambuf* buf_;
  std::string label_;
  size_t newlines_ = 0, since_mark_ = 0, mark_line_ = 1;
  bool marked_ = false;
  int last_ = EOF;
};

// How nlohmann's iterator input adapter reads a JsonCursor: it dereferences,
// then advances, one byte at a time, and never looks further ahead.
class CursorIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;

  explicit CursorIterator(JsonCursor* cursor = nullptr) : cursor_(cursor) {}
  char operator*() const { return static_cast<char>(cursor_->peek()); }
  CursorIterator& operator++() {
    cursor_->advance();
    return *this;
  }
  CursorIterator operator++(int) {
    CursorIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CursorIterator& other) const { return at_end() == other.at_end(); }
  bool operator!=(const CursorIterator& other) const { return !(*this == other); }

 private:
  bool at_end() const { return !cursor_ || cursor_->peek() == EOF; }
  JsonCursor* cursor_;
};

}  // namespace roster
