#include "roster/sectors.h"

#include <fmt/core.h>

#include <map>
#include <sstream>

#include "roster/csv.h"
#include "roster/error.h"
#include "roster/goal_rules.h"
#include "roster/text.h"

namespace roster {

SectorRegistry::SectorRegistry(std::vector<Sector> sectors) : sectors_(std::move(sectors)) {
  for (const auto& s : sectors_) keys_.push_back({name_key(s.code), name_key(s.name_en), name_key(s.name_zh)});
}

const Sector* SectorRegistry::resolve(std::string_view text) const& {
  std::string key = name_key(trim(text));
  if (key.empty()) return nullptr;
  for (size_t i = 0; i < sectors_.size(); ++i) {
    if (keys_[i][0] == key || keys_[i][1] == key || keys_[i][2] == key) return &sectors_[i];
  }
  return nullptr;
}

std::string unknown_sector_message(std::string_view text, const SectorRegistry& sectors) {
  std::string codes;
  for (const auto& s : sectors.all()) codes += (codes.empty() ? "" : ", ") + s.code;
  return fmt::format("unknown sector '{}'; use one of {} (or its English or Chinese name)", trim(text), codes);
}

std::optional<std::string> sector_problem(const Sector& s, const SectorRegistry& registry, const std::string& self) {
  bool code_ok = !s.code.empty() && s.code.size() <= 32 && s.code.front() != '-';
  for (char c : s.code) code_ok = code_ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!code_ok) {
    return fmt::format("sector code '{}' must be 1-32 lower-case letters, digits or hyphens, e.g. smart-city", s.code);
  }
  for (const auto& [name, what] : {std::pair{s.name_en, "--name"}, std::pair{s.name_zh, "--name-zh"}}) {
    if (trim(name).empty()) return fmt::format("{} is empty; give the sector's name", what);
    if (!is_valid_utf8(name) || has_control_char(name) || code_point_count(name) > 100) {
      return fmt::format("{} must be up to 100 characters of plain UTF-8 text", what);
    }
  }
  if (s.target && *s.target <= 0) return fmt::format("--target {} must be a positive number of members", *s.target);
  if (s.target && *s.target > kMaxTarget)
    return fmt::format("--target {} is more than {} members", *s.target, kMaxTarget);
  for (const auto& text : {s.code, s.name_en, s.name_zh}) {
    const Sector* other = registry.resolve(text);
    if (other && other->code != self) {
      return fmt::format("'{}' already names sector {} ({} / {}); choose another", text, other->code, other->name_en,
                         other->name_zh);
    }
  }
  return std::nullopt;
}

std::vector<Sector> parse_sectors_csv(std::string_view csv) {
  std::istringstream in{std::string(csv)};
  CsvReader reader(in, "sectors.csv");
  CsvRecord record;
  if (!reader.next(record)) throw Error("the sectors file is empty; it needs the header code,name_en,name_zh,key,target");
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < record.fields.size(); ++i) column[trim(record.fields[i])] = i;
  for (const char* name : {"code", "name_en", "name_zh", "key"}) {
    if (!column.count(name)) throw Error(fmt::format("the sectors file has no '{}' column", name));
  }
  auto cell = [&](const char* name) -> std::string {
    auto it = column.find(name);
    if (it == column.end() || it->second >= record.fields.size()) return {};
    return trim(record.fields[it->second]);
  };
  std::vector<Sector> sectors;
  while (reader.next(record)) {
    if (record.fields.size() == 1 && record.fields[0].empty()) continue;
    Sector s{cell("code"), cell("name_en"), cell("name_zh"), cell("key") == "1", std::nullopt};
    if (auto target = cell("target"); !target.empty()) s.target = std::stoi(target);
    sectors.push_back(std::move(s));
  }
  return sectors;
}

}  // namespace roster
