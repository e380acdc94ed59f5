#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "roster/dues.h"
#include "roster/dues_report.h"
#include "roster/format.h"

// The dues views (`dues status`, `summary`, `remind`) in every format. Human
// formats (table, markdown) show yuan with two decimals and status words in
// the language chosen; data formats (tsv, csv, json, jsonl) show fen as
// integers, ISO dates, status and tier codes, never translated. The keys and
// columns are listed in docs/usage.md#dues.
namespace roster {

/// A status for people: "overdue" in English, "逾期" in Chinese.
std::string dues_status_label(DuesStatus status);

/// Writes `dues status` one row at a time: tsv, csv, json and jsonl write
/// each row as it comes, so memory stays flat however many are billed; table
/// and markdown keep the rows to lay them out.
class DuesStatusWriter {
 public:
  virtual ~DuesStatusWriter() = default;
  virtual void row(const DuesStatusRow& row) = 0;
  /// Ends the view; `counts` gives the date and the counts (its rows are not read).
  virtual void finish(const DuesStatusReport& counts) = 0;
};

/// `dues status`: one row per member and year. json is an array of objects
/// (member_id, name, year, tier, due_fen, paid_fen, balance_fen, due_on,
/// status), jsonl one object a line; tsv and csv add plain yuan beside the fen.
std::unique_ptr<DuesStatusWriter> make_dues_status_writer(Format format, std::ostream& out,
                                                          const RenderOptions& options);

/// The whole of `report` through make_dues_status_writer.
void render_dues_status(const DuesStatusReport& report, Format format, std::ostream& out, const RenderOptions& options);

/// `dues summary`: a row per year and tier, then the year's total (tier
/// "total" in the data formats), with the collection rate as a fraction.
void render_dues_summary(const DuesSummary& summary, Format format, std::ostream& out, const RenderOptions& options);

/// Writes `dues remind` one reminder at a time, in the order given: as
/// DuesStatusWriter, the data formats hold nothing.
class DuesReminderWriter {
 public:
  virtual ~DuesReminderWriter() = default;
  virtual void row(const DuesReminder& reminder) = 0;
  virtual void finish() = 0;
};

/// `dues remind`: the members to remind with their contacts and balance;
/// csv is the mail-merge sheet (member_id, name, contact, phone, email, year,
/// balance, balance_fen, due_on, status).
std::unique_ptr<DuesReminderWriter> make_dues_reminder_writer(Format format, std::ostream& out,
                                                              const RenderOptions& options);

/// Every one of `reminders` through make_dues_reminder_writer.
void render_dues_reminders(const std::vector<DuesReminder>& reminders, Format format, std::ostream& out,
                           const RenderOptions& options);

}  // namespace roster
