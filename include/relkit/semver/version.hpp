#pragma once
// relkit::semver versions: the value type, parse, precedence, to_string and
// hash. Included by relkit/semver.hpp; components that need versions but not
// ranges (commits, flags) include this part alone to keep their compile time
// down.
//
// A version keeps its prerelease and build text as dot-joined strings; short
// ones (<= 15 bytes with libstdc++/libc++) live in the string's inline buffer,
// so parsing and comparing typical versions does not allocate.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/result.hpp"

RELKIT_NAMESPACE_BEGIN
namespace semver {

enum class errc {
  empty = 1,             // nothing to parse
  too_long,              // input over options::max_length bytes
  unexpected_character,  // a character the grammar does not allow here
  unexpected_end,        // input ended inside a version
  leading_zero,          // numeric part with a leading zero (strict and npm modes)
  number_too_large,      // beyond uint64 (strict) or 2^53-1 (npm modes, as node-semver)
  invalid_range,         // a range node-semver's validRange rejects
  invalid_identifier,    // a bump identifier that is not a prerelease identifier
  not_a_prerelease,      // bump(release) of a version without prerelease
  identifier_exists,     // bump with identifier_base::none would not change the version
  empty_identifier,      // bump with identifier_base::none and no identifier
};

constexpr std::string_view describe(int code) noexcept {
  switch (static_cast<errc>(code)) {
    case errc::empty:
      return "empty";
    case errc::too_long:
      return "too_long";
    case errc::unexpected_character:
      return "unexpected_character";
    case errc::unexpected_end:
      return "unexpected_end";
    case errc::leading_zero:
      return "leading_zero";
    case errc::number_too_large:
      return "number_too_large";
    case errc::invalid_range:
      return "invalid_range";
    case errc::invalid_identifier:
      return "invalid_identifier";
    case errc::not_a_prerelease:
      return "not_a_prerelease";
    case errc::identifier_exists:
      return "identifier_exists";
    case errc::empty_identifier:
      return "empty_identifier";
  }
  return "unknown";
}

inline constexpr relkit::error_domain error_domain{"semver", &describe};
constexpr const relkit::error_domain& relkit_error_domain(errc) noexcept {
  return error_domain;
}

// strict: the SemVer 2.0.0 grammar exactly, nothing trimmed.
// npm: node-semver `new SemVer(x)`: surrounding whitespace, one leading `v`,
//   numbers up to 2^53-1.
// npm_loose: node-semver `{loose: true}`: any run of `v`, `=` and whitespace
//   first, leading zeros, a prerelease without `-`.
enum class parse_mode : unsigned char { strict, npm, npm_loose };

struct options {
  parse_mode mode = parse_mode::strict;
  std::size_t max_length = 256;  // longer inputs are errors (node-semver: 256)
};

inline constexpr options strict_options{parse_mode::strict, 256};
inline constexpr options npm_options{parse_mode::npm, 256};
inline constexpr options npm_loose_options{parse_mode::npm_loose, 256};

// Largest major/minor/patch the npm modes accept (Number.MAX_SAFE_INTEGER).
inline constexpr std::uint64_t max_safe_integer = 9007199254740991ULL;

struct version {
  std::uint64_t major = 0;
  std::uint64_t minor = 0;
  std::uint64_t patch = 0;
  std::string prerelease;  // dot-joined identifiers without the '-', e.g. "beta.2"
  std::string build;       // dot-joined identifiers without the '+'

  version() = default;
  version(std::uint64_t major_, std::uint64_t minor_, std::uint64_t patch_,
          std::string prerelease_ = {}, std::string build_ = {})
      : major(major_),
        minor(minor_),
        patch(patch_),
        prerelease(std::move(prerelease_)),
        build(std::move(build_)) {}

