#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "roster/date.h"
#include "roster/import_reader.h"
#include "roster/store.h"

namespace roster {

/// One refused row: FILE:LINE: field: reason.
struct ImportProblem {
  size_t line = 0;
  std::string field;
  std::string reason;
};

/// One planned change, for --dry-run's report.
struct ImportAction {
  /// What a row does.
  enum class What {
    add,        ///< adds a member
    update,     ///< changes a stored member (--update)
    unchanged,  ///< matches a stored member and changes nothing (--update)
    period,     ///< adds a later period to a member added from the same file
  };
  size_t line = 0;
  What what = What::add;
  int64_t member_id = 0;
  std::string name;    ///< the member's name (for an update, as it was before)
  std::string detail;  ///< e.g. the changed fields of an update
};

/// The word the dry-run plan prints for `what`: "add", "update", "unchanged"
/// or "period".
std::string_view action_word(ImportAction::What what);

/// How to import.
struct ImportOptions {
  Date as_of;
  bool dry_run = false;
  bool update = false;  ///< apply rows that match a stored member instead of refusing them
  size_t max_problems = 50;
  /// About how many rows the file has (its line count), or 0 if unknown:
  /// a large import writes its rows first and builds some indexes after.
  size_t expected_rows = 0;
};

/// What an import did, or would do with --dry-run.
struct ImportResult {
  size_t rows = 0;
  size_t added = 0;
  size_t updated = 0;
  size_t unchanged = 0;                 ///< --update rows that matched a member and changed nothing
  size_t periods = 0;                   ///< extra periods of members added from the same file
  std::vector<ImportAction> actions;    ///< with dry_run only: the plan, row by row
  std::vector<ImportProblem> problems;  ///< at most max_problems kept
  size_t problem_count = 0;             ///< all of them
  /// Dates given as spreadsheet day numbers (45122), read as dates, and the
  /// first of them with its reading ("45122", "2023-07-15").
  size_t day_numbers = 0;
  std::pair<std::string, std::string> day_number_example;
  bool committed = false;
};

/// Checks every row with the add-member rules, plus duplicates against
/// stored members and earlier rows of the same file, and applies them all in
/// one transaction — or none, if any row is refused or it is a dry run.
ImportResult import_members(Store& store, MemberRowReader& reader, const ImportOptions& options);

}  // namespace roster
