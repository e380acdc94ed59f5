#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "roster/csv.h"
#include "roster/error.h"
#include "roster/export_render.h"
#include "roster/json_dump.h"
#include "roster/json_stream.h"

namespace roster {
namespace {

using nlohmann::ordered_json;

const std::vector<std::string> kColumns = {"id",   "name",   "uscc", "sectors", "tier", "city",
                                           "parent", "note", "joined", "left",  "reason"};

std::string codes(const MemberRecord& m) {
  std::string out;
  for (const auto& c : m.sector_codes) out += (out.empty() ? "" : ";") + c;
  return out;
}

class DelimitedExport : public ExportWriter {
 public:
  DelimitedExport(std::ostream& out, bool csv, bool bom) : out_(out), csv_(csv) {
    if (csv_ && bom) out_ << "\xEF\xBB\xBF";
    write(kColumns);
  }
  void member(const MemberRecord& m) override {
    std::vector<Period> periods = m.periods;
    if (periods.empty()) periods.push_back({});  // a damaged record still shows its fields
    for (const auto& p : periods) {
      write({std::to_string(m.id), m.name, m.uscc.value_or(""), codes(m), m.tier, m.city, m.parent, m.note,
             m.periods.empty() ? "" : p.joined.iso(), p.left ? p.left->iso() : "", p.reason});
    }
  }
  void finish() override { out_.flush(); }

 private:
  void write(const std::vector<std::string>& values) {
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) out_ << (csv_ ? ',' : '\t');
      out_ << (csv_ ? csv_quote(spreadsheet_escape(values[i])) : values[i]);
    }
    out_ << (csv_ ? "\r\n" : "\n");
  }
  std::ostream& out_;
  bool csv_;
};

class JsonExport : public ExportWriter {
 public:
  JsonExport(std::ostream& out, bool lines) : stream_(out, lines) {}
  void member(const MemberRecord& m) override {
    ordered_json doc = {{"id", m.id},       {"name", m.name},     {"uscc", m.uscc ? ordered_json(*m.uscc) : ordered_json()},
                        {"sectors", m.sector_codes}, {"tier", m.tier}, {"city", m.city},
                        {"parent", m.parent}, {"note", m.note}};
    doc["periods"] = ordered_json::array();
    for (const auto& p : m.periods) {
      doc["periods"].push_back({{"joined", p.joined.iso()},
                                {"left", p.left ? ordered_json(p.left->iso()) : ordered_json()},
                                {"reason", p.reason}});
    }
    stream_.item(dump_json(doc));
  }
  void finish() override { stream_.finish(); }

 private:
  JsonStream stream_;
};

}  // namespace

std::unique_ptr<ExportWriter> make_export_writer(Format format, std::ostream& out, const RenderOptions& options) {
  switch (format) {
    case Format::csv: return std::make_unique<DelimitedExport>(out, true, options.bom);
    case Format::tsv: return std::make_unique<DelimitedExport>(out, false, false);
    case Format::json: return std::make_unique<JsonExport>(out, false);
    case Format::jsonl: return std::make_unique<JsonExport>(out, true);
    default: throw usage_error("export writes csv, tsv, json or jsonl");
  }
}

}  // namespace roster
