#pragma once

#include <memory>
#include <ostream>

#include "roster/column_headers.h"
#include "roster/format.h"
#include "roster/member_record.h"

namespace roster {

/// Writes every member with every field and period, streaming: csv and tsv
/// one row per period (columns id,name,uscc,sectors,tier,city,parent,note,
/// joined,left,reason,sort_key), json and jsonl one object per member with
/// its periods nested. What `roster import` reads back unchanged.
class ExportWriter {
 public:
  virtual ~ExportWriter() = default;
  virtual void member(const MemberRecord& m) = 0;
  virtual void finish() = 0;
};

/// A writer for `format` onto `out`; `headers` picks the csv and tsv header row
/// (the cells are the same either way, and import reads both).
std::unique_ptr<ExportWriter> make_export_writer(Format format, std::ostream& out, const RenderOptions& options,
                                                 HeaderLanguage headers = HeaderLanguage::english);

}  // namespace roster
