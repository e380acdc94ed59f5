// The pipeline as data (json, jsonl, tsv, csv): codes, ISO dates and exact
// figures, never translated; and the dispatch to every format.
#include <nlohmann/json.hpp>

#include "json_null.h"
#include "pipeline_text.h"
#include "roster/delimited.h"
#include "roster/error.h"
#include "roster/figures.h"
#include "roster/i18n.h"
#include "roster/json_dump.h"
#include "roster/json_stream.h"
#include "roster/pipeline_render.h"

namespace roster {
namespace {

using nlohmann::ordered_json;

const std::vector<std::string> kStageColumns = {"code",    "name_en",  "name_zh",     "probability",
                                                "closed",  "count",    "weighted",    "median_days",
                                                "entered", "advanced", "advance_rate"};
const std::vector<std::string> kDueColumns = {"id", "name", "owner", "next_action", "next_action_date", "overdue_days"};

std::string or_empty(const std::optional<double>& v) {
  return v ? two_decimals(*v) : "";
}

ordered_json stage_json(const PipelineStageRow& r) {
  return {{"code", r.stage.code},
          {"name_en", r.stage.name_en},
          {"name_zh", r.stage.name_zh},
          {"probability", r.stage.probability},
          {"closed", r.stage.closed},
          {"count", r.count},
          {"weighted", r.weighted},
          {"median_days", or_null(r.median_days)},
          {"entered", r.entered},
          {"advanced", r.advanced},
          {"advance_rate", or_null(r.advance_rate)}};
}

ordered_json due_json(const DueFollowUp& d) {
  return {{"id", d.id},
          {"name", d.name},
          {"owner", d.owner},
          {"next_action", d.next_action},
          {"next_action_date", d.next_action_on.iso()},
          {"overdue_days", d.overdue_days}};
}

void render_json(const PipelineReport& r, std::ostream& out) {
  ordered_json doc = {{"as_of", r.as_of.iso()}};
  doc["stages"] = ordered_json::array();
  for (const auto& row : r.stages) doc["stages"].push_back(stage_json(row));
  doc["expected_joins"] = r.expected_joins;
  doc["open_prospects"] = r.open_prospects;
  doc["closed"] = r.closed;
  doc["joined"] = r.joined;
  doc["conversion_rate"] = or_null(r.conversion_rate);
  doc["key_sectors"] = ordered_json::array();
  for (const auto& row : r.key_sectors) {
    doc["key_sectors"].push_back({{"code", row.sector.code},
                                  {"name_en", row.sector.name_en},
                                  {"name_zh", row.sector.name_zh},
                                  {"open", row.open},
                                  {"weighted", row.weighted}});
  }
  doc["due"] = ordered_json::array();
  for (const auto& d : r.due) doc["due"].push_back(due_json(d));
  doc["overdue"] = r.overdue;
  out << dump_json(doc, 2) << '\n';
}

void render_delimited(const PipelineReport& r, std::ostream& out, Format format, bool bom) {
  DelimitedWriter writer(out, format, bom);
  writer.row(kStageColumns);
  for (const auto& row : r.stages) {
    writer.row({row.stage.code, row.stage.name_en, row.stage.name_zh, std::to_string(row.stage.probability),
                row.stage.closed ? "1" : "0", std::to_string(row.count), two_decimals(row.weighted),
                or_empty(row.median_days), std::to_string(row.entered), std::to_string(row.advanced),
                or_empty(row.advance_rate)});
  }
}

void render_due_delimited(const PipelineReport& r, std::ostream& out, Format format, bool bom) {
  DelimitedWriter writer(out, format, bom);
  writer.row(kDueColumns);
  for (const auto& d : r.due) {
    writer.row(
        {std::to_string(d.id), d.name, d.owner, d.next_action, d.next_action_on.iso(), std::to_string(d.overdue_days)});
  }
}

void render_due_json(const PipelineReport& r, std::ostream& out, bool lines) {
  JsonStream stream(out, lines);
  for (const auto& d : r.due) stream.item(dump_json(due_json(d)));
  stream.finish();
}

}  // namespace

void render_pipeline(const PipelineReport& report, Format format, std::ostream& out, const RenderOptions& options) {
  switch (format) {
    case Format::table:
      return render_pipeline_table(report, out, options);
    case Format::tsv:
    case Format::csv:
      return render_delimited(report, out, format, options.bom);
    case Format::json:
      return render_json(report, out);
    case Format::jsonl:
      for (const auto& row : report.stages) out << dump_json(stage_json(row)) << '\n';
      return;
    case Format::markdown:
      return render_pipeline_markdown(report, out);
    default:
      throw usage_error(tr("pipeline writes table, tsv, csv, json, jsonl or markdown"));
  }
}

void render_pipeline_due(const PipelineReport& report, Format format, std::ostream& out, const RenderOptions& options) {
  switch (format) {
    case Format::table:
      return render_due_table(report, out, options);
    case Format::tsv:
    case Format::csv:
      return render_due_delimited(report, out, format, options.bom);
    case Format::json:
    case Format::jsonl:
      return render_due_json(report, out, format == Format::jsonl);
    case Format::markdown:
      return render_due_markdown(report, out);
    default:
      throw usage_error(tr("pipeline --due writes table, tsv, csv, json, jsonl or markdown"));
  }
}

}  // namespace roster
