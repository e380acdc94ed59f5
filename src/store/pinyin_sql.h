// Pinyin order in SQL: the `pinyin` collation and the pinyin_name()
// function that `list --sort name` sorts by. Internal to src/store.
#pragma once

#include <string>
#include <string_view>

namespace SQLite {
class Database;
}  // namespace SQLite

namespace roster {

/// Registers on `db` the collation `pinyin` (ICU's zh collator: Chinese by
/// its pinyin reading, as Excel and WPS sort it) and the SQL function
/// pinyin_name(name, sort_key) (see pinyin_sort_name). Queries only: the
/// schema never names them, so the sqlite3 shell can still read every table
/// and index (it has neither).
void register_pinyin(SQLite::Database& db);

/// The text `name` sorts by: `name` itself when `sort_key` is empty (or not
/// pinyin, as after an edit with sqlite3); else `name` with its first Han
/// characters replaced, one per syllable of the key, by a character ICU
/// reads with that syllable (and tone, if given): the one the zh collator
/// sorts first, so the name sorts at the start of that reading's group.
std::string pinyin_sort_name(std::string_view name, std::string_view sort_key);

}  // namespace roster
