#pragma once
// relkit::flags evaluation results: whether a flag is on and why
// (evaluation), which variant was chosen (variant_result), and one line of
// text for people (render).

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/flags/flag.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {

enum class evaluation_reason : std::uint8_t {
  unknown_flag,         // no flag of that name
  disabled,             // the kill switch is off
  dependency_failed,    // a parent flag is missing, off, or on a different variant
  no_strategies,        // enabled with no strategies: on for everyone
  strategy_matched,     // `strategy` is the first strategy that is on
  no_strategy_matched,  // every strategy was off
};

namespace detail {
inline constexpr relkit::detail::enum_name<evaluation_reason> evaluation_reason_names[] = {
    {evaluation_reason::unknown_flag, "unknown_flag"},
    {evaluation_reason::disabled, "disabled"},
    {evaluation_reason::dependency_failed, "dependency_failed"},
    {evaluation_reason::no_strategies, "no_strategies"},
    {evaluation_reason::strategy_matched, "strategy_matched"},
    {evaluation_reason::no_strategy_matched, "no_strategy_matched"},
};
}  // namespace detail

// "strategy_matched"; "unknown" for a value outside the enum.
[[nodiscard]] constexpr std::string_view to_string(evaluation_reason r) noexcept {
  return relkit::detail::enum_to_string(detail::evaluation_reason_names, r);
}
[[nodiscard]] constexpr std::optional<evaluation_reason> parse_evaluation_reason(
    std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::evaluation_reason_names, name);
}

struct evaluation {
  bool enabled = false;
  evaluation_reason reason = evaluation_reason::unknown_flag;
  int strategy = -1;    // strategy_matched: its index
  int dependency = -1;  // dependency_failed: the failing dependency's index
  // no_strategy_matched: for the last strategy, the index of the first
  // constraint that failed (segment constraints count after the strategy's
  // own), or -1 if its constraints held and its rollout said no.
  int failed_constraint = -1;

  friend bool operator==(const evaluation& a, const evaluation& b) noexcept {
    return a.enabled == b.enabled && a.reason == b.reason && a.strategy == b.strategy &&
           a.dependency == b.dependency && a.failed_constraint == b.failed_constraint;
  }
  friend bool operator!=(const evaluation& a, const evaluation& b) noexcept { return !(a == b); }
};

enum class variant_source : std::uint8_t { none, override_match, strategy_variant, flag_variant };

namespace detail {
inline constexpr relkit::detail::enum_name<variant_source> variant_source_names[] = {
    {variant_source::none, "none"},
    {variant_source::override_match, "override_match"},
    {variant_source::strategy_variant, "strategy_variant"},
    {variant_source::flag_variant, "flag_variant"},
};
}  // namespace detail

// "flag_variant"; "unknown" for a value outside the enum.
[[nodiscard]] constexpr std::string_view to_string(variant_source s) noexcept {
  return relkit::detail::enum_to_string(detail::variant_source_names, s);
}
[[nodiscard]] constexpr std::optional<variant_source> parse_variant_source(
    std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::variant_source_names, name);
}

struct variant_result {
  std::string_view name = "disabled";
  bool enabled = false;                      // a variant was chosen
  bool feature_enabled = false;              // the flag itself is on
  const variant_payload* payload = nullptr;  // points into the flag set
  variant_source source = variant_source::none;

  friend bool operator==(const variant_result& a, const variant_result& b) noexcept {
    return a.name == b.name && a.enabled == b.enabled && a.feature_enabled == b.feature_enabled &&
           a.payload == b.payload && a.source == b.source;
  }
  friend bool operator!=(const variant_result& a, const variant_result& b) noexcept {
    return !(a == b);
  }
};

// One line for people: why `f` is on or off ("Feature.x is on: strategy 1
// (flexibleRollout) matched"). `e` must come from evaluating `f`.
template <class Unused = void>
[[nodiscard]] std::string render(const flag& f, const evaluation& e) {
  std::string out = f.name;
  out += e.enabled ? " is on: " : " is off: ";
  switch (e.reason) {
    case evaluation_reason::unknown_flag:
      out += "unknown flag";
      break;
    case evaluation_reason::disabled:
      out += "disabled (kill switch)";
      break;
    case evaluation_reason::dependency_failed:
      out += "dependency on '";
      out += f.dependencies[static_cast<std::size_t>(e.dependency)].feature;
      out += "' not satisfied";
      break;
    case evaluation_reason::no_strategies:
      out += "enabled with no strategies";
      break;
    case evaluation_reason::strategy_matched:
      out += "strategy " + std::to_string(e.strategy) + " (" +
             f.strategies[static_cast<std::size_t>(e.strategy)].name + ") matched";
      break;
    case evaluation_reason::no_strategy_matched:
      out += "no strategy matched";
      if (e.failed_constraint >= 0) {
        out += " (last strategy: constraint " + std::to_string(e.failed_constraint) + " failed)";
      }
      break;
  }
  return out;
}

}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
