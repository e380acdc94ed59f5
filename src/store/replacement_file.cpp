#include "roster/replacement_file.h"

#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include "roster/error.h"
#include "roster/i18n.h"

namespace roster {
namespace fs = std::filesystem;
namespace {

mode_t default_mode() {
  mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

}  // namespace

std::string file_type_name(fs::file_type type) {
  switch (type) {
    case fs::file_type::regular:
      return tr("a file");
    case fs::file_type::directory:
      return tr("a folder");
    case fs::file_type::character:
      return tr("a character device");
    case fs::file_type::block:
      return tr("a block device");
    case fs::file_type::fifo:
      return tr("a FIFO (named pipe)");
    case fs::file_type::socket:
      return tr("a socket");
    case fs::file_type::not_found:
      return tr("missing");
    default:
      return tr("not a regular file");
  }
}

fs::path replaceable_path(const std::string& path, bool force, const std::string& example_name) {
  std::error_code ec;
  fs::file_status link = fs::symlink_status(path, ec);
  fs::file_status status = fs::status(path, ec);
  if (fs::is_symlink(link) && !fs::exists(status)) {
    throw Error(trf("'{0}' is a symbolic link to a file that does not exist; give the path of a file", path));
  }
  if (fs::is_directory(status)) {
    throw Error(trf("'{0}' is a folder; give a file name, e.g. {1}", path,
                    (fs::path(path) / example_name).lexically_normal().string()));
  }
  if (!fs::exists(status)) return path;
  if (!fs::is_regular_file(status)) {
    throw Error(trf("'{0}' is {1}; roster writes only a new file or over a regular one (choose another path)", path,
                    file_type_name(status.type())));
  }
  if (!force) throw Error(trf("'{0}' already exists; choose another path, or add --force to replace it", path));
  return fs::is_symlink(link) ? fs::canonical(path) : fs::path(path);
}

ReplacementFile::ReplacementFile(fs::path target)
    : target_(std::move(target)), temp_(target_.string() + ".partial-XXXXXX") {
  int fd = mkstemp(temp_.data());
  if (fd < 0) {
    throw Error(trf("cannot write in '{0}'; check that the folder exists and is writable",
                    target_.parent_path().empty() ? "." : target_.parent_path().string()));
  }
  struct stat existing {};
  fchmod(fd, stat(target_.c_str(), &existing) == 0 ? existing.st_mode & 07777 : default_mode());
  close(fd);
}

ReplacementFile::~ReplacementFile() {
  if (committed_) return;
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(temp_ + suffix, ec);
}

void ReplacementFile::commit() {
  std::error_code renamed;
  fs::rename(temp_, target_, renamed);
  if (renamed) {
    throw Error(trf("cannot replace '{0}' ({1}); check its permissions and attributes (lsattr); it was left as it was",
                    target_.string(), renamed.message()));
  }
  committed_ = true;
}

}  // namespace roster
