// The recruitment pipeline for people and for programs: one prospect
// (`prospect show`) and the stages (`prospect stages`).
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "json_null.h"
#include "roster/delimited.h"
#include "roster/error.h"
#include "roster/history_render.h"
#include "roster/i18n.h"
#include "roster/json_dump.h"
#include "roster/labels.h"
#include "roster/pipeline_render.h"  // stage_label
#include "roster/prospect_render.h"
#include "roster/table.h"

namespace roster {
namespace {

using nlohmann::ordered_json;

ordered_json prospect_json(const ProspectRecord& r) {
  const Prospect& p = r.prospect;
  ordered_json doc = {{"id", p.id},
                      {"name", p.name},
                      {"uscc", p.uscc.empty() ? ordered_json() : ordered_json(p.uscc)},
                      {"sectors", p.sectors},
                      {"tier", std::string(tier_code(p.tier))},
                      {"city", p.city},
                      {"source", p.source},
                      {"referrer_id", or_null(p.referrer_id)},
                      {"owner", p.owner},
                      {"stage", p.stage},
                      {"stage_probability", r.stage.probability},
                      {"probability", or_null(p.probability)},
                      {"next_action", p.next_action},
                      {"next_action_on", p.next_action_on ? ordered_json(p.next_action_on->iso()) : ordered_json()},
                      {"note", p.note},
                      {"added_on", p.added_on.iso()},
                      {"member_id", or_null(p.member_id)},
                      {"drop_reason", p.drop_reason}};
  doc["moves"] = ordered_json::array();
  for (const auto& m : p.moves) doc["moves"].push_back({{"stage", m.stage}, {"on", m.on.iso()}});
  doc["history"] = ordered_json::array();
  for (const auto& e : r.history) doc["history"].push_back(ordered_json::parse(history_json(e)));
  return doc;
}

std::string percent(int value) {
  return fmt::format("{}%", value);
}

std::string stage_of(const std::string& code, const std::vector<Stage>& stages) {
  for (const auto& s : stages) {
    if (s.code == code) return stage_label(s);
  }
  return code;
}

std::vector<std::vector<std::string>> field_rows(const ProspectRecord& r, const std::vector<Sector>& registry) {
  const Prospect& p = r.prospect;
  auto id = [](const std::optional<int64_t>& v) { return v ? fmt::format("#{}", *v) : std::string(); };
  std::vector<std::vector<std::string>> rows = {
      {trc("field", "id"), std::to_string(p.id)},
      {trc("field", "name"), p.name},
      {trc("field", "uscc"), p.uscc},
      {trc("field", "sectors"), sector_codes_label(p.sectors, registry)},
      {trc("field", "tier"), tier_label(p.tier)},
      {trc("field", "city"), p.city},
      {trc("field", "source"), p.source},
      {trc("field", "referrer"), id(p.referrer_id)},
      {trc("field", "owner"), p.owner},
      {trc("field", "stage"), trf("{0} ({1})", stage_label(r.stage), percent(r.stage.probability))},
      {trc("field", "probability"), p.probability ? percent(*p.probability) : ""},
      {trc("field", "next_action"), p.next_action},
      {trc("field", "next_action_on"), p.next_action_on ? date_label(*p.next_action_on) : ""},
      {trc("field", "note"), p.note},
      {trc("field", "added_on"), date_label(p.added_on)}};
  if (p.member_id) rows.push_back({trc("field", "member"), id(p.member_id)});
  if (!p.drop_reason.empty()) rows.push_back({trc("field", "drop_reason"), p.drop_reason});
  return rows;
}

}  // namespace

void render_prospect(const ProspectRecord& r, const std::vector<Stage>& stages, const std::vector<Sector>& registry,
                     Format format, std::ostream& out, const RenderOptions& options) {
  if (format == Format::json) {
    out << dump_json(prospect_json(r), 2) << '\n';
    return;
  }
  if (format != Format::table) throw usage_error(tr("prospect show writes table or json"));
  TextTable fields{{tr("FIELD"), tr("VALUE")}, {}, field_rows(r, registry)};
  fields.print(out, options.color);
  out << '\n';
  TextTable moves{{tr("STAGE"), tr("ON")}, {}, {}};
  for (const auto& m : r.prospect.moves) moves.rows.push_back({stage_of(m.stage, stages), date_label(m.on)});
  moves.print(out, options.color);
  out << '\n';
  auto history = make_history_writer(Format::table, out, options);
  for (const auto& e : r.history) history->entry(e);
  history->finish();
}

void render_stages(const std::vector<Stage>& stages, Format format, std::ostream& out, const RenderOptions& options) {
  switch (format) {
    case Format::json: {
      ordered_json doc = ordered_json::array();
      for (const auto& s : stages) {
        doc.push_back({{"code", s.code},
                       {"name_en", s.name_en},
                       {"name_zh", s.name_zh},
                       {"probability", s.probability},
                       {"closed", s.closed}});
      }
      out << dump_json(doc, 2) << '\n';
      return;
    }
    case Format::csv:
    case Format::tsv: {
      DelimitedWriter writer(out, format, options.bom);
      writer.row({"code", "name_en", "name_zh", "probability", "closed"});
      for (const auto& s : stages) {
        writer.row({s.code, s.name_en, s.name_zh, std::to_string(s.probability), s.closed ? "1" : "0"});
      }
      writer.flush();
      return;
    }
    case Format::table: {
      TextTable table{{tr("CODE"), tr("ENGLISH NAME"), tr("CHINESE NAME"), tr("PROBABILITY"), tr("CLOSED")},
                      {false, false, false, true},
                      {}};
      for (const auto& s : stages) {
        table.rows.push_back({s.code, s.name_en, s.name_zh, percent(s.probability), s.closed ? tr("closed") : ""});
      }
      table.print(out, options.color);
      return;
    }
    default:
      throw usage_error(tr("prospect stages writes table, tsv, csv or json"));
  }
}

}  // namespace roster
