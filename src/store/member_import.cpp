#include "roster/member_import.h"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <unordered_map>

#include "import_ahead.h"
#include "import_bulk.h"
#include "roster/duplicates.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/member_rules.h"
#include "roster/membership.h"
#include "roster/membership_rules.h"
#include "roster/text.h"
#include "roster/uscc.h"
#include "store_access.h"

namespace roster {
namespace {

// A member added from this file, for the later periods that share its id
// (or, without an id, its JSON object).
struct Added {
  bool known = false;  // its first row passed the checks
  int64_t id = 0;
  Period last;  // its latest period so far
};

class Importer {
 public:
  Importer(Store& store, const ImportOptions& options, bool bulk) : store_(store), options_(options), bulk_(bulk) {}

  // Call inside the write transaction: the sector registry is read there, so
  // a sector merged or removed by another process just before is unknown
  // here, never a dangling link.
  void run(MemberRowReader& reader) {
    sectors_ = store_.sectors();
    std::optional<DeferredIndexes> deferred;
    if (bulk_) {
      deferred.emplace(store_);
      keys_.emplace(store_, options_.expected_rows);
      // Read and checked ahead on a second thread: on two cores the rules
      // run beside the writes instead of before each one.
      RowsAhead ahead(reader, sectors_, options_.as_of);
      while (PreparedRow* p = ahead.next()) take(*p);
    } else {
      PreparedRow p;
      while (reader.next(p.row)) {
        prepare_row(p, sectors_, options_.as_of, false);
        take(p);
      }
    }
    // Only a import that commits needs them back; a rollback restores them.
    if (deferred && result_.problem_count == 0 && !options_.dry_run) deferred->rebuild();
  }

  ImportResult& result() { return result_; }

 private:
  // Rows are written also after a refusal (the import then rolls back), so
  // every row is checked against the same state; the counts and the plan
  // stop at the first refusal.
  bool writing() const { return result_.problem_count == 0; }

  // The plan --dry-run prints; a real import keeps only the counts, so a
  // million rows do not hold a million names in memory.
  void record(ImportAction action) {
    if (options_.dry_run) result_.actions.push_back(std::move(action));
  }

  // One row of the file, its day numbers already read as dates (counted
  // here, in file order, so the summary can say how they were read).
  void take(PreparedRow& p) {
    const ImportRow& row = p.row;
    ++result_.rows;
    if (p.day_numbers && result_.day_numbers == 0) result_.day_number_example = p.day_number_example;
    result_.day_numbers += p.day_numbers;
    if (!row.shape_problem.empty()) {
      refuse(row.line, trc("field", "row"), row.shape_problem);
      return;
    }
    // Grouping never depends on lines: rows share a member only through
    // an id, or by coming from one JSON object's periods.
    if (auto member = row.group.empty() ? std::nullopt : group_member(row.group)) {
      add_period(row, *member);
    } else if (row.group.empty() && row.record != 0 && row.record == last_record_ && object_.known) {
      add_period(row, object_);
    } else {
      member_row(p);
    }
    last_record_ = row.record;
  }

  void refuse(size_t line, std::string field, std::string reason) {
    if (result_.problems.size() < options_.max_problems) {
      result_.problems.push_back({line, std::move(field), std::move(reason)});
    }
    ++result_.problem_count;
  }

  // Refuses each of `problems` on `line`; true if there were none.
  bool refuse_all(size_t line, const std::vector<FieldProblem>& problems) {
    for (const auto& p : problems) refuse(line, p.field, p.reason);
    return problems.empty();
  }

  void member_row(PreparedRow& p) {
    const ImportRow& row = p.row;
    if (row.group.empty()) object_ = Added{};
    if (options_.update) {
      if (auto id = stored_match(row)) return update(row, *id);
    }
    NewMember member;
    const std::string* added_json = nullptr;
    if (p.checked) {
      added_json = &p.added_json;
      if (!refuse_all(row.line, p.problems)) return;
      member = std::move(p.member);
    } else if (!refuse_all(row.line, check_member(row.draft, sectors_, options_.as_of, &member))) {
      return;
    }
    auto file_id = id_of_group(row.group);
    if (file_id) member.wanted_id = *file_id;
    if (!unique(row, member)) return;

    int64_t id = store_.insert_member(member, added_json);  // also after a refused row, so later rows are checked alike
    bool id_from_file = file_id && id == *file_id && std::to_string(*file_id) == row.group;
    added_.add(id, row.line, id_from_file);
    if (!row.group.empty() && !id_from_file) group_ids_[row.group] = id;
    if (keys_) keys_->add(id, member.name_key, member.uscc);
    if (row.group.empty()) object_ = Added{true, id, Period{member.joined, member.left, member.reason}};
    if (!writing()) return;
    ++result_.added;
    record({row.line, ImportAction::What::add, id, member.name, ""});
  }

