#include "roster/sectors.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <sstream>

#include "roster/csv.h"
#include "roster/error.h"
#include "roster/goal.h"
#include "roster/i18n.h"
#include "roster/text.h"

namespace roster {

namespace {

constexpr char kAliasSeparator = '|';

// How far `key` is from `candidate` (both name_key'd) for a suggestion, or
// nullopt when too far to suggest. 0: one contains the other.
std::optional<size_t> closeness(const std::string& key, const std::string& candidate) {
  if (candidate.empty()) return std::nullopt;
  size_t key_length = code_point_count(key), candidate_length = code_point_count(candidate);
  // Containment says much for Chinese (医 in 医疗健康), little for one Latin
  // letter: ASCII needs three.
  bool ascii = key.size() == key_length;
  if ((!ascii || key_length >= 3) &&
      (candidate.find(key) != std::string::npos || (!ascii && key.find(candidate) != std::string::npos))) {
    return 0;
  }
  size_t distance = edit_distance(key, candidate);
  size_t allowed = std::max<size_t>(1, std::min(key_length, candidate_length) / 3);
  if (distance <= allowed && distance < std::max(key_length, candidate_length)) return distance;
  return std::nullopt;
}

std::string with_name(const Sector& s) {
  return fmt::format(fmt::runtime(trc("sector code and name", "{0} ({1})")), s.code, s.name_zh);
}

}  // namespace

std::string join_codes(const std::vector<std::string>& codes) {
  std::string text;
  for (const auto& code : codes) text += (text.empty() ? "" : ";") + code;
  return text;
}

std::string join_aliases(const std::vector<std::string>& aliases) {
  std::string text;
  for (const auto& a : aliases) text += (text.empty() ? "" : std::string(1, kAliasSeparator)) + a;
  return text;
}

std::vector<std::string> split_aliases(std::string_view text) {
  std::vector<std::string> aliases;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find(kAliasSeparator, start), text.size());
    if (auto alias = trim(text.substr(start, end - start)); !alias.empty()) aliases.push_back(alias);
    start = end + 1;
  }
  return aliases;
}

SectorRegistry::SectorRegistry(std::vector<Sector> sectors) : sectors_(std::move(sectors)) {
  for (const auto& s : sectors_) {
    keys_.push_back({name_key(s.code), name_key(s.name_en), name_key(s.name_zh)});
    auto& aliases = alias_keys_.emplace_back();
    for (const auto& a : s.aliases) aliases.push_back(name_key(a));
  }
}

const Sector* SectorRegistry::resolve(std::string_view text) const& {
  std::string key = name_key(trim(text));
  if (key.empty()) return nullptr;
  for (size_t i = 0; i < sectors_.size(); ++i) {
    if (keys_[i][0] == key || keys_[i][1] == key || keys_[i][2] == key) return &sectors_[i];
  }
  for (size_t i = 0; i < sectors_.size(); ++i) {
    for (const auto& alias : alias_keys_[i]) {
      if (alias == key) return &sectors_[i];
    }
  }
  return nullptr;
}

std::string unknown_sector_message(std::string_view text, const SectorRegistry& sectors) {
  std::string key = name_key(trim(text));
  // The closest sectors: those at the smallest closeness, in registry order.
  std::vector<const Sector*> best;
  size_t best_distance = SIZE_MAX;
  for (const auto& s : sectors.all()) {
    std::vector<std::string> names = {s.code, s.name_en, s.name_zh};
    names.insert(names.end(), s.aliases.begin(), s.aliases.end());
    std::optional<size_t> nearest;
    for (const auto& name : names) {
      auto d = closeness(key, name_key(name));
      if (d && (!nearest || *d < *nearest)) nearest = d;
    }
    if (!nearest || *nearest > best_distance) continue;
    if (*nearest < best_distance) best.clear();
    best_distance = *nearest;
    best.push_back(&s);
  }
  std::string suggestion;
  if (!key.empty() && !best.empty() && best.size() <= 3) {
    for (size_t i = 0; i < best.size(); ++i) {
      suggestion += (i == 0                 ? ""
                     : i + 1 == best.size() ? trc("list", " or ")
                                            : trc("list", ", ")) +
                    with_name(*best[i]);
    }
    suggestion = trf("did you mean {0}? ", suggestion);
  }
  std::string known, example;
  for (const auto& s : sectors.all()) {
    known += (known.empty() ? "" : trc("list", ", ")) + with_name(s);
    if (example.empty() && !s.aliases.empty()) example = s.aliases.front();
  }
  if (example.empty()) {
    return trf("unknown sector '{0}'; {1}known sectors: {2} (give a code, its English or Chinese name)", trim(text),
               suggestion, known);
  }
  return trf(
      "unknown sector '{0}'; {1}known sectors: {2} (give a code, its English or Chinese name, or a short form such as "
      "{3})",
      trim(text), suggestion, known, example);
}