  [[nodiscard]] bool is_prerelease() const noexcept { return !prerelease.empty(); }
};

namespace detail_semver {

inline bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}
inline bool is_ident_char(char c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}
inline bool all_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// Byte length of the JavaScript whitespace character (String.prototype.trim,
// regex \s) starting at `pos`, or 0. UTF-8.
inline std::size_t js_space_at(std::string_view s, std::size_t pos) noexcept {
  if (pos >= s.size()) return 0;
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 == ' ' || (b0 >= 0x09 && b0 <= 0x0d)) return 1;
  if (b0 < 0xc2) return 0;
  auto byte = [&](std::size_t k) -> unsigned {
    return pos + k < s.size() ? static_cast<unsigned char>(s[pos + k]) : 0U;
  };
  if (b0 == 0xc2 && byte(1) == 0xa0) return 2;                     // U+00A0
  if (b0 == 0xe1 && byte(1) == 0x9a && byte(2) == 0x80) return 3;  // U+1680
  if (b0 == 0xe2 && byte(1) == 0x80) {
    const unsigned b2 = byte(2);
    if ((b2 >= 0x80 && b2 <= 0x8a) || b2 == 0xa8 || b2 == 0xa9 || b2 == 0xaf) return 3;
  }
  if (b0 == 0xe2 && byte(1) == 0x81 && byte(2) == 0x9f) return 3;  // U+205F
  if (b0 == 0xe3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;  // U+3000
  if (b0 == 0xef && byte(1) == 0xbb && byte(2) == 0xbf) return 3;  // U+FEFF
  return 0;
}
// Byte length of the JavaScript whitespace character ending at `end`, or 0.
inline std::size_t js_space_before(std::string_view s, std::size_t end) noexcept {
  for (std::size_t len = 1; len <= 3 && len <= end; ++len) {
    if (js_space_at(s, end - len) == len) return len;
  }
  return 0;
}

inline std::string quote_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7f) return std::string("'") + c + "'";
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "byte 0x";
  out += hex[u >> 4];
  out += hex[u & 15U];
  return out;
}

inline relkit::error unexpected(std::string_view text, std::size_t pos, const char* what) {
  if (pos >= text.size()) {
    return relkit::error{
        errc::unexpected_end, pos,
        "unexpected end of input at " + std::to_string(pos) + " while parsing " + what};
  }
  // one allocation: the message is built in a buffer reserved up front
  std::string message;
  message.reserve(80);
  message += "unexpected ";
  message += quote_char(text[pos]);
  message += " at ";
  message += std::to_string(pos);
  message += " while parsing ";
  message += what;
  return relkit::error{errc::unexpected_character, pos, std::move(message)};
}

