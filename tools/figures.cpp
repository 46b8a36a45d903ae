// The two figures of the documentation, drawn from relkit's own output:
//
//   docs/figures/rollout-timeline.svg  a canary plan (plan text, parse_plan)
//       driven event by event through rollout::advance: the canary weight over
//       time, the pauses, the analysis runs with each measurement, the abort.
//   docs/figures/expand-contract.svg   migrations::make_plan's phases for a
//       column rename, the app versions allowed in each, the schema each phase
//       adds or removes, its rollback and the point of no return.
//
// The SVG is written here as text (no plotting dependency), every number with
// a fixed format, so the output is the same byte for byte on every machine.
// ctest (figures_up_to_date) regenerates both into the build tree and
// compares them with the committed files. To regenerate:
//
//   cmake --build build/dev --target figures && build/dev/tests/figures docs/figures
#include <relkit/migrations.hpp>
#include <relkit/rollout.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace ro = relkit::rollout;
namespace mig = relkit::migrations;

namespace {

// ---- SVG text helpers --------------------------------------------------------

std::string fixed1(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  std::string s = buffer;
  if (s == "-0.0") s = "0.0";
  return s;
}

std::string escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

class svg {
 public:
  svg(int width, int height, std::string_view title) {
    out_ << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\""
         << height << "\" viewBox=\"0 0 " << width << ' ' << height
         << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
         << "<title>" << escaped(title) << "</title>\n"
         << "<rect x=\"0\" y=\"0\" width=\"" << width << "\" height=\"" << height
         << "\" fill=\"#ffffff\"/>\n";
  }
  void rect(double x, double y, double w, double h, std::string_view fill,
            std::string_view extra = {}) {
    out_ << "<rect x=\"" << fixed1(x) << "\" y=\"" << fixed1(y) << "\" width=\"" << fixed1(w)
         << "\" height=\"" << fixed1(h) << "\" fill=\"" << fill << '"';
    if (!extra.empty()) out_ << ' ' << extra;
    out_ << "/>\n";
  }
  void line(double x1, double y1, double x2, double y2, std::string_view stroke,
            std::string_view extra = {}) {
    out_ << "<line x1=\"" << fixed1(x1) << "\" y1=\"" << fixed1(y1) << "\" x2=\"" << fixed1(x2)
         << "\" y2=\"" << fixed1(y2) << "\" stroke=\"" << stroke << '"';
    if (!extra.empty()) out_ << ' ' << extra;
    out_ << "/>\n";
  }
  void polyline(const std::vector<std::pair<double, double>>& points, std::string_view stroke,
                std::string_view extra = {}) {
    out_ << "<polyline fill=\"none\" stroke=\"" << stroke << "\" points=\"";
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (i != 0) out_ << ' ';
      out_ << fixed1(points[i].first) << ',' << fixed1(points[i].second);
    }
    out_ << '"';
    if (!extra.empty()) out_ << ' ' << extra;
    out_ << "/>\n";
  }
  void circle(double cx, double cy, double r, std::string_view fill, std::string_view extra = {}) {
    out_ << "<circle cx=\"" << fixed1(cx) << "\" cy=\"" << fixed1(cy) << "\" r=\"" << fixed1(r)
         << "\" fill=\"" << fill << '"';
    if (!extra.empty()) out_ << ' ' << extra;
    out_ << "/>\n";
  }
  // anchor: start, middle or end.
  void text(double x, double y, std::string_view content, std::string_view anchor = "start",
            std::string_view extra = {}) {
    out_ << "<text x=\"" << fixed1(x) << "\" y=\"" << fixed1(y) << '"';
    if (anchor != "start") out_ << " text-anchor=\"" << anchor << '"';
    if (!extra.empty()) out_ << ' ' << extra;
    out_ << '>' << escaped(content) << "</text>\n";
  }
  std::string finish() {
    out_ << "</svg>\n";
    return out_.str();
  }

 private:
  std::ostringstream out_;
};

// ---- figure 1: the rollout timeline ------------------------------------------

