#include "roster/sector_report.h"

#include <algorithm>
#include <map>

#include "roster/progress.h"

namespace roster {

bool SectorReport::any_lagging() const {
  return std::any_of(rows.begin(), rows.end(), [](const SectorRow& r) { return r.lagging; });
}

SectorReport build_sector_report(Date as_of, Date since, int active, double road_fraction,
                                 const std::vector<Sector>& sectors, const std::vector<SectorCount>& counts,
                                 bool key_only, const std::vector<PipelineSectorRow>& prospects) {
  SectorReport report;
  report.as_of = as_of;
  report.since = since;
  report.active = active;
  report.road_fraction = round2(road_fraction);
  std::map<std::string, SectorCount> by_code;
  for (const auto& c : counts) by_code[c.code] = c;
  report.with_prospects = !prospects.empty();
  std::map<std::string, PipelineSectorRow> prospects_by_code;
  for (const auto& p : prospects) prospects_by_code[p.sector.code] = p;

  for (const auto& sector : sectors) {
    if (key_only && !sector.is_key) continue;
    const SectorCount& c = by_code[sector.code];
    SectorRow row{sector,       c.primary,    c.members,    active ? round2(100.0 * c.members / active) : 0.0,
                  c.joins,      c.departures, std::nullopt, false,
                  std::nullopt, std::nullopt};
    if (sector.target) {
      row.expected = round2(*sector.target * road_fraction);
      row.lagging = sector.is_key && row.members < *sector.target * road_fraction;  // unrounded
    }
    if (sector.is_key && report.with_prospects) {
      const PipelineSectorRow& p = prospects_by_code[sector.code];  // none approached: 0
      row.prospects = p.open;
      row.prospects_weighted = p.weighted;
    }
    if (sector.is_key) {
      ++report.key_sectors;
      if (row.members > 0) ++report.key_sectors_with_members;
      if (!report.thinnest_key || row.members < report.thinnest_key->members) report.thinnest_key = row;
    }
    report.rows.push_back(std::move(row));
  }
  return report;
}

}  // namespace roster
