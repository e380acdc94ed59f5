// Which of a file's columns is which: roster's names, the usual Chinese
// headers of association spreadsheets, and --map.
#include <fmt/core.h>

#include <algorithm>
#include <cctype>

#include "roster/column_headers.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/import_reader.h"
#include "roster/text.h"

namespace roster {
namespace {

struct Alias {
  const char* header;
  const char* column;
};

// The Chinese header of each column: what `--headers zh` writes and what
// import reads back. One per column, so list, export and import agree.
constexpr Alias kChineseHeaders[] = {
    {"编号", "id"},
    {"单位名称", "name"},
    {"统一社会信用代码", "uscc"},
    {"所属行业", "sectors"},
    {"会员级别", "tier"},
    {"城市", "city"},
    {"上级单位", "parent"},
    {"备注", "note"},
    {"入会日期", "joined"},
    {"退会日期", "left"},
    {"退会原因", "reason"},
    {"状态", "status"},
    {"拼音排序键", "sort_key"},
    {"联系人", "contact"},
    {"电话", "phone"},
    {"邮箱", "email"},
};

// Every other header import accepts: roster's own names and the usual
// variants in association spreadsheets. Compared after name_key(): case,
// width and spacing do not matter.
constexpr Alias kAliases[] = {
    {"name", "name"},         {"名称", "name"},     {"企业名称", "name"},   {"会员名称", "name"},
    {"uscc", "uscc"},         {"信用代码", "uscc"}, {"sectors", "sectors"}, {"sector", "sectors"},
    {"行业", "sectors"},      {"joined", "joined"}, {"入会时间", "joined"}, {"left", "left"},
    {"退会时间", "left"},     {"tier", "tier"},     {"会员类别", "tier"},   {"级别", "tier"},
    {"city", "city"},         {"所在城市", "city"}, {"parent", "parent"},   {"母公司", "parent"},
    {"note", "note"},         {"reason", "reason"}, {"id", "id"},           {"status", "status"},
    {"sort_key", "sort_key"}, {"拼音", "sort_key"}, {"contact", "contact"}, {"联系人姓名", "contact"},
    {"phone", "phone"},       {"手机", "phone"},    {"联系电话", "phone"},  {"手机号", "phone"},
    {"手机号码", "phone"},    {"email", "email"},   {"电子邮箱", "email"},  {"电子邮件", "email"},
    {"e-mail", "email"},
};

// A prospect file's own headers; of the member columns it has name, uscc,
// sectors, tier, city and note (kProspectShared), under all their headers.
constexpr Alias kProspectHeaders[] = {
    {"stage", "stage"},
    {"阶段", "stage"},
    {"source", "source"},
    {"来源", "source"},
    {"owner", "owner"},
    {"负责人", "owner"},
    {"next_action", "next_action"},
    {"下一步", "next_action"},
    {"跟进事项", "next_action"},
    {"next_action_on", "next_action_on"},
    {"跟进日期", "next_action_on"},
    {"probability", "probability"},
    {"referrer", "referrer"},
    {"added_on", "added_on"},
};
constexpr const char* kProspectShared[] = {"name", "uscc", "sectors", "tier", "city", "note"};

// A payment file's headers (`dues export` writes the English ones): the bank
// statement's and the finance office's usual words. A payment file has none
// of the member columns; its `name` is the member it is from.
constexpr Alias kPaymentHeaders[] = {
    {"member", "member"},      {"name", "member"},           {"会员", "member"},         {"单位名称", "member"},
    {"会员单位", "member"},    {"名称", "member"},           {"member_id", "member_id"}, {"id", "member_id"},
    {"会员编号", "member_id"}, {"编号", "member_id"},        {"year", "year"},           {"年度", "year"},
    {"会费年度", "year"},      {"amount", "amount"},         {"金额", "amount"},         {"缴费金额", "amount"},
    {"实缴金额", "amount"},    {"amount_fen", "amount_fen"}, {"paid_on", "paid_on"},     {"date", "paid_on"},
    {"缴费日期", "paid_on"},   {"日期", "paid_on"},          {"到账日期", "paid_on"},    {"receipt", "receipt"},
    {"收据号", "receipt"},     {"收据编号", "receipt"},      {"票据号", "receipt"},      {"method", "method"},
    {"缴费方式", "method"},    {"方式", "method"},
};

bool is_payment_column(const std::string& column) {
  for (const auto& a : kPaymentHeaders) {
    if (column == a.column) return true;
  }
  return false;
}

bool is_prospect_column(const std::string& column) {
  for (const char* shared : kProspectShared) {
    if (column == shared) return true;
  }
  for (const auto& a : kProspectHeaders) {
    if (column == a.column) return true;
  }
  return false;
}

bool is_column(const std::string& column, ImportTable table) {
  if (table == ImportTable::prospects) return is_prospect_column(column);
  if (table == ImportTable::payments) return is_payment_column(column);
  for (const auto& a : kAliases) {
    if (column == a.column) return true;
  }
  return false;
}

// The column a header names among the member columns, "" if none.
std::string member_column_for(const std::string& key) {
  for (const auto& a : kChineseHeaders) {
    if (name_key(a.header) == key) return a.column;
  }
  for (const auto& a : kAliases) {
    if (name_key(a.header) == key) return a.column;
  }
  return "";
}

}  // namespace

std::string ColumnMapping::column_for(const std::string& header) const {
  std::string key = name_key(trim(header));
  for (const auto& [source, target] : extra) {
    if (name_key(trim(source)) == key) return target;
  }
  if (table == ImportTable::members) return member_column_for(key);
  if (table == ImportTable::payments) {
    for (const auto& a : kPaymentHeaders) {
      if (name_key(a.header) == key) return a.column;
    }
    return "";
  }
  for (const auto& a : kProspectHeaders) {
    if (name_key(a.header) == key) return a.column;
  }
  std::string column = member_column_for(key);
  return is_prospect_column(column) ? column : "";
}

bool ColumnMapping::is_key_column(const std::string& column) const {
  if (table == ImportTable::payments) return column == "member" || column == "member_id";
  return column == "name";
}

std::string chinese_header(const std::string& column) {
  for (const auto& a : kChineseHeaders) {
    if (column == a.column) return a.header;
  }
  return column;
}

std::vector<std::string> header_row(const std::vector<std::string>& columns, HeaderLanguage language) {
  if (language == HeaderLanguage::english) return columns;
  std::vector<std::string> row;
  for (const auto& column : columns) row.push_back(chinese_header(column));
  return row;
}

HeaderLanguage header_language_for(const std::string& name, const std::string& format) {
  if (name == "en") return HeaderLanguage::english;
  if (name != "zh") throw usage_error(trf("--headers '{0}' is not a header language; use en or zh", name));
  if (format != "csv" && format != "tsv") {
    throw usage_error(
        trf("--headers zh is for csv and tsv only, not {0}; add -f csv or -f tsv, or drop --headers zh", format));
  }
  return HeaderLanguage::chinese;
}

void ColumnMapping::add(const std::string& rule) {
  auto eq = rule.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == rule.size()) {
    throw usage_error(trf("--map '{0}' should look like 'source=target', e.g. '公司全称=name'", rule));
  }
  std::string target = name_key(trim(rule.substr(eq + 1)));
  if (!is_column(target, table)) {
    throw usage_error(
        trf("--map '{0}': '{1}' is not one of roster's columns (name, uscc, sectors, joined, left, tier, city, "
            "parent, note, reason, id)",
            rule, trim(rule.substr(eq + 1))));
  }
  extra[trim(rule.substr(0, eq))] = target;
}

