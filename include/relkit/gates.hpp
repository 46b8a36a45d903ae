#pragma once
// relkit::gates: promotion gates over evidence. A gate is a tree of
// conditions (thresholds, approvals, test stages, deploy windows) composed
// with all_of / any_of / not_ / a weighted score. Evaluation fails closed:
// missing evidence fails (also under not_), a timeout never approves, and no
// member can be optional. Every verdict explains itself, one line per node.

#include <charconv>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/gates/detail/text.hpp"
#include "relkit/gates/kayenta.hpp"
#include "relkit/gates/verdict.hpp"
#include "relkit/result.hpp"
#include "relkit/time.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

// The instant type of every relkit component (relkit/time.hpp).
using relkit::time_point;

// ---------------------------------------------------------------- errors

enum class errc {
  unexpected_token = 1,  // a word the spec grammar does not allow here
  unexpected_end,        // input ended inside a group or a line
  bad_number,            // not a finite number
  bad_comparator,        // expected < <= == != >= > (or Keptn's =)
  bad_name,              // names use [A-Za-z0-9_.:/-]
  bad_duration,          // expected 30m, 2h, 45s, 1d
  bad_window,            // malformed day list, time range, date range or offset
  optional_not_allowed,  // allow_failure / optional / skip: a gate cannot be optional
  invalid_gate,          // a structurally invalid gate (empty group, weight <= 0, ...)
  too_deep,              // nesting deeper than 64 levels
};

constexpr std::string_view describe(int code) noexcept {
  switch (static_cast<errc>(code)) {
    case errc::unexpected_token:
      return "unexpected_token";
    case errc::unexpected_end:
      return "unexpected_end";
    case errc::bad_number:
      return "bad_number";
    case errc::bad_comparator:
      return "bad_comparator";
    case errc::bad_name:
      return "bad_name";
    case errc::bad_duration:
      return "bad_duration";
    case errc::bad_window:
      return "bad_window";
    case errc::optional_not_allowed:
      return "optional_not_allowed";
    case errc::invalid_gate:
      return "invalid_gate";
    case errc::too_deep:
      return "too_deep";
  }
  return "unknown";
}

inline constexpr relkit::error_domain error_domain{"gates", &describe};
constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return error_domain;
}

// ---------------------------------------------------------------- evidence

enum class decision : std::uint8_t { approve, reject };

struct approval {
  std::string who;
  time_point at{};
  decision choice = decision::approve;

  template <class T, std::enable_if_t<std::is_same_v<T, approval>, int> = 0>
  friend bool operator==(const approval& a, const T& b) {
    return a.who == b.who && a.at == b.at && a.choice == b.choice;
  }
  template <class T, std::enable_if_t<std::is_same_v<T, approval>, int> = 0>
  friend bool operator!=(const approval& a, const T& b) {
    return !(a == b);
  }
};

// A measured value. A relative criterion reads `baseline` if set, otherwise
// an aggregate of `baseline_samples`; with neither it fails (Keptn passes).
struct metric {
  std::string name;
  double value = 0;
  std::optional<double> baseline;
  std::vector<double> baseline_samples;

  template <class T, std::enable_if_t<std::is_same_v<T, metric>, int> = 0>
  friend bool operator==(const metric& a, const T& b) {
    return a.name == b.name && a.value == b.value && a.baseline == b.baseline &&
           a.baseline_samples == b.baseline_samples;
  }
  template <class T, std::enable_if_t<std::is_same_v<T, metric>, int> = 0>
  friend bool operator!=(const metric& a, const T& b) {
    return !(a == b);
  }
};

// An integer count such as critical CVEs; read by threshold conditions exactly
// like a metric of the same name (metrics are looked up first).
struct count {
  std::string name;
  std::uint64_t value = 0;

  template <class T, std::enable_if_t<std::is_same_v<T, count>, int> = 0>
  friend bool operator==(const count& a, const T& b) {
    return a.name == b.name && a.value == b.value;
  }
  template <class T, std::enable_if_t<std::is_same_v<T, count>, int> = 0>
  friend bool operator!=(const count& a, const T& b) {
    return !(a == b);
  }
};

