#pragma once
// Internals of relkit::semver versions: character classes, identifier
// precedence without allocating, and the version grammar (strict, npm,
// npm loose) filling a version's fields.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/detail/decimal.hpp"
#include "relkit/detail/js_text.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"
#include "relkit/semver/errc.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {
namespace detail {

using relkit::detail::all_digits;
using relkit::detail::is_digit;
[[nodiscard]] constexpr bool is_ident_char(char c) noexcept {
  return relkit::detail::is_alnum(c) || c == '-';
}

// Byte classes for the scanners: one table load per byte instead of range
// tests. class_digit for [0-9], class_ident for [0-9A-Za-z-], class_stop for
// the bytes that end a prerelease scan ('.' and NUL).
inline constexpr unsigned char class_digit = 1;
inline constexpr unsigned char class_ident = 2;
inline constexpr unsigned char class_stop = 4;
struct byte_class_table {
  unsigned char bits[256] = {};
  constexpr byte_class_table() noexcept {
    for (int c = 0; c < 256; ++c) {
      const char ch = static_cast<char>(c);
      unsigned char b = 0;
      if (is_digit(ch)) b = static_cast<unsigned char>(b | class_digit);
      if (is_ident_char(ch)) b = static_cast<unsigned char>(b | class_ident);
      if (ch == '.' || ch == '\0') b = static_cast<unsigned char>(b | class_stop);
      bits[c] = b;
    }
  }
};
inline constexpr byte_class_table byte_classes{};
[[nodiscard]] inline unsigned byte_class(char c) noexcept {
  return byte_classes.bits[static_cast<unsigned char>(c)];
}

// An unexpected character at `pos` of `text`, or the end; `what` (static
// text) names what was being parsed.
[[nodiscard]] inline relkit::error unexpected(std::string_view text, std::size_t pos,
                                              const char* what) noexcept {
  if (pos >= text.size()) {
    return relkit::error{errc::unexpected_end, pos, relkit::error_args{}.with_text(what)};
  }
  return relkit::error{errc::unexpected_character, pos,
                       relkit::error_args{}.with_text(what).with_byte_of(text, pos)};
}

// Compares two numeric identifiers (digits only, maybe with leading zeros in
// loose input) by value, any length.
[[nodiscard]] inline int compare_numeric(std::string_view a, std::string_view b) noexcept {
  while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
  while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// §11.4 for one identifier pair.
[[nodiscard]] inline int compare_identifier(std::string_view a, std::string_view b) noexcept {
  const bool an = all_digits(a);
  const bool bn = all_digits(b);
  if (an && bn) return compare_numeric(a, b);
  if (an) return -1;
  if (bn) return 1;
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// Walks dot-joined identifiers pairwise in one pass, without allocating.
// `stop_on_equal_value` reproduces node-semver's compareBuild, which returns
// 0 as soon as two different texts compare equal ("01" vs "1").
[[nodiscard]] inline int compare_identifier_lists(std::string_view a, std::string_view b,
                                                  bool stop_on_equal_value) noexcept {
  if (a.empty() || b.empty()) {
    if (a.empty() && b.empty()) return 0;
    return a.empty() ? -1 : 1;
  }
  const char* pa = a.data();
  const char* const ea = pa + a.size();
  const char* pb = b.data();
  const char* const eb = pb + b.size();
  for (;;) {
    const char* const xa = pa;
    bool x_digits = true;
    while (pa != ea && *pa != '.') {
      x_digits = x_digits && is_digit(*pa);
      ++pa;
    }
    const char* const yb = pb;
    bool y_digits = true;
    while (pb != eb && *pb != '.') {
      y_digits = y_digits && is_digit(*pb);
      ++pb;
    }
    const std::string_view x(xa, static_cast<std::size_t>(pa - xa));
    const std::string_view y(yb, static_cast<std::size_t>(pb - yb));
    if (x != y) {
      int c;
      if (x_digits && y_digits) {
        c = compare_numeric(x, y);
      } else if (x_digits != y_digits) {
        c = x_digits ? -1 : 1;
      } else {
        const int k = x.compare(y);
        c = k < 0 ? -1 : (k > 0 ? 1 : 0);
      }
      if (c != 0 || stop_on_equal_value) return c;
    }
    const bool a_done = pa == ea;
    const bool b_done = pb == eb;
    if (a_done || b_done) {
      if (a_done && b_done) return 0;
      return a_done ? -1 : 1;
    }
    ++pa;
    ++pb;
  }
}

// The length of the common prefix of a[0, n) and b[0, n): eight bytes at a
// time, the last word overlapping, the first differing byte found from the
// XOR of two words where the byte order allows.
[[nodiscard]] inline std::size_t common_prefix(const char* a, const char* b,
                                               std::size_t n) noexcept {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (n >= 8) {
    // the first word, then the words in between, then the last word, which
    // overlaps bytes known equal (for 8 to 16 bytes: two words, no loop)
    std::uint64_t x;
    std::uint64_t y;
    std::memcpy(&x, a, 8);
    std::memcpy(&y, b, 8);
    if (x != y) return static_cast<unsigned>(__builtin_ctzll(x ^ y)) / 8U;
    std::size_t m = 8;
    for (; n > 16 && m + 8 < n; m += 8) {
      std::memcpy(&x, a + m, 8);
      std::memcpy(&y, b + m, 8);
      if (x != y) return m + static_cast<unsigned>(__builtin_ctzll(x ^ y)) / 8U;
    }
    m = n - 8;
    std::memcpy(&x, a + m, 8);
    std::memcpy(&y, b + m, 8);
    if (x != y) return m + static_cast<unsigned>(__builtin_ctzll(x ^ y)) / 8U;
    return n;
  }
  if (n >= 4) {
    // 4 to 7 bytes: two 4-byte words, the second overlapping the first
    std::uint32_t x;
    std::uint32_t y;
    std::memcpy(&x, a, 4);
    std::memcpy(&y, b, 4);
    if (x != y) return static_cast<unsigned>(__builtin_ctz(x ^ y)) / 8U;
    std::memcpy(&x, a + n - 4, 4);
    std::memcpy(&y, b + n - 4, 4);
    if (x != y) return n - 4 + static_cast<unsigned>(__builtin_ctz(x ^ y)) / 8U;
    return n;
  }
#endif
  std::size_t m = 0;
  while (m < n && a[m] == b[m]) ++m;
  return m;
}

// Precedence of two non-empty prereleases `a` and `b` of `na` and `nb`
// bytes, each followed by a NUL byte (std::string's c_str()), so the digit
// scans stop without testing the length. Identifiers before the first
// differing byte are byte-identical, hence equal: only the identifier pair
// holding that byte decides. Numeric ids that differ only in leading zeros
// (loose input beyond 2^53) go to the full walk.
// Every case; compare_prereleases below decides the common ones itself and
// calls this for the rest (a list that is a prefix of the other, a '.' at
// the first difference, a numeric identifier with a leading zero).
[[nodiscard]]
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
inline int
compare_prereleases_general(const char* a, std::size_t na, const char* b, std::size_t nb) noexcept {
  const std::size_t n = na < nb ? na : nb;
  const std::size_t m = common_prefix(a, b, n);
  // Where each identifier's digit run from m ends (the NUL after the text
  // stops it), and where the pair starts (the same for both: they agree
  // before m), with whether the common part [start, m) is all digits.
  std::size_t da = m;
  while (is_digit(a[da])) ++da;
  std::size_t db = m;
  while (is_digit(b[db])) ++db;
  std::size_t start = m;
  unsigned prefix_digits = class_digit;
  while (start > 0 && a[start - 1] != '.') {
    prefix_digits &= byte_class(a[start - 1]);
    --start;
  }
  // An identifier is numeric when its digit run reaches its end and it is
  // not empty.
  const bool x_digits = (prefix_digits != 0) & (da == na || a[da] == '.') & (da > start);
  const bool y_digits = (prefix_digits != 0) & (db == nb || b[db] == '.') & (db > start);
  if (x_digits != y_digits) return x_digits ? -1 : 1;
  if (x_digits && (a[start] == '0' || b[start] == '0')) {
    const int c = compare_numeric(std::string_view(a + start, da - start),
                                  std::string_view(b + start, db - start));
    if (c != 0) return c;
    return compare_identifier_lists(std::string_view(a + start, na - start),
                                    std::string_view(b + start, nb - start), false);
  }
  // same start: the longer number is larger
  if (x_digits && da != db) return da < db ? -1 : 1;
  // Byte order at m, an identifier that ends there first; both end there
  // only when one list ends and the other goes on, or neither does.
  const bool a_ends = m == na || a[m] == '.';
  const bool b_ends = m == nb || b[m] == '.';
  if (a_ends | b_ends) {
    if (a_ends & b_ends) {
      if (na == nb) return 0;
      return m == na ? -1 : 1;
    }
    return a_ends ? -1 : 1;
  }
  return static_cast<unsigned char>(a[m]) < static_cast<unsigned char>(b[m]) ? -1 : 1;
}

// compare_prereleases below, once the pair of identifiers that decides is
// known to start at the same place in both lists, with its common part all
// digits (maybe empty), neither starting with '0', and to differ at `m`, a
// byte that is no '.' in either list: numeric first; two numbers by length,
// then by the byte at m; two other identifiers by that byte. A second
// function, so that each has few values live and g++ saves one register
// (as one function it saved 4 to 6 per compare).
[[nodiscard]]
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
inline int
compare_prerelease_tail(const char* a, std::size_t na, const char* b, std::size_t nb,
                        std::size_t m) noexcept {
  // Numeric when the digit run reaches the identifier's end (not empty: the
  // identifiers go on to m, which is no '.').
  std::size_t da = m;
  while (is_digit(a[da])) ++da;
  std::size_t db = m;
  while (is_digit(b[db])) ++db;
  const bool x_digits = a[da] == '.' || da == na;
  const bool y_digits = b[db] == '.' || db == nb;
  if (x_digits != y_digits) return x_digits ? -1 : 1;
  if (x_digits) {
    if (da != db) return da < db ? -1 : 1;  // same start: the longer number is larger
  }
  return static_cast<unsigned char>(a[m]) < static_cast<unsigned char>(b[m]) ? -1 : 1;
}

// compare_prereleases_general's answer (same arguments), with its common
// cases decided here and in compare_prerelease_tail: the bytes at the first
// difference, neither a '.', belong to identifiers that both go on past it.
// Equal lists are equal. The rest (a list that is a prefix of the other, a
// '.' at the first difference, a numeric identifier starting with '0') goes
// to the general function.
[[nodiscard]]
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
inline int
compare_prereleases(const char* a, std::size_t na, const char* b, std::size_t nb) noexcept {
  const std::size_t n = na < nb ? na : nb;
  const std::size_t m = common_prefix(a, b, n);
  if (m == n) {
    if (na == nb) return 0;
    return compare_prereleases_general(a, na, b, nb);
  }
  if (a[m] == '.' || b[m] == '.') return compare_prereleases_general(a, na, b, nb);
  // The pair's start (the same in both: they agree before m); if the common
  // part [start, m) holds a non-digit, neither identifier is numeric.
  std::size_t start = m;
  while (start > 0 && a[start - 1] != '.') {
    if (!is_digit(a[start - 1])) {
      return static_cast<unsigned char>(a[m]) < static_cast<unsigned char>(b[m]) ? -1 : 1;
    }
    --start;
  }
  // "0" against another number, or leading zeros (loose input beyond 2^53)
  if (a[start] == '0' || b[start] == '0') return compare_prereleases_general(a, na, b, nb);
  return compare_prerelease_tail(a, na, b, nb, m);
}
[[nodiscard]] inline int compare_prereleases(const std::string& a, const std::string& b) noexcept {
  return compare_prereleases(a.c_str(), a.size(), b.c_str(), b.size());
}

}  // namespace detail

namespace detail {

// A major, minor or patch number from `i`; `part` names it ("minor
// version"), `max_text` is `max` in decimal (both static text).
[[nodiscard]] inline relkit::result<std::uint64_t> parse_number(std::string_view s, std::size_t& i,
                                                                std::size_t end, const char* part,
                                                                bool loose, std::uint64_t max,
                                                                const char* max_text) {
  const std::size_t start = i;
  if (i >= end || !is_digit(s[i])) return unexpected(s.substr(0, end), i, part);
  if (!loose && s[i] == '0' && i + 1 < end && is_digit(s[i + 1])) {
    return relkit::error{errc::leading_zero, i, relkit::error_args{}.with_text(part)};
  }
  const relkit::detail::uint_parse parsed =
      relkit::detail::parse_uint_prefix(s.substr(0, end), i, max);
  i = parsed.end;
  if (parsed.status == relkit::detail::number_status::overflow) {
    return relkit::error{errc::number_too_large, start,
                         relkit::error_args{}.with_text(part).with_text2(max_text)};
  }
  return parsed.value;
}

// A number of 1 to 15 digits without a leading zero (cannot overflow any
// limit): 1. No digit at `k`: 0, `k` unchanged (the caller reports it). Any
// other number: -1; the careful path then decides and explains.
// Always inlined: it runs three times per version on the hot path, and as a
// call it was 30% of parsing a typical version.
[[nodiscard]]
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
inline int
fast_number(std::string_view s, std::size_t& k, std::uint64_t& out) noexcept {
  const char* const begin = s.data() + k;
  const char* const end = s.data() + s.size();
  if (begin == end) return 0;
  const auto first = static_cast<unsigned>(static_cast<unsigned char>(*begin)) - unsigned{'0'};
  if (first > 9U) return 0;
  const char* p = begin + 1;
  // one digit, the common case: no loop
  if (p == end || static_cast<unsigned>(static_cast<unsigned char>(*p)) - unsigned{'0'} > 9U) {
    k += 1;
    out = first;
    return 1;
  }
  if (first == 0) return -1;  // a leading zero
  std::uint64_t value = first * 10U + (static_cast<unsigned char>(*p) - unsigned{'0'});
  ++p;
  // two digits, the next most common
  if (p == end || static_cast<unsigned>(static_cast<unsigned char>(*p)) - unsigned{'0'} > 9U) {
    k += 2;
    out = value;
    return 1;
  }
  const char* const limit = end - p > 14 ? p + 14 : end;
  while (p != limit) {
    const auto digit = static_cast<unsigned>(static_cast<unsigned char>(*p)) - unsigned{'0'};
    if (digit > 9U) break;
    value = value * 10 + digit;
    ++p;
  }
  const auto n = static_cast<std::size_t>(p - begin);
  if (n > 15) return -1;
  k += n;
  out = value;
  return 1;
}

// scan_identifiers' accepting path without loose prerelease normalisation:
// one past the identifiers, or npos when the careful scanner must decide (an
// empty identifier, a prerelease numeric identifier with a leading zero).
[[nodiscard]]
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
inline std::size_t
fast_identifiers(std::string_view s, std::size_t i, std::size_t end, bool prerelease) noexcept {
  const char* const base = s.data();
  const char* p = base + i;
  const char* const e = base + end;
  for (;;) {
    const char* const b = p;
    unsigned all = class_digit;
    while (p != e) {
      const unsigned cls = byte_class(*p);
      if ((cls & class_ident) == 0) break;
      all &= cls;
      ++p;
    }
    if (p == b) return std::string_view::npos;
    if (prerelease && all != 0 && *b == '0' && p - b > 1) return std::string_view::npos;
    if (p != e && *p == '.') {
      ++p;
      continue;
    }
    return static_cast<std::size_t>(p - base);
  }
}

// Appends one prerelease identifier, normalised as node-semver's loose mode
// does: an all-digit id below 2^53-1 prints as its number ("01" -> "1").
inline void append_loose_identifier(std::string& out, std::string_view id) {
  if (all_digits(id) && id.size() > 1 && id.front() == '0') {
    std::string_view trimmed = id;
    while (trimmed.size() > 1 && trimmed.front() == '0') trimmed.remove_prefix(1);
    if (trimmed.size() < 16 ||
        (trimmed.size() == 16 && compare_numeric(trimmed, "9007199254740991") < 0)) {
      out.append(trimmed.data(), trimmed.size());
      return;
    }
  }
  out.append(id.data(), id.size());
}

// Identifiers from `i` to the first character that is neither an identifier
// character nor a separating dot; every identifier non-empty.
[[nodiscard]] inline relkit::result<std::size_t> scan_identifiers(std::string_view s, std::size_t i,
                                                                  std::size_t end, bool prerelease,
                                                                  bool loose, std::string* out) {
  const char* what = prerelease ? "prerelease identifier" : "build identifier";
  // Strict and npm text is already canonical: copy it once at the end.
  const bool copy_whole = !(loose && prerelease);
  const std::size_t first = i;
  for (;;) {
    const std::size_t start = i;
    while (i < end && is_ident_char(s[i])) ++i;
    if (i == start) return unexpected(s.substr(0, end), i, what);
    const std::string_view id = std::string_view(s.data() + start, i - start);
    if (prerelease && all_digits(id) && id.size() > 1 && id.front() == '0' && !loose) {
      return relkit::error{errc::leading_zero, start,
                           relkit::error_args{}.with_text("prerelease identifier")};
    }
    if (out != nullptr && !copy_whole) {
      if (!out->empty()) *out += '.';
      append_loose_identifier(*out, id);
    }
    if (i < end && s[i] == '.') {
      ++i;
      continue;
    }
    if (out != nullptr && copy_whole) out->assign(s.data() + first, i - first);
    return i;
  }
}

}  // namespace detail

namespace detail {
// parse_into's careful path for major.minor.patch (loose input, leading
// zeros, long numbers), from `i` to `end`: the numbers, or the error. Moves
// `i` past the patch; sets `pre_start` where loose backtracking puts a
// prerelease. Out of line: parse_into's fast path stays small.
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
inline std::optional<relkit::error>
parse_numbers_careful(std::string_view text, std::size_t& i, std::size_t end, bool npm, bool loose,
                      std::size_t& pre_start, std::uint64_t (&numbers)[3]) {
  const std::string_view body = std::string_view(text.data(), end);
  const std::uint64_t max = npm ? 9007199254740991ULL : UINT64_MAX;  // semver::max_safe_integer
  const char* max_text = npm ? "9007199254740991" : "18446744073709551615";
  auto major = parse_number(text, i, end, "major version", loose, max, max_text);
  if (!major) return major.error();
  if (i >= end || text[i] != '.') return unexpected(body, i, "major version");
  ++i;
  auto minor = parse_number(text, i, end, "minor version", loose, max, max_text);
  if (!minor) return minor.error();
  if (i >= end || text[i] != '.') return unexpected(body, i, "minor version");
  ++i;
  const std::size_t patch_start = i;
  std::size_t patch_end = i;
  while (patch_end < end && is_digit(text[patch_end])) ++patch_end;
  std::size_t patch_limit = end;
  if (loose && patch_end < end && text[patch_end] == '.' && patch_end - patch_start >= 2) {
    // node-semver's loose regex backtracks: "1.2.34.5" is 1.2.3-4.5.
    auto rest = scan_identifiers(text, patch_end - 1, end, true, true, nullptr);
    if (rest && (*rest == end || text[*rest] == '+')) {
      patch_limit = patch_end - 1;
      pre_start = patch_limit;
    }
  }
  auto patch = parse_number(text, i, patch_limit, "patch version", loose, max, max_text);
  if (!patch) return patch.error();
  numbers[0] = *major;
  numbers[1] = *minor;
  numbers[2] = *patch;
  return std::nullopt;
}

// parse()'s body: makes the value of `out` (an unset result, see
// result_access::make_unset) or its error, in place: no version move per
// parse, and an invalid major.minor.patch makes only the error (no version
// made and destroyed).
template <class Version>
inline void parse_into(std::string_view text, bool npm, bool loose, std::size_t max_length,
                       relkit::result<Version>& out) {
  const auto fail = [&out](const relkit::error& err) {
    relkit::detail::result_access::emplace_error(out, err);
  };
  // unexpected(body, pos, what), made in place
  const auto fail_unexpected = [&out](std::string_view body_text, std::size_t pos,
                                      const char* what) {
    relkit::error& err = relkit::detail::result_access::emplace_error(
        out, pos < body_text.size() ? errc::unexpected_character : errc::unexpected_end, pos);
    err.args.with_text(what);
    if (pos < body_text.size()) err.args.with_byte_of(body_text, pos);
  };
  if (text.size() > max_length) {
    return fail(
        relkit::error{errc::too_long, max_length,
                      relkit::error_args{}.with_number(static_cast<std::int64_t>(max_length))});
  }
  std::size_t i = 0;
  std::size_t end = text.size();
  if (npm) {
    // version.trim(): JavaScript whitespace (a), relkit/detail/js_text.hpp
    i = relkit::detail::skip_js_spaces(text, 0);
    end = i + relkit::detail::js_trim_end(text.substr(i)).size();
    if (loose) {
      for (;;) {
        if (i < end && (text[i] == 'v' || text[i] == '=')) {
          ++i;
        } else if (std::size_t n = relkit::detail::js_space_length(text, i)) {  // \s (a)
          i += n;
        } else {
          break;
        }
      }
    } else if (i < end && text[i] == 'v') {
      ++i;
    }
  }
  if (text.empty()) return fail(relkit::error{errc::empty, 0});
  std::size_t pre_start = std::string_view::npos;
  const std::string_view body = std::string_view(text.data(), end);
  std::size_t k = i;
  int fast = -1;
  std::uint64_t numbers[3];
  if (!loose) {
    // major.minor.patch of short numbers; a missing number or dot is reported
    // here, as the careful path below would report it.
    const char* part = "major version";
    fast = fast_number(body, k, numbers[0]);
    if (fast > 0) {
      if (k >= end || text[k] != '.') return fail_unexpected(body, k, "major version");
      part = "minor version";
      fast = fast_number(body, ++k, numbers[1]);
      if (fast > 0) {
        if (k >= end || text[k] != '.') return fail_unexpected(body, k, "minor version");
        part = "patch version";
        fast = fast_number(body, ++k, numbers[2]);
      }
    }
    if (fast == 0) return fail_unexpected(body, k, part);
  }
  if (fast > 0) {
    i = k;
  } else if (auto err = parse_numbers_careful(text, i, end, npm, loose, pre_start, numbers)) {
    return fail(*err);
  }
  // The numbers are good: the version is made now.
  Version& v = relkit::detail::result_access::emplace_default_value(out);
  v.major = numbers[0];
  v.minor = numbers[1];
  v.patch = numbers[2];
  if (i == end && pre_start == std::string_view::npos) return;
  if (pre_start == std::string_view::npos && i < end && text[i] != '+') {
    if (text[i] == '-') {
      const bool hyphen_is_identifier = loose && (i + 1 >= end || !is_ident_char(text[i + 1]));
      pre_start = hyphen_is_identifier ? i : i + 1;
    } else if (loose && is_ident_char(text[i])) {
      pre_start = i;
    } else {
      return fail_unexpected(body, i, "patch version");
    }
  }
  if (pre_start != std::string_view::npos) {
    const std::size_t next =
        loose ? std::string_view::npos : fast_identifiers(text, pre_start, end, true);
    if (next != std::string_view::npos) {
      v.prerelease.append(text.data() + pre_start, next - pre_start);
      i = next;
    } else {
      auto slow = scan_identifiers(text, pre_start, end, true, loose, &v.prerelease);
      if (!slow) return fail(slow.error());
      i = *slow;
    }
  }
  if (i < end && text[i] == '+') {
    const std::size_t next = fast_identifiers(text, i + 1, end, false);
    if (next != std::string_view::npos) {
      v.build.append(text.data() + i + 1, next - i - 1);
      i = next;
    } else {
      auto slow = scan_identifiers(text, i + 1, end, false, loose, &v.build);
      if (!slow) return fail(slow.error());
      i = *slow;
    }
  }
  if (i < end) {
    const char* what = v.build.empty()
                           ? (v.prerelease.empty() ? "patch version" : "prerelease identifier")
                           : "build identifier";
    return fail_unexpected(body, i, what);
  }
}
}  // namespace detail
}  // namespace semver
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
