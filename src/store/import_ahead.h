// The rows of a large import read and checked ahead, on a second thread,
// while the import thread looks up keys and writes the rows before them.
// Internal to src/store.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "roster/date.h"
#include "roster/import_reader.h"
#include "roster/member_rules.h"
#include "roster/sectors.h"

namespace roster {

/// One row of the file with what can be known of it without the database:
/// its spreadsheet day numbers read as dates, and (when checked) the
/// add-member rules' verdict on it as a new member.
struct PreparedRow {
  ImportRow row;
  size_t day_numbers = 0;                                  ///< date cells that were day numbers
  std::pair<std::string, std::string> day_number_example;  ///< the first of them: text and date
  bool checked = false;                                    ///< problems and member are set
  std::vector<FieldProblem> problems;
  NewMember member;        ///< the member the row makes, when problems is empty
  std::string added_json;  ///< its history entry: member_added_json(member)
};

/// Reads the day-number date cells of `p.row` as dates (counting them in
/// `p`); with `check`, also applies check_member to the row, as a new
/// member, and makes that member's history entry.
void prepare_row(PreparedRow& p, const SectorRegistry& sectors, Date as_of, bool check);

/// Reads `reader` on its own thread, a few hundred rows at a time, and
/// prepares each row (checked) while the caller takes the rows before it.
/// Memory is bounded: a few batches are in flight, reused as they are taken.
/// An error the reader throws is thrown by next() in its place, after every
/// row read before it. `sectors` must outlive this object and not change.
/// The reading thread touches neither SQLite nor the store.
class RowsAhead {
 public:
  RowsAhead(MemberRowReader& reader, const SectorRegistry& sectors, Date as_of);
  ~RowsAhead();  // stops the reading thread, if the import ended early
  RowsAhead(const RowsAhead&) = delete;
  RowsAhead& operator=(const RowsAhead&) = delete;

  /// The next row, prepared; nullptr at the end of the file. The row stays
  /// valid until the next call.
  PreparedRow* next();

 private:
  struct Batch {
    std::vector<PreparedRow> rows;
    size_t size = 0;  // the rows filled
  };
  void read_all();
  bool fill(Batch& batch);  // false at the end of the file

  MemberRowReader& reader_;
  const SectorRegistry& sectors_;
  Date as_of_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> ready_;  // filled, in file order
  std::vector<Batch> spare_;
  bool done_ = false, stop_ = false;
  std::exception_ptr error_;
  Batch current_;  // the caller's
  size_t position_ = 0;
  std::thread thread_;
};

}  // namespace roster
