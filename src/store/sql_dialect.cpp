#include "sql_dialect.h"

#include <cctype>
#include <string_view>

namespace roster {
namespace {

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// `sql` with each whole-word, case-insensitive `from` outside quotes replaced by `to`.
struct Rewrite {
  std::string_view from, to;
};

// i18n: data begin (SQL)
constexpr Rewrite kWords[] = {
    {"INSERT OR IGNORE INTO", "INSERT INTO"},
    {"group_concat(", "string_agg("},
    {"instr(", "strpos("},
    {"CROSS JOIN", "JOIN"},  // SQLite's "keep this join order", with ON
    {"user", "\"user\""},    // history's column; a reserved word in PostgreSQL
};
// i18n: data end

bool starts_word(std::string_view sql, size_t at, std::string_view word) {
  if (sql.size() - at < word.size()) return false;
  if (at > 0 && word_char(sql[at - 1])) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(sql[at + i])) != std::tolower(static_cast<unsigned char>(word[i])))
      return false;
  }
  size_t end = at + word.size();  // a word ends there, unless it ended with a bracket
  return !word_char(word.back()) || end >= sql.size() || !word_char(sql[end]);
}

}  // namespace

PgSql to_pg_sql(const std::string& sql) {
  PgSql out;
  bool ignore = false;
  for (size_t i = 0; i < sql.size();) {
    char c = sql[i];
    if (c == '\'' || c == '"') {  // a literal or identifier, '' or "" inside
      size_t end = i + 1;
      while (end < sql.size() && !(sql[end] == c && (end + 1 >= sql.size() || sql[end + 1] != c))) {
        end += sql[end] == c ? 2 : 1;
      }
      out.text.append(sql, i, end + 1 - i);
      i = end + 1;
      continue;
    }
    if (c == '?' || (c == ':' && i + 1 < sql.size() && word_char(sql[i + 1]) && (i == 0 || sql[i - 1] != ':'))) {
      size_t end = i + 1;
      while (end < sql.size() && word_char(sql[end])) ++end;
      std::string name = c == '?' ? "" : sql.substr(i, end - i);
      size_t number = out.names.size() + 1;
      if (!name.empty()) {
        for (size_t n = 0; n < out.names.size(); ++n) {
          if (out.names[n] == name) number = n + 1;
        }
      }
      if (number > out.names.size()) out.names.push_back(name);
      out.text += "$" + std::to_string(number);
      i = end;
      continue;
    }
    bool rewritten = false;
    for (const Rewrite& r : kWords) {
      if (starts_word(sql, i, r.from)) {
        out.text += r.to;
        ignore = ignore || r.from.starts_with("INSERT OR IGNORE");
        i += r.from.size();
        rewritten = true;
        break;
      }
    }
    if (rewritten) continue;
    out.text += c;
    ++i;
  }
  if (ignore) out.text += " ON CONFLICT DO NOTHING";
  return out;
}

}  // namespace roster
