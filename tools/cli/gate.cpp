// relkit gate: a gate spec evaluated on an evidence file and on reports.
#include "commands.hpp"
#include "io.hpp"
#include "json.hpp"

#include <relkit/detail/civil_time.hpp>
#include <relkit/detail/decimal.hpp>
#include <relkit/gates.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relkit::cli {

namespace {

namespace gt = relkit::gates;

constexpr std::string_view gate_help =
    R"(Usage: relkit gate SPEC_FILE [--evidence FILE] [--now TIME] [REPORT OPTIONS]
                  [--markdown | --json]

Evaluates the gate of SPEC_FILE (relkit's gate spec, docs/gates.md) on the
evidence of FILE and of the reports given, and prints the verdict, one line per condition (--markdown: a
nested Markdown list for a merge-request comment; --json: one JSON object, see
below). The gate fails closed: evidence that is absent fails.

Evidence file: one fact a line, '#' starts a comment, times are RFC 3339
(YYYY-MM-DDTHH:MM:SSZ, a fraction and a +HH:MM offset allowed), numbers are decimal:

  now 2026-11-23T12:00:00Z                 the evaluation time (no clock is read)
  author ann                               who made the change
  approval_requested 2026-11-23T11:00:00Z  start of an approval timeout
  metric coverage 84.2                     metric NAME VALUE [baseline B] [samples X,Y,...]
  metric p95 212 baseline 205
  count critical_cves 0                    count NAME N (a non-negative integer)
  approval bob 2026-11-23T11:55:00Z        approval WHO TIME [approve|reject]
  stage smoke passed 2026-11-23T11:50:00Z  stage NAME passed|failed|running|skipped|canceled TIME

Reports (each repeatable; at least one source, --evidence or a report, is
required; a report's counts add up, a metric given twice is an error):

  --junit [NAME=]FILE      JUnit XML (GoogleTest, pytest, Maven Surefire, jest-junit)
                           -> counts tests_total, tests_failed (failures + errors),
                           tests_skipped and the stage NAME (default tests), passed when
                           no test failed and at least one ran, finished at the last
                           suite's timestamp + time (no offset: UTC; none: the
                           evaluation time, --now or the evidence file's now)
  --coverage FILE          Cobertura XML (gcovr, coverage.py, istanbul), JaCoCo XML or an
                           lcov tracefile, its format detected -> metrics coverage and
                           branch_coverage (percent of lines and branches covered, 0-100;
                           absent when the report measured none)
  --coverage-format FORMAT read every --coverage FILE as cobertura, jacoco or lcov
  --sarif FILE             SARIF 2.1.0 -> counts critical_cves high_cves medium_cves low_cves
  --trivy FILE             Trivy JSON  -> the same four counts
  --grype FILE             Grype JSON  -> the same four counts
  --npm-audit FILE         npm audit --json (npm 6 or 7+) -> the same four counts
  --k6 FILE                k6 --summary-export -> metric p95 (ms), k6.METRIC.STAT, count
                           k6.thresholds_failed
  --prometheus NAME=FILE   a Prometheus /api/v1/query result (scalar, or a vector of one
                           sample) -> metric NAME
  --prometheus-baseline NAME=FILE  the same, as the baseline of metric NAME
  --github-reviews FILE    GET /repos/O/R/pulls/N/reviews -> approvals
  --github-jobs FILE       GET /repos/O/R/actions/runs/ID/jobs -> stages
  --gitlab-approvals FILE  GET /projects/ID/merge_requests/IID/approvals -> approvals
  --gitlab-jobs FILE       GET /projects/ID/pipelines/ID/jobs -> stages, counts
                           allow_failure_jobs allowed_failures
  --author NAME            who made the change (the review payloads do not say)
  --now TIME               the evaluation time (RFC 3339), for reports without an
                           evidence file; with one whose now differs, a usage error

The mappings are documented in relkit/gates/test_report.hpp, coverage_report.hpp,
vulnerability_report.hpp, performance_report.hpp and review_report.hpp. A report that cannot be read
exits 2 naming the file; a malformed one prints FILE:LINE:COLUMN: message.

--json prints one JSON object on one line (UTF-8; a byte that is not UTF-8 is
written as U+FFFD):

  {"outcome":"fail","promotes":false,"gate":NODE}

  outcome       the verdict: "pass", "warn", "pending" or "fail"
  promotes      true for pass and warn (exit 0), false otherwise (exit 1)
  gate          the spec's top node; each NODE is
                {"kind":K,"name":N,"outcome":O,"missing_evidence":B,"reason":R,
                 "conditions":[NODE,...]}
    kind              threshold (a metric or count), approvals, stages_passed,
                      no_failure, windows, all_of, any_of, not, score
    name              the metric, count or stage; the label of a group, score or
                      windows node ("" without one)
    outcome           the node's own outcome, as above
    missing_evidence  true when evidence the node or one below it needs is absent
    reason            what the plain verdict prints after the outcome, e.g.
                      coverage 79.9 < 80 (required >= 80)
    conditions        the nodes below it in the spec's order ([] for a leaf)

Exit codes: 0 the gate promotes (PASS or WARN), 1 it does not (FAIL or
PENDING), 2 usage error or an invalid spec or evidence file (the message names
the file and the line, or the spec's byte).
)";

std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) words.push_back(line.substr(i, j - i));
    i = j;
  }
  return words;
}

