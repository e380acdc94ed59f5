#include "roster/member_import.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/core.h>

#include "roster/duplicates.h"
#include "roster/error.h"
#include "roster/member_rules.h"
#include "roster/text.h"

namespace roster {
namespace {

const std::vector<std::string> kImportColumns = {"name", "uscc", "sectors", "joined", "left",
                                                 "tier", "city", "parent",  "note"};
// Columns of `roster list` output that import reads past: ids are given by
// the receiving database, and status follows from the dates.
const std::vector<std::string> kIgnoredColumns = {"id", "status"};

std::vector<std::string> split_sectors(const std::string& cell) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t end = cell.find(';', start);
    if (end == std::string::npos) end = cell.size();
    if (auto s = trim(cell.substr(start, end - start)); !s.empty()) out.push_back(s);
    start = end + 1;
  }
  return out;
}

bool blank(const CsvRecord& r) { return r.fields.size() == 1 && trim(r.fields[0]).empty(); }

}  // namespace

CsvMemberReader::CsvMemberReader(std::istream& in, std::string label) : csv_(in, label), label_(std::move(label)) {
  CsvRecord header;
  if (!csv_.next(header)) throw Error(fmt::format("{}: the file is empty; it needs a header line such as {}", label_,
                                                  "name,uscc,sectors,joined,left,tier,city,parent,note"));
  width_ = header.fields.size();
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string name = name_key(trim(header.fields[i]));
    if (std::find(kIgnoredColumns.begin(), kIgnoredColumns.end(), name) != kIgnoredColumns.end()) continue;
    bool known = std::find(kImportColumns.begin(), kImportColumns.end(), name) != kImportColumns.end();
    if (!known) {
      throw Error(fmt::format("{}:{}: header: unknown column '{}'; roster's columns are "
                              "name,uscc,sectors,joined,left,tier,city,parent,note",
                              label_, header.line, trim(header.fields[i])));
    }
    if (!column_.emplace(name, i).second) {
      throw Error(fmt::format("{}:{}: header: column '{}' appears twice; keep one", label_, header.line, name));
    }
  }
  if (!column_.count("name")) {
    throw Error(fmt::format("{}:{}: header: no 'name' column; the first line must name the columns, "
                            "e.g. name,uscc,sectors,joined",
                            label_, header.line));
  }
}

bool CsvMemberReader::next(ImportRow& row) {
  CsvRecord record;
  do {
    if (!csv_.next(record)) return false;
  } while (blank(record));
  auto cell = [&](const char* column) -> std::string {
    auto it = column_.find(column);
    if (it == column_.end() || it->second >= record.fields.size()) return {};
    return spreadsheet_unescape(record.fields[it->second]);
  };
  row.line = record.line;
  row.draft = MemberDraft{cell("name"), cell("uscc"), split_sectors(cell("sectors")), cell("joined"), cell("left"),
                          cell("tier"), cell("city"), cell("parent"),                cell("note"), ""};
  row.shape_problem.clear();
  if (record.fields.size() != width_) {
    // A ragged row usually means an unquoted comma: refuse it rather than
    // guess which cell is which.
    row.shape_problem = fmt::format("{} cells where the header has {}; quote cells that contain commas",
                                    record.fields.size(), width_);
  }
  return true;
}

ImportResult import_members(Store& store, MemberRowReader& reader, Date as_of, bool dry_run, size_t max_problems) {
  ImportResult result;
  SectorRegistry sectors = store.sectors();
  auto refuse = [&](size_t line, std::string field, std::string reason) {
    if (result.problems.size() < max_problems) result.problems.push_back({line, std::move(field), std::move(reason)});
    ++result.problem_count;
  };
  std::unordered_map<std::string, size_t> line_of_key, line_of_uscc;

  store.write_if([&] {
    ImportRow row;
    NewMember member;
    while (reader.next(row)) {
      ++result.rows;
      if (!row.shape_problem.empty()) {
        refuse(row.line, "row", row.shape_problem);
        continue;
      }
      auto problems = check_member(row.draft, sectors, as_of, &member);
      for (auto& p : problems) refuse(row.line, p.field, p.reason);
      if (!problems.empty()) continue;

      // Earlier rows of this file first (they are in the transaction, so the
      // store would name them by id, not by line), then the stored roster.
      bool duplicate = false;
      if (auto [it, fresh] = line_of_key.emplace(member.name_key, row.line); !fresh) {
        refuse(row.line, "name", fmt::format("'{}' is already on line {} of this file", member.name, it->second));
        duplicate = true;
      }
      if (member.uscc) {
        if (auto [it, fresh] = line_of_uscc.emplace(*member.uscc, row.line); !fresh) {
          refuse(row.line, "uscc", fmt::format("USCC {} is already on line {} of this file", *member.uscc, it->second));
          duplicate = true;
        }
      }
      if (!duplicate) {
        for (auto& p : stored_duplicates(store, member)) {
          refuse(row.line, p.field, p.reason);
          duplicate = true;
        }
      }
      if (duplicate || result.problem_count > 0) continue;  // keep checking, stop writing
      store.insert_member(member);
      ++result.added;
    }
    result.committed = !dry_run && result.problem_count == 0;
    return result.committed;
  });
  return result;
}

}  // namespace roster