// Only `passed` counts as passed: skipped and canceled stages are not evidence
// of success; running ones make a stage condition pending.
enum class stage_status : std::uint8_t { passed, failed, running, skipped, canceled };

struct stage_result {
  std::string stage;  // "smoke", "test", "integration"
  stage_status status = stage_status::failed;
  time_point finished_at{};

  template <class T, std::enable_if_t<std::is_same_v<T, stage_result>, int> = 0>
  friend bool operator==(const stage_result& a, const T& b) {
    return a.stage == b.stage && a.status == b.status && a.finished_at == b.finished_at;
  }
  template <class T, std::enable_if_t<std::is_same_v<T, stage_result>, int> = 0>
  friend bool operator!=(const stage_result& a, const T& b) {
    return !(a == b);
  }
};

// Everything a gate may look at, filled by the caller. Absent fields are
// missing evidence, which fails every condition that needs them.
struct evidence {
  std::vector<metric> metrics;
  std::vector<count> counts;
  std::vector<approval> approvals;
  std::optional<std::string> author;                // who made the change
  std::optional<time_point> approval_requested_at;  // start of an approval timeout
  std::vector<stage_result> stages;
  std::optional<time_point> now;  // the evaluation time; never read from a clock

  template <class T, std::enable_if_t<std::is_same_v<T, evidence>, int> = 0>
  friend bool operator==(const evidence& a, const T& b) {
    return a.metrics == b.metrics && a.counts == b.counts && a.approvals == b.approvals &&
           a.author == b.author && a.approval_requested_at == b.approval_requested_at &&
           a.stages == b.stages && a.now == b.now;
  }
  template <class T, std::enable_if_t<std::is_same_v<T, evidence>, int> = 0>
  friend bool operator!=(const evidence& a, const T& b) {
    return !(a == b);
  }
};

// ---------------------------------------------------------------- conditions

enum class comparator : std::uint8_t { lt, le, eq, ne, ge, gt };

// How a criterion's value becomes a target:
//   absolute          target = value                       (">= 80")
//   baseline_delta    target = baseline + value            ("<=+5", ">-5")
//   baseline_percent  target = baseline + |baseline|*value/100   ("<=+10%", "<=10%")
//   baseline_factor   target = baseline + |baseline|*(value-1)   ("<*1.05")
// Relative targets are sign-aware: "+10%" is always 10% higher than the
// baseline, also for a negative baseline (Keptn multiplies instead).
enum class reference : std::uint8_t { absolute, baseline_delta, baseline_percent, baseline_factor };

struct criterion {
  comparator op = comparator::ge;
  double value = 0;
  reference ref = reference::absolute;

  template <class T, std::enable_if_t<std::is_same_v<T, criterion>, int> = 0>
  friend bool operator==(const criterion& a, const T& b) {
    return a.op == b.op && a.value == b.value && a.ref == b.ref;
  }
  template <class T, std::enable_if_t<std::is_same_v<T, criterion>, int> = 0>
  friend bool operator!=(const criterion& a, const T& b) {
    return !(a == b);
  }
};

// How baseline samples are aggregated (Keptn: avg by default); percentiles
// use the nearest-rank method.
enum class aggregate : std::uint8_t { avg, p50, p90, p95 };

enum class window_effect : std::uint8_t { allow, deny };
enum class dst_rule : std::uint8_t { none, eu, us };

struct month_day {
  std::int32_t year = 0;  // 0: every year
  std::uint8_t month = 1;
  std::uint8_t day = 1;