// Reads the evidence file; on an error, the message names the line.
std::optional<gt::evidence> parse_evidence(std::string_view text, std::string& problem) {
  gt::evidence e;
  std::size_t start = 0;
  std::size_t line_number = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line_number;
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto w = words_of(line);
    if (w.empty()) continue;
    auto fail = [&](const std::string& what) {
      problem = "line " + std::to_string(line_number) + ": " + what;
      return std::nullopt;
    };
    const std::string_view key = w[0];
    if (key == "now" || key == "approval_requested") {
      if (w.size() != 2) return fail(std::string(key) + " takes one time");
      std::string why;
      auto t = parse_time(w[1], why);
      if (!t) return fail(why);
      (key == "now" ? e.now : e.approval_requested_at) = *t;
    } else if (key == "author") {
      if (w.size() != 2) return fail("author takes one name");
      e.author = std::string(w[1]);
    } else if (key == "metric") {
      if (w.size() < 3) return fail("expected metric NAME VALUE");
      gt::metric m;
      m.name = std::string(w[1]);
      auto v = parse_number(w[2]);
      if (!v) return fail("expected a number, got '" + std::string(w[2]) + "'");
      m.value = *v;
      for (std::size_t i = 3; i < w.size(); i += 2) {
        if (i + 1 >= w.size()) return fail("'" + std::string(w[i]) + "' needs a value");
        if (w[i] == "baseline") {
          auto b = parse_number(w[i + 1]);
          if (!b) return fail("expected a number, got '" + std::string(w[i + 1]) + "'");
          m.baseline = *b;
        } else if (w[i] == "samples") {
          std::string_view list = w[i + 1];
          while (!list.empty()) {
            const std::size_t comma = list.find(',');
            auto x = parse_number(list.substr(0, comma));
            if (!x) return fail("expected numbers separated by commas after samples");
            m.baseline_samples.push_back(*x);
            list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
          }
        } else {
          return fail("unknown metric field '" + std::string(w[i]) + "' (baseline, samples)");
        }
      }
      e.metrics.push_back(std::move(m));
    } else if (key == "count") {
      if (w.size() != 3) return fail("expected count NAME N");
      const auto n = w[2].size() <= 18 ? relkit::detail::parse_uint(w[2]) : std::nullopt;
      if (!n) return fail("expected a non-negative integer, got '" + std::string(w[2]) + "'");
      e.counts.push_back({std::string(w[1]), *n});
    } else if (key == "approval") {
      if (w.size() != 3 && w.size() != 4)
        return fail("expected approval WHO TIME [approve|reject]");
      std::string why;
      auto t = parse_time(w[2], why);
      if (!t) return fail(why);
      gt::decision choice = gt::decision::approve;
      if (w.size() == 4) {
        if (w[3] == "reject") {
          choice = gt::decision::reject;
        } else if (w[3] != "approve") {
          return fail("expected approve or reject, got '" + std::string(w[3]) + "'");
        }
      }
      e.approvals.push_back({std::string(w[1]), *t, choice});
    } else if (key == "stage") {
      if (w.size() != 4) return fail("expected stage NAME STATUS TIME");
      static constexpr std::pair<std::string_view, gt::stage_status> statuses[] = {
          {"passed", gt::stage_status::passed},
          {"failed", gt::stage_status::failed},
          {"running", gt::stage_status::running},
          {"skipped", gt::stage_status::skipped},
          {"canceled", gt::stage_status::canceled}};
      std::optional<gt::stage_status> status;
      for (const auto& s : statuses)
        if (s.first == w[2]) status = s.second;
      if (!status) {
        return fail("expected passed, failed, running, skipped or canceled, got '" +
                    std::string(w[2]) + "'");
      }
      std::string why;
      auto t = parse_time(w[3], why);
      if (!t) return fail(why);
      e.stages.push_back({std::string(w[1]), *status, *t});
    } else {
      return fail("unknown fact '" + std::string(key) +
                  "' (now, author, approval_requested, metric, count, approval, stage)");
    }
  }
  return e;
}

