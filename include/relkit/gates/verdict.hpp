#pragma once
// relkit::gates verdicts: the outcome of a gate or of one of its nodes, and
// the explained verdict tree evaluate() returns.

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

// Ordered from best to worst. `pending` is not yet satisfied but may become so
// with more evidence (approvals still to come, stages still running); it
// blocks promotion like `fail`.
enum class outcome : std::uint8_t { pass, warn, pending, fail };

namespace detail {
inline constexpr relkit::detail::enum_name<outcome> outcome_names[] = {
    {outcome::pass, "pass"},
    {outcome::warn, "warn"},
    {outcome::pending, "pending"},
    {outcome::fail, "fail"},
};
inline constexpr relkit::detail::enum_name<outcome> outcome_display_names[] = {
    {outcome::pass, "PASS"},
    {outcome::warn, "WARN"},
    {outcome::pending, "PENDING"},
    {outcome::fail, "FAIL"},
};
}  // namespace detail

// "pass", "warn", "pending", "fail"; a value outside the enum: "unknown".
[[nodiscard]] constexpr std::string_view to_string(outcome o) noexcept {
  return relkit::detail::enum_to_string(detail::outcome_names, o);
}
// The inverse of to_string(outcome); nullopt for any other text.
[[nodiscard]] constexpr std::optional<outcome> parse_outcome(std::string_view text) noexcept {
  return relkit::detail::enum_from_string(detail::outcome_names, text);
}
// "PASS", "WARN", "PENDING", "FAIL": how a rendered verdict shows it;
// "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view display_name(outcome o) noexcept {
  return relkit::detail::enum_to_string(detail::outcome_display_names, o);
}

// Only pass and warn promote; warn is a pass the verdict asks a person to read.
[[nodiscard]] constexpr bool promotes(outcome o) noexcept {
  return o == outcome::pass || o == outcome::warn;
}

// One line per node: `line` holds the node's explanation without the outcome
// ("coverage 79.9 < 80 (required >= 80)"); `reasons` are the children.
struct verdict {
  outcome result = outcome::fail;
  bool missing_evidence = false;  // this node or one below lacked evidence
  std::string line;
  std::vector<verdict> reasons;

  friend bool operator==(const verdict& a, const verdict& b) {
    return a.result == b.result && a.missing_evidence == b.missing_evidence && a.line == b.line &&
           a.reasons == b.reasons;
  }
  friend bool operator!=(const verdict& a, const verdict& b) { return !(a == b); }
};

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
