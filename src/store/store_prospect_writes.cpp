// Store: adding and editing prospects, and the stages' probabilities.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/json_dump.h"
#include "roster/prospects.h"
#include "roster/sectors.h"
#include "roster/text.h"
#include "sql.h"
#include "store_access.h"
#include "store_errors.h"

namespace roster {
namespace {

std::string optional_text(const std::optional<int64_t>& id) {
  return id ? std::to_string(*id) : "";
}

// Binds name .. note (parameters 1–12) in the order of kSetProspectFields.
void bind_prospect_fields(dbi::Statement& q, const Prospect& p) {
  q.bind(1, p.name);
  q.bind(2, name_key(p.name));
  if (p.uscc.empty())
    q.bind(3);
  else
    q.bind(3, p.uscc);
  q.bind(4, std::string(tier_code(p.tier)));
  q.bind(5, p.city);
  q.bind(6, p.source);
  if (p.referrer_id)
    q.bind(7, *p.referrer_id);
  else
    q.bind(7);
  q.bind(8, p.owner);
  if (p.probability)
    q.bind(9, *p.probability);
  else
    q.bind(9);
  q.bind(10, p.next_action);
  if (p.next_action_on)
    q.bind(11, p.next_action_on->iso());
  else
    q.bind(11);
  q.bind(12, p.note);
}

void write_prospect_sectors(Store& store, int64_t id, const std::vector<std::string>& codes) {
  dbi::Statement& clear = StoreAccess::cached(store, "DELETE FROM prospect_sectors WHERE prospect_id = ?");
  clear.bind(1, id);
  clear.exec();
  for (size_t i = 0; i < codes.size(); ++i) {
    dbi::Statement& link = StoreAccess::cached(
        store, "INSERT INTO prospect_sectors (prospect_id, sector_code, position) VALUES (?, ?, ?)");
    link.bind(1, id);
    link.bind(2, codes[i]);
    link.bind(3, static_cast<int>(i));
    link.exec();
  }
}

nlohmann::ordered_json added_json(const Prospect& p) {
  using nlohmann::json;
  auto or_null = [](bool given, const json& value) { return given ? value : json(); };
  return {{"name", p.name},
          {"uscc", or_null(!p.uscc.empty(), p.uscc)},
          {"sectors", p.sectors},
          {"tier", std::string(tier_code(p.tier))},
          {"city", p.city},
          {"source", p.source},
          {"referrer_id", or_null(p.referrer_id.has_value(), p.referrer_id.value_or(0))},
          {"owner", p.owner},
          {"stage", p.stage},
          {"probability", or_null(p.probability.has_value(), p.probability.value_or(0))},
          {"next_action", p.next_action},
          {"next_action_on", or_null(p.next_action_on.has_value(), p.next_action_on ? p.next_action_on->iso() : "")},
          {"note", p.note},
          {"added_on", p.added_on.iso()}};
}

}  // namespace

std::vector<FieldProblem> add_prospect(Store& store, const Prospect& p, int64_t* id) {
  StoreAccess::require_write(store, "add_prospect");
  auto problems = prospect_duplicates(store, p);
  if (!problems.empty()) return problems;
  guarded(store.path(), [&] {
    dbi::Statement& q = StoreAccess::cached(
        store,
        "INSERT INTO prospects (name, name_key, uscc, tier, city, source, referrer_id, owner, probability, "
        "next_action, next_action_on, note, stage, added_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bind_prospect_fields(q, p);
    q.bind(13, p.stage);
    q.bind(14, p.added_on.iso());
    q.exec();
    *id = StoreAccess::db(store).getLastInsertRowid();
    write_prospect_sectors(store, *id, p.sectors);
    dbi::Statement& move =
        StoreAccess::cached(store, "INSERT INTO prospect_moves (prospect_id, stage, moved_on) VALUES (?, ?, ?)");
    move.bind(1, *id);
    move.bind(2, p.stage);
    move.bind(3, p.added_on.iso());
    move.exec();
  });
  store.log_change(std::nullopt, "prospect.add", "", "", dump_json(added_json(p)), *id);
  return {};
}

std::vector<FieldProblem> edit_prospect(Store& store, int64_t id, const ProspectDraft& draft,
                                        std::optional<int64_t> referrer_id, std::vector<std::string>* changed) {
  StoreAccess::require_write(store, "edit_prospect");
  Prospect old = read_prospect(store, id);
  Prospect u = old;
  SectorRegistry registry = store.sectors();
  auto problems = check_prospect_fields(draft, registry, u);
  u.referrer_id = referrer_id;
  if (problems.empty()) problems = prospect_duplicates(store, u, id);
  if (!problems.empty()) return problems;
  guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store),
                     "UPDATE prospects SET name = ?, name_key = ?, uscc = ?, tier = ?, city = ?, source = ?, "
                     "referrer_id = ?, owner = ?, probability = ?, next_action = ?, next_action_on = ?, note = ? "
                     "WHERE id = ?");
    bind_prospect_fields(q, u);
    q.bind(13, id);
    q.exec();
    if (u.sectors != old.sectors) write_prospect_sectors(store, id, u.sectors);
  });
  auto log = [&](const char* field, const std::string& before, const std::string& after) {
    if (before == after) return;
    store.log_change(std::nullopt, "prospect.edit", field, before, after, id);
    if (changed) changed->push_back(field);
  };
  auto percent = [](const std::optional<int>& p) { return p ? std::to_string(*p) : std::string(); };
  auto day = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
  log("name", old.name, u.name);
  log("uscc", old.uscc, u.uscc);
  log("sectors", join_codes(old.sectors), join_codes(u.sectors));
  log("tier", std::string(tier_code(old.tier)), std::string(tier_code(u.tier)));
  log("city", old.city, u.city);
  log("source", old.source, u.source);
  log("referrer", optional_text(old.referrer_id), optional_text(u.referrer_id));
  log("owner", old.owner, u.owner);
  log("probability", percent(old.probability), percent(u.probability));
  log("next_action", old.next_action, u.next_action);
  log("next_action_on", day(old.next_action_on), day(u.next_action_on));
  log("note", old.note, u.note);
  return {};
}

void set_stage_probability(Store& store, const std::string& code, int probability) {
  StoreAccess::require_write(store, "set_stage_probability");
  auto all = stages(store);
  const Stage* stage = find_stage(all, code);
  if (!stage) throw Error(unknown_stage_message(code, all));
  guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store), "UPDATE stages SET probability = ? WHERE code = ?");
    q.bind(1, probability);
    q.bind(2, stage->code);
    q.exec();
  });
  if (stage->probability != probability) {
    store.log_change(std::nullopt, "stage.probability", stage->code, std::to_string(stage->probability),
                     std::to_string(probability));
  }
}

}  // namespace roster
