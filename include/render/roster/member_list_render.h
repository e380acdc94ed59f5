#pragma once

#include <memory>
#include <ostream>

#include "roster/column_headers.h"
#include "roster/format.h"
#include "roster/member.h"
#include "roster/sectors.h"

namespace roster {

/// What a member listing is about; the rows stream past a writer.
struct MemberListReport {
  Date as_of;
  bool show_left = false;  ///< the listing includes members who have left
  /// The sector registry, for the table's sector names in Chinese.
  std::vector<Sector> sectors = {};
  /// The header row of tsv and csv (--headers); the cells are the same either way.
  HeaderLanguage headers = HeaderLanguage::english;
};

/// Writes a member listing in one format. tsv, csv, json and jsonl write each
/// row as it comes, so memory stays flat; table must see every row to align
/// the columns.
class MemberListWriter {
 public:
  virtual ~MemberListWriter() = default;
  virtual void row(const MemberRow& member) = 0;
  /// Closes the listing (the JSON array, the table and its footer).
  virtual void finish() = 0;
};

/// A writer for `format` (table, tsv, csv, json or jsonl) onto `out`.
std::unique_ptr<MemberListWriter> make_member_list_writer(Format format, std::ostream& out,
                                                          const MemberListReport& report, const RenderOptions& options);

}  // namespace roster
