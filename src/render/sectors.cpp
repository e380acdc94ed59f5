#include <fmt/core.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "roster/delimited.h"
#include "roster/error.h"
#include "roster/figures.h"
#include "roster/json_dump.h"
#include "roster/progress_render.h"
#include "roster/sector_render.h"
#include "roster/table.h"
#include "roster/text.h"

namespace roster {
namespace {

using nlohmann::ordered_json;

const std::vector<std::string> kColumns = {"code",  "name_en", "name_zh",    "key",    "primary",  "members",
                                           "share", "joins",   "departures", "target", "expected", "lagging"};

std::vector<std::string> cells(const SectorRow& r) {
  return {r.sector.code,
          r.sector.name_en,
          r.sector.name_zh,
          r.sector.is_key ? "1" : "0",
          std::to_string(r.primary),
          std::to_string(r.members),
          two_decimals(r.share),
          std::to_string(r.joins),
          std::to_string(r.departures),
          r.sector.target ? std::to_string(*r.sector.target) : "",
          r.expected ? two_decimals(*r.expected) : "",
          r.lagging ? "1" : "0"};
}

std::string coverage_line(const SectorReport& r) {
  std::string line = fmt::format("{} of {} key sectors have members", r.key_sectors_with_members, r.key_sectors);
  if (r.thinnest_key) {
    line +=
        fmt::format("; thinnest: {}, {}", escape_for_terminal(r.thinnest_key->sector.code), r.thinnest_key->members);
  }
  return line;
}

void render_delimited(const SectorReport& r, std::ostream& out, Format format, bool bom) {
  DelimitedWriter writer(out, format, bom);
  writer.row(kColumns);
  for (const auto& row : r.rows) writer.row(cells(row));
}

void render_json(const SectorReport& r, std::ostream& out) {
  ordered_json doc = {
      {"as_of", r.as_of.iso()}, {"since", r.since.iso()}, {"active", r.active}, {"road_fraction", r.road_fraction}};
  doc["sectors"] = ordered_json::array();
  for (const auto& row : r.rows) {
    doc["sectors"].push_back({{"code", row.sector.code},
                              {"name_en", row.sector.name_en},
                              {"name_zh", row.sector.name_zh},
                              {"key", row.sector.is_key},
                              {"primary", row.primary},
                              {"members", row.members},
                              {"share", row.share},
                              {"joins", row.joins},
                              {"departures", row.departures},
                              {"target", row.sector.target ? ordered_json(*row.sector.target) : ordered_json()},
                              {"expected", row.expected ? ordered_json(*row.expected) : ordered_json()},
                              {"lagging", row.lagging}});
  }
  doc["key_sectors"] = r.key_sectors;
  doc["key_sectors_with_members"] = r.key_sectors_with_members;
  doc["thinnest_key_sector"] =
      r.thinnest_key ? ordered_json{{"code", r.thinnest_key->sector.code}, {"members", r.thinnest_key->members}}
                     : ordered_json();
  doc["without_key_sector"] = ordered_json::array();
  for (const auto& [id, name] : r.without_key_sector) doc["without_key_sector"].push_back({{"id", id}, {"name", name}});
  out << dump_json(doc, 2) << '\n';
}

std::string target_cell(const SectorRow& row) {
  if (!row.sector.target) return "";
  return fmt::format("{} / {}{}", row.members, *row.sector.target, row.lagging ? "  lagging" : "");
}

void render_table(const SectorReport& r, std::ostream& out, bool color) {
  int top = 1;
  for (const auto& row : r.rows) top = std::max(top, row.members);
  TextTable table;
  table.headers = {"CODE", "SECTOR", "KEY", "PRIMARY", "MEMBERS", "SHARE", "", "JOINED", "LEFT", "TARGET"};
  table.numeric = {false, false, false, true, true, true, false, true, true, false};
  for (const auto& row : r.rows) {
    table.rows.push_back({row.sector.code, row.sector.name_en + " " + row.sector.name_zh,
                          row.sector.is_key ? "key" : "", std::to_string(row.primary), std::to_string(row.members),
                          fmt::format("{:.1f}%", row.share), text_bar(static_cast<double>(row.members) / top, 12),
                          marked_count('+', row.joins), marked_count('-', row.departures), target_cell(row)});
  }
  out << fmt::format("{} active members as of {}; joined and left since {}\n\n", r.active, r.as_of.iso(),
                     r.since.iso());
  table.print(out, color);
  out << '\n' << coverage_line(r) << '\n';
  if (r.without_key_sector.empty()) {
    out << "every active member is in a key sector\n";
  } else {
    out << fmt::format("{} active member{} in no key sector:\n", r.without_key_sector.size(),
                       r.without_key_sector.size() == 1 ? " is" : "s are");
    // A terminal shows the first few; -f json has them all.
    constexpr size_t kShown = 20;
    for (size_t i = 0; i < r.without_key_sector.size() && i < kShown; ++i) {
      out << fmt::format("  #{} {}\n", r.without_key_sector[i].id, escape_for_terminal(r.without_key_sector[i].name));
    }
    if (r.without_key_sector.size() > kShown) {
      out << fmt::format("  … and {} more (roster sectors -f json lists them all)\n",
                         r.without_key_sector.size() - kShown);
    }
  }
}

void render_markdown(const SectorReport& r, std::ostream& out) {
  out << "## Sectors (" << r.as_of.iso() << ")\n\n";
  out << "| sector | key | primary | members | share | joined | left | target |\n";
  out << "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n";
  for (const auto& row : r.rows) {
    out << fmt::format("| {} {} | {} | {} | {} | {:.1f}% | {} | {} | {} |\n", escape_for_terminal(row.sector.name_en),
                       escape_for_terminal(row.sector.name_zh), row.sector.is_key ? "key" : "", row.primary,
                       row.members, row.share, row.joins, row.departures, target_cell(row));
  }
  size_t n = r.without_key_sector.size();
  out << '\n'
      << coverage_line(r) << ". " << n << " active member" << (n == 1 ? " is" : "s are") << " in no key sector.\n";
}

}  // namespace

void render_sectors(const SectorReport& report, Format format, std::ostream& out, const RenderOptions& options) {
  switch (format) {
    case Format::table:
      return render_table(report, out, options.color);
    case Format::tsv:
    case Format::csv:
      return render_delimited(report, out, format, options.bom);
    case Format::json:
      return render_json(report, out);
    case Format::markdown:
      return render_markdown(report, out);
    default:
      throw usage_error("sectors writes table, tsv, csv, json or markdown");
  }
}

}  // namespace roster
