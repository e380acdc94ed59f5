#include "roster/data_files.h"

#include <errno.h>

#include <fstream>
#include <sstream>

#include "roster/error.h"
#include "roster/i18n.h"

namespace roster {

namespace fs = std::filesystem;

fs::path data_dir_for(const fs::path& exe) {
  fs::path dir = exe.parent_path();
  std::error_code ec;
  if (fs::is_directory(dir / "data", ec)) return dir / "data";
  return dir.parent_path() / "share" / "roster";
}

fs::path own_executable() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) return exe;
  return fs::absolute(program_invocation_name, ec);
}

std::string read_data_file(const fs::path& exe, const std::string& name) {
  fs::path path = data_dir_for(exe) / name;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in || bytes.str().empty()) {
    throw Error(
        trf("cannot read {0}, one of roster's data files; reinstall roster (its data files belong in "
            "PREFIX/share/roster, beside PREFIX/bin/roster)",
            path.string()));
  }
  return bytes.str();
}

}  // namespace roster
