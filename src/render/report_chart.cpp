// The report's member-count chart as inline SVG (no scripts, no fonts to fetch).
#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "progress_lines.h"
#include "report_formats.h"
#include "report_parts.h"
#include "roster/i18n.h"

namespace roster {
namespace {

constexpr double kWidth = 520, kHeight = 280;
constexpr double kLeft = 44, kRight = 16, kTop = 16, kBottom = 40;

// A round step for about five gridlines up to `top`.
int grid_step(int top) {
  for (int step : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000}) {
    if (top / step <= 5) return step;
  }
  return std::max(1, top / 5);
}

std::string num(double v) {
  return fmt::format("{:.1f}", v + 0.0);
}

}  // namespace

std::string report_chart_svg(const PeriodReport& r) {
  const auto& points = r.chart;
  int top = r.progress.goal.target;
  for (const auto& p : points) top = std::max({top, p.active, static_cast<int>(std::ceil(p.road))});
  int step = grid_step(top);
  int y_max = (top + step - 1) / step * step;
  double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  auto x = [&](size_t i) {
    return points.size() < 2 ? kLeft + plot_w / 2 : kLeft + plot_w * static_cast<double>(i) / (points.size() - 1);
  };
  auto y = [&](double v) { return kTop + plot_h * (1 - v / y_max); };

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" "
      "font-family=\"sans-serif\" font-size=\"16\">\n",
      kWidth, kHeight, trf("members at the end of each {0}, against the plan", report_parts::kind_word(r.period.kind)));
  for (int v = 0; v <= y_max; v += step) {
    svg += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#d9e2ec\"/>", num(kLeft),
                       num(kWidth - kRight), num(y(v)), num(y(v)));
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#52606d\">{}</text>\n", num(kLeft - 6),
                       num(y(v) + 5), v);
  }
  if (!points.empty()) {
    size_t last = points.size() - 1;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"#52606d\">{}</text>\n", num(x(0)),
                       num(kHeight - 12), points.size() < 2 ? "middle" : "start",
                       report_parts::period_label(r.period.kind, points.front().date));
    if (last > 0) {
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#52606d\">{}</text>\n", num(x(last)),
                         num(kHeight - 12), report_parts::period_label(r.period.kind, points.back().date));
    }
  }
  std::string road, members;
  for (size_t i = 0; i < points.size(); ++i) {
    road += fmt::format("{}{},{}", i ? " " : "", num(x(i)), num(y(points[i].road)));
    members += fmt::format("{}{},{}", i ? " " : "", num(x(i)), num(y(points[i].active)));
  }
  svg += fmt::format(
      "<polyline class=\"road\" points=\"{}\" fill=\"none\" stroke=\"#52606d\" stroke-width=\"2\" "
      "stroke-dasharray=\"6 4\"/>\n",
      road);
  svg += fmt::format(
      "<polyline class=\"members\" points=\"{}\" fill=\"none\" stroke=\"#2f6fdf\" stroke-width=\"2.5\"/>\n", members);
  // Smaller dots when there are many periods, so the line stays readable.
  double radius = points.size() > 60 ? 2 : points.size() > 20 ? 3 : 4;
  for (size_t i = 0; i < points.size(); ++i) {
    svg += fmt::format(
        "<circle class=\"point\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#2f6fdf\"><title>{}</title></circle>\n", num(x(i)),
        num(y(points[i].active)), radius,
        trf("{0}: {1} members (plan {2})", report_parts::period_label(r.period.kind, points[i].date), points[i].active,
            plan_members(points[i].road)));
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace roster
