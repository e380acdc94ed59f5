// Store: reading the recruitment pipeline — the stages, the prospects with
// their sectors and moves, a prospect named by REF, and duplicates.
#include <fmt/core.h>

#include "member_sql.h"  // stored_tier
#include "prospect_sql.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/prospects.h"
#include "roster/text.h"
#include "sql.h"
#include "store_access.h"
#include "store_errors.h"

namespace roster {
namespace {

std::optional<int64_t> optional_id(dbi::Statement& q, int column) {
  return q.getColumn(column).isNull() ? std::nullopt : std::optional<int64_t>(q.getColumn(column).getInt64());
}

// Reads kProspectColumns (columns 0–15) and the sectors (16) of `q`'s row.
Prospect read_prospect_row(dbi::Statement& q) {
  Prospect p;
  p.id = q.getColumn(0).getInt64();
  p.name = q.getColumn(1).getString();
  p.uscc = q.getColumn(2).getString();  // NULL reads as ""
  p.tier = stored_tier(q.getColumn(3).getString());
  p.city = q.getColumn(4).getString();
  p.source = q.getColumn(5).getString();
  p.referrer_id = optional_id(q, 6);
  p.owner = q.getColumn(7).getString();
  p.stage = q.getColumn(8).getString();
  if (!q.getColumn(9).isNull()) p.probability = q.getColumn(9).getInt();
  p.next_action = q.getColumn(10).getString();
  if (!q.getColumn(11).isNull()) p.next_action_on = parse_iso_date(q.getColumn(11).getString());
  p.note = q.getColumn(12).getString();
  p.added_on = parse_iso_date(q.getColumn(13).getString()).value_or(Date());
  p.member_id = optional_id(q, 14);
  p.drop_reason = q.getColumn(15).getString();
  p.sectors = split_list(q.getColumn(16).getString());
  return p;
}

std::vector<StageMove> read_moves(Store& store, int64_t id) {
  dbi::Statement& q = StoreAccess::cached(
      store, "SELECT stage, moved_on FROM prospect_moves WHERE prospect_id = ? ORDER BY moved_on, id");
  q.bind(1, id);
  std::vector<StageMove> moves;
  while (q.executeStep()) {
    moves.push_back({q.getColumn(0).getString(), parse_iso_date(q.getColumn(1).getString()).value_or(Date())});
  }
  q.reset();
  return moves;
}

std::vector<MemberRef> refs(dbi::Statement& q) {
  std::vector<MemberRef> found;
  while (q.executeStep()) found.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
  q.reset();
  return found;
}

std::vector<MemberRef> prospects_matching(Store& store, const std::string& ref) {
  std::string text = trim(ref);
  std::string id_text = text.starts_with('#') ? text.substr(1) : text;
  std::string upper;  // a USCC typed in any case or width
  for (char c : name_key(text)) upper.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  dbi::Statement q(StoreAccess::db(store),
                   "SELECT id, name FROM prospects WHERE id = :id OR name_key = :key OR uscc = :uscc ORDER BY id");
  q.bind(":id", static_cast<int64_t>(all_ascii_digits(id_text) && id_text.size() < 18 ? std::stoll(id_text) : -1));
  q.bind(":key", name_key(text));
  q.bind(":uscc", upper);
  return refs(q);
}

std::string candidate_list(const std::vector<MemberRef>& found) {
  std::string out;
  for (const auto& [id, name] : found) out += fmt::format("{}#{} {}", out.empty() ? "" : trc("list", ", "), id, name);
  return out;
}

}  // namespace

std::vector<Stage> stages(Store& store) {
  return guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store),
                     "SELECT code, name_en, name_zh, probability, position, closed FROM stages ORDER BY position");
    std::vector<Stage> out;
    while (q.executeStep()) {
      out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(3).getInt(), q.getColumn(4).getInt(), q.getColumn(5).getInt() != 0});
    }
    return out;
  });
}

