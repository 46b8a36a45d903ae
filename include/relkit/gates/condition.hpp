#pragma once
// relkit::gates conditions: a gate is a tree of nodes (thresholds,
// approvals, test stages, deploy windows) composed with all_of / any_of /
// not_ / a weighted score; the builders and validate().

#include "relkit/detail/prologue.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/civil_time.hpp"
#include "relkit/gates/detail/text.hpp"
#include "relkit/gates/error.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

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

  friend bool operator==(const criterion& a, const criterion& b) {
    return a.op == b.op && a.value == b.value && a.ref == b.ref;
  }
  friend bool operator!=(const criterion& a, const criterion& b) { return !(a == b); }
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

  friend bool operator==(const month_day& a, const month_day& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const month_day& a, const month_day& b) { return !(a == b); }
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

  friend bool operator==(const window& a, const window& b) {
    return a.effect == b.effect && a.weekdays == b.weekdays && a.start_minute == b.start_minute &&
           a.end_minute == b.end_minute && a.from == b.from && a.to == b.to &&
           a.utc_offset_minutes == b.utc_offset_minutes && a.dst == b.dst;
  }
  friend bool operator!=(const window& a, const window& b) { return !(a == b); }
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

  friend bool operator==(const gate& a, const gate& b) {
    return a.type == b.type && a.name == b.name && a.pass == b.pass && a.warn == b.warn &&
           a.baseline_aggregate == b.baseline_aggregate && a.required == b.required &&
           a.allow_self_approval == b.allow_self_approval && a.timeout == b.timeout &&
           a.within == b.within && a.windows == b.windows && a.children == b.children &&
           a.pass_score == b.pass_score && a.warn_score == b.warn_score && a.weight == b.weight &&
           a.key == b.key;
  }
  friend bool operator!=(const gate& a, const gate& b) { return !(a == b); }
};

// ---------------------------------------------------------------- building

template <class = void>
[[nodiscard]] inline gate threshold(std::string name, std::vector<criterion> pass,
                                    std::vector<criterion> warn = {}) {
  gate g;
  g.type = gate_kind::threshold;
  g.name = std::move(name);
  g.pass = std::move(pass);
  g.warn = std::move(warn);
  return g;
}

template <class = void>
[[nodiscard]] inline gate approvals(std::uint32_t required) {
  gate g;
  g.type = gate_kind::approvals;
  g.name = "approvals";
  g.required = required;
  return g;
}

template <class = void>
[[nodiscard]] inline gate stages_passed(std::string stage) {
  gate g;
  g.type = gate_kind::stages_passed;
  g.name = std::move(stage);
  return g;
}

template <class = void>
[[nodiscard]] inline gate no_failure_within(std::string stage, std::chrono::seconds within) {
  gate g;
  g.type = gate_kind::no_failure;
  g.name = std::move(stage);
  g.within = within;
  return g;
}

template <class = void>
[[nodiscard]] inline gate deploy_windows(std::string label, std::vector<window> windows) {
  gate g;
  g.type = gate_kind::windows;
  g.name = std::move(label);
  g.windows = std::move(windows);
  return g;
}

template <class = void>
[[nodiscard]] inline gate all_of(std::string label, std::vector<gate> children) {
  gate g;
  g.type = gate_kind::all_of;
  g.name = std::move(label);
  g.children = std::move(children);
  return g;
}
template <class = void>
[[nodiscard]] inline gate all_of(std::vector<gate> children) {
  return all_of(std::string(), std::move(children));
}

template <class = void>
[[nodiscard]] inline gate any_of(std::string label, std::vector<gate> children) {
  gate g = all_of(std::move(label), std::move(children));
  g.type = gate_kind::any_of;
  return g;
}
template <class = void>
[[nodiscard]] inline gate any_of(std::vector<gate> children) {
  return any_of(std::string(), std::move(children));
}

template <class = void>
[[nodiscard]] inline gate not_(gate child) {
  gate g;
  g.type = gate_kind::not_;
  g.children.push_back(std::move(child));
  return g;
}

template <class = void>
[[nodiscard]] inline gate score(std::string label, double pass_score, double warn_score,
                                std::vector<gate> objectives) {
  gate g = all_of(std::move(label), std::move(objectives));
  g.type = gate_kind::score;
  g.pass_score = pass_score;
  g.warn_score = warn_score;
  return g;
}

// The same node as an objective of a score with this weight.
template <class = void>
[[nodiscard]] inline gate weighted(gate g, double weight) {
  g.weight = weight;
  return g;
}
// The same node as a key (veto) objective of a score.
template <class = void>
[[nodiscard]] inline gate key(gate g) {
  g.key = true;
  return g;
}

// ---------------------------------------------------------------- validation

namespace detail {

template <class = void>
[[nodiscard]] inline bool is_name_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == ':' || c == '/' || c == '-';
}

template <class = void>
[[nodiscard]] inline bool is_valid_name(std::string_view name) noexcept {
  if (name.empty()) return false;
  for (char c : name) {
    if (!is_name_char(c)) return false;
  }
  return true;
}

template <class = void>
[[nodiscard]] inline bool valid_window(const window& w) noexcept {
  if (w.utc_offset_minutes < -18 * 60 || w.utc_offset_minutes > 18 * 60) return false;
  if (w.weekdays != 0) {
    if (w.weekdays > 0x7f || w.start_minute > 1440 || w.end_minute > 1440) return false;
    return w.start_minute != w.end_minute;
  }
  // A recurring MM-DD (year 0) may be 02-29; a dated one must exist that year.
  const auto valid_day = [](const month_day& d) {
    return d.year >= 0 && d.year <= 9999 &&
           relkit::detail::is_valid_date(d.year == 0 ? 2000 : d.year, d.month, d.day);
  };
  if (!valid_day(w.from) || !valid_day(w.to)) return false;
  // Both dated or both recurring.
  return (w.from.year == 0) == (w.to.year == 0);
}

// Why this node (not its children) is invalid, or nullptr.
template <class = void>
[[nodiscard]] inline const char* node_problem(const gate& g) noexcept {
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
  if (depth > 64) return relkit::error{errc::too_deep, relkit::no_position};
  if (const char* problem = node_problem(g)) {
    return relkit::error{errc::invalid_gate, relkit::no_position,
                         relkit::error_args{}.with_text(problem)};
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

#include "relkit/detail/epilogue.hpp"
