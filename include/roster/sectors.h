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
};

/// The sector registry in memory (it is small), for resolving what users type.
class SectorRegistry {
 public:
  explicit SectorRegistry(std::vector<Sector> sectors);

  /// Finds a sector by code, English name or Chinese name, ignoring case and
  /// width (NFKC); nullptr when none matches.
  const Sector* resolve(std::string_view text) const&;
  /// The pointer would outlive a temporary registry: keep the registry in a variable.
  const Sector* resolve(std::string_view text) && = delete;
  const std::vector<Sector>& all() const { return sectors_; }

 private:
  std::vector<Sector> sectors_;
  std::vector<std::array<std::string, 3>> keys_;  ///< name_key of code, English and Chinese name
};

/// "unknown sector 'X'; use one of healthcare, e-commerce, …" for a failed resolve.
std::string unknown_sector_message(std::string_view text, const SectorRegistry& sectors);

/// What is wrong with `sector` as a registry entry: a code that is not 1–32
/// lower-case letters, digits or hyphens; an empty or malformed name; a
/// non-positive target; or a code or name that already names another sector
/// (`self` is the code being edited, which may keep its own names).
std::optional<std::string> sector_problem(const Sector& sector, const SectorRegistry& registry,
                                          const std::string& self = "");

/// The contents of data/sectors.csv, compiled in.
std::string_view seed_sectors_csv();

/// Parses a sectors CSV (columns code,name_en,name_zh,key,target).
std::vector<Sector> parse_sectors_csv(std::string_view csv);

}  // namespace roster