  template <class T, std::enable_if_t<std::is_same_v<T, month_day>, int> = 0>
  friend bool operator==(const month_day& a, const T& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  template <class T, std::enable_if_t<std::is_same_v<T, month_day>, int> = 0>
  friend bool operator!=(const month_day& a, const T& b) {
    return !(a == b);
  }
};

// A deploy window in local time: `utc_offset_minutes` is the standard offset,
// `dst` adds an hour while that rule's summer time is in force. Either weekly
// (`weekdays` non-zero: bit 0 = Monday ... bit 6 = Sunday, local minutes
// [start_minute, end_minute); start > end wraps past midnight and belongs to
// the start day) or a date range (`weekdays` zero: whole local days `from` to
// `to`, inclusive; without years it recurs every year and may wrap New Year).
struct window {
  window_effect effect = window_effect::allow;
  std::uint8_t weekdays = 0;
  std::uint16_t start_minute = 0;
  std::uint16_t end_minute = 1440;
  month_day from{};
  month_day to{};
  std::int16_t utc_offset_minutes = 0;
  dst_rule dst = dst_rule::none;

  template <class T, std::enable_if_t<std::is_same_v<T, window>, int> = 0>
  friend bool operator==(const window& a, const T& b) {
    return a.effect == b.effect && a.weekdays == b.weekdays && a.start_minute == b.start_minute &&
           a.end_minute == b.end_minute && a.from == b.from && a.to == b.to &&
           a.utc_offset_minutes == b.utc_offset_minutes && a.dst == b.dst;
  }
  template <class T, std::enable_if_t<std::is_same_v<T, window>, int> = 0>
  friend bool operator!=(const window& a, const T& b) {
    return !(a == b);
  }
};

enum class gate_kind : std::uint8_t {
  threshold,      // name: metric or count; pass criteria ANDed, optional warn tier
  approvals,      // required distinct approvers; any rejection vetoes
  stages_passed,  // every result of stage `name` passed, at least one present
  no_failure,     // no failed result of stage `name` within `within` before now
  windows,        // deploy windows: deny beats allow; with allow windows one must be open
  all_of,
  any_of,
  not_,
  score,  // Keptn-style weighted score of `children` with pass/warn cut-offs
};

// One node of a gate. Plain data; build it with the functions below or parse
// it from a spec. There is deliberately no "optional" or "allow failure" flag:
// every node blocks.
struct gate {
  gate_kind type = gate_kind::all_of;
  std::string name;  // metric/count/stage name; a label for groups and windows
  // threshold
  std::vector<criterion> pass;
  std::vector<criterion> warn;  // empty: no warning tier
  aggregate baseline_aggregate = aggregate::avg;
  // approvals
  std::uint32_t required = 1;
  bool allow_self_approval = false;
  std::optional<std::chrono::seconds> timeout;  // after it, still too few approvals: fail
  // no_failure
  std::chrono::seconds within{0};
  // windows
  std::vector<window> windows;
  // all_of / any_of / not_ / score
  std::vector<gate> children;
  double pass_score = 90;  // score: pass at or above, in percent
  double warn_score = 75;  // score: warn at or above
  // as an objective of a score
  double weight = 1;
  bool key = false;  // a failing key objective fails the score whatever its value

