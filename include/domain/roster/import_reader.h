#pragma once

#include <filesystem>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "roster/member.h"

namespace roster {

/// One row of an import file, still text, with the line it starts on.
struct ImportRow {
  size_t line = 0;
  MemberDraft draft;
  /// The file's own member id (export's `id`): rows sharing it are the
  /// periods of one member. Empty when the file has no id column.
  std::string group;
  /// Which record of the file (CSV row, JSON object) the row comes from,
  /// counting from 1: the rows of one JSON object's periods share it, so an
  /// object without an id is still one member, wherever it sits on a line.
  size_t record = 0;
  std::string shape_problem;      ///< set when the row itself is malformed (wrong number of cells)
  std::set<std::string> present;  ///< the columns the file gives (--update changes only these)
  /// Every cell of the row by roster column, as text: a prospect file's
  /// columns (stage, owner, …) that a member draft has no place for.
  std::map<std::string, std::string> cells;
};

/// Reads member rows from one file format; see make_member_reader.
class MemberRowReader {
 public:
  virtual ~MemberRowReader() = default;
  /// The next row; false at the end. Throws roster::Error for a file that
  /// cannot be read at all (bad header, unclosed quote, broken JSON).
  virtual bool next(ImportRow& row) = 0;
};

/// Import file formats.
enum class ImportFormat { csv, tsv, json, jsonl };

/// The format a file name's extension implies (.csv .tsv .txt .json .jsonl .ndjson).
std::optional<ImportFormat> import_format_from_name(const std::string& name);

/// True for the names of spreadsheet workbooks (.xlsx .xls, WPS's .et, …),
/// which roster cannot read: they must be saved as CSV first.
bool is_workbook_name(const std::string& name);

/// What a file holds: members (`roster import`), prospects (`roster
/// prospect import`) or dues payments (`roster dues import`), whose columns
/// differ.
enum class ImportTable { members, prospects, payments };

/// How a file's column names map to roster's columns.
struct ColumnMapping {
  /// Whose columns the headers are read as.
  ImportTable table = ImportTable::members;
  /// --map source=target pairs (source as written in the file).
  std::map<std::string, std::string> extra;
  /// Skip columns roster does not know instead of refusing the file.
  bool ignore_unknown = false;
  /// --ignore headers (as written in the file): columns to skip, known or not.
  std::set<std::string> ignored;

  /// roster's column for a header: English names, the usual Chinese ones
  /// (单位名称, 统一社会信用代码, 所属行业, 入会日期, …) and --map; "" if unknown.
  /// For prospects: name, uscc, sectors, tier, city and note as for members,
  /// and stage (阶段), source (来源), owner (负责人), next_action (下一步,
  /// 跟进事项), next_action_on (跟进日期), probability, referrer, added_on.
  /// For payments: member (会员, 单位名称, 会员单位, 名称, name), member_id
  /// (会员编号, 编号, id), year (年度, 会费年度), amount (金额, 缴费金额,
  /// 实缴金额), amount_fen, paid_on (缴费日期, 日期, 到账日期, date),
  /// receipt (收据号, 收据编号, 票据号) and method (缴费方式, 方式).
  std::string column_for(const std::string& header) const;
  /// True for the column whose header marks the header row (and which the
  /// file must have): name, or for payments member or member_id.
  bool is_key_column(const std::string& column) const;
  /// Parses "source=target"; throws a usage error when malformed or the target is unknown.
  void add(const std::string& rule);
  /// Adds an --ignore header; throws a usage error when it is empty.
  void ignore(const std::string& header);
  /// True when --ignore names `header` (compared the way headers are).
  bool ignores(const std::string& header) const;
};

/// The refusal of a file's columns (or JSON keys) that roster does not know:
/// names each one and the --ignore and --map options that get past it (for
/// payments, --ignore and --ignore-unknown-columns).
std::string unknown_columns_message(const std::string& label, size_t line, const std::vector<std::string>& headers,
                                    ImportTable table = ImportTable::members);

/// A reader for `format` over UTF-8 input `in`; `label` names it in messages.
std::unique_ptr<MemberRowReader> make_member_reader(ImportFormat format, std::istream& in, const std::string& label,
                                                    const ColumnMapping& mapping);

}  // namespace roster
