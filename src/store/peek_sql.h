// Reading a roster file without leaving a trace: for the language choice
// and shell completion, which run before (or instead of) a real open.
// Internal to src/store.
#pragma once

#include <filesystem>
#include <functional>

#include "sql.h"

namespace roster {

/// Calls `read` on a connection to the roster at `path` that cannot write
/// (PRAGMA query_only) and never creates, migrates or changes the file.
/// Returns false, without calling `read`, for a missing file, one that is not
/// a roster database or has a schema older than `min_version`; and false when
/// `read` throws (a damaged or busy file): a peek never fails.
bool peek_roster(const std::filesystem::path& path, int min_version, const std::function<void(dbi::Connection&)>& read);

}  // namespace roster
