#include "import_ahead.h"

#include "roster/date.h"
#include "roster/history_json.h"
#include "roster/text.h"

namespace roster {
namespace {

constexpr size_t kRowsPerBatch = 256;
constexpr size_t kBatches = 4;  // in flight at most: memory stays flat in the file's size

// A spreadsheet's day number (45122) stands for its date: the cell of a
// date column that Excel or WPS saved unformatted.
void read_day_number(PreparedRow& p, std::string& text) {
  auto date = parse_spreadsheet_serial(text);
  if (!date) return;
  if (p.day_numbers++ == 0) p.day_number_example = {trim(text), date->iso()};
  text = date->iso();
}

}  // namespace

void prepare_row(PreparedRow& p, const SectorRegistry& sectors, Date as_of, bool check) {
  p.day_numbers = 0;
  for (std::string* date : {&p.row.draft.joined, &p.row.draft.left}) read_day_number(p, *date);
  p.checked = check && p.row.shape_problem.empty();
  if (!p.checked) return;
  p.problems = check_member(p.row.draft, sectors, as_of, &p.member);
  if (p.problems.empty()) p.added_json = member_added_json(p.member);
}

RowsAhead::RowsAhead(MemberRowReader& reader, const SectorRegistry& sectors, Date as_of)
    : reader_(reader), sectors_(sectors), as_of_(as_of) {
  spare_.resize(kBatches);
  for (auto& batch : spare_) batch.rows.resize(kRowsPerBatch);
  thread_ = std::thread([this] { read_all(); });
}

RowsAhead::~RowsAhead() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

bool RowsAhead::fill(Batch& batch) {
  batch.size = 0;
  while (batch.size < batch.rows.size()) {
    PreparedRow& p = batch.rows[batch.size];
    if (!reader_.next(p.row)) return false;
    prepare_row(p, sectors_, as_of_, true);
    ++batch.size;
  }
  return true;
}

void RowsAhead::read_all() {
  while (true) {
    Batch batch;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || !spare_.empty(); });
      if (stop_) return;
      batch = std::move(spare_.back());
      spare_.pop_back();
    }
    bool end = false;
    std::exception_ptr error;
    try {
      end = !fill(batch);
    } catch (...) {
      error = std::current_exception();
      end = true;
    }
    {
      std::lock_guard lock(mutex_);
      ready_.push_back(std::move(batch));
      if (end) {
        error_ = error;
        done_ = true;
      }
    }
    changed_.notify_all();
    if (end) return;
  }
}

PreparedRow* RowsAhead::next() {
  if (position_ < current_.size) return &current_.rows[position_++];
  std::unique_lock lock(mutex_);
  if (!current_.rows.empty()) {
    spare_.push_back(std::move(current_));
    changed_.notify_all();
  }
  while (true) {
    changed_.wait(lock, [&] { return !ready_.empty() || done_; });
    if (ready_.empty()) {
      if (error_) std::rethrow_exception(error_);
      current_ = Batch{};
      return nullptr;
    }
    current_ = std::move(ready_.front());
    ready_.pop_front();
    position_ = 0;
    if (current_.size > 0) return &current_.rows[position_++];
    spare_.push_back(std::move(current_));  // an empty last batch
    changed_.notify_all();
  }
}

}  // namespace roster