// relkit's words for a node's kind in --json: the gate_kind names, "not" for not_.
std::string_view kind_name(gt::gate_kind kind) {
  switch (kind) {
    case gt::gate_kind::threshold:
      return "threshold";
    case gt::gate_kind::approvals:
      return "approvals";
    case gt::gate_kind::stages_passed:
      return "stages_passed";
    case gt::gate_kind::no_failure:
      return "no_failure";
    case gt::gate_kind::windows:
      return "windows";
    case gt::gate_kind::all_of:
      return "all_of";
    case gt::gate_kind::any_of:
      return "any_of";
    case gt::gate_kind::not_:
      return "not";
    case gt::gate_kind::score:
      return "score";
  }
  return "unknown";
}

// One node of the verdict (evaluate() gives each node of the gate one, children in order)
// as the object gate_help documents.
void append_node(std::string& out, const gt::gate& node, const gt::verdict& v) {
  out += '{';
  json::append_key(out, "kind");
  json::append_string(out, kind_name(node.type));
  json::append_key(out, "name");
  json::append_string(out, node.name);
  json::append_key(out, "outcome");
  json::append_string(out, gt::to_string(v.result));
  json::append_key(out, "missing_evidence");
  out += v.missing_evidence ? "true" : "false";
  json::append_key(out, "reason");
  json::append_string(out, v.line);
  json::append_key(out, "conditions");
  out += '[';
  // An invalid node has no verdicts below it (its reason says why).
  if (v.reasons.size() == node.children.size()) {
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      json::append_separator(out);
      append_node(out, node.children[i], v.reasons[i]);
    }
  }
  out += "]}";
}

std::string verdict_json(const gt::gate& gate, const gt::verdict& v) {
  std::string out = "{";
  json::append_key(out, "outcome");
  json::append_string(out, gt::to_string(v.result));
  json::append_key(out, "promotes");
  out += gt::promotes(v.result) ? "true" : "false";
  json::append_key(out, "gate");
  append_node(out, gate, v);
  out += "}\n";
  return out;
}

// ---------------------------------------------------------------- reports

// What the report options share: --coverage-format.
struct report_settings {
  std::optional<gt::coverage_format> coverage_format;
};

// How a report option's value names its file.
enum class report_value {
  file,           // FILE
  optional_name,  // [NAME=]FILE (--junit)
  name,           // NAME=FILE (--prometheus)
};

// A report option of gate_help: its value, and its reader (text, NAME or "" -> evidence).
struct report_kind {
  std::string_view option;
  report_value value;
  relkit::result<gt::evidence> (*read)(std::string_view text, std::string_view name,
                                       const report_settings& settings);
};

relkit::result<gt::evidence> read_coverage_report(std::string_view text,
                                                  const report_settings& settings) {
  if (!settings.coverage_format) return gt::read_coverage(text);
  auto report = gt::read_coverage_report(text, *settings.coverage_format);
  if (!report) return std::move(report).error();
  return gt::to_evidence(*report);
}