  template <class T, std::enable_if_t<std::is_same_v<T, gate>, int> = 0>
  friend bool operator==(const gate& a, const T& b) {
    return a.type == b.type && a.name == b.name && a.pass == b.pass && a.warn == b.warn &&
           a.baseline_aggregate == b.baseline_aggregate && a.required == b.required &&
           a.allow_self_approval == b.allow_self_approval && a.timeout == b.timeout &&
           a.within == b.within && a.windows == b.windows && a.children == b.children &&
           a.pass_score == b.pass_score && a.warn_score == b.warn_score && a.weight == b.weight &&
           a.key == b.key;
  }
  template <class T, std::enable_if_t<std::is_same_v<T, gate>, int> = 0>
  friend bool operator!=(const gate& a, const T& b) {
    return !(a == b);
  }
};

// ---------------------------------------------------------------- building

template <class = void>
inline gate threshold(std::string name, std::vector<criterion> pass,
                      std::vector<criterion> warn = {}) {
  gate g;
  g.type = gate_kind::threshold;
  g.name = std::move(name);
  g.pass = std::move(pass);
  g.warn = std::move(warn);
  return g;
}

template <class = void>
inline gate approvals(std::uint32_t required) {
  gate g;
  g.type = gate_kind::approvals;
  g.name = "approvals";
  g.required = required;
  return g;
}

template <class = void>
inline gate stages_passed(std::string stage) {
  gate g;
  g.type = gate_kind::stages_passed;
  g.name = std::move(stage);
  return g;
}

template <class = void>
inline gate no_failure_within(std::string stage, std::chrono::seconds within) {
  gate g;
  g.type = gate_kind::no_failure;
  g.name = std::move(stage);
  g.within = within;
  return g;
}

template <class = void>
inline gate deploy_windows(std::string label, std::vector<window> windows) {
  gate g;
  g.type = gate_kind::windows;
  g.name = std::move(label);
  g.windows = std::move(windows);
  return g;
}

template <class = void>
inline gate all_of(std::string label, std::vector<gate> children) {
  gate g;
  g.type = gate_kind::all_of;
  g.name = std::move(label);
  g.children = std::move(children);
  return g;
}
template <class = void>
inline gate all_of(std::vector<gate> children) {
  return all_of(std::string(), std::move(children));
}

template <class = void>
inline gate any_of(std::string label, std::vector<gate> children) {
  gate g = all_of(std::move(label), std::move(children));
  g.type = gate_kind::any_of;
  return g;
}
template <class = void>
inline gate any_of(std::vector<gate> children) {
  return any_of(std::string(), std::move(children));
}

template <class = void>
inline gate not_(gate child) {
  gate g;
  g.type = gate_kind::not_;
  g.children.push_back(std::move(child));
  return g;
}

template <class = void>
inline gate score(std::string label, double pass_score, double warn_score,
                  std::vector<gate> objectives) {
  gate g = all_of(std::move(label), std::move(objectives));
  g.type = gate_kind::score;
  g.pass_score = pass_score;
  g.warn_score = warn_score;
  return g;
}

// The same node as an objective of a score with this weight.
template <class = void>
inline gate weighted(gate g, double weight) {
  g.weight = weight;
  return g;
}
// The same node as a key (veto) objective of a score.
template <class = void>
inline gate key(gate g) {
  g.key = true;
  return g;
}

// ---------------------------------------------------------------- validation

namespace detail {

template <class = void>
inline bool is_name_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == ':' || c == '/' || c == '-';
}

template <class = void>
inline bool is_valid_name(std::string_view name) noexcept {
  if (name.empty()) return false;
  for (char c : name) {
    if (!is_name_char(c)) return false;
  }
  return true;
}

template <class = void>
inline bool valid_window(const window& w) noexcept {
  if (w.utc_offset_minutes < -18 * 60 || w.utc_offset_minutes > 18 * 60) return false;
  if (w.weekdays != 0) {
    if (w.weekdays > 0x7f || w.start_minute > 1440 || w.end_minute > 1440) return false;
    return w.start_minute != w.end_minute;
  }
  const auto valid_day = [](const month_day& d) {
    return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31 && d.year >= 0 &&
           d.year <= 9999;
  };
  if (!valid_day(w.from) || !valid_day(w.to)) return false;
  // Both dated or both recurring.
  return (w.from.year == 0) == (w.to.year == 0);
}

// Why this node (not its children) is invalid, or nullptr.
template <class = void>
inline const char* node_problem(const gate& g) noexcept {
  if (!(g.weight > 0) || !is_finite(g.weight)) return "weight must be a finite number above 0";
  switch (g.type) {
    case gate_kind::threshold:
      if (!is_valid_name(g.name)) return "threshold needs a name of [A-Za-z0-9_.:/-]";
      if (g.pass.empty()) return "threshold needs at least one pass criterion";
      for (const auto& c : g.pass) {
        if (!is_finite(c.value)) return "criterion value must be finite";
      }
      for (const auto& c : g.warn) {
        if (!is_finite(c.value)) return "criterion value must be finite";
      }
      return nullptr;
    case gate_kind::approvals:
      if (g.required == 0) return "approvals must require at least 1";
      if (g.timeout && g.timeout->count() <= 0) return "approval timeout must be positive";
      return nullptr;
    case gate_kind::stages_passed:
      if (!is_valid_name(g.name)) return "stage needs a name of [A-Za-z0-9_.:/-]";
      return nullptr;
    case gate_kind::no_failure:
      if (!is_valid_name(g.name)) return "stage needs a name of [A-Za-z0-9_.:/-]";
      if (g.within.count() <= 0) return "no_failure needs a positive duration";
      return nullptr;
    case gate_kind::windows:
      if (!is_valid_name(g.name)) return "windows need a label of [A-Za-z0-9_.:/-]";
      if (g.windows.empty()) return "windows need at least one window";
      for (const auto& w : g.windows) {
        if (!valid_window(w)) return "malformed window";
      }
      return nullptr;
    case gate_kind::all_of:
    case gate_kind::any_of:
      if (!g.name.empty() && !is_valid_name(g.name)) return "label must use [A-Za-z0-9_.:/-]";
      if (g.children.empty()) return "a group needs at least one member";
      return nullptr;
    case gate_kind::not_:
      if (g.children.size() != 1) return "not needs exactly one member";
      return nullptr;
    case gate_kind::score:
      if (!g.name.empty() && !is_valid_name(g.name)) return "label must use [A-Za-z0-9_.:/-]";
      if (g.children.empty()) return "a score needs at least one objective";
      // A pass cut-off of 0 would pass anything: an optional gate in disguise.
      if (!(g.pass_score > 0 && g.pass_score <= 100)) return "pass score must be in (0, 100]";
      if (!(g.warn_score > 0 && g.warn_score <= g.pass_score)) {
        return "warn score must be in (0, pass score]";
      }
      return nullptr;
  }
  return "unknown node kind";
}

}  // namespace detail