  // Earlier rows of this file first (named by their line), then the stored
  // roster. A key a refused row brought first stays that row's, so a later
  // row with it is named as a repeat of that line. False if refused.
  bool unique(const ImportRow& row, const NewMember& member) {
    auto name_owner = owner_of_name(member.name_key);
    auto uscc_owner = member.uscc ? owner_of_uscc(*member.uscc) : std::nullopt;
    auto name_line = file_line(refused_names_, member.name_key, name_owner);
    auto uscc_line = member.uscc ? file_line(refused_usccs_, *member.uscc, uscc_owner) : std::nullopt;
    if (name_line) refuse(row.line, "name", trf("'{0}' is already on line {1} of this file", member.name, *name_line));
    if (uscc_line) {
      refuse(row.line, "uscc", trf("USCC {0} is already on line {1} of this file", *member.uscc, *uscc_line));
    }
    std::vector<FieldProblem> stored;
    if (!name_line && !uscc_line) {
      if (name_owner) stored.push_back(duplicate_name(member, member_ref(*name_owner)));
      if (uscc_owner) stored.push_back(duplicate_uscc(member, member_ref(*uscc_owner)));
      if (stored.empty()) return true;
    }
    if (!name_line) refused_names_.emplace(member.name_key, row.line);
    if (member.uscc && !uscc_line) refused_usccs_.emplace(*member.uscc, row.line);
    for (auto& p : stored) refuse(row.line, p.field, trf("{0}; add --update to change it from the file", p.reason));
    return false;
  }

  // The line of this file that holds `key` first: a refused row's, or that
  // of the member `owner` if this import added it.
  std::optional<size_t> file_line(const std::unordered_map<std::string, size_t>& refused, const std::string& key,
                                  std::optional<int64_t>& owner) {
    if (auto it = refused.find(key); it != refused.end()) return it->second;
    if (!owner) return std::nullopt;
    if (auto added = added_.find(*owner)) return added->line;
    return std::nullopt;
  }

  std::optional<int64_t> owner_of_name(const std::string& key) {
    if (keys_) return keys_->owner_of_name(key);
    if (auto m = store_.member_with_name_key(key)) return m->id;
    return std::nullopt;
  }

  std::optional<int64_t> owner_of_uscc(const std::string& uscc) {
    if (keys_) return keys_->owner_of_uscc(uscc);
    if (auto m = store_.member_with_uscc(uscc)) return m->id;
    return std::nullopt;
  }

  MemberRef member_ref(int64_t id) {
    auto& q = StoreAccess::cached(store_, "SELECT name FROM members WHERE id = ?");
    q.bind(1, id);
    q.executeStep();
    return {id, q.getColumn(0).getString()};
  }

  // The id an `id` cell asks for: digits only, under 18 of them.
  static std::optional<int64_t> id_of_group(const std::string& group) {
    if (group.empty() || !all_ascii_digits(group) || group.size() >= 18) return std::nullopt;
    return std::stoll(group);
  }

  // The member an earlier row of this file added under the same id, with
  // its latest period (every period it has came from this file, oldest
  // first, so the rules need only that one).
  std::optional<Added> group_member(const std::string& group) {
    std::optional<int64_t> id;
    if (auto it = group_ids_.find(group); it != group_ids_.end()) {
      id = it->second;
    } else if (auto wanted = id_of_group(group)) {
      if (auto e = added_.find(*wanted); e && e->id_from_file) id = *wanted;
    }
    if (!id) return std::nullopt;
    auto& q = StoreAccess::cached(
        store_, "SELECT joined_on, left_on FROM periods WHERE member_id = ? ORDER BY joined_on DESC LIMIT 1");
    q.bind(1, *id);
    q.executeStep();
    Period last{*parse_iso_date(q.getColumn(0).getString()), std::nullopt, ""};
    if (!q.getColumn(1).isNull()) last.left = parse_iso_date(q.getColumn(1).getString());
    return Added{true, *id, last};
  }

  // --update: the stored member the row names, by USCC, else by name.
  std::optional<int64_t> stored_match(const ImportRow& row) {
    std::string reason;
    if (auto uscc = normalize_uscc(trim(row.draft.uscc), &reason)) {
      if (auto m = store_.member_with_uscc(*uscc)) return m->id;
    }
    if (auto name = trim(row.draft.name); !name.empty() && is_valid_utf8(name)) {
      if (auto m = store_.member_with_name_key(name_key(name))) return m->id;
    }
    return std::nullopt;
  }

