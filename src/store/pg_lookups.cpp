#include "pg_lookups.h"

#include "pinyin_sql.h"
#include "roster/text.h"

namespace roster {
namespace {

// i18n: data begin (SQL)
// `table` (made empty, or made) filled with (`from`, f(`from`)) for each
// distinct value `select` gives.
template <typename F>
void fill(dbi::Connection& db, const std::string& table, const std::string& columns, const std::string& select, F f) {
  db.exec("CREATE TEMP TABLE IF NOT EXISTS " + table + " (" + columns + ")");
  db.exec("DELETE FROM pg_temp." + table);
  std::vector<std::pair<std::vector<std::string>, std::string>> rows;
  dbi::Statement q(db, select);
  while (q.executeStep()) {
    std::vector<std::string> key;
    for (int i = 0; i < q.getColumnCount(); ++i) key.push_back(q.getColumn(i).getString());
    rows.emplace_back(key, f(key));
  }
  std::string marks = "?";
  for (char c : columns) marks += c == ',' ? ", ?" : "";
  dbi::Statement insert(db, "INSERT INTO pg_temp." + table + " VALUES (" + marks + ")");
  for (const auto& [key, value] : rows) {
    int at = 1;
    for (const auto& k : key) insert.bind(at++, k);
    insert.bind(at, value);
    insert.exec();
  }
}
// i18n: data end

}  // namespace

void fill_pg_lookups(dbi::Connection& db, const MemberFilter& filter) {
  if (!db.is_pg()) return;
  if (filter.city) {
    fill(db, "roster_name_keys", "value TEXT, key TEXT",
         "SELECT DISTINCT city FROM members WHERE city IS NOT NULL",  // i18n: data
         [](const std::vector<std::string>& v) { return name_key(trim(v[0])); });
  }
  if (filter.sort == MemberFilter::Sort::name) {
    fill(db, "roster_pinyin_names", "name TEXT, sort_key TEXT, sorted TEXT",
         "SELECT DISTINCT name, sort_key FROM members WHERE sort_key <> ''",  // i18n: data
         [](const std::vector<std::string>& v) { return pinyin_sort_name(v[0], v[1]); });
  }
}

}  // namespace roster
