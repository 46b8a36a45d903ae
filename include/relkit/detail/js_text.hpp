#pragma once
// JavaScript's text rules that relkit's references (node-semver, the
// conventional-commits parser, Unleash) apply, defined once per JavaScript
// semantic, on UTF-8 input. Each user names the semantic it needs:
//
//   (a) js_space_*: WhiteSpace + LineTerminator (ECMA-262 12.2, 12.3), the set
//       String.prototype.trim/trimStart/trimEnd remove and RegExp \s matches:
//       U+0009-000D, U+0020, U+00A0, U+1680, U+2000-200A, U+2028, U+2029,
//       U+202F, U+205F, U+3000, U+FEFF. (Not U+0085, not U+180E since
//       Unicode 6.3, not U+200B.)
//   (b) str_white_space_*: StrWhiteSpaceChar (ECMA-262 7.1.4.1.1), what
//       Number(), StringToNumber and the Date string format skip around a
//       number. The specification defines it as WhiteSpace | LineTerminator:
//       the same set as (a), spelled separately so each use says which rule
//       it follows.
//   (c) json_space_*: JSON's ws (RFC 8259, ECMA-404): only U+0020, U+0009,
//       U+000A, U+000D. JSON.parse rejects a no-break space or a form feed.
//
// Also: LineTerminator (what RegExp `.` does not match) and Number(text).
// Byte lengths are of whole UTF-8 sequences; malformed or cut sequences are
// never whitespace.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/detail/decimal.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

// --------------------------------------------------------------------------
// (a) WhiteSpace + LineTerminator: trim, \s

// Byte length (1 to 3) of the whitespace character starting at `i`, or 0.
[[nodiscard]] constexpr std::size_t js_space_length(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return 0;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 == ' ' || (b0 >= 0x09 && b0 <= 0x0d)) return 1;
  if (b0 < 0xc2) return 0;
  const std::size_t left = s.size() - i;
  const unsigned b1 = left >= 2 ? static_cast<unsigned char>(s[i + 1]) : 0U;
  if (b0 == 0xc2) return b1 == 0xa0 ? 2 : 0;  // U+00A0
  if (left < 3) return 0;
  const auto b2 = static_cast<unsigned char>(s[i + 2]);
  switch (b0) {
    case 0xe1:
      return b1 == 0x9a && b2 == 0x80 ? 3 : 0;  // U+1680
    case 0xe2:
      if (b1 == 0x80) {
        // U+2000-200A, U+2028, U+2029, U+202F
        return (b2 >= 0x80 && b2 <= 0x8a) || b2 == 0xa8 || b2 == 0xa9 || b2 == 0xaf ? 3 : 0;
      }
      return b1 == 0x81 && b2 == 0x9f ? 3 : 0;  // U+205F
    case 0xe3:
      return b1 == 0x80 && b2 == 0x80 ? 3 : 0;  // U+3000
    case 0xef:
      return b1 == 0xbb && b2 == 0xbf ? 3 : 0;  // U+FEFF
    default:
      return 0;
  }
}

// Byte length of the whitespace character that ends at `end`, or 0.
[[nodiscard]] constexpr std::size_t js_space_length_before(std::string_view s,
                                                           std::size_t end) noexcept {
  if (end > s.size()) return 0;
  for (std::size_t len = 1; len <= 3 && len <= end; ++len) {
    if (js_space_length(s, end - len) == len) return len;
  }
  return 0;
}

// Position after the run of whitespace starting at `i` (RegExp \s*).
[[nodiscard]] constexpr std::size_t skip_js_spaces(std::string_view s, std::size_t i) noexcept {
  for (std::size_t n = js_space_length(s, i); n != 0; n = js_space_length(s, i)) i += n;
  return i;
}

[[nodiscard]] constexpr std::string_view js_trim_start(std::string_view s) noexcept {
  return s.substr(skip_js_spaces(s, 0));
}

[[nodiscard]] constexpr std::string_view js_trim_end(std::string_view s) noexcept {
  std::size_t end = s.size();
  for (std::size_t n = js_space_length_before(s, end); n != 0; n = js_space_length_before(s, end)) {
    end -= n;
  }
  return s.substr(0, end);
}

// String.prototype.trim.
[[nodiscard]] constexpr std::string_view js_trim(std::string_view s) noexcept {
  return js_trim_end(js_trim_start(s));
}

// trim() leaves nothing.
[[nodiscard]] constexpr bool is_js_blank(std::string_view s) noexcept {
  return skip_js_spaces(s, 0) == s.size();
}