  // --update: the columns the file gives replace the stored values; the
  // others are kept. A left date ends the member's open period. The change is
  // made even after an earlier row was refused (the import then rolls it
  // back), so the rows after it are checked as in a clean run.
  void update(const ImportRow& row, int64_t id) {
    MemberRecord stored = store_.member_record(id);
    MemberDraft merged = draft_of(stored);
    auto given = [&](const char* column) { return row.present.count(column) > 0; };
    if (given("name")) merged.name = row.draft.name;
    if (given("uscc")) merged.uscc = row.draft.uscc;
    if (given("sectors")) merged.sectors = row.draft.sectors;
    if (given("tier")) merged.tier = row.draft.tier;
    if (given("city")) merged.city = row.draft.city;
    if (given("parent")) merged.parent = row.draft.parent;
    if (given("note")) merged.note = row.draft.note;
    if (given("sort_key")) merged.sort_key = row.draft.sort_key;
    if (given("contact")) merged.contacts.contact = row.draft.contacts.contact;
    if (given("phone")) merged.contacts.phone = row.draft.contacts.phone;
    if (given("email")) merged.contacts.email = row.draft.contacts.email;
    std::vector<std::string> changed;
    if (!refuse_all(row.line, membership::edit(store_, sectors_, id, merged, options_.as_of, &changed))) return;
    if (!depart(row, stored, changed) || !writing()) return;
    if (changed.empty()) {
      ++result_.unchanged;
      record({row.line, ImportAction::What::unchanged, id, stored.name, ""});
    } else {
      ++result_.updated;
      record({row.line, ImportAction::What::update, id, stored.name, fmt::format("{}", fmt::join(changed, ", "))});
    }
  }

  // An --update row's left date ends the member's open period (and is added
  // to `changed`); the same departure already recorded is no change. False
  // if the row is refused.
  bool depart(const ImportRow& row, const MemberRecord& stored, std::vector<std::string>& changed) {
    std::string text = row.present.count("left") ? trim(row.draft.left) : "";
    std::string reason = trim(row.draft.reason);
    if (auto p = reason_problem(reason, !text.empty())) return refuse_all(row.line, {*p});
    if (text.empty()) return true;
    DateRefusal why{};
    auto left = parse_date(text, &why);
    if (!left) return refuse_all(row.line, {{"left", date_refusal_message(date_field_word("left"), text, why)}});
    const Period* last = furthest_period(stored.periods);
    if (!stored.open_period() && last && last->left == left) return true;  // already recorded
    if (!refuse_all(row.line, membership::leave(store_, stored.id, *left, reason, options_.as_of))) return false;
    changed.push_back("left " + left->iso());
    return true;
  }

  // A later period of a member added earlier in this file (same id). Every
  // period it has came from this file, oldest first, so the rules need only
  // the last one the file gave: no query per row.
  void add_period(const ImportRow& row, Added& member) {
    auto joined_text = trim(row.draft.joined), left_text = trim(row.draft.left);
    DateRefusal joined_why{}, left_why{};
    auto joined = parse_date(joined_text, &joined_why);
    auto left = left_text.empty() ? std::nullopt : parse_date(left_text, &left_why);
    if (!joined)
      return refuse(row.line, "joined", date_refusal_message(date_field_word("joined"), joined_text, joined_why));
    if (!left_text.empty() && !left)
      return refuse(row.line, "left", date_refusal_message(date_field_word("left"), left_text, left_why));
    std::string reason = trim(row.draft.reason);
    if (!refuse_all(row.line, new_period_problems({member.last}, *joined, left, reason, options_.as_of))) return;
    member.last = Period{*joined, left, reason};
    store_.add_period(member.id, *joined, left, reason);
    if (!writing()) return;
    ++result_.periods;
    record({row.line, ImportAction::What::period, member.id, "", joined->iso()});
  }

  Store& store_;
  const ImportOptions& options_;
  bool bulk_;                   // the large-import path (import_bulk.h)
  SectorRegistry sectors_{{}};  // read in run()
  ImportResult result_;
  AddedMembers added_;
  std::optional<MemberKeys> keys_;  // the large-import path's key index
  // Keys first brought by refused rows; ids of groups whose id was not theirs to keep.
  std::unordered_map<std::string, size_t> refused_names_, refused_usccs_;
  std::unordered_map<std::string, int64_t> group_ids_;
  Added object_;            // the member of the last row without an id
  size_t last_record_ = 0;  // the record of the last row
};

}  // namespace

std::string_view action_word(ImportAction::What what) {
  switch (what) {
    case ImportAction::What::add:
      return "add";
    case ImportAction::What::update:
      return "update";
    case ImportAction::What::unchanged:
      return "unchanged";
    case ImportAction::What::period:
      return "period";
  }
  return "?";
}

ImportResult import_members(Store& store, MemberRowReader& reader, const ImportOptions& options) {
  bool bulk = use_bulk_import(store, options);
  Importer importer(store, options, bulk);
  std::optional<ForeignKeysOff> unchecked;
  if (bulk) unchecked.emplace(store);
  store.write_if([&] {
    importer.run(reader);
    auto& r = importer.result();
    r.committed = !options.dry_run && r.problem_count == 0;
    return r.committed;
  });
  return importer.result();
}

}  // namespace roster
