#pragma once

#include <functional>
#include <istream>
#include <map>
#include <string>
#include <vector>

#include "roster/csv.h"
#include "roster/member.h"
#include "roster/store.h"

namespace roster {

/// One row of an import file, still text, with the line it starts on.
struct ImportRow {
  size_t line = 0;
  MemberDraft draft;
  std::string shape_problem;  ///< set when the row itself is malformed (wrong number of cells)
};

/// Reads member rows from some file format. CSV is the first; other formats
/// (TSV, JSON, other encodings and headers) implement this same interface.
class MemberRowReader {
 public:
  virtual ~MemberRowReader() = default;
  /// The next row; false at the end. Throws roster::Error for a file that
  /// cannot be read at all (bad header, unclosed quote).
  virtual bool next(ImportRow& row) = 0;
};

/// Reads roster's own CSV columns: name,uscc,sectors,joined,left,tier,city,
/// parent,note (any order; only name is required; sectors split on ';').
/// Undoes the spreadsheet-safe apostrophe that roster's CSV output adds.
class CsvMemberReader : public MemberRowReader {
 public:
  /// `label` names the file in messages ("members.csv", "<stdin>").
  CsvMemberReader(std::istream& in, std::string label);
  bool next(ImportRow& row) override;

 private:
  CsvReader csv_;
  std::string label_;
  std::map<std::string, size_t> column_;  ///< roster column -> index in the file
  size_t width_ = 0;
};

/// One refused row: FILE:LINE: field: reason.
struct ImportProblem {
  size_t line = 0;
  std::string field;
  std::string reason;
};

/// What an import did, or would do with --dry-run.
struct ImportResult {
  size_t rows = 0;
  size_t added = 0;
  std::vector<ImportProblem> problems;  ///< at most max_problems kept
  size_t problem_count = 0;             ///< all of them
  bool committed = false;
};

/// Checks every row of `reader` with the add-member rules, plus duplicates
/// against stored members and earlier rows of the same file, and adds them all
/// in one transaction — or none, if any row is refused or `dry_run` is set.
ImportResult import_members(Store& store, MemberRowReader& reader, Date as_of, bool dry_run,
                            size_t max_problems = 50);

}  // namespace roster
