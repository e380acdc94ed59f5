#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "member_json.h"
#include "roster/delimited.h"
#include "roster/error.h"
#include "roster/export_render.h"
#include "roster/i18n.h"
#include "roster/json_dump.h"
#include "roster/json_stream.h"
#include "roster/sectors.h"
#include "roster/tier.h"

namespace roster {
namespace {

using nlohmann::ordered_json;

// sort_key came later, so it comes last, and the contacts after it: the
// columns before them keep their places for scripts that read by position.
const std::vector<std::string> kColumns = {"id",     "name", "uscc",   "sectors",  "tier",    "city",  "parent", "note",
                                           "joined", "left", "reason", "sort_key", "contact", "phone", "email"};

class DelimitedExport : public ExportWriter {
 public:
  DelimitedExport(std::ostream& out, Format format, bool bom, HeaderLanguage headers) : writer_(out, format, bom) {
    writer_.row(header_row(kColumns, headers));
  }
  void member(const MemberRecord& m) override {
    std::vector<Period> periods = m.periods;
    if (periods.empty()) periods.push_back({});  // a damaged record still shows its fields
    for (const auto& p : periods) {
      writer_.row({std::to_string(m.id), m.name, m.uscc.value_or(""), join_codes(m.sector_codes),
                   std::string(tier_code(m.tier)), m.city, m.parent, m.note, m.periods.empty() ? "" : p.joined.iso(),
                   p.left ? p.left->iso() : "", p.reason, m.sort_key, m.contacts.contact, m.contacts.phone,
                   m.contacts.email});
    }
  }
  void finish() override { writer_.flush(); }

 private:
  DelimitedWriter writer_;
};

class JsonExport : public ExportWriter {
 public:
  JsonExport(std::ostream& out, bool lines) : stream_(out, lines) {}
  void member(const MemberRecord& m) override { stream_.item(dump_json(member_record_json(m))); }
  void finish() override { stream_.finish(); }

 private:
  JsonStream stream_;
};

}  // namespace

std::unique_ptr<ExportWriter> make_export_writer(Format format, std::ostream& out, const RenderOptions& options,
                                                 HeaderLanguage headers) {
  switch (format) {
    case Format::csv:
      return std::make_unique<DelimitedExport>(out, format, options.bom, headers);
    case Format::tsv:
      return std::make_unique<DelimitedExport>(out, format, false, headers);
    case Format::json:
      return std::make_unique<JsonExport>(out, false);
    case Format::jsonl:
      return std::make_unique<JsonExport>(out, true);
    default:
      throw usage_error(tr("export writes csv, tsv, json or jsonl"));
  }
}

}  // namespace roster
