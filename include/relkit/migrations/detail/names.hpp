#pragma once
// The planner's identifier checks, names and error arguments.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/error.hpp"
#include "relkit/migrations/error.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {
namespace detail {

// Identifier checks and the small text helpers of the planner.
[[nodiscard]] inline bool is_identifier(std::string_view s) noexcept {
  if (s.empty() || s.size() > 63) return false;
  if (!(relkit::detail::is_lower(s[0]) || s[0] == '_')) return false;
  for (const char c : s) {
    if (!(relkit::detail::is_lower(c) || relkit::detail::is_digit(c) || c == '_')) return false;
  }
  return true;
}

[[nodiscard]] inline bool is_table(std::string_view s) noexcept {
  const std::size_t dot = s.find('.');
  if (dot == std::string_view::npos) return is_identifier(s);
  return is_identifier(s.substr(0, dot)) && is_identifier(s.substr(dot + 1));
}

// The table name without its schema, for naming triggers and constraints.
[[nodiscard]] inline std::string base_name(std::string_view table) {
  const std::size_t dot = table.find('.');
  return std::string(dot == std::string_view::npos ? table : table.substr(dot + 1));
}

// PostgreSQL truncates names to 63 bytes; truncate here so the SQL says what it gets.
[[nodiscard]] inline std::string truncate_name(std::string name) {
  if (name.size() > 63) name.resize(63);
  return name;
}

[[nodiscard]] inline std::string join_list(const std::vector<std::string>& items,
                                           std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

// An error about a change: a value built in code, so no position.
[[nodiscard]] inline relkit::error plan_error(errc code, const relkit::error_args& args) noexcept {
  return relkit::error{code, relkit::no_position, args};
}

// Error arguments whose token is "table.column" (cut to the token's capacity),
// built without allocating.
[[nodiscard]] inline relkit::error_args qualified(std::string_view table,
                                                  std::string_view column) noexcept {
  char text[relkit::error_args::token_capacity + 1];
  std::size_t n = 0;
  const auto put = [&](std::string_view piece) {
    for (const char c : piece) {
      if (n == sizeof text) return;
      text[n++] = c;
    }
  };
  put(table);
  put(".");
  put(column);
  relkit::error_args args;
  args.with_token(std::string_view(text, n));
  return args;
}

[[nodiscard]] inline std::optional<relkit::error> check_table(std::string_view table) noexcept {
  if (is_table(table)) return std::nullopt;
  return plan_error(errc::invalid_identifier, relkit::error_args()
                                                  .with_token(table)
                                                  .with_text("table name")
                                                  .with_text2(", optionally schema.table"));
}

// `what` names the identifier in the message: "column name", "index name", ...
[[nodiscard]] inline std::optional<relkit::error> check_column(
    std::string_view column, const char* what = "column name") noexcept {
  if (is_identifier(column)) return std::nullopt;
  return plan_error(errc::invalid_identifier,
                    relkit::error_args().with_token(column).with_text(what));
}

[[nodiscard]] inline std::string default_name(const std::string& table,
                                              const std::vector<std::string>& cols,
                                              const std::string& suffix) {
  return truncate_name(base_name(table) + "_" + join_list(cols, "_") + "_" + suffix);
}
}  // namespace detail
}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
