#pragma once

#include <SQLiteCpp/Exception.h>

#include <filesystem>
#include <string>

namespace roster {

/// 'PATH', as every message about the database file names it.
std::string quoted_path(const std::filesystem::path& path);

/// Turns a SQLite failure on the database at `path` into a roster::Error a
/// secretary can act on ("the database … is locked; try again").
[[noreturn]] void throw_store_error(const SQLite::Exception& e, const std::filesystem::path& path);

/// Runs `fn`, translating any SQLite exception it throws.
template <typename Fn>
auto guarded(const std::filesystem::path& path, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    throw_store_error(e, path);
  }
}

}  // namespace roster
