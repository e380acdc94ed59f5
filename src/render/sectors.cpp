#include <fmt/core.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "json_stream_at.h"
#include "roster/delimited.h"
#include "roster/error.h"
#include "roster/figures.h"
#include "roster/i18n.h"
#include "roster/labels.h"
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

// A key sector's open prospects and their weighted sum; empty for the others.
std::vector<std::string> prospect_cells(const SectorRow& r) {
  if (!r.prospects) return {"", ""};
  return {std::to_string(*r.prospects), two_decimals(r.prospects_weighted.value_or(0))};
}

// Appends `more` to `row` when the report carries prospects.
void add_prospects(const SectorReport& r, std::vector<std::string>& row, std::vector<std::string> more) {
  if (r.with_prospects) row.insert(row.end(), more.begin(), more.end());
}

std::string coverage_line(const SectorReport& r) {
  std::string line = trf("{0} of {1} key sectors have members", r.key_sectors_with_members, r.key_sectors);
  if (r.thinnest_key) {
    std::string name =
        current_language() == Language::en ? r.thinnest_key->sector.code : sector_label(r.thinnest_key->sector);
    line += trf("; thinnest: {0}, {1}", escape_for_terminal(name), r.thinnest_key->members);
  }
  return line;
}

void render_delimited(const SectorReport& r, std::ostream& out, Format format, bool bom) {
  DelimitedWriter writer(out, format, bom);
  std::vector<std::string> columns = kColumns;
  add_prospects(r, columns, {"prospects", "prospects_weighted"});
  writer.row(columns);
  for (const auto& row : r.rows) {
    auto c = cells(row);
    add_prospects(r, c, prospect_cells(row));
    writer.row(c);
  }
}

void render_json(const SectorReport& r, const MemberRefFeed& without_key_sector, std::ostream& out) {
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
    if (row.prospects) {
      doc["sectors"].back()["prospects"] = *row.prospects;
      doc["sectors"].back()["prospects_weighted"] = row.prospects_weighted.value_or(0);
    }
  }
  doc["key_sectors"] = r.key_sectors;
  doc["key_sectors_with_members"] = r.key_sectors_with_members;
  doc["thinnest_key_sector"] =
      r.thinnest_key ? ordered_json{{"code", r.thinnest_key->sector.code}, {"members", r.thinnest_key->members}}
                     : ordered_json();
  doc["without_key_sector"] = ordered_json::array();  // every one of them, written as they are read
  write_json_streaming(out, doc, {"without_key_sector"}, [&](const JsonItemWriter& item) {
    without_key_sector([&](const MemberRef& m) { item({{"id", m.id}, {"name", m.name}}); });
  });
}

std::string target_cell(const SectorRow& row) {
  if (!row.sector.target) return "";
  return fmt::format("{} / {}{}", row.members, *row.sector.target,
                     row.lagging ? std::string("  ") + tr("lagging") : "");
}

// The sector as a table names it: both names in English (as typed), the
// Chinese name in Chinese.
std::string sector_cell(const Sector& s) {
  return current_language() == Language::en ? s.name_en + " " + s.name_zh : sector_label(s);
}

// The members in no key sector as the human formats show them: how many, and
// the first few.
struct MembersShown {
  static constexpr size_t kShown = 20;  // a terminal shows the first few; -f json has them all
  size_t count = 0;
  std::vector<MemberRef> first;
};

MembersShown members_shown(const MemberRefFeed& feed) {
  MembersShown shown;
  feed([&](const MemberRef& m) {
    if (shown.count++ < MembersShown::kShown) shown.first.push_back(m);
  });
  return shown;
}

