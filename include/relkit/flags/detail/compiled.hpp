#pragma once
// A flag set's compiled form: each constraint's operand parsed once (number,
// date, version, pattern, CIDR ranges, folded strings), each strategy's
// stickiness resolved, each dependency's parent found.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
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

struct compiled_constraint {
  const constraint* source = nullptr;
  context_field field = context_field::property;  // field_of(source->context_name)
  std::optional<double> number;                   // NUM_*
  std::optional<std::int64_t> date_ms;            // DATE_*
  std::optional<semver::version> version;         // SEMVER_*
  regex pattern;                                  // REGEX
  std::vector<cidr_range> ranges;                 // IN_CIDR
  std::vector<std::string> folded;                // STR_* with case_insensitive
  bool missing_segment = false;                   // stands for an unknown segment id
};

enum class stickiness_kind : std::uint8_t { default_chain, random, user_id, session_id, field };

struct compiled_strategy {
  const strategy* source = nullptr;
  stickiness_kind stickiness = stickiness_kind::default_chain;
  std::size_t first_constraint = 0;
  std::size_t constraint_count = 0;
  std::vector<cidr_range> ipv4_ranges;  // remoteAddress entries with '/'
};

struct compiled_flag {
  const flag* source = nullptr;
  std::size_t first_strategy = 0;
  std::vector<int> dependency_index;  // -1 = missing parent
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
