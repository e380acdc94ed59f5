// The end-to-end suite on either store (harness_pg.cpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "harness.h"

namespace roster::test {

/// True when $ROSTER_TEST_PG names a PostgreSQL server to run the suite on.
bool on_postgres();

/// The store a roster path stands for: the path itself, or on PostgreSQL a
/// connection to a schema of its own (made empty on first use), unless a
/// file with something in it is there (a backup or copy roster wrote).
std::string store_for(const std::string& path);

/// Replaces each --db PATH in `args` and $ROSTER_DB in `env` by store_for();
/// returns the (connection, path) pairs, for to_paths().
std::vector<std::pair<std::string, std::string>> to_store(std::vector<std::string>& args, Env& env);

/// In `sh -c SCRIPT ARG…`, each ARG that is a roster path named with --db
/// before becomes its connection; the pairs as for to_paths().
std::vector<std::pair<std::string, std::string>> to_store_in_shell(std::vector<std::string>& argv);

/// On PostgreSQL, a test's `sqlite3 [-readonly|-bail] PATH [SQL…]` becomes
/// psql on the schema PATH stands for, with the SQL on its input and the
/// same output form (values joined by '|', a row a line, no header).
void sqlite3_to_psql(std::vector<std::string>& argv, std::string& input);

/// Puts each path back where roster's output names its connection.
void to_paths(std::string& text, const std::vector<std::pair<std::string, std::string>>& named);

}  // namespace roster::test
