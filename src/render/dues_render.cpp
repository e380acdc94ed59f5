// The dues views as data (json, jsonl, tsv, csv): fen as integers beside
// plain yuan, ISO dates, status and tier codes, never translated; and the
// dispatch to every format.
#include "roster/dues_render.h"

#include <fmt/core.h>

#include <cmath>
#include <nlohmann/json.hpp>

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

void status_delimited(const DuesStatusReport& report, std::ostream& out, Format format, bool bom) {
  DelimitedWriter writer(out, format, bom);
  writer.row(kStatusColumns);
  for (const auto& r : report.rows) {
    writer.row({std::to_string(r.member_id), r.name, std::to_string(r.year), std::string(tier_code(r.tier)),
                plain_yuan(r.due), std::to_string(r.due), plain_yuan(r.paid), std::to_string(r.paid),
                plain_yuan(r.balance), std::to_string(r.balance), r.due_on.iso(),
                std::string(dues_status_code(r.status))});
  }
}

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

void reminders_delimited(const std::vector<DuesReminder>& reminders, std::ostream& out, Format format, bool bom) {
  DelimitedWriter writer(out, format, bom);
  writer.row(kRemindColumns);
  for (const auto& r : reminders) {
    writer.row({std::to_string(r.member_id), r.name, r.contact, r.phone, r.email, std::to_string(r.year),
                plain_yuan(r.balance), std::to_string(r.balance), r.due_on.iso(),
                std::string(dues_status_code(r.status))});
  }
}

}  // namespace

void render_dues_status(const DuesStatusReport& report, Format format, std::ostream& out,
                        const RenderOptions& options) {
  switch (format) {
    case Format::table:
      return render_dues_status_table(report, out, options);
    case Format::tsv:
    case Format::csv:
      return status_delimited(report, out, format, options.bom);
    case Format::json:
    case Format::jsonl:
      return stream_json(report.rows, status_json, out, format == Format::jsonl);
    case Format::markdown:
      return render_dues_status_markdown(report, out);
    default:
      throw usage_error(tr("dues status writes table, tsv, csv, json, jsonl or markdown"));
  }
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

void render_dues_reminders(const std::vector<DuesReminder>& reminders, Format format, std::ostream& out,
                           const RenderOptions& options) {
  switch (format) {
    case Format::table:
      return render_dues_reminders_table(reminders, out, options);
    case Format::tsv:
    case Format::csv:
      return reminders_delimited(reminders, out, format, options.bom);
    case Format::json:
    case Format::jsonl:
      return stream_json(reminders, reminder_json, out, format == Format::jsonl);
    case Format::markdown:
      return render_dues_reminders_markdown(reminders, out);
    default:
      throw usage_error(tr("dues remind writes table, tsv, csv, json, jsonl or markdown"));
  }
}

}  // namespace roster
