// The dues schedule and the billing policy, as `roster dues schedule` and
// `roster dues policy` show them.
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "roster/delimited.h"
#include "roster/dues_setup_render.h"
#include "roster/error.h"
#include "roster/i18n.h"
#include "roster/json_dump.h"
#include "roster/labels.h"
#include "roster/table.h"

namespace roster {

void render_dues_schedule(const std::vector<ScheduleEntry>& schedule, Format format, std::ostream& out,
                          const RenderOptions& options) {
  switch (format) {
    case Format::json: {
      nlohmann::ordered_json doc = nlohmann::ordered_json::array();
      for (const auto& e : schedule) {
        doc.push_back({{"tier", std::string(tier_code(e.tier))},
                       {"amount_fen", e.amount},
                       {"from", e.from.iso()},
                       {"resolution", e.resolution}});
      }
      out << dump_json(doc, 2) << '\n';
      return;
    }
    case Format::csv:
    case Format::tsv: {
      DelimitedWriter writer(out, format, options.bom);
      writer.row({"tier", "amount_fen", "amount", "from", "resolution"});
      for (const auto& e : schedule) {
        writer.row({std::string(tier_code(e.tier)), std::to_string(e.amount), plain_yuan(e.amount), e.from.iso(),
                    e.resolution});
      }
      writer.flush();
      return;
    }
    case Format::table: {
      TextTable table{{tr("TIER"), tr("AMOUNT (YUAN)"), tr("FROM"), tr("RESOLUTION")}, {false, true}, {}};
      for (const auto& e : schedule) {
        table.rows.push_back({tier_label(e.tier), format_yuan(e.amount), e.from.iso(), e.resolution});
      }
      table.print(out, options.color);
      return;
    }
    default:
      throw usage_error(tr("dues schedule writes table, tsv, csv or json"));
  }
}

void render_dues_policy(const DuesPolicy& policy, Format format, std::ostream& out, const RenderOptions& options) {
  if (format == Format::json) {
    nlohmann::ordered_json doc = {{"year_start", month_day_text(policy.year_start)},
                                  {"due", month_day_text(policy.due)},
                                  {"prorate_from", month_day_text(policy.prorate_from)},
                                  {"prorate_percent", policy.prorate_percent},
                                  {"grace_months", policy.grace_months},
                                  {"suspend_months", policy.suspend_months},
                                  {"lapse_months", policy.lapse_months}};
    out << dump_json(doc, 2) << '\n';
    return;
  }
  // The data formats' field names, and the words the table shows for them.
  std::vector<std::pair<const char*, std::string>> rows = {{"year_start", month_day_text(policy.year_start)},
                                                           {"due", month_day_text(policy.due)},
                                                           {"prorate_from", month_day_text(policy.prorate_from)},
                                                           {"prorate_percent", std::to_string(policy.prorate_percent)},
                                                           {"grace_months", std::to_string(policy.grace_months)},
                                                           {"suspend_months", std::to_string(policy.suspend_months)},
                                                           {"lapse_months", std::to_string(policy.lapse_months)}};
  if (format == Format::tsv) {
    out << "field\tvalue\n";
    for (const auto& [field, value] : rows) out << field << '\t' << value << '\n';
    return;
  }
  if (format != Format::table) throw usage_error(tr("dues policy writes table, tsv or json"));
  const std::string words[] = {tr("dues year starts"), tr("due date"),       tr("prorated from"),
                               tr("prorated percent"), tr("grace (months)"), tr("suspension (months)"),
                               tr("lapse (months)")};
  TextTable table{{tr("FIELD"), tr("VALUE")}, {}, {}};
  for (size_t i = 0; i < rows.size(); ++i) table.rows.push_back({words[i], rows[i].second});
  table.print(out, options.color);
}

}  // namespace roster
