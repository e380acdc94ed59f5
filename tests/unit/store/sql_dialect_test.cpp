// The store's SQL in PostgreSQL's dialect (src/store/sql_dialect.h).
#include "../../../src/store/sql_dialect.h"

#include <catch2/catch.hpp>

using roster::to_pg_sql;

TEST_CASE("parameters become $n, a name keeping its number each time it comes back", "[dialect]") {
  auto plain = to_pg_sql("SELECT id FROM members WHERE id = ? AND name_key = ?");
  CHECK(plain.text == "SELECT id FROM members WHERE id = $1 AND name_key = $2");
  CHECK(plain.names == std::vector<std::string>{"", ""});
  auto named = to_pg_sql("SELECT 1 WHERE a <= :as_of AND (b IS NULL OR b > :as_of) AND c = :since");
  CHECK(named.text == "SELECT 1 WHERE a <= $1 AND (b IS NULL OR b > $1) AND c = $2");
  CHECK(named.names == std::vector<std::string>{":as_of", ":since"});
}

TEST_CASE("quoted text and identifiers are left as they are", "[dialect]") {
  auto q = to_pg_sql("SELECT '?', 'it''s :x', \"user\", x::text FROM t WHERE note = ? AND kind = 'user'");
  CHECK(q.text == "SELECT '?', 'it''s :x', \"user\", x::text FROM t WHERE note = $1 AND kind = 'user'");
  CHECK(q.names.size() == 1);
}

TEST_CASE("SQLite's words become PostgreSQL's, whole words only", "[dialect]") {
  CHECK(to_pg_sql("INSERT OR IGNORE INTO stages (code) VALUES (?)").text ==
        "INSERT INTO stages (code) VALUES ($1) ON CONFLICT DO NOTHING");
  CHECK(to_pg_sql("SELECT group_concat(code, ';') FROM s").text == "SELECT string_agg(code, ';') FROM s");
  CHECK(to_pg_sql("SELECT id FROM m WHERE instr(name_key, ?) > 0").text ==
        "SELECT id FROM m WHERE strpos(name_key, $1) > 0");
  CHECK(to_pg_sql("FROM periods p CROSS JOIN member_sectors ms ON ms.member_id = p.member_id").text ==
        "FROM periods p JOIN member_sectors ms ON ms.member_id = p.member_id");
  CHECK(to_pg_sql("INSERT INTO history (at, user, command) VALUES (?, ?, ?)").text ==
        "INSERT INTO history (at, \"user\", command) VALUES ($1, $2, $3)");
  // Not a whole word: left alone.
  CHECK(to_pg_sql("SELECT users, user_id, myinstr(x) FROM t").text == "SELECT users, user_id, myinstr(x) FROM t");
}