std::optional<std::string> sector_problem(const Sector& s, const SectorRegistry& registry, const std::string& self) {
  bool code_ok = !s.code.empty() && s.code.size() <= 32 && s.code.front() != '-';
  for (char c : s.code) code_ok = code_ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!code_ok) {
    return trf("sector code '{0}' must be 1-32 lower-case letters, digits or hyphens, e.g. smart-city", s.code);
  }
  std::vector<std::pair<std::string, std::string>> names = {{s.name_en, "--name"}, {s.name_zh, "--name-zh"}};
  for (const auto& alias : s.aliases) names.emplace_back(alias, trf("alias '{0}'", alias));
  for (const auto& [name, what] : names) {
    if (trim(name).empty()) return trf("{0} is empty; give the sector's name", what);
    if (!is_valid_utf8(name) || has_control_char(name) || code_point_count(name) > 100) {
      return trf("{0} must be up to 100 characters of plain UTF-8 text", what);
    }
    // An invisible mark would make a second sector that looks like the first (as for member names).
    if (auto mark = first_invisible_control(name)) {
      return trf("{0} contains the invisible character {1} (a zero-width or text-direction mark); delete it", what,
                 escape_for_terminal(*mark));
    }
    // A name with a separator could never be named in a list of sectors.
    if (has_list_separator(name) || name.find(kAliasSeparator) != std::string::npos) {
      return trf("{0} must not contain ; , ； ， 、 or |: they separate sectors and aliases", what);
    }
  }
  if (s.target && *s.target <= 0) return trf("--target {0} must be a positive number of members", *s.target);
  if (s.target && *s.target > kMaxTarget) return trf("--target {0} is more than {1} members", *s.target, kMaxTarget);
  std::vector<std::string> texts = {s.code, s.name_en, s.name_zh};
  texts.insert(texts.end(), s.aliases.begin(), s.aliases.end());
  for (const auto& text : texts) {
    const Sector* other = registry.resolve(text);
    if (other && other->code != self) {
      return trf("'{0}' already names sector {1} ({2} / {3}); choose another", text, other->code, other->name_en,
                 other->name_zh);
    }
  }
  return std::nullopt;
}

std::vector<Sector> parse_sectors_csv(std::string_view csv) {
  std::istringstream in{std::string(csv)};
  CsvReader reader(in, "sectors.csv");
  CsvRecord record;
  if (!reader.next(record))
    throw Error(tr("the sectors file is empty; it needs the header code,name_en,name_zh,key,target"));
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < record.fields.size(); ++i) column[trim(record.fields[i])] = i;
  for (const char* name : {"code", "name_en", "name_zh", "key"}) {
    if (!column.count(name)) throw Error(trf("the sectors file has no '{0}' column", name));
  }
  auto cell = [&](const char* name) -> std::string {
    auto it = column.find(name);
    if (it == column.end() || it->second >= record.fields.size()) return {};
    return trim(record.fields[it->second]);
  };
  std::vector<Sector> sectors;
  while (reader.next(record)) {
    if (record.fields.size() == 1 && record.fields[0].empty()) continue;
    Sector s{cell("code"),       cell("name_en"), cell("name_zh"),
             cell("key") == "1", std::nullopt,    split_aliases(cell("aliases"))};
    if (auto target = cell("target"); !target.empty()) s.target = std::stoi(target);
    sectors.push_back(std::move(s));
  }
  return sectors;
}

}  // namespace roster
