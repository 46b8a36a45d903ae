#pragma once
// relkit::flags' flag model (plain data): kill switch, strategies, variants
// with overrides and payloads, dependencies on other flags, lifecycle. It
// follows Unleash's semantics, so an Unleash payload maps onto it one to one
// (relkit/unleash.hpp).

#include "relkit/detail/prologue.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/flags/constraint.hpp"
#include "relkit/time.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {

// The value a variant carries.
struct variant_payload {
  std::string type;  // "string", "json", "csv", "number"
  std::string value;

  friend bool operator==(const variant_payload& a, const variant_payload& b) {
    return a.type == b.type && a.value == b.value;
  }
  friend bool operator!=(const variant_payload& a, const variant_payload& b) { return !(a == b); }
};

// Context values that force a variant before any hashing.
struct variant_override {
  std::string context_name;
  std::vector<std::string> values;

  friend bool operator==(const variant_override& a, const variant_override& b) {
    return a.context_name == b.context_name && a.values == b.values;
  }
  friend bool operator!=(const variant_override& a, const variant_override& b) { return !(a == b); }
};

struct variant {
  std::string name;
  std::uint32_t weight = 0;
  std::string weight_type;  // "variable" or "fix" (informational here)
  std::string stickiness;   // "default", "random", or a context field
  std::optional<variant_payload> payload;
  std::vector<variant_override> overrides;

  friend bool operator==(const variant& a, const variant& b) {
    return a.name == b.name && a.weight == b.weight && a.weight_type == b.weight_type &&
           a.stickiness == b.stickiness && a.payload == b.payload && a.overrides == b.overrides;
  }
  friend bool operator!=(const variant& a, const variant& b) { return !(a == b); }
};

enum class strategy_kind : std::uint8_t {
  default_on,                  // "default": on for everyone (subject to constraints)
  user_with_id,                // "userWithId": ids = user ids
  flexible_rollout,            // percentage + stickiness + group_id
  gradual_rollout_user_id,     // legacy: percentage of userId
  gradual_rollout_session_id,  // legacy: percentage of sessionId
  gradual_rollout_random,      // legacy: random percentage
  remote_address,              // "remoteAddress": ids = addresses or IPv4 CIDR ranges
  application_hostname,        // "applicationHostname": ids = host names
  unknown,                     // a custom strategy: false, as in Unleash's SDKs
};

namespace detail {
inline constexpr relkit::detail::enum_name<strategy_kind> strategy_kind_names[] = {
    {strategy_kind::default_on, "default_on"},
    {strategy_kind::user_with_id, "user_with_id"},
    {strategy_kind::flexible_rollout, "flexible_rollout"},
    {strategy_kind::gradual_rollout_user_id, "gradual_rollout_user_id"},
    {strategy_kind::gradual_rollout_session_id, "gradual_rollout_session_id"},
    {strategy_kind::gradual_rollout_random, "gradual_rollout_random"},
    {strategy_kind::remote_address, "remote_address"},
    {strategy_kind::application_hostname, "application_hostname"},
    {strategy_kind::unknown, "unknown"},
};
// The strategy names Unleash puts on the wire; strategy_kind::unknown has none.
inline constexpr relkit::detail::enum_name<strategy_kind> strategy_kind_wire_names[] = {
    {strategy_kind::default_on, "default"},
    {strategy_kind::user_with_id, "userWithId"},
    {strategy_kind::flexible_rollout, "flexibleRollout"},
    {strategy_kind::gradual_rollout_user_id, "gradualRolloutUserId"},
    {strategy_kind::gradual_rollout_session_id, "gradualRolloutSessionId"},
    {strategy_kind::gradual_rollout_random, "gradualRolloutRandom"},
    {strategy_kind::remote_address, "remoteAddress"},
    {strategy_kind::application_hostname, "applicationHostname"},
};
}  // namespace detail

// "flexible_rollout"; "unknown" for strategy_kind::unknown and strays.
[[nodiscard]] constexpr std::string_view to_string(strategy_kind k) noexcept {
  return relkit::detail::enum_to_string(detail::strategy_kind_names, k);
}
[[nodiscard]] constexpr std::optional<strategy_kind> parse_strategy_kind(
    std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::strategy_kind_names, name);
}
// Unleash's name ("flexibleRollout"); "unknown" for strategy_kind::unknown and
// strays. parse_wire_strategy_kind reads it back (nullopt: a custom strategy).
[[nodiscard]] constexpr std::string_view wire_name(strategy_kind k) noexcept {
  return relkit::detail::enum_to_string(detail::strategy_kind_wire_names, k);
}
[[nodiscard]] constexpr std::optional<strategy_kind> parse_wire_strategy_kind(
    std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::strategy_kind_wire_names, name);
}