void render_table(const SectorReport& r, const MemberRefFeed& without_key_sector, std::ostream& out,
                  const RenderOptions& options) {
  int top = 1;
  for (const auto& row : r.rows) top = std::max(top, row.members);
  TextTable table;
  table.headers = {tr("CODE"),  tr("SECTOR"), tr("KEY"),    tr("PRIMARY"), tr("MEMBERS"),
                   tr("SHARE"), "",           tr("JOINED"), tr("LEFT"),    tr("TARGET")};
  table.numeric = {false, false, false, true, true, true, false, true, true, false};
  add_prospects(r, table.headers, {trc("pipeline", "PROSPECTS"), trc("pipeline", "WEIGHTED")});
  if (r.with_prospects) table.numeric.insert(table.numeric.end(), {true, true});
  for (const auto& row : r.rows) {
    table.rows.push_back({row.sector.code, sector_cell(row.sector), row.sector.is_key ? tr("key") : "",
                          std::to_string(row.primary), std::to_string(row.members), fmt::format("{:.1f}%", row.share),
                          text_bar(static_cast<double>(row.members) / top, 12, options.ascii),
                          marked_count('+', row.joins), marked_count('-', row.departures), target_cell(row)});
    add_prospects(r, table.rows.back(), prospect_cells(row));
  }
  out << trf("{0} active members as of {1}; joined and left since {2}", r.active, date_label(r.as_of),
             date_label(r.since))
      << "\n\n";
  table.print(out, options.color);
  out << '\n' << coverage_line(r) << '\n';
  MembersShown shown = members_shown(without_key_sector);
  if (shown.count == 0) {
    out << tr("every active member is in a key sector") << '\n';
    return;
  }
  size_t n = shown.count;
  out << trfn("{0} active member is in no key sector:", "{0} active members are in no key sector:", n, n) << '\n';
  for (const auto& [id, name] : shown.first) out << fmt::format("  #{} {}\n", id, escape_for_terminal(name));
  if (n > shown.first.size()) {
    out << "  "
        << trf("{0} and {1} more (roster sectors -f json lists them all)", glyphs(options.ascii).more,
               n - shown.first.size())
        << '\n';
  }
}

void render_markdown(const SectorReport& r, const MemberRefFeed& without_key_sector, std::ostream& out) {
  out << "## " << trf("Sectors ({0})", date_label(r.as_of)) << "\n\n";
  out << "| " << tr("sector") << " | " << tr("key") << " | " << tr("primary") << " | " << tr("members") << " | "
      << tr("share") << " | " << tr("joined") << " | " << tr("left") << " | " << tr("target") << " |";
  if (r.with_prospects) out << ' ' << trc("pipeline", "prospects") << " | " << trc("pipeline", "weighted") << " |";
  out << "\n| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |" << (r.with_prospects ? " ---: | ---: |" : "")
      << '\n';
  for (const auto& row : r.rows) {
    out << fmt::format("| {} | {} | {} | {} | {:.1f}% | {} | {} | {} |", escape_for_terminal(sector_cell(row.sector)),
                       row.sector.is_key ? tr("key") : "", row.primary, row.members, row.share, row.joins,
                       row.departures, target_cell(row));
    if (r.with_prospects) out << fmt::format(" {} | {} |", prospect_cells(row)[0], prospect_cells(row)[1]);
    out << '\n';
  }
  size_t n = members_shown(without_key_sector).count;
  out << '\n'
      << trfn("{0}. {1} active member is in no key sector.", "{0}. {1} active members are in no key sector.", n,
              coverage_line(r), n)
      << '\n';
}

}  // namespace

void render_sectors(const SectorReport& report, const MemberRefFeed& without_key_sector, Format format,
                    std::ostream& out, const RenderOptions& options) {
  switch (format) {
    case Format::table:
      return render_table(report, without_key_sector, out, options);
    case Format::tsv:
    case Format::csv:
      return render_delimited(report, out, format, options.bom);  // the sector rows only
    case Format::json:
      return render_json(report, without_key_sector, out);
    case Format::markdown:
      return render_markdown(report, without_key_sector, out);
    default:
      throw usage_error(tr("sectors writes table, tsv, csv, json or markdown"));
  }
}

}  // namespace roster
