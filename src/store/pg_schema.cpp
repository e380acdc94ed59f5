#include "pg_schema.h"

#include <fmt/core.h>

#include <regex>

#include "roster/store.h"

namespace roster {
namespace {

// i18n: data begin (SQL)
// ICU's zh collation is its pinyin order, as the SQLite connection's `pinyin`
// collation; not deterministic, so names ICU holds equal tie as in SQLite.
constexpr const char* kCollationSql =
    "CREATE COLLATION IF NOT EXISTS pinyin (provider = icu, locale = 'zh', deterministic = false)";

// pinyin_name(name, sort_key): a name with a sort key sorts as the name its
// key reads (pinyin_sort_name); the store puts those, for the members that
// have a key, in the session's pg_temp.roster_pinyin_names before it sorts.
constexpr const char* kPinyinNameSql = R"(CREATE FUNCTION pinyin_name(name TEXT, sort_key TEXT) RETURNS TEXT
LANGUAGE plpgsql STABLE AS $$
DECLARE sorted TEXT;
BEGIN
  IF sort_key IS NULL OR sort_key = '' THEN RETURN name; END IF;
  SELECT p.sorted INTO sorted FROM pg_temp.roster_pinyin_names p
   WHERE p.name = pinyin_name.name AND p.sort_key = pinyin_name.sort_key;
  RETURN coalesce(sorted, name);
END $$)";

// name_key(value): the key the store put in pg_temp.roster_name_keys (pg_lookups.h).
constexpr const char* kNameKeySql = R"(CREATE FUNCTION name_key(value TEXT) RETURNS TEXT
LANGUAGE plpgsql STABLE AS $$
DECLARE found TEXT;
BEGIN
  IF value IS NULL THEN RETURN NULL; END IF;
  SELECT k.key INTO found FROM pg_temp.roster_name_keys k WHERE k.value = name_key.value;
  RETURN found;
END $$)";

// sum() of a comparison, as SQLite counts the rows where it holds (NULLs skipped).
constexpr const char* kSumBooleanSql = R"(CREATE FUNCTION roster_add_true(total BIGINT, holds BOOLEAN) RETURNS BIGINT
LANGUAGE sql IMMUTABLE STRICT AS 'SELECT total + holds::int';
CREATE AGGREGATE sum(BOOLEAN) (SFUNC = roster_add_true, STYPE = BIGINT, INITCOND = '0'))";

constexpr const char* kIdTriggerSql = R"(CREATE FUNCTION "roster_id_{0}"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "{0}"; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER roster_id BEFORE INSERT ON "{0}" FOR EACH ROW EXECUTE FUNCTION "roster_id_{0}"())";
constexpr const char* kRolesSql = R"(DO $$
BEGIN
  BEGIN CREATE ROLE roster_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
  BEGIN CREATE ROLE roster_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO roster_writer, roster_reader', current_schema());
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO roster_reader', current_schema());
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO roster_writer', current_schema());
END $$)";
// i18n: data end

}  // namespace

void create_pg_roles(PgConnection& pg) {
  pg.exec(kRolesSql);
}

int pg_schema_version(PgConnection& pg) {
  auto meta = pg.rows("SELECT to_regclass('roster_meta') IS NOT NULL");  // i18n: data
  if (meta.empty() || meta[0][0] != std::optional<std::string>("t")) return -1;
  auto version = pg.rows("SELECT schema_version FROM roster_meta");  // i18n: data
  return version.empty() || !version[0][0] ? -1 : std::stoi(*version[0][0]);
}

void create_pg_tables(PgConnection& pg, const std::vector<CopyTable>& tables) {
  static const std::regex integer_key(R"(\bid\s+INTEGER PRIMARY KEY\b)");
  pg.exec(kCollationSql);
  pg.exec(kPinyinNameSql);
  pg.exec(kNameKeySql);
  pg.exec(kSumBooleanSql);
  for (const auto& t : tables) {
    pg.exec(pg_schema_sql(t.sql));
    if (std::regex_search(t.sql, integer_key)) pg.exec(fmt::format(fmt::runtime(kIdTriggerSql), t.name));
  }
}

void finish_pg_schema(PgConnection& pg, const std::vector<std::string>& index_sql) {
  for (const auto& sql : index_sql) pg.exec(pg_schema_sql(sql));
  pg.exec("CREATE TABLE roster_meta (schema_version INTEGER NOT NULL)");               // i18n: data
  pg.exec("INSERT INTO roster_meta VALUES (" + std::to_string(kSchemaVersion) + ")");  // i18n: data
}

}  // namespace roster