using report_text = std::string_view;
using report_name = std::string_view;
using settings_ref = const report_settings&;

constexpr report_kind report_kinds[] = {
    {"--junit", report_value::optional_name,
     [](report_text t, report_name name, settings_ref) {
       return gt::read_junit(t, name.empty() ? report_name("tests") : name);
     }},
    {"--coverage", report_value::file,
     [](report_text t, report_name, settings_ref s) { return read_coverage_report(t, s); }},
    {"--sarif", report_value::file,
     [](report_text t, report_name, settings_ref) { return gt::read_sarif(t); }},
    {"--trivy", report_value::file,
     [](report_text t, report_name, settings_ref) { return gt::read_trivy(t); }},
    {"--grype", report_value::file,
     [](report_text t, report_name, settings_ref) { return gt::read_grype(t); }},
    {"--npm-audit", report_value::file,
     [](report_text t, report_name, settings_ref) { return gt::read_npm_audit(t); }},
    {"--k6", report_value::file,
     [](report_text t, report_name, settings_ref) { return gt::read_k6(t); }},
    {"--prometheus", report_value::name,
     [](report_text t, report_name name, settings_ref) { return gt::read_prometheus(t, name); }},
    {"--prometheus-baseline", report_value::name,
     [](report_text t, report_name name, settings_ref) { return gt::read_prometheus(t, name); }},
    {"--github-reviews", report_value::file,
     [](report_text t, report_name, settings_ref) { return gt::read_github_reviews(t); }},
    {"--github-jobs", report_value::file,
     [](report_text t, report_name, settings_ref) { return gt::read_github_jobs(t); }},
    {"--gitlab-approvals", report_value::file,
     [](report_text t, report_name, settings_ref) { return gt::read_gitlab_approvals(t); }},
    {"--gitlab-jobs", report_value::file,
     [](report_text t, report_name, settings_ref) { return gt::read_gitlab_jobs(t); }},
};

const report_kind* report_kind_of(std::string_view option) {
  for (const report_kind& kind : report_kinds) {
    if (kind.option == option) return &kind;
  }
  return nullptr;
}

// Reads every report option of `args` into `into` (merged with gates::merge; a
// --prometheus-baseline sets the baseline of the metric of its NAME once all are read);
// on a problem, prints it and returns its exit status.
int read_reports(const parsed_args& args, const report_settings& settings, gt::evidence& into,
                 bool& any) {
  std::vector<std::pair<std::string, double>> baselines;
  for (const auto& [option, value] : args.options) {
    const report_kind* kind = report_kind_of(option);
    if (kind == nullptr) continue;
    any = true;
    std::string_view name;
    std::string_view file = value;
    const std::size_t eq = value.find('=');
    if (kind->value == report_value::name) {
      if (eq == std::string_view::npos || eq == 0 || eq + 1 == value.size()) {
        return usage_error(std::string(option) + " takes NAME=FILE", "gate");
      }
      name = value.substr(0, eq);
      file = value.substr(eq + 1);
    } else if (kind->value == report_value::optional_name && eq != std::string_view::npos &&
               value.substr(0, eq).find('/') == std::string_view::npos) {
      // NAME=FILE when the text before the first '=' is no path ("./a=b.xml" is a file).
      name = value.substr(0, eq);
      file = value.substr(eq + 1);
    }
    const std::string path(file);
    std::string text;
    if (const int e = read_file(path, text); e != 0) return io_error("read", path, e);
    auto fragment = kind->read(text, name, settings);
    if (!fragment) return located_error(path, text, fragment.error());
    if (option == "--prometheus-baseline") {
      baselines.emplace_back(std::string(name), fragment->metrics.front().value);
      continue;
    }
    if (auto merged = gt::merge(into, *fragment); !merged) {
      return located_error(path, text, merged.error());
    }
  }
  for (const auto& [metric_name, baseline] : baselines) {
    gt::metric* target = nullptr;
    for (auto& m : into.metrics)
      if (m.name == metric_name) target = &m;
    if (target == nullptr) {
      return usage_error(
          "--prometheus-baseline " + metric_name + " has no --prometheus " + metric_name, "gate");
    }
    target->baseline = baseline;
  }
  return exit_ok;
}

}  // namespace

