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
#include "relkit/flags/context.hpp"
#include "relkit/flags/detail/context_field.hpp"
#include "relkit/flags/detail/hash.hpp"
#include "relkit/flags/detail/regex.hpp"
#include "relkit/flags/detail/values.hpp"
#include "relkit/flags/flag.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace flags {
namespace detail {

// 32 bytes per constraint: the operands that need more than eight bytes (a
// version, a pattern, CIDR ranges, folded strings) live in the flag set's
// side tables, which only constraints of those operators fill; `operand`
// holds the number or date itself, or where its entries are. Nothing of the
// constraint's own text is copied.
struct compiled_constraint {
  const constraint* source = nullptr;
  // NUM_*: the number's bits; DATE_*: the milliseconds; SEMVER_* and REGEX:
  // the index in the side table; IN_CIDR and folded STR_*: the first entry in
  // its side table (the count is the constraint's values' or ranges'); IN and
  // NOT_IN with more than in_scan_limit values: the first slot of their hash
  // table.
  std::uint64_t operand = 0;
  // The context's member for a standard field (field_of(source->context_name)
  // is not property), else null: a property, found by name.
  std::optional<std::string_view> context::*member = nullptr;
  std::uint32_t count = 0;                    // IN_CIDR: ranges parsed; IN, NOT_IN: values
  operator_kind op = operator_kind::unknown;  // source->op; unknown for a missing segment
  bool inverted = false;                      // source->inverted
  bool has_operand = false;                   // NUM_*, DATE_*, SEMVER_*: it parsed

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

// 48 bytes per strategy; its remoteAddress ranges are in the side table.
struct compiled_strategy {
  const strategy* source = nullptr;
  // Rollout strategies: murmur3 (seed 0) of "<group>:" hashed once, the
  // group being the groupId or, for flexibleRollout without one, the flag's
  // name; each evaluation hashes only the id after it.
  murmur3::hasher group_prefix{0};
  std::uint32_t first_constraint = 0;
  std::uint32_t constraint_count = 0;
  std::uint32_t first_range = 0;  // remoteAddress entries with '/', IPv4
  std::uint32_t range_count = 0;
  std::uint32_t percentage = 0;                 // source->percentage
  strategy_kind kind = strategy_kind::unknown;  // source->kind
  stickiness_kind stickiness = stickiness_kind::default_chain;
};

// 20 bytes per flag (the flag is flags()[i] for compiled_flag i), what an
// evaluation reads of it; its parents' indices are in the side table (-1 =
// missing parent).
struct compiled_flag {
  std::uint32_t first_strategy = 0;
  std::uint32_t strategy_count = 0;
  std::uint32_t first_dependency = 0;
  std::uint32_t dependency_count = 0;
  bool enabled = false;
};

// Flag names and IN values are looked up by a 64-bit hash of their bytes,
// read a word at a time (short texts as two overlapping words, as wyhash
// reads them), then compared byte for byte only when hash and size agree.
// The context member behind a standard field; null for a property.
[[nodiscard]] constexpr std::optional<std::string_view> context::*member_of(
    context_field field) noexcept {
  switch (field) {
    case context_field::user_id:
      return &context::user_id;
    case context_field::session_id:
      return &context::session_id;
    case context_field::remote_address:
      return &context::remote_address;
    case context_field::environment:
      return &context::environment;
    case context_field::app_name:
      return &context::app_name;
    case context_field::current_time:
      return &context::current_time;
    case context_field::property:
      break;
  }
  return nullptr;
}

[[nodiscard]] inline std::uint64_t load_word64(const char* p) noexcept {
  std::uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  return w;
}
[[nodiscard]] inline std::uint64_t load_word32(const char* p) noexcept {
  std::uint32_t w = 0;
  std::memcpy(&w, p, sizeof w);
  return w;
}
[[nodiscard]] inline std::uint64_t text_mix(std::uint64_t h, std::uint64_t w) noexcept {
  h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 32U);
}
// `seed` makes where texts fall in a table unpredictable from outside (see
// flag_set_engine::compile); the texts and their order decide no answer.
[[nodiscard]] inline std::uint64_t text_hash(std::string_view s, std::uint64_t seed = 0) noexcept {
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t h = 0x243F6A8885A308D3ULL ^ seed ^ n;
  if (n >= 8) {
    std::size_t i = 0;
    for (; i + 8 < n; i += 8) h = text_mix(h, load_word64(p + i));
    h = text_mix(h, load_word64(p + n - 8));
  } else if (n >= 4) {
    h = text_mix(h, (load_word32(p) << 32U) | load_word32(p + n - 4));
  } else if (n > 0) {
    h = text_mix(h, (std::uint64_t{static_cast<unsigned char>(p[0])} << 16U) |
                        (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8U) |
                        std::uint64_t{static_cast<unsigned char>(p[n - 1])});
  }
  return text_mix(h, n);
}
// The n bytes at a and b are equal (inline: memcmp is a call per compare).
[[nodiscard]] inline bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      if (load_word64(a + i) != load_word64(b + i)) return false;
    }
    return load_word64(a + n - 8) == load_word64(b + n - 8);
  }
  if (n >= 4) {
    return load_word32(a) == load_word32(b) && load_word32(a + n - 4) == load_word32(b + n - 4);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}
[[nodiscard]] inline bool same_text(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && same_bytes(a.data(), b.data(), a.size());
}

// A slot of an open-addressing table (linear probing, at most half full),
// 8 bytes: the high half of the text's hash (the low half picks the first
// slot) and its index (in the flags, or in the constraint's values); index
// ~0 is an empty slot.
struct text_slot {
  std::uint32_t tag = 0;
  std::uint32_t index = ~std::uint32_t{0};
};
[[nodiscard]] inline std::uint32_t slot_tag(std::uint64_t hash) noexcept {
  return static_cast<std::uint32_t>(hash >> 32U);
}
// The table size for n entries: a power of two, at least 2n (0 for none).
[[nodiscard]] constexpr std::size_t text_table_size(std::size_t n) noexcept {
  if (n == 0) return 0;
  std::size_t size = 4;
  while (size < 2 * n) size *= 2;
  return size;
}
// IN / NOT_IN sets of up to this many values are scanned (size first, then
// the bytes); larger ones are looked up in a hash table.
inline constexpr std::uint32_t in_scan_limit = 8;

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
