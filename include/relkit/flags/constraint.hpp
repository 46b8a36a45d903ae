#pragma once
// relkit::flags constraints: a test of one context field (operator_kind,
// constraint) and reusable named sets of them (segment). Plain data; a
// flag_set compiles them once (relkit/flags/flag_set.hpp).

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {

// Unleash's constraint operators.
enum class operator_kind : std::uint8_t {
  in,
  not_in,
  str_contains,
  str_starts_with,
  str_ends_with,
  num_eq,
  num_gt,
  num_gte,
  num_lt,
  num_lte,
  date_after,
  date_before,
  semver_eq,
  semver_gt,
  semver_gte,
  semver_lt,
  semver_lte,
  regex,
  in_cidr,
  unknown,  // an operator this library does not know: the constraint is false
};

namespace detail {
inline constexpr relkit::detail::enum_name<operator_kind> operator_kind_names[] = {
    {operator_kind::in, "in"},
    {operator_kind::not_in, "not_in"},
    {operator_kind::str_contains, "str_contains"},
    {operator_kind::str_starts_with, "str_starts_with"},
    {operator_kind::str_ends_with, "str_ends_with"},
    {operator_kind::num_eq, "num_eq"},
    {operator_kind::num_gt, "num_gt"},
    {operator_kind::num_gte, "num_gte"},
    {operator_kind::num_lt, "num_lt"},
    {operator_kind::num_lte, "num_lte"},
    {operator_kind::date_after, "date_after"},
    {operator_kind::date_before, "date_before"},
    {operator_kind::semver_eq, "semver_eq"},
    {operator_kind::semver_gt, "semver_gt"},
    {operator_kind::semver_gte, "semver_gte"},
    {operator_kind::semver_lt, "semver_lt"},
    {operator_kind::semver_lte, "semver_lte"},
    {operator_kind::regex, "regex"},
    {operator_kind::in_cidr, "in_cidr"},
    {operator_kind::unknown, "unknown"},
};
// The names Unleash puts on the wire; operator_kind::unknown has none.
inline constexpr relkit::detail::enum_name<operator_kind> operator_kind_wire_names[] = {
    {operator_kind::in, "IN"},
    {operator_kind::not_in, "NOT_IN"},
    {operator_kind::str_contains, "STR_CONTAINS"},
    {operator_kind::str_starts_with, "STR_STARTS_WITH"},
    {operator_kind::str_ends_with, "STR_ENDS_WITH"},
    {operator_kind::num_eq, "NUM_EQ"},
    {operator_kind::num_gt, "NUM_GT"},
    {operator_kind::num_gte, "NUM_GTE"},
    {operator_kind::num_lt, "NUM_LT"},
    {operator_kind::num_lte, "NUM_LTE"},
    {operator_kind::date_after, "DATE_AFTER"},
    {operator_kind::date_before, "DATE_BEFORE"},
    {operator_kind::semver_eq, "SEMVER_EQ"},
    {operator_kind::semver_gt, "SEMVER_GT"},
    {operator_kind::semver_gte, "SEMVER_GTE"},
    {operator_kind::semver_lt, "SEMVER_LT"},
    {operator_kind::semver_lte, "SEMVER_LTE"},
    {operator_kind::regex, "REGEX"},
    {operator_kind::in_cidr, "IN_CIDR"},
};
}  // namespace detail

// The stable identifier ("str_contains"); "unknown" for operator_kind::unknown
// and for a value outside the enum. parse_operator_kind reads it back.
[[nodiscard]] constexpr std::string_view to_string(operator_kind op) noexcept {
  return relkit::detail::enum_to_string(detail::operator_kind_names, op);
}
[[nodiscard]] constexpr std::optional<operator_kind> parse_operator_kind(
    std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::operator_kind_names, name);
}
// Unleash's name ("STR_CONTAINS"); "unknown" for operator_kind::unknown and
// strays. parse_wire_operator_kind reads it back: nullopt for a name Unleash
// does not define (a payload maps that to operator_kind::unknown).
[[nodiscard]] constexpr std::string_view wire_name(operator_kind op) noexcept {
  return relkit::detail::enum_to_string(detail::operator_kind_wire_names, op);
}
[[nodiscard]] constexpr std::optional<operator_kind> parse_wire_operator_kind(
    std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::operator_kind_wire_names, name);
}

// `context_name` names a context field (userId, sessionId, remoteAddress,
// environment, appName, currentTime) or a property. IN/NOT_IN/STR_*/IN_CIDR
// read `values`; NUM_*/DATE_*/SEMVER_*/REGEX read `value`. A value the
// operator cannot read (a bad number, date, version, pattern or CIDR) makes
// the constraint false, as in Unleash's SDKs; nothing here reports an error.
struct constraint {
  std::string context_name;
  operator_kind op = operator_kind::in;
  std::vector<std::string> values;
  std::string value;
  bool inverted = false;
  bool case_insensitive = false;  // STR_* and REGEX

  friend bool operator==(const constraint& a, const constraint& b) {
    return a.context_name == b.context_name && a.op == b.op && a.values == b.values &&
           a.value == b.value && a.inverted == b.inverted &&
           a.case_insensitive == b.case_insensitive;
  }
  friend bool operator!=(const constraint& a, const constraint& b) { return !(a == b); }
};

// A reusable, named set of constraints (Unleash segments, cohorts).
struct segment {
  std::int64_t id = 0;
  std::string name;
  std::vector<constraint> constraints;

  friend bool operator==(const segment& a, const segment& b) {
    return a.id == b.id && a.name == b.name && a.constraints == b.constraints;
  }
  friend bool operator!=(const segment& a, const segment& b) { return !(a == b); }
};

}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
