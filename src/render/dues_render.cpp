// The dues views as data (json, jsonl, tsv, csv): fen as integers beside
// plain yuan, ISO dates, status and tier codes, never translated; and the
// dispatch to every format.
#include "roster/dues_render.h"

#include <fmt/core.h>

#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "dues_text.h"
#include "roster/delimited.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/json_dump.h"
#include "roster/json_stream.h"

namespace roster {
namespace {

using nlohmann::ordered_json;

const std::vector<std::string> kStatusColumns = {"member_id", "name",     "year",    "tier",        "due",    "due_fen",
                                                 "paid",      "paid_fen", "balance", "balance_fen", "due_on", "status"};
const std::vector<std::string> kSummaryColumns = {"year",       "tier",        "members",         "billed",
                                                  "billed_fen", "collected",   "collected_fen",   "waived",
                                                  "waived_fen", "outstanding", "outstanding_fen", "collection_rate"};
const std::vector<std::string> kRemindColumns = {"member_id", "name",    "contact",     "phone",  "email",
                                                 "year",      "balance", "balance_fen", "due_on", "status"};

// The total row of a year stands in the tier column as "total".
std::string tier_cell(const DuesSummaryRow& row) {
  return row.tier ? std::string(tier_code(*row.tier)) : "total";
}

// A rate as a fraction to four decimals (0.6111): enough for a percent with two.
double rounded_rate(double rate) {
  return std::round(rate * 10'000) / 10'000;
}

ordered_json status_json(const DuesStatusRow& r) {
  return {{"member_id", r.member_id},  {"name", r.name},           {"year", r.year},
          {"tier", tier_code(r.tier)}, {"due_fen", r.due},         {"paid_fen", r.paid},
          {"balance_fen", r.balance},  {"due_on", r.due_on.iso()}, {"status", dues_status_code(r.status)}};
}

ordered_json summary_json(const DuesSummaryRow& r) {
  return {{"year", r.year},
          {"tier", tier_cell(r)},
          {"members", r.members},
          {"billed_fen", r.billed},
          {"collected_fen", r.collected},
          {"waived_fen", r.waived},
          {"outstanding_fen", r.outstanding},
          {"collection_rate", r.collection_rate ? ordered_json(rounded_rate(*r.collection_rate)) : ordered_json()}};
}

ordered_json reminder_json(const DuesReminder& r) {
  return {{"member_id", r.member_id},  {"name", r.name},
          {"contact", r.contact},      {"phone", r.phone},
          {"email", r.email},          {"year", r.year},
          {"tier", tier_code(r.tier)}, {"balance_fen", r.balance},
          {"due_on", r.due_on.iso()},  {"status", dues_status_code(r.status)}};
}

template <typename Rows, typename ToJson>
void stream_json(const Rows& rows, ToJson to_json, std::ostream& out, bool lines) {
  JsonStream stream(out, lines);
  for (const auto& row : rows) stream.item(dump_json(to_json(row)));
  stream.finish();
}

std::vector<std::string> status_cells(const DuesStatusRow& r) {
  return {std::to_string(r.member_id),
          r.name,
          std::to_string(r.year),
          std::string(tier_code(r.tier)),
          plain_yuan(r.due),
          std::to_string(r.due),
          plain_yuan(r.paid),
          std::to_string(r.paid),
          plain_yuan(r.balance),
          std::to_string(r.balance),
          r.due_on.iso(),
          std::string(dues_status_code(r.status))};
}

std::vector<std::string> reminder_cells(const DuesReminder& r) {
  return {std::to_string(r.member_id),
          r.name,
          r.contact,
          r.phone,
          r.email,
          std::to_string(r.year),
          plain_yuan(r.balance),
          std::to_string(r.balance),
          r.due_on.iso(),
          std::string(dues_status_code(r.status))};
}

// The data formats of a listing, each row written as it comes. `Row` is
// DuesStatusRow or DuesReminder; `Base` the writer interface it implements.
template <typename Base, typename Row>
class DataWriter : public Base {
 public:
  using ToJson = ordered_json (*)(const Row&);
  using ToCells = std::vector<std::string> (*)(const Row&);
  DataWriter(std::ostream& out, Format format, bool bom, const std::vector<std::string>& columns, ToJson to_json,
             ToCells to_cells)
      : to_json_(to_json), to_cells_(to_cells) {
    if (format == Format::json || format == Format::jsonl) {
      json_.emplace(out, format == Format::jsonl);
    } else {
      delimited_.emplace(out, format, bom);
      delimited_->row(columns);
    }
  }
  void row(const Row& r) override {
    if (json_) {
      json_->item(dump_json(to_json_(r)));
    } else {
      delimited_->row(to_cells_(r));
    }
  }

 protected:
  void close() {
    if (json_) json_->finish();
    if (delimited_) delimited_->flush();
  }

 private:
  ToJson to_json_;
  ToCells to_cells_;
  std::optional<JsonStream> json_;
  std::optional<DelimitedWriter> delimited_;
};

class StatusDataWriter : public DataWriter<DuesStatusWriter, DuesStatusRow> {
 public:
  StatusDataWriter(std::ostream& out, Format format, bool bom)
      : DataWriter(out, format, bom, kStatusColumns, status_json, status_cells) {}
  void finish(const DuesStatusReport&) override { close(); }
};

class ReminderDataWriter : public DataWriter<DuesReminderWriter, DuesReminder> {
 public:
  ReminderDataWriter(std::ostream& out, Format format, bool bom)
      : DataWriter(out, format, bom, kRemindColumns, reminder_json, reminder_cells) {}
  void finish() override { close(); }
};

// Table and markdown lay the rows out together: they keep them.
class StatusTextWriter : public DuesStatusWriter {
 public:
  StatusTextWriter(std::ostream& out, Format format, const RenderOptions& options)
      : out_(out), format_(format), options_(options) {}
  void row(const DuesStatusRow& r) override { rows_.push_back(r); }
  void finish(const DuesStatusReport& counts) override {
    DuesStatusReport report = counts;
    report.rows = std::move(rows_);
    if (format_ == Format::table) return render_dues_status_table(report, out_, options_);
    render_dues_status_markdown(report, out_);
  }

 private:
  std::ostream& out_;
  Format format_;
  RenderOptions options_;
  std::vector<DuesStatusRow> rows_;
};

class ReminderTextWriter : public DuesReminderWriter {
 public:
  ReminderTextWriter(std::ostream& out, Format format, const RenderOptions& options)
      : out_(out), format_(format), options_(options) {}
  void row(const DuesReminder& r) override { rows_.push_back(r); }
  void finish() override {
    if (format_ == Format::table) return render_dues_reminders_table(rows_, out_, options_);
    render_dues_reminders_markdown(rows_, out_);
  }

 private:
  std::ostream& out_;
  Format format_;
  RenderOptions options_;
  std::vector<DuesReminder> rows_;
};

void summary_delimited(const DuesSummary& summary, std::ostream& out, Format format, bool bom) {
  DelimitedWriter writer(out, format, bom);
  writer.row(kSummaryColumns);
  for (const auto& r : summary.rows) {
    writer.row({std::to_string(r.year), tier_cell(r), std::to_string(r.members), plain_yuan(r.billed),
                std::to_string(r.billed), plain_yuan(r.collected), std::to_string(r.collected), plain_yuan(r.waived),
                std::to_string(r.waived), plain_yuan(r.outstanding), std::to_string(r.outstanding),
                r.collection_rate ? fmt::format("{:.4f}", rounded_rate(*r.collection_rate)) : ""});
  }
}

}  // namespace

std::unique_ptr<DuesStatusWriter> make_dues_status_writer(Format format, std::ostream& out,
                                                          const RenderOptions& options) {
  switch (format) {
    case Format::table:
    case Format::markdown:
      return std::make_unique<StatusTextWriter>(out, format, options);
    case Format::tsv:
    case Format::csv:
    case Format::json:
    case Format::jsonl:
      return std::make_unique<StatusDataWriter>(out, format, options.bom);
    default:
      throw usage_error(tr("dues status writes table, tsv, csv, json, jsonl or markdown"));
  }
}

void render_dues_status(const DuesStatusReport& report, Format format, std::ostream& out,
                        const RenderOptions& options) {
  auto writer = make_dues_status_writer(format, out, options);
  for (const auto& r : report.rows) writer->row(r);
  writer->finish(report);
}

void render_dues_summary(const DuesSummary& summary, Format format, std::ostream& out, const RenderOptions& options) {
  switch (format) {
    case Format::table:
      return render_dues_summary_table(summary, out, options);
    case Format::tsv:
    case Format::csv:
      return summary_delimited(summary, out, format, options.bom);
    case Format::json:
    case Format::jsonl:
      return stream_json(summary.rows, summary_json, out, format == Format::jsonl);
    case Format::markdown:
      return render_dues_summary_markdown(summary, out);
    default:
      throw usage_error(tr("dues summary writes table, tsv, csv, json, jsonl or markdown"));
  }
}

std::unique_ptr<DuesReminderWriter> make_dues_reminder_writer(Format format, std::ostream& out,
                                                              const RenderOptions& options) {
  switch (format) {
    case Format::table:
    case Format::markdown:
      return std::make_unique<ReminderTextWriter>(out, format, options);
    case Format::tsv:
    case Format::csv:
    case Format::json:
    case Format::jsonl:
      return std::make_unique<ReminderDataWriter>(out, format, options.bom);
    default:
      throw usage_error(tr("dues remind writes table, tsv, csv, json, jsonl or markdown"));
  }
}

void render_dues_reminders(const std::vector<DuesReminder>& reminders, Format format, std::ostream& out,
                           const RenderOptions& options) {
  auto writer = make_dues_reminder_writer(format, out, options);
  for (const auto& r : reminders) writer->row(r);
  writer->finish();
}

}  // namespace roster
