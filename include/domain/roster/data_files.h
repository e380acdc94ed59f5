#pragma once

#include <filesystem>
#include <string>

namespace roster {

/// The folder of roster's data files (template-members.csv,
/// demo-members.csv, sectors.csv) for a binary at `exe`: `data/` beside it
/// (the build tree, where the build copies them), else `../share/roster` (an
/// installed prefix: /usr/bin/roster reads /usr/share/roster).
std::filesystem::path data_dir_for(const std::filesystem::path& exe);

/// The running binary's own path (/proc/self/exe), else the name it was
/// started by; what the catalogs and the data files are found from.
std::filesystem::path own_executable();

/// The bytes of data file `name` for a binary at `exe`; throws an Error
/// naming the folder looked in and the fix when it is missing.
std::string read_data_file(const std::filesystem::path& exe, const std::string& name);

}  // namespace roster
