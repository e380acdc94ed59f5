#pragma once

#include <memory>
#include <ostream>

#include "roster/format.h"
#include "roster/member_record.h"
#include "roster/sectors.h"

namespace roster {

/// Writes history entries in one format; tsv, json and jsonl stream, table
/// buffers to align.
class HistoryWriter {
 public:
  virtual ~HistoryWriter() = default;
  virtual void entry(const HistoryEntry& e) = 0;
  virtual void finish() = 0;
};

/// A writer for table, tsv, json or jsonl.
std::unique_ptr<HistoryWriter> make_history_writer(Format format, std::ostream& out, const RenderOptions& options);

/// One entry as a JSON object (snake_case keys).
std::string history_json(const HistoryEntry& e);

/// Writes one member's whole record (fields, periods, history) as table or json.
/// `registry` names the member's sectors in Chinese.
void render_member_record(const MemberRecord& m, const std::vector<Sector>& registry, Format format, std::ostream& out,
                          const RenderOptions& options);

}  // namespace roster
