#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roster/date.h"
#include "roster/member.h"
#include "roster/pipeline.h"
#include "roster/sectors.h"

namespace roster {

/// What the store counts for one sector (see Store::sector_counts).
struct SectorCount {
  std::string code;
  int primary = 0;     ///< active members whose first sector it is
  int members = 0;     ///< active members in it at all
  int joins = 0;       ///< its members' periods begun in (since, as_of]
  int departures = 0;  ///< its members' periods ended in (since, as_of]
};

/// One row of `roster sectors`.
struct SectorRow {
  Sector sector;
  int primary = 0;
  int members = 0;
  double share = 0;  ///< members / all active members × 100
  int joins = 0;
  int departures = 0;
  std::optional<double> expected;            ///< target × the road's expected fraction, when a target is set
  bool lagging = false;                      ///< a key sector with a target, below `expected`
  std::optional<int> prospects;              ///< a key sector's open prospects, when the report has prospects
  std::optional<double> prospects_weighted;  ///< Σ of their probabilities as fractions
};

/// Everything `roster sectors` says, built once for every format, but for the
/// active members in no key sector: that list grows with the roster, so the
/// renderer reads it one member at a time (render_sectors).
struct SectorReport {
  Date as_of;
  Date since;
  int active = 0;            ///< all active members
  double road_fraction = 0;  ///< how much of the overall target the road expects by as_of (0..1)
  std::vector<SectorRow> rows;
  int key_sectors = 0;
  int key_sectors_with_members = 0;
  std::optional<SectorRow> thinnest_key;  ///< the key sector with the fewest members
  bool with_prospects = false;            ///< key sectors carry their open prospects (some exist)
  bool any_lagging() const;
};

/// Builds the report from the registry, the store's counts and the road's
/// expected fraction (road value today ÷ overall target). `prospects`, the
/// pipeline's key sector rows as of `as_of` (PipelineReport::key_sectors),
/// gives each key sector its open prospects; empty (no prospects at all): no
/// prospect figures. Pure.
SectorReport build_sector_report(Date as_of, Date since, int active, double road_fraction,
                                 const std::vector<Sector>& sectors, const std::vector<SectorCount>& counts,
                                 bool key_only, const std::vector<PipelineSectorRow>& prospects = {});

}  // namespace roster
