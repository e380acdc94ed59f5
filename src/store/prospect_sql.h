// The SQL of prospect rows that the pipeline's reads and writes share: the
// columns every prospect read selects, in the order read_prospect_row reads
// them, and its sectors. Internal to src/store.
#pragma once

namespace roster {

/// A prospect's sixteen stored fields, from the prospects table aliased `p`.
inline constexpr const char* kProspectColumns =
    "p.id, p.name, p.uscc, p.tier, p.city, p.source, p.referrer_id, p.owner, p.stage, p.probability, "
    "p.next_action, p.next_action_on, p.note, p.added_on, p.member_id, p.drop_reason";

/// One column: the codes of prospect `p`'s sectors, primary first, joined by ';'.
inline constexpr const char* kProspectSectors =
    "(SELECT group_concat(sector_code, ';') FROM (SELECT sector_code FROM prospect_sectors s "
    "WHERE s.prospect_id = p.id ORDER BY s.position) ordered)";

}  // namespace roster
