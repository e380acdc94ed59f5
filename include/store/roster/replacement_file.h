#pragma once

#include <filesystem>
#include <string>

namespace roster {

/// "a character device", "a FIFO (named pipe)", "a folder", … for messages.
std::string file_type_name(std::filesystem::file_type type);

/// The path a command may write a new file to, given the PATH the user typed
/// (backup, export FILE): PATH itself, or, for a symbolic link, the file it
/// points to (the link is kept, as a shell's `>` would). Refuses, with an
/// Error naming the fix: a folder (suggesting FOLDER/`example_name`); anything
/// that exists and is not a regular file (a device such as /dev/null, a FIFO,
/// a socket), with or without `force`; a link to nothing; an existing file
/// without `force`.
std::filesystem::path replaceable_path(const std::string& path, bool force, const std::string& example_name);

/// A temporary file beside `target` (TARGET.partial-XXXXXX, so the rename
/// stays on one file system), renamed over `target` by commit(): `target` is
/// either as it was or complete, never half written, whatever the disk does.
/// Never committed, it is removed with its -wal and -shm files.
class ReplacementFile {
 public:
  /// Creates the temporary file, with the mode `target` has if it exists,
  /// else the usual 0666 less the umask.
  explicit ReplacementFile(std::filesystem::path target);
  ~ReplacementFile();
  ReplacementFile(const ReplacementFile&) = delete;
  ReplacementFile& operator=(const ReplacementFile&) = delete;

  const std::string& temp_path() const { return temp_; }
  const std::filesystem::path& target() const { return target_; }
  /// Renames the temporary file over the target.
  void commit();

 private:
  std::filesystem::path target_;
  std::string temp_;
  bool committed_ = false;
};

}  // namespace roster