// LineTerminator: \n, \r, U+2028, U+2029 (what RegExp `.` does not match).
[[nodiscard]] constexpr std::size_t js_line_terminator_length(std::string_view s,
                                                              std::size_t i) noexcept {
  if (i >= s.size()) return 0;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 == '\n' || b0 == '\r') return 1;
  if (b0 == 0xe2 && s.size() - i >= 3 && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    return b2 == 0xa8 || b2 == 0xa9 ? 3 : 0;
  }
  return 0;
}

// Position of the first LineTerminator at or after `from`, or s.size().
[[nodiscard]] constexpr std::size_t find_js_line_terminator(std::string_view s,
                                                            std::size_t from) noexcept {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (js_line_terminator_length(s, i) != 0) return i;
  }
  return s.size();
}

// --------------------------------------------------------------------------
// (b) StrWhiteSpaceChar: Number(), the Date string format

[[nodiscard]] constexpr std::size_t str_white_space_length(std::string_view s,
                                                           std::size_t i) noexcept {
  return js_space_length(s, i);  // ECMA-262: StrWhiteSpaceChar ::: WhiteSpace | LineTerminator
}

[[nodiscard]] constexpr std::string_view trim_str_white_space(std::string_view s) noexcept {
  return js_trim(s);
}

// --------------------------------------------------------------------------
// (c) JSON ws

[[nodiscard]] constexpr bool is_json_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

[[nodiscard]] constexpr std::size_t skip_json_spaces(std::string_view s, std::size_t i) noexcept {
  while (i < s.size() && is_json_space(s[i])) ++i;
  return i;
}

// --------------------------------------------------------------------------
// Number(text) (ECMA-262 StringToNumber)

// The digits of a 0x / 0o / 0b literal (no sign, no separators), rounded to
// the nearest double like any other number; NaN when a digit is not of the
// radix or there is none.
[[nodiscard]] inline double non_decimal_to_number(std::string_view digits,
                                                  unsigned bits_per_digit) noexcept {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (digits.empty()) return nan;
  std::uint64_t acc = 0;
  std::int64_t extra_bits = 0;
  bool sticky = false;
  const unsigned radix = 1U << bits_per_digit;
  for (const char c : digits) {
    unsigned d = radix;
    if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
    if (c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') d = static_cast<unsigned>(c - 'A' + 10);
    if (d >= radix) return nan;
    if (acc >> (64 - bits_per_digit) == 0) {
      acc = (acc << bits_per_digit) | d;
    } else {
      extra_bits += bits_per_digit;
      sticky = sticky || d != 0;
    }
  }
  if (acc == 0) return 0.0;
  unsigned length = 0;
  for (std::uint64_t v = acc; v != 0; v >>= 1) ++length;
  std::uint64_t mantissa = acc;
  std::int64_t exponent = extra_bits;
  if (length > 53) {
    const unsigned shift = length - 53;
    mantissa = acc >> shift;
    const std::uint64_t rest = acc & ((std::uint64_t{1} << shift) - 1);
    const std::uint64_t half = std::uint64_t{1} << (shift - 1);
    if (rest > half || (rest == half && (sticky || (mantissa & 1U) != 0))) ++mantissa;
    exponent += shift;
  }
  if (exponent > 1100) return std::numeric_limits<double>::infinity();
  auto value = static_cast<double>(mantissa);
  for (std::int64_t k = 0; k < exponent; ++k) value *= 2.0;  // exact, or infinity
  return value;
}

// Number(text): whitespace (b) around the literal, empty text is 0,
// Infinity, 0x/0o/0b literals, otherwise a StrDecimalLiteral correctly
// rounded; NaN where JavaScript gives NaN.
[[nodiscard]] inline double string_to_number(std::string_view text) noexcept {
  const std::string_view s = trim_str_white_space(text);
  if (s.empty()) return 0.0;
  if (s.size() >= 2 && s[0] == '0') {
    switch (s[1]) {
      case 'x':
      case 'X':
        return non_decimal_to_number(s.substr(2), 4);
      case 'o':
      case 'O':
        return non_decimal_to_number(s.substr(2), 3);
      case 'b':
      case 'B':
        return non_decimal_to_number(s.substr(2), 1);
      default:
        break;
    }
  }
  const decimal_parse parsed = parse_decimal(s, 0, decimal_grammar::js);
  if (parsed.status == number_status::invalid || parsed.end != s.size()) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return parsed.value;
}

}  // namespace detail
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