constexpr std::string_view timeline_plan_text =
    "strategy canary\n"
    "setWeight 10\n"
    "pause 10m\n"
    "analysis smoke\n"
    "  metric error-rate count 3 interval 1m failureLimit 1 successCondition <= 0.01\n"
    "setWeight 30\n"
    "pause 10m\n"
    "setWeight 60\n"
    "pause 10m\n"
    "analysis soak\n"
    "  metric error-rate count 4 interval 1m failureLimit 1 successCondition <= 0.01\n"
    "setWeight 100\n";

// The error rate the controller measures at a minute, when it measures.
struct measured_value {
  int minute;
  double error_rate;
};
constexpr measured_value timeline_measurements[] = {
    {11, 0.004}, {12, 0.006}, {13, 0.003},  // smoke: three successes
    {34, 0.005}, {35, 0.021}, {36, 0.034},  // soak: the second failure aborts
};
constexpr int timeline_minutes = 40;

struct band {
  int from;
  int to;
  std::string label;
};

struct dot {
  int minute;
  double value;
  ro::measurement result;
};

std::string rollout_timeline() {
  const auto doc = ro::parse_plan(timeline_plan_text);
  if (!doc) {
    std::cerr << "figures: the timeline plan: " << relkit::to_string(doc.error()) << '\n';
    return {};
  }
  const ro::plan& plan = doc->validated;
  const ro::time_point start = ro::time_point{} + std::chrono::hours(24 * 365 * 56);
  const auto at = [&](int minute) { return start + std::chrono::minutes(minute); };

  ro::state s = ro::initial_state(plan, "shop:1.5.0");
  std::vector<std::pair<int, int>> weights;  // (minute, weight) after each event
  std::vector<band> pauses;
  std::vector<band> analyses;
  std::vector<dot> dots;
  int pause_from = -1;
  int analysis_from = -1;
  std::uint32_t analysis_step = 0;
  std::string analysis_name;
  int abort_minute = -1;
  int abort_weight = 0;
  std::string abort_reason;

  for (int minute = 0; minute <= timeline_minutes; ++minute) {
    ro::event e = ro::tick{at(minute)};
    if (minute == 0) e = ro::new_artifact{at(0), "shop:1.6.0"};
    for (const measured_value& m : timeline_measurements) {
      if (m.minute != minute) continue;
      const ro::analysis_conditions* conditions =
          ro::conditions_at(*doc, ro::analysis_slot::step, s.step_index);
      const ro::measurement result =
          conditions ? ro::classify(conditions->metrics[0], m.error_rate) : ro::measurement::error;
      dots.push_back({minute, m.error_rate, result});
      e = ro::analysis_result{at(minute), ro::analysis_slot::step, 0, result};
    }
    const std::int32_t weight_before = s.weight;
    const std::uint32_t step_before = s.step_index;
    auto t = ro::advance(plan, std::move(s), e);
    s = std::move(t.next);
    for (const ro::action& a : t.actions) {
      if (a.kind == ro::action_kind::start_analysis && a.slot == ro::analysis_slot::step) {
        analysis_from = minute;
        analysis_step = s.step_index;
        analysis_name = plan.canary().steps[s.step_index].analysis.name;
      }
      if (a.kind == ro::action_kind::rollback) {
        abort_minute = minute;
        abort_weight = weight_before;
        abort_reason = "analysis " + analysis_name + " failed";
      }
    }
    if (analysis_from >= 0 && (s.step_index != analysis_step || s.aborted)) {
      analyses.push_back({analysis_from, minute, "analysis " + analysis_name});
      analysis_from = -1;
    }
    // A pause band per pause step: it ends when the phase or the step changes.
    const bool paused = s.phase == ro::state_phase::paused;
    if (pause_from >= 0 && (!paused || s.step_index != step_before)) {
      pauses.push_back({pause_from, minute, "pause"});
      pause_from = -1;
    }
    if (paused && pause_from < 0) pause_from = minute;
    weights.emplace_back(minute, s.weight);
  }
  if (pause_from >= 0) pauses.push_back({pause_from, timeline_minutes, "pause"});

  // Layout: minutes 0..40 across, weight 0..100 up.
  const double left = 70;
  const double right = 760;
  const double top = 70;
  const double bottom = 320;
  const auto x_of = [&](int minute) {
    return left + (right - left) * minute / static_cast<double>(timeline_minutes);
  };
  const auto y_of = [&](double weight) { return bottom - (bottom - top) * weight / 100.0; };

  svg out(800, 410, "relkit rollout timeline: canary weight over time, pauses, analyses, abort");
  out.text(400, 24, "A canary of shop:1.6.0 driven through relkit::rollout::advance", "middle",
           "font-size=\"15\" font-weight=\"bold\"");
  out.text(400, 44,
           "plan: setWeight 10, pause 10m, analysis smoke, setWeight 30, pause 10m, "
           "setWeight 60, pause 10m, analysis soak, setWeight 100",
           "middle", "font-size=\"11\" fill=\"#444444\"");

  for (const band& b : pauses) {
    out.rect(x_of(b.from), top, x_of(b.to) - x_of(b.from), bottom - top, "#eeeeee");
    out.text((x_of(b.from) + x_of(b.to)) / 2, top + 14, b.label, "middle",
             "font-size=\"11\" fill=\"#666666\"");
  }
  for (const band& b : analyses) {
    out.rect(x_of(b.from), top, x_of(b.to) - x_of(b.from), bottom - top, "#c4dcf4");
    out.text((x_of(b.from) + x_of(b.to)) / 2, top + 14, b.label, "middle",
             "font-size=\"11\" fill=\"#1f5f99\"");
  }

  // Axes and grid.
  for (int w = 0; w <= 100; w += 25) {
    out.line(left, y_of(w), right, y_of(w), "#cccccc", "stroke-width=\"0.5\"");
    out.text(left - 8, y_of(w) + 4, std::to_string(w) + "%", "end");
  }
  for (int m = 0; m <= timeline_minutes; m += 5) {
    out.line(x_of(m), bottom, x_of(m), bottom + 5, "#333333");
    out.text(x_of(m), bottom + 19, std::to_string(m) + "m", "middle");
  }
  out.line(left, bottom, right, bottom, "#333333");
  out.line(left, top, left, bottom, "#333333");
  out.text(left + (right - left) / 2, bottom + 38, "minutes since the new artifact", "middle");
  out.text(20, (top + bottom) / 2, "canary weight", "middle",
           "transform=\"rotate(-90 20 " + fixed1((top + bottom) / 2) + ")\"");

  // The weight: a step line, each change at the minute of the event that made it.
  std::vector<std::pair<double, double>> points;
  int previous = 0;
  points.emplace_back(x_of(0), y_of(0));
  for (const auto& [minute, weight] : weights) {
    if (weight != previous) {
      points.emplace_back(x_of(minute), y_of(previous));
      points.emplace_back(x_of(minute), y_of(weight));
      previous = weight;
    }
  }
  points.emplace_back(x_of(timeline_minutes), y_of(previous));
  out.polyline(points, "#1f5f99", "stroke-width=\"2.5\"");
  int labelled = -1;
  for (const auto& [minute, weight] : weights) {
    if (weight != labelled && weight != 0) {
      out.text(x_of(minute) + 4, y_of(weight) - 6, std::to_string(weight) + "%", "start",
               "font-weight=\"bold\" fill=\"#1f5f99\"");
    }
    labelled = weight;
  }

  // Each measurement: a dot at the top of its analysis band with its value.
  for (const dot& d : dots) {
    const bool ok = d.result == ro::measurement::successful;
    const double y = top + 34;
    out.circle(x_of(d.minute), y, 5, ok ? "#2e8b3e" : "#c62828");
    char value[16];
    std::snprintf(value, sizeof value, "%.3f", d.value);
    out.text(x_of(d.minute), y + 18 + (d.minute % 2 == 0 ? 12 : 0), value, "middle",
             "font-size=\"10\"");
  }

  // The abort.
  if (abort_minute >= 0) {
    const double x = x_of(abort_minute);
    const double y = y_of(abort_weight);
    out.line(x - 7, y - 7, x + 7, y + 7, "#c62828", "stroke-width=\"3\"");
    out.line(x - 7, y + 7, x + 7, y - 7, "#c62828", "stroke-width=\"3\"");
    out.text(x - 12, y_of(40), "abort at " + std::to_string(abort_minute) + "m: " + abort_reason,
             "end", "fill=\"#c62828\" font-weight=\"bold\"");
    out.text(x - 12, y_of(40) + 15, "rollback: weight 0, stable stays shop:1.5.0", "end",
             "fill=\"#c62828\"");
  }

  // Legend.
  const double ly = 388;
  out.rect(left, ly - 10, 14, 12, "#eeeeee");
  out.text(left + 20, ly, "paused (pause step)");
  out.rect(left + 150, ly - 10, 14, 12, "#c4dcf4");
  out.text(left + 170, ly, "analysis run");
  out.circle(left + 270, ly - 4, 5, "#2e8b3e");
  out.text(left + 280, ly, "error-rate \u2264 0.01: Successful");
  out.circle(left + 470, ly - 4, 5, "#c62828");
  out.text(left + 480, ly, "above: Failed (2 > failureLimit 1 aborts)");
  return out.finish();
}