void ColumnMapping::ignore(const std::string& header) {
  if (trim(header).empty()) throw usage_error(tr("--ignore needs the header of a column, e.g. --ignore 联系人"));
  ignored.insert(trim(header));
}

bool ColumnMapping::ignores(const std::string& header) const {
  std::string key = name_key(trim(header));
  return std::any_of(ignored.begin(), ignored.end(), [&](const std::string& h) { return name_key(h) == key; });
}

namespace {

// `word` as one shell word: bare when it is letters, digits or any
// non-ASCII text (Chinese headers), else in single quotes.
std::string shell_word(const std::string& word) {
  bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) || c == '_' || c == '-' || c == '.';
  });
  if (plain) return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string unknown_columns_message(const std::string& label, size_t line, const std::vector<std::string>& headers,
                                    ImportTable table) {
  std::string names, flags;
  for (const auto& h : headers) {
    names += (names.empty() ? "" : trc("list", ", ")) + fmt::format(fmt::runtime(trc("quoted", "'{0}'")), trim(h));
    flags += fmt::format("{}--ignore {}", flags.empty() ? "" : " ", shell_word(trim(h)));
  }
  if (table == ImportTable::payments) {
    return trfn(
        "{0}:{1}: header: unknown column {2}; drop it with {3}, or every column roster does not know with "
        "--ignore-unknown-columns (roster reads member, member_id, year, amount, amount_fen, paid_on, receipt and "
        "method)",
        "{0}:{1}: header: unknown columns {2}; drop them with {3}, or every column roster does not know with "
        "--ignore-unknown-columns (roster reads member, member_id, year, amount, amount_fen, paid_on, receipt and "
        "method)",
        headers.size(), label, line, names, flags);
  }
  return trfn(
      "{0}:{1}: header: unknown column {2}; drop it with {3}, or read it as one of roster's columns with --map {4} "
      "(COLUMN: name, uscc, sectors, joined, left, tier, city, parent, note, reason or id)",
      "{0}:{1}: header: unknown columns {2}; drop them with {3}, or read one as one of roster's columns with --map "
      "{4} (COLUMN: name, uscc, sectors, joined, left, tier, city, parent, note, reason or id)",
      headers.size(), label, line, names, flags, shell_word(trim(headers.front()) + "=COLUMN"));
}

std::optional<ImportFormat> import_format_from_name(const std::string& name) {
  std::string ext = std::filesystem::path(name).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".csv") return ImportFormat::csv;
  if (ext == ".tsv" || ext == ".tab" || ext == ".txt") return ImportFormat::tsv;
  if (ext == ".json") return ImportFormat::json;
  if (ext == ".jsonl" || ext == ".ndjson") return ImportFormat::jsonl;
  return std::nullopt;
}

bool is_workbook_name(const std::string& name) {
  std::string ext = std::filesystem::path(name).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* workbook : {".xlsx", ".xlsm", ".xlsb", ".xltx", ".xls", ".xlt", ".et", ".ett"}) {
    if (ext == workbook) return true;
  }
  return false;
}

}  // namespace roster
