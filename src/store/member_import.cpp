#include "roster/member_import.h"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <unordered_map>

#include "roster/duplicates.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/member_rules.h"
#include "roster/membership.h"
#include "roster/membership_rules.h"
#include "roster/text.h"
#include "roster/uscc.h"

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
  Importer(Store& store, const ImportOptions& options) : store_(store), options_(options) {}

  // Call inside the write transaction: the sector registry is read there, so
  // a sector merged or removed by another process just before is unknown
  // here, never a dangling link.
  void run(MemberRowReader& reader) {
    sectors_ = store_.sectors();
    ImportRow row;
    while (reader.next(row)) {
      ++result_.rows;
      for (std::string* date : {&row.draft.joined, &row.draft.left}) read_day_number(*date);
      if (!row.shape_problem.empty()) {
        refuse(row.line, trc("field", "row"), row.shape_problem);
        continue;
      }
      // Grouping never depends on lines: rows share a member only through
      // an id, or by coming from one JSON object's periods.
      if (!row.group.empty() && groups_.count(row.group)) {
        add_period(row, groups_[row.group]);
      } else if (row.group.empty() && row.record != 0 && row.record == last_record_ && object_.known) {
        add_period(row, object_);
      } else {
        member_row(row);
      }
      last_record_ = row.record;
    }
  }

  ImportResult& result() { return result_; }

 private:
  bool writing() const { return result_.problem_count == 0; }  // keep checking, stop writing

  // The plan --dry-run prints; a real import keeps only the counts, so a
  // million rows do not hold a million names in memory.
  void record(ImportAction action) {
    if (options_.dry_run) result_.actions.push_back(std::move(action));
  }

  // A spreadsheet's day number (45122) stands for its date: the cell of a
  // date column that Excel or WPS saved unformatted. Counted, so the summary
  // can say how they were read.
  void read_day_number(std::string& text) {
    auto date = parse_spreadsheet_serial(text);
    if (!date) return;
    if (result_.day_numbers++ == 0) result_.day_number_example = {trim(text), date->iso()};
    text = date->iso();
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

  void member_row(const ImportRow& row) {
    if (row.group.empty()) object_ = Added{};
    if (options_.update) {
      if (auto id = stored_match(row)) return update(row, *id);
    }
    NewMember member;
    if (!refuse_all(row.line, check_member(row.draft, sectors_, options_.as_of, &member))) return;
    if (all_ascii_digits(row.group) && row.group.size() < 18) {
      member.wanted_id = std::stoll(row.group);
    }

    // Earlier rows of this file first (they are in the transaction, so the
    // store would name them by id, not by line), then the stored roster.
    bool duplicate = false;
    if (auto [it, fresh] = line_of_key_.emplace(member.name_key, row.line); !fresh) {
      refuse(row.line, "name", trf("'{0}' is already on line {1} of this file", member.name, it->second));
      duplicate = true;
    }
    if (member.uscc) {
      if (auto [it, fresh] = line_of_uscc_.emplace(*member.uscc, row.line); !fresh) {
        refuse(row.line, "uscc", trf("USCC {0} is already on line {1} of this file", *member.uscc, it->second));
        duplicate = true;
      }
    }
    if (duplicate) return;
    if (auto stored = stored_duplicates(store_, member); !stored.empty()) {
      for (auto& p : stored) refuse(row.line, p.field, trf("{0}; add --update to change it from the file", p.reason));
      return;
    }
    // Registered even when no longer writing, so the member's later periods
    // are still checked as periods, not reported as duplicate names.
    Added& added = row.group.empty() ? object_ : groups_[row.group];
    added = Added{true, 0, Period{member.joined, member.left, member.reason}};
    if (!writing()) return;
    added.id = store_.insert_member(member);
    ++result_.added;
    record({row.line, ImportAction::What::add, added.id, member.name, ""});
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
    if (!writing()) return;
    store_.add_period(member.id, *joined, left, reason);
    ++result_.periods;
    record({row.line, ImportAction::What::period, member.id, "", joined->iso()});
  }

  Store& store_;
  const ImportOptions& options_;
  SectorRegistry sectors_{{}};  // read in run()
  ImportResult result_;
  std::unordered_map<std::string, size_t> line_of_key_, line_of_uscc_;
  std::unordered_map<std::string, Added> groups_;
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
  Importer importer(store, options);
  store.write_if([&] {
    importer.run(reader);
    auto& r = importer.result();
    r.committed = !options.dry_run && r.problem_count == 0;
    return r.committed;
  });
  return importer.result();
}

}  // namespace roster
