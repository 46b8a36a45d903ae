#pragma once
// A flag set's compiled form: each constraint's operand parsed once (number,
// date, version, pattern, CIDR ranges, folded strings), each strategy's
// stickiness resolved, each dependency's parent found.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/flags/constraint.hpp"
#include "relkit/flags/detail/context_field.hpp"
#include "relkit/flags/detail/regex.hpp"
#include "relkit/flags/detail/values.hpp"
#include "relkit/flags/flag.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {
namespace detail {

// 24 bytes per constraint: the operands that need more than eight bytes (a
// version, a pattern, CIDR ranges, folded strings) live in the flag set's
// side tables, which only constraints of those operators fill; `operand`
// holds the number or date itself, or where its entries are. Nothing of the
// constraint's own text is copied.
struct compiled_constraint {
  const constraint* source = nullptr;
  // NUM_*: the number's bits; DATE_*: the milliseconds; SEMVER_* and REGEX:
  // the index in the side table; IN_CIDR and folded STR_*: the first entry in
  // its side table (the count is the constraint's values' or ranges').
  std::uint64_t operand = 0;
  std::uint32_t count = 0;                        // IN_CIDR: ranges parsed
  context_field field = context_field::property;  // field_of(source->context_name)
  bool has_operand = false;                       // NUM_*, DATE_*, SEMVER_*: it parsed
  bool missing_segment = false;                   // stands for an unknown segment id

  [[nodiscard]] double number() const noexcept {
    double d = 0;
    std::memcpy(&d, &operand, sizeof d);
    return d;
  }
  void set_number(double d) noexcept {
    std::memcpy(&operand, &d, sizeof d);
    has_operand = true;
  }
  [[nodiscard]] std::int64_t date_ms() const noexcept {
    std::int64_t ms = 0;
    std::memcpy(&ms, &operand, sizeof ms);
    return ms;
  }
  void set_date_ms(std::int64_t ms) noexcept {
    std::memcpy(&operand, &ms, sizeof ms);
    has_operand = true;
  }
  [[nodiscard]] std::size_t index() const noexcept { return static_cast<std::size_t>(operand); }
};

enum class stickiness_kind : std::uint8_t { default_chain, random, user_id, session_id, field };

// 32 bytes per strategy; its remoteAddress ranges are in the side table.
struct compiled_strategy {
  const strategy* source = nullptr;
  std::size_t first_constraint = 0;
  std::uint32_t constraint_count = 0;
  std::uint32_t first_range = 0;  // remoteAddress entries with '/', IPv4
  std::uint32_t range_count = 0;
  stickiness_kind stickiness = stickiness_kind::default_chain;
};

// 16 bytes per flag (the flag is flags()[i] for compiled_flag i); its
// parents' indices are in the side table (-1 = missing parent).
struct compiled_flag {
  std::size_t first_strategy = 0;
  std::size_t first_dependency = 0;
};

// Case-insensitive comparison of `text` at `offset` with an already
// lower-cased needle (ASCII folding; JavaScript's toLocaleLowerCase folds
// more, which matters only for non-ASCII letters).
[[nodiscard]] inline bool folded_equal_at(std::string_view text, std::size_t offset,
                                          std::string_view lower) noexcept {
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (relkit::detail::to_lower(text[offset + i]) != lower[i]) return false;
  }
  return true;
}

}  // namespace detail
}  // namespace flags
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
