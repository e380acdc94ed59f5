// roster: a thin main; everything lives in the commands and the core library.
#include <iostream>

#include "commands/commands.h"
#include "roster/store.h"

int main(int argc, char** argv) {
  // roster writes only through iostreams: unsynchronised, they buffer without
  // taking stdio's lock on every insert (a third of `list`'s time otherwise).
  std::ios::sync_with_stdio(false);
  // One thread: SQLite need not lock a mutex on every allocation and page.
  roster::use_sqlite_from_one_thread();
  return roster::run_roster(argc, argv);
}
