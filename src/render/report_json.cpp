// roster report -f json: every figure and list, in a documented, stable shape.
#include <nlohmann/json.hpp>

#include "json_null.h"
#include "json_stream_at.h"
#include "progress_json.h"
#include "report_dues.h"
#include "report_formats.h"
#include "report_pipeline.h"
#include "roster/json_dump.h"
#include "roster/progress_render.h"
#include "roster/tier.h"

namespace roster {
namespace {

using nlohmann::ordered_json;

ordered_json member_json(const MemberChange& m, bool left) {
  ordered_json j = {{"id", m.id},
                    {"name", m.name},
                    {"sectors", m.sector_codes},
                    {"tier", std::string(tier_code(m.tier))},
                    {"city", m.city},
                    {left ? "left" : "joined", m.date.iso()}};
  if (left) j["reason"] = m.reason;
  return j;
}

// The figures that open the document: the period, the progress and the forecast.
ordered_json head_json(const PeriodReport& r) {
  const ProgressReport& p = r.progress;
  ordered_json doc = {
      {"association", p.association},
      {"period",
       {{"kind", period_kind_name(r.period.kind)},
        {"label", r.period.label()},
        {"first", r.period.first.iso()},
        {"last", r.period.last.iso()},
        {"complete", r.complete}}},
      {"as_of", r.as_of.iso()},
      {"end", r.end.iso()},
      {"status", status_name(p.status)},
      {"verdict", progress_verdict(p)},
      {"active", p.active},
      {"target", p.goal.target},
      {"percent", p.percent},
      {"previous_active", r.previous_active},
      {"change", r.change},
      {"joins", r.joined.size()},
      {"departures", r.left.size()},
      {"pace", r.pace},
      {"required_pace", or_null(r.required_pace)},
      {"road", p.road_today},
      {"ahead_members", p.ahead_members},
      {"ahead_days", or_null(p.ahead_days)},
      {"start", p.goal.start.iso()},
      {"deadline", p.goal.deadline.iso()},
      {"baseline", p.baseline},
      {"days_left", p.days_left},
  };
  doc.update(progress_forecast_json(p));
  return doc;
}

ordered_json sectors_json(const PeriodReport& r) {
  ordered_json rows = ordered_json::array();
  for (const auto& s : r.sectors.rows) {
    rows.push_back({{"code", s.sector.code},
                    {"name_en", s.sector.name_en},
                    {"name_zh", s.sector.name_zh},
                    {"key", s.sector.is_key},
                    {"members", s.members},
                    {"primary", s.primary},
                    {"joins", s.joins},
                    {"departures", s.departures},
                    {"change", s.joins - s.departures},
                    {"target", or_null(s.sector.target)},
                    {"share", s.share},
                    {"lagging", s.lagging}});
  }
  return rows;
}

}  // namespace

void render_report_json(const PeriodReport& r, const DuesRefFeed& newly_overdue, std::ostream& out,
                        const std::optional<std::string>& stamp) {
  ordered_json doc = head_json(r);
  doc["joined"] = ordered_json::array();
  for (const auto& m : r.joined) doc["joined"].push_back(member_json(m, false));
  doc["left"] = ordered_json::array();
  for (const auto& m : r.left) doc["left"].push_back(member_json(m, true));
  if (r.pipeline) doc["pipeline"] = report_pipeline_json(*r.pipeline);
  if (r.dues) doc["dues"] = report_dues_json(*r.dues);
  doc["sectors"] = sectors_json(r);
  doc["chart"] = ordered_json::array();
  for (const auto& c : r.chart) {
    doc["chart"].push_back({{"period", c.label}, {"date", c.date.iso()}, {"active", c.active}, {"road", c.road}});
  }
  if (stamp) doc["generated_at"] = *stamp;
  if (!r.dues) {
    out << dump_json(doc, 2) << '\n';
    return;
  }
  // Every member newly overdue, written as read: in the week a due date
  // passes, that can be most of a big roster.
  write_json_streaming(out, doc, {"dues", "newly_overdue"}, [&](const JsonItemWriter& item) {
    newly_overdue([&](const DuesRef& m) { item({{"id", m.id}, {"name", m.name}}); });
  });
}

}  // namespace roster
