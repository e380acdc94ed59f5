#include "roster/member_import.h"

#include <unordered_map>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "roster/duplicates.h"
#include "roster/error.h"
#include "roster/member_rules.h"
#include "roster/text.h"

namespace roster {
namespace {

// A member added from this file, for the later periods that share its id.
struct Added {
  int64_t id = 0;
  size_t line = 0;
  std::optional<Date> last_left;  // nullopt: its latest period is open
  Date last_joined;
};

class Importer {
 public:
  Importer(Store& store, const ImportOptions& options) : store_(store), options_(options), sectors_(store.sectors()) {}

  void run(MemberRowReader& reader) {
    ImportRow row;
    while (reader.next(row)) {
      ++result_.rows;
      if (!row.shape_problem.empty()) {
        refuse(row.line, "row", row.shape_problem);
        continue;
      }
      if (!row.group.empty() && groups_.count(row.group)) add_period(row, groups_[row.group]);
      else member_row(row);
    }
  }

  ImportResult& result() { return result_; }

 private:
  bool writing() const { return result_.problem_count == 0; }  // keep checking, stop writing

  void refuse(size_t line, std::string field, std::string reason) {
    if (result_.problems.size() < options_.max_problems) {
      result_.problems.push_back({line, std::move(field), std::move(reason)});
    }
    ++result_.problem_count;
  }

  void member_row(const ImportRow& row) {
    NewMember member;
    auto problems = check_member(row.draft, sectors_, options_.as_of, &member);
    for (auto& p : problems) refuse(row.line, p.field, p.reason);
    if (!problems.empty()) return;
    if (!row.group.empty() && row.group.find_first_not_of("0123456789") == std::string::npos && row.group.size() < 18) {
      member.wanted_id = std::stoll(row.group);
    }

    // Earlier rows of this file first (they are in the transaction, so the
    // store would name them by id, not by line), then the stored roster.
    bool duplicate = false;
    if (auto [it, fresh] = line_of_key_.emplace(member.name_key, row.line); !fresh) {
      refuse(row.line, "name", fmt::format("'{}' is already on line {} of this file", member.name, it->second));
      duplicate = true;
    }
    if (member.uscc) {
      if (auto [it, fresh] = line_of_uscc_.emplace(*member.uscc, row.line); !fresh) {
        refuse(row.line, "uscc", fmt::format("USCC {} is already on line {} of this file", *member.uscc, it->second));
        duplicate = true;
      }
    }
    if (duplicate) return;
    if (auto stored = stored_duplicates(store_, member); !stored.empty()) {
      if (options_.update) return update(row, member);
      for (auto& p : stored) refuse(row.line, p.field, p.reason + "; add --update to change it from the file");
      return;
    }
    // Registered even when no longer writing, so the member's later periods
    // are still checked as periods, not reported as duplicate names.
    Added& added = row.group.empty() ? scratch_ : groups_[row.group];
    added = Added{0, row.line, member.left, member.joined};
    if (!writing()) return;
    added.id = store_.insert_member(member);
    ++result_.added;
    result_.actions.push_back({row.line, "add", added.id, member.name, ""});
  }

  // --update: the row names a stored member (by USCC, else by name).
  void update(const ImportRow& row, NewMember& member) {
    auto match = member.uscc ? store_.member_with_uscc(*member.uscc) : std::nullopt;
    if (!match) match = store_.member_with_name_key(member.name_key);
    if (auto other = stored_duplicates(store_, member, match->first); !other.empty()) {
      for (auto& p : other) refuse(row.line, p.field, p.reason);
      return;
    }
    if (!writing()) return;
    MemberRecord before = store_.member_record(match->first);
    store_.update_member(match->first, member);
    std::vector<std::string> changed;
    for (const auto& e : store_.member_record(match->first).history) {
      if (e.kind == "member.edit" && (before.history.empty() || e.id > before.history.back().id)) {
        changed.push_back(e.field);
      }
    }
    ++result_.updated;
    result_.actions.push_back({row.line, "update", match->first, member.name,
                               changed.empty() ? "no change" : fmt::format("{}", fmt::join(changed, ", "))});
  }

  // A later period of a member added earlier in this file (same id).
  void add_period(const ImportRow& row, Added& member) {
    auto joined = parse_iso_date(trim(row.draft.joined));
    auto left_text = trim(row.draft.left);
    auto left = left_text.empty() ? std::nullopt : parse_iso_date(left_text);
    if (!joined) return refuse(row.line, "joined", fmt::format("joined date '{}' is not a real date; write it as "
                                                               "YYYY-MM-DD", trim(row.draft.joined)));
    if (!left_text.empty() && !left) {
      return refuse(row.line, "left", fmt::format("left date '{}' is not a real date; write it as YYYY-MM-DD",
                                                  left_text));
    }
    if (*joined > options_.as_of || (left && *left > options_.as_of)) {
      return refuse(row.line, left && *left > options_.as_of ? "left" : "joined",
                    fmt::format("date is in the future (after {}); enter dates that have happened",
                                options_.as_of.iso()));
    }
    if (left && *left <= *joined) {
      return refuse(row.line, "left", fmt::format("left date {} is not after the joined date {}", left->iso(),
                                                  joined->iso()));
    }
    if (!member.last_left || *joined < *member.last_left) {
      return refuse(row.line, "joined",
                    fmt::format("period from {} overlaps the one before it (line {}); list a member's periods "
                                "oldest first, each after the last one ended",
                                joined->iso(), member.line));
    }
    if (auto p = free_text_problem(trim(row.draft.reason), "reason")) return refuse(row.line, "reason", *p);
    member.last_left = left;
    member.last_joined = *joined;
    if (!writing()) return;
    store_.add_period(member.id, *joined, left, trim(row.draft.reason));
    ++result_.periods;
    result_.actions.push_back({row.line, "period", member.id, "", joined->iso()});
  }

  Store& store_;
  const ImportOptions& options_;
  SectorRegistry sectors_;
  ImportResult result_;
  std::unordered_map<std::string, size_t> line_of_key_, line_of_uscc_;
  std::unordered_map<std::string, Added> groups_;
  Added scratch_;  // for rows without an id
};

}  // namespace

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
