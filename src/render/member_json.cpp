#include "member_json.h"

#include "roster/tier.h"

namespace roster {

nlohmann::ordered_json member_record_json(const MemberRecord& m) {
  using nlohmann::ordered_json;
  ordered_json doc = {{"id", m.id},
                      {"name", m.name},
                      {"uscc", m.uscc ? ordered_json(*m.uscc) : ordered_json()},
                      {"sectors", m.sector_codes},
                      {"tier", std::string(tier_code(m.tier))},
                      {"city", m.city},
                      {"parent", m.parent},
                      {"note", m.note},
                      {"sort_key", m.sort_key},
                      {"contact", m.contacts.contact},
                      {"phone", m.contacts.phone},
                      {"email", m.contacts.email}};
  doc["periods"] = ordered_json::array();
  for (const auto& p : m.periods) {
    doc["periods"].push_back({{"joined", p.joined.iso()},
                              {"left", p.left ? ordered_json(p.left->iso()) : ordered_json()},
                              {"reason", p.reason}});
  }
  return doc;
}

}  // namespace roster
