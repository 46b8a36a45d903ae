#pragma once
// relkit::migrations' error domain: why make_plan refused a change, or why
// check_invariant refused a plan. Changes and plans are values built in code,
// so their errors carry relkit::no_position; the message names what is wrong.

#include "relkit/detail/prologue.hpp"

#include "relkit/config.hpp"
#include "relkit/error.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {

enum class errc {
  invalid_identifier = 1,
  missing_type,
  not_null_needs_default_or_backfill,
  missing_conversion,
  lossy_down_needs_acknowledgement,
  same_name,
  drop_needs_down,
  empty_column_list,
  empty_expression,
  unsupported_postgres_version,
  invariant_violated,
  not_null_source_column,
  invalid_batch_size,
  unknown_app_version,
};

namespace detail {
inline constexpr relkit::error_entry<errc> errc_table[] = {
    {errc::invalid_identifier, "invalid_identifier",
     "invalid {text} '{token}' (expected [a-z_][a-z0-9_]*, at most 63 bytes{text2})"},
    {errc::missing_type, "missing_type", "{text} {token} needs {text2}"},
    {errc::not_null_needs_default_or_backfill, "not_null_needs_default_or_backfill",
     "NOT NULL column {token} needs a default or a backfill expression"},
    {errc::missing_conversion, "missing_conversion",
     "change_column_type {token} needs both up and down conversions"},
    {errc::lossy_down_needs_acknowledgement, "lossy_down_needs_acknowledgement",
     "down conversion {token} loses data; set acknowledge_lossy_down"},
    {errc::same_name, "same_name", "{text} {token} {text2}"},
    {errc::drop_needs_down, "drop_needs_down",
     "NOT NULL column {token} without a default needs a down expression, or inserts by the new "
     "app fail"},
    {errc::empty_column_list, "empty_column_list", "no columns given for {token}"},
    {errc::empty_expression, "empty_expression", "empty {text} for {token}"},
    {errc::unsupported_postgres_version, "unsupported_postgres_version",
     "PostgreSQL {number} is not supported (11 or later)"},
    {errc::invariant_violated, "invariant_violated",
     "phase {number} allows app version {token}, missing from the schema {text}"},
    {errc::not_null_source_column, "not_null_source_column",
     "split_column {token} is NOT NULL: plan drop_not_null first, or new-table writers break "
     "inserts"},
    {errc::invalid_batch_size, "invalid_batch_size", "batch_size must be positive"},
    {errc::unknown_app_version, "unknown_app_version",
     "phase {number} allows unknown app version {token}"},
};
inline constexpr relkit::error_domain errc_domain =
    relkit::make_error_domain<errc_table>("migrations");
}  // namespace detail
constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return detail::errc_domain;
}

}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
