#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "roster/goal_render.h"
#include "roster/i18n.h"
#include "roster/json_dump.h"
#include "roster/table.h"

namespace roster {

void render_goal(const GoalReport& report, Format format, std::ostream& out, const RenderOptions& options) {
  const Goal& goal = report.goal;
  if (format == Format::json) {
    nlohmann::ordered_json doc = {{"start", goal.start.iso()},
                                  {"baseline", report.baseline},
                                  {"target", goal.target},
                                  {"deadline", goal.deadline.iso()}};
    out << dump_json(doc, 2) << '\n';
    return;
  }
  std::vector<std::pair<std::string, std::string>> rows = {{"start", goal.start.iso()},
                                                           {"baseline", std::to_string(report.baseline)},
                                                           {"target", std::to_string(goal.target)},
                                                           {"deadline", goal.deadline.iso()}};
  if (format == Format::tsv) {
    out << "field\tvalue\n";
    for (const auto& [field, value] : rows) out << field << '\t' << value << '\n';
    return;
  }
  TextTable table{{tr("FIELD"), tr("VALUE")}, {}, {}};
  // The fields' words, for the catalog: the table shows them translated.
  static const char* kWords[] = {N_("start"), N_("baseline"), N_("target"), N_("deadline")};
  (void)kWords;
  for (const auto& [field, value] : rows) table.rows.push_back({tr(field.c_str()), value});
  table.print(out, options.color);
}

}  // namespace roster