struct strategy {
  strategy_kind kind = strategy_kind::default_on;
  std::string name;                // the name in the payload ("flexibleRollout")
  std::uint32_t percentage = 100;  // rollout, 0..100
  std::string group_id;            // empty: the flag's name (flexibleRollout)
  std::string stickiness = "default";
  std::vector<std::string> ids;
  std::vector<constraint> constraints;
  std::vector<std::int64_t> segments;  // ids into the flag set's segments
  std::vector<variant> variants;       // strategy variants win over flag variants

  friend bool operator==(const strategy& a, const strategy& b) {
    return a.kind == b.kind && a.name == b.name && a.percentage == b.percentage &&
           a.group_id == b.group_id && a.stickiness == b.stickiness && a.ids == b.ids &&
           a.constraints == b.constraints && a.segments == b.segments && a.variants == b.variants;
  }
  friend bool operator!=(const strategy& a, const strategy& b) { return !(a == b); }
};

// A parent flag this one requires: enabled (or, with enabled = false,
// disabled), and when `variants` is non-empty, one of those variants.
struct dependency {
  std::string feature;
  bool enabled = true;
  std::vector<std::string> variants;

  friend bool operator==(const dependency& a, const dependency& b) {
    return a.feature == b.feature && a.enabled == b.enabled && a.variants == b.variants;
  }
  friend bool operator!=(const dependency& a, const dependency& b) { return !(a == b); }
};

// Unleash's flag types and their expected lifetimes.
enum class flag_type : std::uint8_t { release, experiment, operational, kill_switch, permission };

namespace detail {
inline constexpr relkit::detail::enum_name<flag_type> flag_type_names[] = {
    {flag_type::release, "release"},         {flag_type::experiment, "experiment"},
    {flag_type::operational, "operational"}, {flag_type::kill_switch, "kill_switch"},
    {flag_type::permission, "permission"},
};
inline constexpr relkit::detail::enum_name<flag_type> flag_type_wire_names[] = {
    {flag_type::release, "release"},         {flag_type::experiment, "experiment"},
    {flag_type::operational, "operational"}, {flag_type::kill_switch, "kill-switch"},
    {flag_type::permission, "permission"},
};
}  // namespace detail

// "kill_switch"; "unknown" for a value outside the enum.
[[nodiscard]] constexpr std::string_view to_string(flag_type t) noexcept {
  return relkit::detail::enum_to_string(detail::flag_type_names, t);
}
[[nodiscard]] constexpr std::optional<flag_type> parse_flag_type(std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::flag_type_names, name);
}
// Unleash's name ("kill-switch"), read back by parse_wire_flag_type.
[[nodiscard]] constexpr std::string_view wire_name(flag_type t) noexcept {
  return relkit::detail::enum_to_string(detail::flag_type_wire_names, t);
}
[[nodiscard]] constexpr std::optional<flag_type> parse_wire_flag_type(
    std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::flag_type_wire_names, name);
}

// Days after creation when Unleash calls a flag "potentially stale":
// release and experiment 40, operational 7, kill-switch and permission never.
[[nodiscard]] constexpr std::optional<int> expected_lifetime_days(flag_type t) noexcept {
  switch (t) {
    case flag_type::release:
    case flag_type::experiment:
      return 40;
    case flag_type::operational:
      return 7;
    case flag_type::kill_switch:
    case flag_type::permission:
      return std::nullopt;
  }
  return std::nullopt;
}

// relkit::time_point (milliseconds since the Unix epoch), the one instant type.
using relkit::time_point;

struct lifecycle {
  flag_type type = flag_type::release;
  std::string owner;
  std::optional<time_point> created;
  std::optional<time_point> expires;  // an explicit end date, if the team set one
  bool marked_stale = false;          // set by a person (Unleash's `stale`)

  friend bool operator==(const lifecycle& a, const lifecycle& b) {
    return a.type == b.type && a.owner == b.owner && a.created == b.created &&
           a.expires == b.expires && a.marked_stale == b.marked_stale;
  }
  friend bool operator!=(const lifecycle& a, const lifecycle& b) { return !(a == b); }
};

struct flag {
  std::string name;
  bool enabled = false;              // the kill switch: false turns every strategy off
  std::vector<strategy> strategies;  // OR; none = on for everyone when enabled
  std::vector<variant> variants;
  std::vector<dependency> dependencies;
  lifecycle meta;
  std::string description;
  std::string project;
  bool impression_data = false;

  friend bool operator==(const flag& a, const flag& b) {
    return a.name == b.name && a.enabled == b.enabled && a.strategies == b.strategies &&
           a.variants == b.variants && a.dependencies == b.dependencies && a.meta == b.meta &&
           a.description == b.description && a.project == b.project &&
           a.impression_data == b.impression_data;
  }
  friend bool operator!=(const flag& a, const flag& b) { return !(a == b); }
};

}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
