#pragma once
// relkit::rollout plan text: make_plan's input as a small line format that
// mirrors Argo Rollouts' canary `steps` (and blueGreen, and Flagger's
// analysis), with the conditions that turn a measured value into a
// measurement. Read by parse_plan; the format, and how it maps to Argo's and
// Flagger's YAML, is docs/rollout-plan.md.
//
//   strategy canary
//   progressDeadlineSeconds 600
//   setWeight 20
//   pause 1h
//   analysis smoke
//     metric error-rate count 3 interval 1m failureLimit 1 successCondition <= 0.01
//   setWeight 50
//   pause
//   backgroundAnalysis health startingStep 1
//     metric p95 interval 5m failureCondition > 300

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/result.hpp"
#include "relkit/rollout/analysis.hpp"
#include "relkit/rollout/error.hpp"
#include "relkit/rollout/plan.hpp"
#include "relkit/rollout/state.hpp"

RELKIT_NAMESPACE_BEGIN
namespace rollout {

// A comparison of a measured value with a number: `result >= 0.95` is
// {greater_equal, 0.95}.
enum class comparison : std::uint8_t { less, less_equal, greater, greater_equal, equal, not_equal };

namespace detail {
inline constexpr relkit::detail::enum_name<comparison> comparison_names[] = {
    {comparison::less, "less"},       {comparison::less_equal, "less_equal"},
    {comparison::greater, "greater"}, {comparison::greater_equal, "greater_equal"},
    {comparison::equal, "equal"},     {comparison::not_equal, "not_equal"},
};
inline constexpr relkit::detail::enum_name<comparison> comparison_wire_names[] = {
    {comparison::less, "<"},    {comparison::less_equal, "<="},
    {comparison::greater, ">"}, {comparison::greater_equal, ">="},
    {comparison::equal, "=="},  {comparison::not_equal, "!="},
};
}  // namespace detail

// "greater_equal"; "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(comparison c) noexcept {
  return relkit::detail::enum_to_string(detail::comparison_names, c);
}
[[nodiscard]] constexpr std::optional<comparison> parse_comparison(std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::comparison_names, text);
}
// The operator as the plan text writes it: "<", "<=", ">", ">=", "==", "!=".
[[nodiscard]] constexpr std::string_view wire_name(comparison c) noexcept {
  return relkit::detail::enum_to_string(detail::comparison_wire_names, c);
}
[[nodiscard]] constexpr std::optional<comparison> parse_wire_comparison(
    std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::comparison_wire_names, text);
}

struct condition {
  comparison op = comparison::greater_equal;
  double value = 0;

  // Whether `measured` op value holds (false for a NaN `measured`).
  [[nodiscard]] constexpr bool holds(double measured) const noexcept {
    switch (op) {
      case comparison::less:
        return measured < value;
      case comparison::less_equal:
        return measured <= value;
      case comparison::greater:
        return measured > value;
      case comparison::greater_equal:
        return measured >= value;
      case comparison::equal:
        return measured == value;
      case comparison::not_equal:
        return measured == measured && measured != value;
    }
    return false;
  }

  friend constexpr bool operator==(const condition& a, const condition& b) noexcept {
    return a.op == b.op && a.value == b.value;
  }
  friend constexpr bool operator!=(const condition& a, const condition& b) noexcept {
    return !(a == b);
  }
};

// One metric's conditions: Argo's successCondition and failureCondition on
// the metric's value; a progressive (Flagger) check's thresholdRange min and
// max are success `>= min` and failure `> max`.
struct metric_conditions {
  std::string metric;  // the metric's name
  std::optional<condition> success;
  std::optional<condition> failure;

  friend bool operator==(const metric_conditions& a, const metric_conditions& b) {
    return a.metric == b.metric && a.success == b.success && a.failure == b.failure;
  }
  friend bool operator!=(const metric_conditions& a, const metric_conditions& b) {
    return !(a == b);
  }
};

// The conditions of one analysis of a plan, where the state machine runs it:
// slot `step` at step index `step` (canary: the analysis step; blue-green: 0
// pre-promotion, 2 post-promotion; progressive: 0, the checks of every
// iteration), or slot `background` (canary: `step` is its first step).
struct analysis_conditions {
  analysis_slot slot = analysis_slot::step;
  std::size_t step = 0;
  std::vector<metric_conditions> metrics;  // in the analysis's metric order

  friend bool operator==(const analysis_conditions& a, const analysis_conditions& b) {
    return a.slot == b.slot && a.step == b.step && a.metrics == b.metrics;
  }
  friend bool operator!=(const analysis_conditions& a, const analysis_conditions& b) {
    return !(a == b);
  }
};

// What parse_plan reads: the validated plan and its metrics' conditions.
struct plan_document {
  rollout::plan validated;                      // make_plan's answer
  std::vector<analysis_conditions> conditions;  // in the text's order
};

// Limits on the plan text: a text beyond them is a bad_plan_format error.
struct parse_options {
  std::size_t max_bytes = std::size_t{1} << 20U;  // 1 MiB
  std::size_t max_steps = 10000;

  friend bool operator==(const parse_options& a, const parse_options& b) noexcept {
    return a.max_bytes == b.max_bytes && a.max_steps == b.max_steps;
  }
  friend bool operator!=(const parse_options& a, const parse_options& b) noexcept {
    return !(a == b);
  }
};

// Reads the plan text and validates it with make_plan. Errors
// (rollout::errc) carry the byte position of the offending word, or of the
// line of the step, analysis or setting a make_plan error is about:
// bad_plan_format for the text's syntax, make_plan's codes for values it
// refuses (a weight above 100, a metric with count 0, ...).
template <class Unused = void>
[[nodiscard]] result<plan_document> parse_plan(std::string_view text,
                                               const parse_options& options = {});

// The conditions of the analysis running in `slot` at step `step` of the
// plan (see analysis_conditions; a progressive plan's checks answer for
// every step), or null.
[[nodiscard]] inline const analysis_conditions* conditions_at(const plan_document& doc,
                                                              analysis_slot slot,
                                                              std::size_t step) noexcept {
  const bool progressive = doc.validated.strategy() == rollout::strategy::progressive;
  for (const analysis_conditions& a : doc.conditions) {
    if (a.slot == slot && (progressive || a.step == step)) return &a;
  }
  return nullptr;
}

// The measurement a value makes for an Argo metric: Argo's rule
// (rollout::evaluate) on its conditions, neither set: successful.
[[nodiscard]] constexpr measurement classify(const metric_conditions& m, double value) noexcept {
  return evaluate(m.success ? std::optional<bool>(m.success->holds(value)) : std::nullopt,
                  m.failure ? std::optional<bool>(m.failure->holds(value)) : std::nullopt);
}

// Whether a value passes a progressive (Flagger) check: every condition set
// says pass (success holds, failure does not).
[[nodiscard]] constexpr bool passes(const metric_conditions& m, double value) noexcept {
  return (!m.success || m.success->holds(value)) && (!m.failure || !m.failure->holds(value));
}

}  // namespace rollout
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/rollout/impl/plan_text.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
