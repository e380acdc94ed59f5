#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roster {

/// One entry of the sector registry.
struct Sector {
  std::string code;     ///< e.g. "healthcare"
  std::string name_en;  ///< e.g. "Healthcare"
  std::string name_zh;  ///< e.g. "医疗健康"
  bool is_key = false;  ///< one of the association's key recruiting sectors
  std::optional<int> target;
  /// Other names people use for it (电商 for e-commerce), resolved like its
  /// names but after every code and name, so they never shadow one.
  std::vector<std::string> aliases = {};
};

/// A member's sector codes as one cell of list, export and import files:
/// "healthcare;education", the primary first.
std::string join_codes(const std::vector<std::string>& codes);

/// Aliases as stored and in data/sectors.csv: "电商|网络零售".
std::string join_aliases(const std::vector<std::string>& aliases);
/// The aliases of a stored "a|b" text, trimmed, empty ones dropped.
std::vector<std::string> split_aliases(std::string_view text);

/// The sector registry in memory (it is small), for resolving what users type.
class SectorRegistry {
 public:
  explicit SectorRegistry(std::vector<Sector> sectors);

  /// Finds a sector by code, English name or Chinese name, else by alias,
  /// ignoring case and width (NFKC); nullptr when none matches.
  const Sector* resolve(std::string_view text) const&;
  /// The pointer would outlive a temporary registry: keep the registry in a variable.
  const Sector* resolve(std::string_view text) && = delete;
  const std::vector<Sector>& all() const { return sectors_; }

 private:
  std::vector<Sector> sectors_;
  std::vector<std::array<std::string, 3>> keys_;      ///< name_key of code, English and Chinese name
  std::vector<std::vector<std::string>> alias_keys_;  ///< name_key of each alias
};

/// For a failed resolve: "unknown sector '医'; did you mean healthcare
/// (医疗健康)? known sectors: healthcare (医疗健康), e-commerce (电子商务), …".
/// The suggestion is the sector with a code, name or alias closest to the
/// text: one containing it or contained in it (医 in 医疗健康), else within a
/// few edits (helthcare, 医药 for 医疗); without one, only the list.
std::string unknown_sector_message(std::string_view text, const SectorRegistry& sectors);

/// What is wrong with `sector` as a registry entry: a code that is not 1–32
/// lower-case letters, digits or hyphens; an empty or malformed name or
/// alias, or one holding a list separator (; , ； ， 、) or '|'; a
/// non-positive target; or a code, name or alias that already names another
/// sector (`self` is the code being edited, which may keep its own names).
std::optional<std::string> sector_problem(const Sector& sector, const SectorRegistry& registry,
                                          const std::string& self = "");

/// The contents of data/sectors.csv, compiled in.
std::string_view seed_sectors_csv();

/// Parses a sectors CSV (columns code,name_en,name_zh,key,target and an
/// optional aliases column, "a|b").
std::vector<Sector> parse_sectors_csv(std::string_view csv);

}  // namespace roster
