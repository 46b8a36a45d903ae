// relkit gate: a gate spec evaluated on an evidence file.
#include "commands.hpp"
#include "io.hpp"

#include <relkit/detail/civil_time.hpp>
#include <relkit/detail/decimal.hpp>
#include <relkit/gates.hpp>

#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relkit::cli {

namespace {

namespace gt = relkit::gates;

constexpr std::string_view gate_help =
    R"(Usage: relkit gate SPEC_FILE --evidence FILE [--markdown]

Evaluates the gate of SPEC_FILE (relkit's gate spec, README "gates") on the
evidence of FILE and prints the verdict, one line per condition (--markdown: a
nested Markdown list for a merge-request comment). The gate fails closed:
evidence that is absent fails.

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

Exit codes: 0 the gate promotes (PASS or WARN), 1 it does not (FAIL or
PENDING), 2 usage error or an invalid spec or evidence file (the message names
the file and the line, or the spec's byte).
)";

// An RFC 3339 instant ("2026-11-23T12:00:00Z", "...T13:00:00.5+01:00") by
// relkit's one calendar (relkit/detail/civil_time.hpp): 2026-02-31 is refused.
std::optional<gt::time_point> parse_utc(std::string_view t) {
  const auto ms = relkit::detail::parse_timestamp_ms(t);
  if (!ms) return std::nullopt;
  return gt::time_point(std::chrono::milliseconds(*ms));
}

// Why `t` is not a time, naming it.
std::string time_problem(std::string_view t) {
  if (relkit::detail::parse_timestamp(t).status == relkit::detail::timestamp_status::bad_date) {
    return "'" + std::string(t) + "' is not a date in the calendar";
  }
  return "expected a time YYYY-MM-DDTHH:MM:SSZ, got '" + std::string(t) + "'";
}

// A finite decimal number ("0.5", "-2", "1e3", ".5"), correctly rounded and the
// same in every locale; no spaces, hexadecimal, "nan" or "inf".
std::optional<double> parse_decimal(std::string_view text) {
  const auto parsed = relkit::detail::parse_decimal(text, 0, relkit::detail::decimal_grammar::js);
  if (parsed.status != relkit::detail::number_status::ok || parsed.end != text.size() ||
      !std::isfinite(parsed.value)) {
    return std::nullopt;
  }
  return parsed.value;
}

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
      auto t = parse_utc(w[1]);
      if (!t) return fail(time_problem(w[1]));
      (key == "now" ? e.now : e.approval_requested_at) = *t;
    } else if (key == "author") {
      if (w.size() != 2) return fail("author takes one name");
      e.author = std::string(w[1]);
    } else if (key == "metric") {
      if (w.size() < 3) return fail("expected metric NAME VALUE");
      gt::metric m;
      m.name = std::string(w[1]);
      auto v = parse_decimal(w[2]);
      if (!v) return fail("expected a number, got '" + std::string(w[2]) + "'");
      m.value = *v;
      for (std::size_t i = 3; i < w.size(); i += 2) {
        if (i + 1 >= w.size()) return fail("'" + std::string(w[i]) + "' needs a value");
        if (w[i] == "baseline") {
          auto b = parse_decimal(w[i + 1]);
          if (!b) return fail("expected a number, got '" + std::string(w[i + 1]) + "'");
          m.baseline = *b;
        } else if (w[i] == "samples") {
          std::string_view list = w[i + 1];
          while (!list.empty()) {
            const std::size_t comma = list.find(',');
            auto x = parse_decimal(list.substr(0, comma));
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
      auto t = parse_utc(w[2]);
      if (!t) return fail(time_problem(w[2]));
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
      auto t = parse_utc(w[3]);
      if (!t) return fail(time_problem(w[3]));
      e.stages.push_back({std::string(w[1]), *status, *t});
    } else {
      return fail("unknown fact '" + std::string(key) +
                  "' (now, author, approval_requested, metric, count, approval, stage)");
    }
  }
  return e;
}

}  // namespace

int gate_command(const arguments& words) {
  const parsed_args args = parse_args(words, 0, {"--evidence"}, {"--markdown"});
  if (args.help) {
    out(gate_help);
    return exit_ok;
  }
  if (!args.problem.empty()) return usage_error(args.problem, "gate");
  if (args.positional.size() != 1) return usage_error("gate takes one SPEC_FILE", "gate");
  const auto evidence_path = args.option("--evidence");
  if (!evidence_path) return usage_error("--evidence FILE is required", "gate");
  const std::string spec_path(args.positional[0]);
  std::string spec_text;
  if (const int e = read_file(spec_path, spec_text); e != 0) return io_error("read", spec_path, e);
  auto gate = gt::parse(spec_text);
  if (!gate) return located_error(spec_path, spec_text, gate.error());
  const std::string path(*evidence_path);
  std::string evidence_text;
  if (const int e = read_file(path, evidence_text); e != 0) return io_error("read", path, e);
  std::string problem;
  const auto evidence = parse_evidence(evidence_text, problem);
  if (!evidence) {
    err("relkit: " + path + " " + problem + "\n");
    return exit_usage;
  }
  const gt::verdict v = gt::evaluate(*gate, *evidence);
  out(args.flag("--markdown") ? gt::render(v, {gt::render_format::markdown}) : gt::render(v));
  return gt::promotes(v.result) ? exit_ok : exit_no;
}

}  // namespace relkit::cli