// Compares two numeric identifiers (digits only, maybe with leading zeros in
// loose input) by value, any length.
inline int compare_numeric(std::string_view a, std::string_view b) noexcept {
  while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
  while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// §11.4 for one identifier pair.
inline int compare_identifier(std::string_view a, std::string_view b) noexcept {
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
inline int compare_identifier_lists(std::string_view a, std::string_view b,
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

// Precedence of two non-empty prereleases. Identifiers before the first
// differing byte are byte-identical, hence equal: only the identifier pair
// holding that byte is compared. Numeric ids that differ only in leading zeros
// (loose input beyond 2^53) compare equal; the full walk then decides.
inline int compare_prereleases(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  std::size_t m = 0;
  // eight bytes at a time while they match, then byte by byte
  while (m + 8 <= n) {
    std::uint64_t x;
    std::uint64_t y;
    std::memcpy(&x, a.data() + m, 8);
    std::memcpy(&y, b.data() + m, 8);
    if (x != y) break;
    m += 8;
  }
  while (m < n && a[m] == b[m]) ++m;
  if (m == a.size() && m == b.size()) return 0;
  std::size_t start = m;
  while (start > 0 && a[start - 1] != '.') --start;
  std::size_t ea = m;
  while (ea < a.size() && a[ea] != '.') ++ea;
  std::size_t eb = m;
  while (eb < b.size() && b[eb] != '.') ++eb;
  // x and y agree before m and differ at m (or one of them ends there)
  if (ea == m && eb == m) return ea == a.size() ? -1 : 1;  // one list ends, the other goes on
  const std::string_view x = std::string_view(a.data() + start, ea - start);
  const std::string_view y = std::string_view(b.data() + start, eb - start);
  const bool x_digits = all_digits(x);
  const bool y_digits = all_digits(y);
  if (x_digits != y_digits) return x_digits ? -1 : 1;
  const auto byte_order = [&]() noexcept {
    if (m == ea) return -1;
    if (m == eb) return 1;
    return static_cast<unsigned char>(a[m]) < static_cast<unsigned char>(b[m]) ? -1 : 1;
  };
  if (!x_digits) return byte_order();
  if (!x.empty() && !y.empty() && x.front() != '0' && y.front() != '0') {
    if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
    return byte_order();
  }
  const int c = compare_numeric(x, y);
  if (c != 0) return c;
  return compare_identifier_lists(a.substr(start), b.substr(start), false);
}

}  // namespace detail_semver

// Precedence per SemVer 2.0.0 §11: build metadata is ignored. -1, 0 or 1.
inline int compare(const version& a, const version& b) noexcept {
  if (a.major != b.major) return a.major < b.major ? -1 : 1;
  if (a.minor != b.minor) return a.minor < b.minor ? -1 : 1;
  if (a.patch != b.patch) return a.patch < b.patch ? -1 : 1;
  if (a.prerelease.empty() || b.prerelease.empty()) {
    if (a.prerelease.empty() == b.prerelease.empty()) return 0;
    return a.prerelease.empty() ? 1 : -1;
  }
  return detail_semver::compare_prereleases(a.prerelease, b.prerelease);
}

// node-semver's compareBuild (used by its sort/rsort): precedence, then build
// identifiers (none sorts first).
inline int compare_build(const version& a, const version& b) noexcept {
  const int c = compare(a, b);
  if (c != 0) return c;
  return detail_semver::compare_identifier_lists(a.build, b.build, true);
}

inline bool operator==(const version& a, const version& b) noexcept {
  return compare(a, b) == 0;
}
inline bool operator!=(const version& a, const version& b) noexcept {
  return compare(a, b) != 0;
}
inline bool operator<(const version& a, const version& b) noexcept {
  return compare(a, b) < 0;
}
inline bool operator>(const version& a, const version& b) noexcept {
  return compare(a, b) > 0;
}
inline bool operator<=(const version& a, const version& b) noexcept {
  return compare(a, b) <= 0;
}
inline bool operator>=(const version& a, const version& b) noexcept {
  return compare(a, b) >= 0;
}

// Same as ==, and the build text too.
inline bool identical(const version& a, const version& b) noexcept {
  return a.major == b.major && a.minor == b.minor && a.patch == b.patch &&
         a.prerelease == b.prerelease && a.build == b.build;
}

inline std::string to_string(const version& v, bool with_build = true) {
  std::string out = std::to_string(v.major);
  out += '.';
  out += std::to_string(v.minor);
  out += '.';
  out += std::to_string(v.patch);
  if (!v.prerelease.empty()) {
    out += '-';
    out += v.prerelease;
  }
  if (with_build && !v.build.empty()) {
    out += '+';
    out += v.build;
  }
  return out;
}

// What node-semver's `version` property prints: no build metadata.
inline std::string to_npm_string(const version& v) {
  return to_string(v, false);
}

namespace detail_semver {

struct number_limits {
  std::uint64_t max;
  const char* max_text;
};

inline relkit::result<std::uint64_t> parse_number(std::string_view s, std::size_t& i,
                                                  std::size_t end, const char* part, bool loose,
                                                  std::uint64_t max, const char* max_text) {
  const std::size_t start = i;
  if (i >= end || !is_digit(s[i])) {
    std::string what = std::string(part) + " version";
    return unexpected(s.substr(0, end), i, what.c_str());
  }
  if (!loose && s[i] == '0' && i + 1 < end && is_digit(s[i + 1])) {
    return relkit::error{
        errc::leading_zero, i,
        std::string("leading zero in ") + part + " version at " + std::to_string(i)};
  }
  std::uint64_t value = 0;
  bool overflow = false;
  for (; i < end && is_digit(s[i]); ++i) {
    const auto digit = static_cast<std::uint64_t>(s[i] - '0');
    if (value > (max - digit) / 10) overflow = true;
    if (!overflow) value = value * 10 + digit;
  }
  if (overflow) {
    return relkit::error{
        errc::number_too_large, start,
        std::string(part) + " version exceeds " + max_text + " at " + std::to_string(start)};
  }
  return value;
}

// A number of 1 to 15 digits without a leading zero (cannot overflow any
// limit); false leaves the careful path to decide and explain.
// Always inlined: it runs three times per version on the hot path, and as a
// call it was 30% of parsing a typical version.
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
inline bool
fast_number(std::string_view s, std::size_t& k, std::uint64_t& out) noexcept {
  const char* const begin = s.data() + k;
  const char* const limit = s.data() + s.size();
  const char* p = begin;
  std::uint64_t value = 0;
  while (p < limit && p - begin < 16) {
    const auto digit = static_cast<unsigned>(static_cast<unsigned char>(*p)) - unsigned{'0'};
    if (digit > 9U) break;
    value = value * 10 + digit;
    ++p;
  }
  const auto n = static_cast<std::size_t>(p - begin);
  k += n;
  if (n == 0 || n > 15 || (n > 1 && *begin == '0')) return false;
  out = value;
  return true;
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
inline relkit::result<std::size_t> scan_identifiers(std::string_view s, std::size_t i,
                                                    std::size_t end, bool prerelease, bool loose,
                                                    std::string* out) {
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
                           "leading zero in prerelease identifier at " + std::to_string(start)};
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

}  // namespace detail_semver

namespace detail_semver {
// parse()'s body: fills `v` (value-initialized by the caller) or returns the
// error. Writing into the result's own storage spares a version move per parse.
inline std::optional<relkit::error> parse_into(std::string_view text, const options& opts,
                                               version& v) {
  if (text.size() > opts.max_length) {
    return relkit::error{errc::too_long, opts.max_length,
                         "version is longer than " + std::to_string(opts.max_length) +
                             " characters at " + std::to_string(opts.max_length)};
  }
  const bool npm = opts.mode != parse_mode::strict;
  const bool loose = opts.mode == parse_mode::npm_loose;
  std::size_t i = 0;
  std::size_t end = text.size();
  if (npm) {
    while (std::size_t n = js_space_at(text, i)) i += n;
    while (end > i) {
      const std::size_t n = js_space_before(text, end);
      if (n == 0) break;
      end -= n;
    }
    if (loose) {
      for (;;) {
        if (i < end && (text[i] == 'v' || text[i] == '=')) {
          ++i;
        } else if (std::size_t n = js_space_at(text, i)) {
          i += n;
        } else {
          break;
        }
      }
    } else if (i < end && text[i] == 'v') {
      ++i;
    }
  }
  if (text.empty()) return relkit::error{errc::empty, 0, "empty version at 0"};
  const std::uint64_t max = npm ? max_safe_integer : UINT64_MAX;
  const char* max_text = npm ? "9007199254740991" : "18446744073709551615";
  std::size_t pre_start = std::string_view::npos;
  const std::string_view body = std::string_view(text.data(), end);
  std::size_t k = i;
  const bool fast = !loose && fast_number(body, k, v.major) && k < end && text[k] == '.' &&
                    fast_number(body, ++k, v.minor) && k < end && text[k] == '.' &&
                    fast_number(body, ++k, v.patch) && (k == end || !is_digit(text[k]));
  if (fast) {
    if (k == end) return std::nullopt;
    i = k;
  } else {
    auto major = parse_number(text, i, end, "major", loose, max, max_text);
    if (!major) return std::move(major).error();
    if (i >= end || text[i] != '.') return unexpected(body, i, "major version");
    ++i;
    auto minor = parse_number(text, i, end, "minor", loose, max, max_text);
    if (!minor) return std::move(minor).error();
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
    auto patch = parse_number(text, i, patch_limit, "patch", loose, max, max_text);
    if (!patch) return std::move(patch).error();
    v.major = *major;
    v.minor = *minor;
    v.patch = *patch;
  }
  if (pre_start == std::string_view::npos && i < end && text[i] != '+') {
    if (text[i] == '-') {
      const bool hyphen_is_identifier = loose && (i + 1 >= end || !is_ident_char(text[i + 1]));
      pre_start = hyphen_is_identifier ? i : i + 1;
    } else if (loose && is_ident_char(text[i])) {
      pre_start = i;
    } else {
      return unexpected(text.substr(0, end), i, "patch version");
    }
  }
  if (pre_start != std::string_view::npos) {
    auto next = scan_identifiers(text, pre_start, end, true, loose, &v.prerelease);
    if (!next) return std::move(next).error();
    i = *next;
  }
  if (i < end && text[i] == '+') {
    auto next = scan_identifiers(text, i + 1, end, false, loose, &v.build);
    if (!next) return std::move(next).error();
    i = *next;
  }
  if (i < end) {
    return unexpected(text.substr(0, end), i,
                      v.build.empty()
                          ? (v.prerelease.empty() ? "patch version" : "prerelease identifier")
                          : "build identifier");
  }
  return std::nullopt;
}
}  // namespace detail_semver

// Parses a version. Errors carry the byte offset into `text`.
inline relkit::result<version> parse(std::string_view text, const options& opts = {}) {
  relkit::result<version> out;
  if (auto failure = detail_semver::parse_into(text, opts, *out)) out = std::move(*failure);
  return out;  // the only return, so the result is built in place
}

inline relkit::result<version> parse(std::string_view text, parse_mode mode) {
  options opts;
  opts.mode = mode;
  return parse(text, opts);
}

// node-semver `valid`/`clean`: the normalised version (no build) or nothing.
inline std::optional<std::string> valid(std::string_view text, parse_mode mode = parse_mode::npm) {
  auto v = parse(text, mode);
  if (!v) return std::nullopt;
  return to_npm_string(*v);
}

// Compares two version strings; an error if either does not parse.
inline relkit::result<int> compare(std::string_view a, std::string_view b,
                                   const options& opts = {}) {
  auto va = parse(a, opts);
  if (!va) return std::move(va).error();
  auto vb = parse(b, opts);
  if (!vb) return std::move(vb).error();
  return compare(*va, *vb);
}

// Sort helpers: ascending / descending by compare_build (node-semver
// sort/rsort), stable. Templates, so <algorithm>'s sort machinery is only
// instantiated where used. `Versions` is a container of `version`.
template <class Versions>
void sort(Versions& versions) {
  std::stable_sort(versions.begin(), versions.end(),
                   [](const version& a, const version& b) { return compare_build(a, b) < 0; });
}
template <class Versions>
void rsort(Versions& versions) {
  std::stable_sort(versions.begin(), versions.end(),
                   [](const version& a, const version& b) { return compare_build(b, a) < 0; });
}

}  // namespace semver
RELKIT_NAMESPACE_END

namespace std {
template <>
struct hash<relkit::semver::version> {
  // Consistent with ==: build metadata ignored, numeric ids by value.
  std::size_t operator()(const relkit::semver::version& v) const noexcept {
    std::size_t h = static_cast<std::size_t>(1469598103934665603ULL);
    auto mix = [&h](std::uint64_t x) {
      h ^= static_cast<std::size_t>(x + 0x9e3779b97f4a7c15ULL) + (h << 6) + (h >> 2);
    };
    mix(v.major);
    mix(v.minor);
    mix(v.patch);
    bool at_id_start = true;
    const std::string& p = v.prerelease;
    for (std::size_t i = 0; i < p.size(); ++i) {
      const char c = p[i];
      // Skip leading zeros of numeric ids (possible only from loose input).
      if (at_id_start && c == '0' && i + 1 < p.size() && p[i + 1] >= '0' && p[i + 1] <= '9') {
        continue;
      }
      at_id_start = c == '.';
      mix(static_cast<unsigned char>(c));
    }
    return h;
  }
};
}  // namespace std
