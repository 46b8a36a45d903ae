#pragma once
// Internals of relkit::semver coerce: node-semver's COERCE and COERCEFULL
// regular expressions as hand-written searches.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/semver/detail/version_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {
namespace detail {

struct coerce_match {
  std::size_t start = 0;      // where the match starts (incl. the non-digit before)
  std::size_t digits = 0;     // where the major digits start
  std::size_t major_end = 0;  // after the major digits
  std::size_t end = 0;        // after the version text
  std::size_t full_end = 0;   // after the regex match (incl. the closing non-digit)
  std::size_t parts_end = 0;  // after the last numeric part
  std::size_t minor_b = 0, minor_e = 0, patch_b = 0, patch_e = 0;
  std::size_t pre_b = 0, pre_e = 0, build_b = 0, build_e = 0;
};

[[nodiscard]] inline std::size_t digit_run(std::string_view s, std::size_t i) noexcept {
  std::size_t j = i;
  while (j < s.size() && is_digit(s[j])) ++j;
  return j - i;
}

// A strict prerelease (node-semver PRERELEASE) starting at the '-' at `i`, as
// the regex matches it when a non-digit or the end must follow: the end, or
// `i` when there is none.
[[nodiscard]] inline std::size_t coerce_prerelease_end(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size() || s[i] != '-') return i;
  std::size_t good = i;
  std::size_t k = i + 1;
  for (;;) {
    const std::size_t start = k;
    while (k < s.size() && is_ident_char(s[k])) ++k;
    if (k == start) break;
    const std::string_view id = s.substr(start, k - start);
    if (all_digits(id) && id.size() > 1 && id.front() == '0') break;
    good = k;
    if (k < s.size() && s[k] == '.') {
      ++k;
      continue;
    }
    break;
  }
  return good;
}

[[nodiscard]] inline std::size_t coerce_build_end(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size() || s[i] != '+') return i;
  std::size_t good = i;
  std::size_t k = i + 1;
  for (;;) {
    const std::size_t start = k;
    while (k < s.size() && is_ident_char(s[k])) ++k;
    if (k == start) break;
    good = k;
    if (k < s.size() && s[k] == '.') {
      ++k;
      continue;
    }
    break;
  }
  return good;
}

// The leftmost match of node-semver's COERCE / COERCEFULL regex at or after
// `from` (a regex search with lastIndex = from).
[[nodiscard]] inline std::optional<coerce_match> coerce_search(std::string_view s, std::size_t from,
                                                               bool full) noexcept {
  constexpr std::size_t max_digits = 16;
  for (std::size_t start = from; start < s.size(); ++start) {
    std::size_t d;
    if (start == 0 && is_digit(s[0])) {
      d = 0;
    } else if (!is_digit(s[start]) && start + 1 < s.size() && is_digit(s[start + 1])) {
      d = start + 1;
    } else {
      continue;
    }
    const std::size_t major_len = digit_run(s, d);
    if (major_len > max_digits) continue;
    coerce_match m;
    m.start = start;
    m.digits = d;
    m.major_end = d + major_len;
    std::size_t pos = m.major_end;
    if (pos + 1 < s.size() && s[pos] == '.' && is_digit(s[pos + 1]) &&
        digit_run(s, pos + 1) <= max_digits) {
      m.minor_b = pos + 1;
      m.minor_e = pos + 1 + digit_run(s, pos + 1);
      pos = m.minor_e;
      if (pos + 1 < s.size() && s[pos] == '.' && is_digit(s[pos + 1]) &&
          digit_run(s, pos + 1) <= max_digits) {
        m.patch_b = pos + 1;
        m.patch_e = pos + 1 + digit_run(s, pos + 1);
        pos = m.patch_e;
      }
    }
    m.parts_end = pos;
    if (full) {
      // COERCEFULL allows the prerelease and build after any number of parts.
      const std::size_t pre_end = coerce_prerelease_end(s, pos);
      // The regex needs a non-digit or the end after the prerelease; a
      // prerelease that stops before a digit ("-0" of "-01") is given up.
      std::size_t after_pre = pre_end;
      if (pre_end != pos) {
        std::size_t build_end = coerce_build_end(s, pre_end);
        if (build_end < s.size() && is_digit(s[build_end]) && build_end == pre_end) {
          after_pre = pos;
        } else {
          m.pre_b = pos + 1;
          m.pre_e = pre_end;
        }
      }
      const std::size_t build_end = coerce_build_end(s, after_pre);
      if (build_end != after_pre) {
        m.build_b = after_pre + 1;
        m.build_e = build_end;
      }
      pos = build_end;
    }
    m.end = pos;
    m.full_end = pos < s.size() ? pos + 1 : pos;
    return m;
  }
  return std::nullopt;
}

}  // namespace detail
}  // namespace semver
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