namespace detail {
template <class = void>
inline result<void> validate_node(const gate& g, int depth) {
  if (depth > 64) return relkit::error{errc::too_deep, 0, "gate nested deeper than 64 levels at 0"};
  if (const char* problem = node_problem(g)) {
    return relkit::error{errc::invalid_gate, 0, std::string(problem) + " at 0"};
  }
  for (const auto& child : g.children) {
    auto checked = validate_node<>(child, depth + 1);
    if (!checked) return checked;
  }
  return {};
}
}  // namespace detail

// The first structural problem of a gate built in code, or success:
// errc::invalid_gate naming the problem, errc::too_deep past 64 levels of
// nesting. evaluate() fails an invalid node closed with the same message.
template <class = void>
[[nodiscard]] inline result<void> validate(const gate& g) {
  return detail::validate_node<>(g, 0);
}

}  // namespace gates
RELKIT_NAMESPACE_END

// The internals need the types above; the public functions below need them.
#include "relkit/gates/detail/evaluate.hpp"
#include "relkit/gates/detail/spec.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

// The verdict with one explained line per node.
template <class = void>
inline verdict evaluate(const gate& g, const evidence& e) {
  verdict v;
  detail::eval_node(g, e, &v, 0);
  return v;
}

// The outcome only: no reason strings, no allocation, stops early.
template <class = void>
inline outcome check(const gate& g, const evidence& e) noexcept {
  return detail::eval_node(g, e, nullptr, 0).result;
}

// "FAIL all_of production: 5 of 6 passed, 1 failed\n  PASS coverage 85 >= 80\n..."
template <class = void>
inline std::string to_text(const verdict& v) {
  std::string out;
  detail::render(out, v, 0, false);
  return out;
}

// A nested Markdown list: "- **FAIL** `all_of production: ...`".
template <class = void>
inline std::string to_markdown(const verdict& v) {
  std::string out;
  detail::render(out, v, 0, true);
  return out;
}

// Parses the line-based gate spec (README "gates"); errors carry the byte
// position and name it in the message.
template <class = void>
inline result<gate> parse(std::string_view spec) {
  detail::spec_parser<> parser(spec);
  return parser.parse_document();
}

// The spec text of a gate; parse(to_string(g)) == g for every parsed gate.
template <class = void>
inline std::string to_string(const gate& g) {
  std::string out;
  detail::append_spec(out, g, 0);
  return out;
}

}  // namespace gates
RELKIT_NAMESPACE_END
