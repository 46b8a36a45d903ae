#pragma once
// relkit::gates errors: the "gates" error domain. Spec errors carry the byte
// position in the spec text; errors about a gate built in code (validate)
// carry relkit::no_position.

#include "relkit/detail/prologue.hpp"

#include <cstddef>

#include "relkit/config.hpp"
#include "relkit/error.hpp"

RELKIT_NAMESPACE_BEGIN
namespace gates {

enum class errc {
  unexpected_token = 1,  // a word the spec grammar does not allow here
  unexpected_end,        // a line ended before something it needs
  bad_number,            // not a finite number, or out of its range
  bad_comparator,        // expected < <= == != >= > (or Keptn's =)
  bad_name,              // names use [A-Za-z0-9_.:/-]
  bad_duration,          // expected 30m, 2h, 45s, 1d
  bad_window,            // malformed day list, time range, date range or offset
  optional_not_allowed,  // allow_failure / optional / skip: a gate cannot be optional
  invalid_gate,          // a structurally invalid gate (empty group, weight <= 0, ...)
  too_deep,              // nesting deeper than 64 levels
  empty_spec,            // a spec without any gate
  unclosed_group,        // a group or windows block without its 'end'
  too_large,             // beyond max_spec_gates lines or max_spec_words words on a line
};

// Limits of parse(spec), refused (errc::too_large at the first word beyond)
// before the memory is spent: the gate and window lines of a spec ("end"
// lines not counted), and the words of one line.
inline constexpr std::size_t max_spec_gates = 10000;
inline constexpr std::size_t max_spec_words = 256;

namespace detail {
inline constexpr relkit::error_entry<errc> errc_table[] = {
    {errc::unexpected_token, "unexpected_token", "expected {text}, found '{token}'"},
    {errc::unexpected_end, "unexpected_end", "expected {text} after '{token}'"},
    {errc::bad_number, "bad_number", "expected {text}, found '{token}'"},
    {errc::bad_comparator, "bad_comparator", "expected one of < <= == != >= >, found '{token}'"},
    {errc::bad_name, "bad_name", "expected {text} of [A-Za-z0-9_.:/-], found '{token}'"},
    {errc::bad_duration, "bad_duration", "expected {text}, found '{token}'"},
    {errc::bad_window, "bad_window", "expected {text}, found '{token}'"},
    {errc::optional_not_allowed, "optional_not_allowed",
     "'{token}' is not allowed: every gate member blocks, none can be optional"},
    {errc::invalid_gate, "invalid_gate", "{text}"},
    {errc::too_deep, "too_deep", "gate nested deeper than 64 levels"},
    {errc::empty_spec, "empty_spec", "expected a gate, found no content"},
    {errc::unclosed_group, "unclosed_group", "expected 'end' for '{token}' opened at {number}"},
    {errc::too_large, "too_large", "spec has more than {number} {text}"},
};
inline constexpr relkit::error_domain errc_domain = relkit::make_error_domain<errc_table>("gates");
}  // namespace detail
[[nodiscard]] constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return detail::errc_domain;
}

}  // namespace gates
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