void each_prospect(Store& store, const std::function<void(const Prospect&)>& prospect) {
  guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store),
                     fmt::format("SELECT {}, {} FROM prospects p ORDER BY p.id", kProspectColumns, kProspectSectors));
    while (q.executeStep()) {
      Prospect p = read_prospect_row(q);
      p.moves = read_moves(store, p.id);
      prospect(p);
    }
  });
}

std::vector<Prospect> all_prospects(Store& store) {
  std::vector<Prospect> all;
  each_prospect(store, [&](const Prospect& p) { all.push_back(p); });
  return all;
}

Prospect read_prospect(Store& store, int64_t id) {
  return guarded(store.path(), [&] {
    dbi::Statement q(StoreAccess::db(store),
                     fmt::format("SELECT {}, {} FROM prospects p WHERE p.id = ?", kProspectColumns, kProspectSectors));
    q.bind(1, id);
    if (!q.executeStep()) throw Error(trf("no prospect #{0}", id));
    Prospect p = read_prospect_row(q);
    p.moves = read_moves(store, p.id);
    return p;
  });
}

std::vector<HistoryEntry> prospect_history(Store& store, int64_t id) {
  std::vector<HistoryEntry> entries;
  HistoryFilter only_this;
  only_this.prospect_id = id;
  store.each_history(only_this, [&](const HistoryEntry& e) { entries.push_back(e); });
  return entries;
}

int64_t resolve_prospect_ref(Store& store, const std::string& ref) {
  if (trim(ref).empty()) throw usage_error(tr("no prospect given; name one by id, exact name or USCC"));
  return guarded(store.path(), [&] {
    auto found = prospects_matching(store, ref);
    if (found.size() == 1) return found.front().id;
    if (found.size() > 1) {
      throw Error(trf("'{0}' could mean {1}; give the id, e.g. #{2}", ref, candidate_list(found), found.front().id));
    }
    dbi::Statement q(StoreAccess::db(store),
                     "SELECT id, name FROM prospects WHERE instr(name_key, ?) > 0 ORDER BY id LIMIT 5");
    q.bind(1, is_valid_utf8(ref) ? name_key(trim(ref)) : std::string());
    auto similar = refs(q);
    if (similar.empty()) {
      throw Error(
          trf("no prospect '{0}' (give an id, the exact name or the USCC; `roster prospect show` takes the "
              "same)",
              ref));
    }
    throw Error(trf("no prospect '{0}'; did you mean {1}?", ref, candidate_list(similar)));
  });
}

std::vector<FieldProblem> prospect_duplicates(Store& store, const Prospect& p, std::optional<int64_t> except) {
  std::vector<FieldProblem> problems;
  std::string key = name_key(p.name);
  if (auto member = store.member_with_name_key(key)) {
    problems.push_back({"name", trf("member #{0} {1} has this name; a member is not recruited again (see `roster show "
                                    "{0}`)",
                                    member->id, member->name)});
  }
  if (!p.uscc.empty()) {
    if (auto member = store.member_with_uscc(p.uscc)) {
      problems.push_back({"uscc", trf("member #{0} {1} has this USCC; a member is not recruited again (see `roster "
                                      "show {0}`)",
                                      member->id, member->name)});
    }
  }
  guarded(store.path(), [&] {
    dbi::Statement& q = StoreAccess::cached(
        store, "SELECT id, name, name_key = :key FROM prospects WHERE (name_key = :key OR uscc = :uscc) ORDER BY id");
    q.bind(":key", key);
    q.bind(":uscc", p.uscc.empty() ? std::string("-") : p.uscc);
    while (q.executeStep()) {
      int64_t id = q.getColumn(0).getInt64();
      if (except && id == *except) continue;
      std::string name = q.getColumn(1).getString();
      if (q.getColumn(2).getInt() != 0) {
        problems.push_back({"name", trf("prospect #{0} {1} has this name; change that one with `roster prospect edit "
                                        "{0}`",
                                        id, name)});
      } else {
        problems.push_back({"uscc", trf("prospect #{0} {1} has this USCC; change that one with `roster prospect edit "
                                        "{0}`",
                                        id, name)});
      }
    }
    q.reset();
  });
  return problems;
}

}  // namespace roster