int gate_command(const arguments& words) {
  const parsed_args args = parse_args(
      words, 0, {"--evidence", "--now", "--author", "--coverage-format"}, {"--markdown", "--json"},
      // report options (gate_help), each repeatable
      repeatable{{"--junit", "--coverage", "--sarif", "--trivy", "--grype", "--npm-audit", "--k6",
                  "--prometheus", "--prometheus-baseline", "--github-reviews", "--github-jobs",
                  "--gitlab-approvals", "--gitlab-jobs"}});
  if (const auto done = settle_args(args, gate_help, "gate", 1)) return *done;
  if (args.flag("--json") && args.flag("--markdown")) {
    return usage_error("--json and --markdown exclude each other", "gate");
  }
  if (args.positional.empty()) return usage_error("gate takes one SPEC_FILE", "gate");
  std::optional<gt::time_point> now;
  if (const auto text = args.option("--now")) {
    std::string problem;
    now = parse_time(*text, problem);
    if (!now) return usage_error("--now: " + problem, "gate");
  }
  report_settings settings;
  if (const auto format = args.option("--coverage-format")) {
    settings.coverage_format = gt::parse_coverage_format(*format);
    if (!settings.coverage_format) {
      return usage_error(
          "--coverage-format takes cobertura, jacoco or lcov, not '" + std::string(*format) + "'",
          "gate");
    }
  }
  const auto evidence_path = args.option("--evidence");
  const std::string spec_path(args.positional[0]);
  std::string spec_text;
  if (const int e = read_file(spec_path, spec_text); e != 0) return io_error("read", spec_path, e);
  auto gate = gt::parse(spec_text);
  if (!gate) return located_error(spec_path, spec_text, gate.error());
  std::optional<gt::evidence> evidence = gt::evidence{};
  if (evidence_path) {
    const std::string path(*evidence_path);
    std::string evidence_text;
    if (const int e = read_file(path, evidence_text); e != 0) return io_error("read", path, e);
    std::string problem;
    evidence = parse_evidence(evidence_text, problem);
    if (!evidence) {
      err("relkit: " + path + " " + problem + "\n");
      return exit_usage;
    }
  }
  bool any_report = false;
  if (const int e = read_reports(args, settings, *evidence, any_report); e != exit_ok) {
    return e;
  }
  if (!evidence_path && !any_report) {
    return usage_error("give --evidence FILE or at least one report", "gate");
  }
  if (const auto author = args.option("--author")) {
    if (evidence->author && *evidence->author != *author) {
      return usage_error("--author " + std::string(*author) +
                             " differs from the evidence's author " + *evidence->author,
                         "gate");
    }
    evidence->author = std::string(*author);
  }
  if (now) {
    if (evidence->now && *evidence->now != *now) {
      return usage_error("--now " + std::string(*args.option("--now")) +
                             " differs from the evidence's now " +
                             std::string(relkit::detail::format_timestamp(
                                             evidence->now->time_since_epoch().count(),
                                             relkit::detail::timestamp_precision::automatic)
                                             .view()),
                         "gate");
    }
    evidence->now = *now;
  }
  // A report that gives no time (Surefire writes no timestamp) finished "now": a
  // failure in it is a failure within any no_failure window, as the library's
  // time_point::max() means, but one a person can read.
  if (evidence->now) {
    for (gt::stage_result& stage : evidence->stages) {
      if (stage.finished_at == gt::time_point::max()) stage.finished_at = *evidence->now;
    }
  }
  const gt::verdict v = gt::evaluate(*gate, *evidence);
  if (args.flag("--json")) {
    out(verdict_json(*gate, v));
  } else {
    out(args.flag("--markdown") ? gt::render(v, {gt::render_format::markdown}) : gt::render(v));
  }
  return gt::promotes(v.result) ? exit_ok : exit_no;
}

}  // namespace relkit::cli
