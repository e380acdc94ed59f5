#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "roster/delimited.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/json_dump.h"
#include "roster/json_stream.h"
#include "roster/labels.h"
#include "roster/member_list_render.h"
#include "roster/sectors.h"
#include "roster/table.h"
#include "roster/tier.h"

namespace roster {
namespace {

// The columns of tsv and csv, in order; docs/usage.md lists them.
const std::vector<std::string> kColumns = {"id",     "name", "uscc",   "sectors", "tier",  "city",
                                           "parent", "note", "joined", "left",    "status"};

std::vector<std::string> cells(const MemberRow& m) {
  return {std::to_string(m.id),
          m.name,
          m.uscc.value_or(""),
          join_codes(m.sector_codes),
          std::string(tier_code(m.tier)),
          m.city,
          m.parent,
          m.note,
          m.joined.iso(),
          m.left ? m.left->iso() : "",
          m.active() ? "active" : "left"};
}

class DelimitedListWriter : public MemberListWriter {
 public:
  DelimitedListWriter(std::ostream& out, Format format, bool bom, HeaderLanguage headers) : writer_(out, format, bom) {
    writer_.row(header_row(kColumns, headers));
  }
  void row(const MemberRow& m) override { writer_.row(cells(m)); }
  void finish() override { writer_.flush(); }

 private:
  DelimitedWriter writer_;
};

nlohmann::ordered_json to_json(const MemberRow& m) {
  using nlohmann::json;
  return {{"id", m.id},
          {"name", m.name},
          {"uscc", m.uscc ? json(*m.uscc) : json()},
          {"sectors", m.sector_codes},
          {"primary_sector", m.sector_codes.empty() ? json() : json(m.sector_codes.front())},
          {"tier", std::string(tier_code(m.tier))},
          {"city", m.city},
          {"parent", m.parent},
          {"note", m.note},
          {"joined", m.joined.iso()},
          {"left", m.left ? json(m.left->iso()) : json()},
          {"status", m.active() ? "active" : "left"}};
}

class JsonWriter : public MemberListWriter {
 public:
  JsonWriter(std::ostream& out, bool lines) : stream_(out, lines) {}
  void row(const MemberRow& m) override { stream_.item(dump_json(to_json(m))); }
  void finish() override { stream_.finish(); }

 private:
  JsonStream stream_;
};

class TableWriter : public MemberListWriter {
 public:
  TableWriter(std::ostream& out, const MemberListReport& report, bool color)
      : out_(out), report_(report), color_(color) {
    table_.headers = {tr("ID"), tr("NAME"), tr("SECTORS"), tr("TIER"), tr("CITY"), tr("JOINED")};
    if (report_.show_left) table_.headers.push_back(tr("LEFT"));
    table_.numeric = {true};
  }
  void row(const MemberRow& m) override {
    std::vector<std::string> r = {std::to_string(m.id), m.name, sector_codes_label(m.sector_codes, report_.sectors),
                                  tier_label(m.tier),   m.city, m.joined.iso()};
    if (report_.show_left) r.push_back(m.left ? m.left->iso() : "");
    active_ += m.active() ? 1 : 0;
    table_.rows.push_back(std::move(r));
  }
  void finish() override {
    table_.print(out_, color_);
    size_t shown = table_.rows.size();
    if (report_.show_left) {
      out_ << trfn("{0} member shown ({1} active, {2} left) as of {3}",
                   "{0} members shown ({1} active, {2} left) as of {3}", shown, shown, active_, shown - active_,
                   date_label(report_.as_of))
           << '\n';
    } else {
      out_ << trfn("{0} active member as of {1}", "{0} active members as of {1}", shown, shown,
                   date_label(report_.as_of))
           << '\n';
    }
    out_.flush();
  }

 private:
  std::ostream& out_;
  MemberListReport report_;
  bool color_;
  TextTable table_;
  size_t active_ = 0;
};

}  // namespace

std::unique_ptr<MemberListWriter> make_member_list_writer(Format format, std::ostream& out,
                                                          const MemberListReport& report,
                                                          const RenderOptions& options) {
  switch (format) {
    case Format::table:
      return std::make_unique<TableWriter>(out, report, options.color);
    case Format::tsv:
    case Format::csv:
      return std::make_unique<DelimitedListWriter>(out, format, options.bom, report.headers);
    case Format::json:
      return std::make_unique<JsonWriter>(out, false);
    case Format::jsonl:
      return std::make_unique<JsonWriter>(out, true);
    default:
      throw usage_error(trf("list cannot write {0}; use table, tsv, csv, json or jsonl", format_name(format)));
  }
}

}  // namespace roster
