#pragma once

#include <functional>
#include <ostream>

#include "roster/format.h"
#include "roster/member.h"
#include "roster/sector_report.h"

namespace roster {

/// A list too long to hold, read one member at a time: calling it calls
/// `each` once per member, in the list's order. The command makes one that
/// reads the store; a renderer never knows where the members come from.
using MemberRefFeed = std::function<void(const std::function<void(const MemberRef&)>& each)>;

/// Writes `report` as table, tsv, csv, json or markdown. `without_key_sector`
/// feeds the active members in no key sector, by id: json lists every one as
/// it comes, the table counts them and names the first 20, markdown counts
/// them, and tsv and csv never read them.
void render_sectors(const SectorReport& report, const MemberRefFeed& without_key_sector, Format format,
                    std::ostream& out, const RenderOptions& options);

}  // namespace roster
