#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "roster/sectors.h"

namespace roster {

// Reads for shell completion (`roster __complete`): each opens the roster at
// `path` without creating, migrating or changing anything, and gives an empty
// answer for a missing, foreign or unreadable file.

/// The sector registry in its order (the order `roster sectors` lists).
std::vector<Sector> peek_sectors(const std::filesystem::path& path);

/// Up to `limit` member names, present and former, whose name key (see
/// name_key) starts with that of `prefix`, in name-key order: one range of the
/// name_key index, so a million members cost no more than a hundred.
std::vector<std::string> peek_member_names(const std::filesystem::path& path, std::string_view prefix, int limit);

/// The stage codes in road order (lead first); empty before schema version 4.
std::vector<std::string> peek_stage_codes(const std::filesystem::path& path);

/// Up to `limit` prospect names whose name key starts with that of
/// `prefix`, in name-key order (one range of the name_key index).
std::vector<std::string> peek_prospect_names(const std::filesystem::path& path, std::string_view prefix, int limit);

}  // namespace roster