// ---- figure 2: the expand-contract phases --------------------------------------

// A short name for a schema fact of make_plan's phases ("column users.name").
std::string fact_label(const std::string& fact) {
  if (fact.rfind("column ", 0) == 0) return fact.substr(7);
  if (fact.rfind("synced ", 0) == 0) return "sync trigger";
  if (fact.rfind("backfilled ", 0) == 0) return "backfilled";
  return {};
}

std::string expand_contract() {
  const mig::change change = mig::rename_column{"users", "name", "full_name", "text"};
  const auto plan = mig::make_plan(change);
  if (!plan) {
    std::cerr << "figures: the migration plan: " << relkit::to_string(plan.error()) << '\n';
    return {};
  }
  const std::size_t phases = plan->phases.size();
  const std::size_t apps = plan->apps.size();
  const double label_width = 300;
  const double column = 116;
  const double left = 20;
  const double top = 92;
  const double row = 34;
  const double width = left + label_width + column * static_cast<double>(phases) + 20;
  const double apps_bottom = top + row * static_cast<double>(apps);
  const double height = apps_bottom + 140;
  const auto x_of = [&](std::size_t phase) {
    return left + label_width + column * static_cast<double>(phase);
  };

  svg out(static_cast<int>(width), static_cast<int>(height),
          "relkit migrations: the expand-contract phases and the app versions allowed in each");
  out.text(width / 2, 24, plan->summary + ": relkit::migrations::make_plan's phases", "middle",
           "font-size=\"15\" font-weight=\"bold\"");
  out.text(width / 2, 44,
           "every app version allowed in a phase works against the schema before and after it",
           "middle", "font-size=\"11\" fill=\"#444444\"");

  // Phase headers.
  for (std::size_t p = 0; p < phases; ++p) {
    const mig::phase& ph = plan->phases[p];
    const double cx = x_of(p) + column / 2;
    out.text(cx, top - 26, "phase " + std::to_string(p + 1), "middle",
             "font-size=\"11\" fill=\"#666666\"");
    out.text(cx, top - 10, std::string(mig::display_name(ph.kind)), "middle",
             "font-weight=\"bold\"");
  }
  // One row per app version: a bar over the phases it may run in.
  for (std::size_t a = 0; a < apps; ++a) {
    const mig::app_version& app = plan->apps[a];
    const double y = top + row * static_cast<double>(a);
    if (a % 2 == 0) out.rect(left, y, width - left - 20, row, "#f6f6f6");
    out.text(left + 6, y + 21, app.name, "start", "font-weight=\"bold\"");
    out.text(left + 36, y + 21, app.description, "start", "font-size=\"11\"");
    std::size_t p = 0;
    while (p < phases) {
      const auto allowed = [&](std::size_t i) {
        const auto& list = plan->phases[i].apps;
        return std::find(list.begin(), list.end(), app.name) != list.end();
      };
      if (!allowed(p)) {
        ++p;
        continue;
      }
      std::size_t end = p;
      while (end < phases && allowed(end)) ++end;
      out.rect(x_of(p) + 6, y + 7, x_of(end) - x_of(p) - 12, row - 14, "#4f8fcf",
               "rx=\"6\" ry=\"6\"");
      out.text((x_of(p) + x_of(end)) / 2, y + 21, app.name + " runs", "middle",
               "font-size=\"11\" fill=\"#ffffff\" font-weight=\"bold\"");
      p = end;
    }
  }
  for (std::size_t p = 0; p <= phases; ++p) {
    out.line(x_of(p), top - 40, x_of(p), apps_bottom + 120, "#cccccc", "stroke-width=\"0.5\"");
  }

  // What each phase does to the schema: the facts it adds and removes.
  const double schema_top = apps_bottom + 20;
  out.text(left + 6, schema_top + 4, "schema change", "start", "font-weight=\"bold\"");
  out.text(left + 6, schema_top + 20, "(facts make_plan records after each phase)", "start",
           "font-size=\"11\" fill=\"#666666\"");
  std::vector<std::string> before = plan->initial_schema;
  for (std::size_t p = 0; p < phases; ++p) {
    const mig::phase& ph = plan->phases[p];
    std::vector<std::pair<bool, std::string>> lines;
    for (const std::string& fact : ph.schema) {
      if (std::find(before.begin(), before.end(), fact) == before.end() &&
          !fact_label(fact).empty())
        lines.emplace_back(true, fact_label(fact));
    }
    for (const std::string& fact : before) {
      if (std::find(ph.schema.begin(), ph.schema.end(), fact) == ph.schema.end() &&
          !fact_label(fact).empty())
        lines.emplace_back(false, fact_label(fact));
    }
    double y = schema_top + 4;
    if (lines.empty()) {
      out.text(x_of(p) + column / 2, y, ph.sql.empty() ? "none: a deploy" : "none", "middle",
               "font-size=\"11\" fill=\"#666666\"");
    }
    for (const auto& [added, label] : lines) {
      out.text(x_of(p) + column / 2, y, (added ? "+ " : "\u2212 ") + label, "middle",
               added ? "font-size=\"11\" fill=\"#2e6b2e\"" : "font-size=\"11\" fill=\"#c62828\"");
      y += 15;
    }
    before = ph.schema;
  }

  // Rollback of each phase.
  const double rollback_y = apps_bottom + 84;
  out.text(left + 6, rollback_y, "rollback", "start", "font-weight=\"bold\"");
  for (std::size_t p = 0; p < phases; ++p) {
    const mig::phase& ph = plan->phases[p];
    const bool lossless = ph.rollback == mig::rollback_kind::lossless;
    out.text(x_of(p) + column / 2, rollback_y, std::string(mig::to_string(ph.rollback)), "middle",
             lossless ? "fill=\"#2e6b2e\"" : "fill=\"#c62828\" font-weight=\"bold\"");
  }

  // The point of no return: a line before the phase that crosses it.
  for (std::size_t p = 0; p < phases; ++p) {
    if (!plan->phases[p].point_of_no_return) continue;
    const double x = x_of(p);
    out.line(x, top - 40, x, apps_bottom + 120, "#c62828",
             "stroke-width=\"2\" stroke-dasharray=\"6 4\"");
    out.text(x - 6, apps_bottom + 112, "point of no return", "end",
             "fill=\"#c62828\" font-weight=\"bold\" font-size=\"11\"");
    out.text(x - 6, apps_bottom + 126,
             "(SET relkit.acknowledge = '" + plan->phases[p].acknowledgement + "')", "end",
             "fill=\"#c62828\" font-size=\"10\"");
  }
  return out.finish();
}

bool write(const std::string& dir, const std::string& name, const std::string& content) {
  if (content.empty()) return false;
  const std::string path = dir + "/" + name;
  std::ofstream file(path, std::ios::binary);
  file << content;
  if (!file) {
    std::cerr << "figures: cannot write " << path << '\n';
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: figures DIR  (writes DIR/rollout-timeline.svg and "
                 "DIR/expand-contract.svg)\n";
    return 2;
  }
  const std::string dir = argv[1];
  const bool ok = write(dir, "rollout-timeline.svg", rollout_timeline()) &&
                  write(dir, "expand-contract.svg", expand_contract());
  return ok ? 0 : 1;
}
