#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "member_json.h"
#include "roster/delimited.h"
#include "roster/error.h"
#include "roster/history_render.h"
#include "roster/i18n.h"
#include "roster/json_dump.h"
#include "roster/json_stream.h"
#include "roster/labels.h"
#include "roster/table.h"
#include "roster/tier.h"

namespace roster {
namespace {

using nlohmann::ordered_json;

ordered_json to_json(const HistoryEntry& e) {
  return {{"id", e.id},       {"at", e.at},
          {"user", e.user},   {"command", e.command},
          {"kind", e.kind},   {"member_id", e.member_id ? ordered_json(*e.member_id) : ordered_json()},
          {"field", e.field}, {"before", e.before},
          {"after", e.after}};
}

std::string change(const HistoryEntry& e) {
  if (e.before.empty()) return e.after;
  return e.before + " → " + e.after;
}

class TableHistory : public HistoryWriter {
 public:
  TableHistory(std::ostream& out, bool color) : out_(out), color_(color) {
    table_.headers = {tr("WHEN"), tr("WHO"), tr("WHAT"), tr("MEMBER"), tr("FIELD"), tr("CHANGE")};
  }
  void entry(const HistoryEntry& e) override {
    table_.rows.push_back({local_time_of_utc_stamp(e.at), e.user, history_kind_label(e.kind),
                           e.member_id ? fmt::format("#{}", *e.member_id) : "", e.field, change(e)});
  }
  void finish() override { table_.print(out_, color_); }

 private:
  std::ostream& out_;
  bool color_;
  TextTable table_;
};

class TsvHistory : public HistoryWriter {
 public:
  explicit TsvHistory(std::ostream& out) : writer_(out, Format::tsv, false) {
    writer_.row({"id", "at", "user", "command", "kind", "member_id", "field", "before", "after"});
  }
  void entry(const HistoryEntry& e) override {
    writer_.row({std::to_string(e.id), e.at, e.user, e.command, e.kind, e.member_id ? std::to_string(*e.member_id) : "",
                 clean(e.field), clean(e.before), clean(e.after)});
  }
  void finish() override { writer_.flush(); }

 private:
  // A before or after value from an old file could hold a tab or a line
  // break; one history entry stays one TSV line.
  static std::string clean(std::string s) {
    for (char& c : s) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return s;
  }
  DelimitedWriter writer_;
};

class JsonHistory : public HistoryWriter {
 public:
  JsonHistory(std::ostream& out, bool lines) : stream_(out, lines) {}
  void entry(const HistoryEntry& e) override { stream_.item(history_json(e)); }
  void finish() override { stream_.finish(); }

 private:
  JsonStream stream_;
};

}  // namespace

std::string history_json(const HistoryEntry& e) {
  return dump_json(to_json(e));
}

std::unique_ptr<HistoryWriter> make_history_writer(Format format, std::ostream& out, const RenderOptions& options) {
  switch (format) {
    case Format::table:
      return std::make_unique<TableHistory>(out, options.color);
    case Format::tsv:
      return std::make_unique<TsvHistory>(out);
    case Format::json:
      return std::make_unique<JsonHistory>(out, false);
    case Format::jsonl:
      return std::make_unique<JsonHistory>(out, true);
    default:
      throw usage_error(tr("history writes table, tsv, json or jsonl"));
  }
}

void render_member_record(const MemberRecord& m, const std::vector<Sector>& registry, Format format, std::ostream& out,
                          const RenderOptions& options) {
  if (format == Format::json) {
    ordered_json doc = member_record_json(m);
    doc["history"] = ordered_json::array();
    for (const auto& e : m.history) doc["history"].push_back(to_json(e));
    out << dump_json(doc, 2) << '\n';
    return;
  }
  if (format != Format::table) throw usage_error(tr("show writes table or json"));
  std::string sectors;
  if (current_language() == Language::en) {
    for (const auto& s : m.sector_codes) sectors += (sectors.empty() ? "" : ", ") + s;
  } else {
    sectors = sector_codes_label(m.sector_codes, registry);
  }
  // The field names are the json's keys in English, words in Chinese.
  TextTable fields{{tr("FIELD"), tr("VALUE")}, {}, {}};
  fields.rows = {{trc("field", "id"), std::to_string(m.id)},
                 {trc("field", "name"), m.name},
                 {trc("field", "uscc"), m.uscc.value_or("")},
                 {trc("field", "sectors"), sectors},
                 {trc("field", "tier"), tier_label(m.tier)},
                 {trc("field", "city"), m.city},
                 {trc("field", "parent"), m.parent},
                 {trc("field", "note"), m.note},
                 {trc("field", "contact"), m.contacts.contact},
                 {trc("field", "phone"), m.contacts.phone},
                 {trc("field", "email"), m.contacts.email}};
  if (!m.sort_key.empty()) {  // set only to correct ICU's reading of the name
    fields.rows.push_back({trc("field", "sort_key"), m.sort_key});
  }
  fields.print(out, options.color);
  out << '\n';
  TextTable periods{{tr("JOINED"), tr("LEFT"), tr("REASON")}, {}, {}};
  for (const auto& p : m.periods) periods.rows.push_back({p.joined.iso(), p.left ? p.left->iso() : "", p.reason});
  periods.print(out, options.color);
  out << '\n';
  auto history = make_history_writer(Format::table, out, options);
  for (const auto& e : m.history) history->entry(e);
  history->finish();
}

}  // namespace roster
