#pragma once
// ASCII character classes and case helpers, independent of the C locale
// (<cctype> follows it, and takes an int that must not be a negative char).
// Bytes >= 0x80 belong to no class and are left alone by the case helpers.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string_view>

#include "relkit/config.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

[[nodiscard]] constexpr bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}
[[nodiscard]] constexpr bool is_upper(char c) noexcept {
  return c >= 'A' && c <= 'Z';
}
[[nodiscard]] constexpr bool is_lower(char c) noexcept {
  return c >= 'a' && c <= 'z';
}
[[nodiscard]] constexpr bool is_alpha(char c) noexcept {
  return is_upper(c) || is_lower(c);
}
[[nodiscard]] constexpr bool is_alnum(char c) noexcept {
  return is_alpha(c) || is_digit(c);
}
[[nodiscard]] constexpr bool is_hex_digit(char c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
// The C locale's isspace: space, \t, \n, \v, \f, \r. (For JavaScript's or
// JSON's whitespace see relkit/detail/js_text.hpp.)
[[nodiscard]] constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
// RegExp \w (without the u and i flags): [A-Za-z0-9_].
[[nodiscard]] constexpr bool is_word_char(char c) noexcept {
  return is_alnum(c) || c == '_';
}
// Printable: 0x20 (space) to 0x7e.
[[nodiscard]] constexpr bool is_print(char c) noexcept {
  return c >= 0x20 && c < 0x7f;
}

// 0..15 for a hexadecimal digit, -1 otherwise.
[[nodiscard]] constexpr int hex_digit_value(char c) noexcept {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

[[nodiscard]] constexpr char to_lower(char c) noexcept {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
[[nodiscard]] constexpr char to_upper(char c) noexcept {
  return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

// Equal ignoring ASCII case.
[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

// `text` starts with `prefix`, ignoring ASCII case.
[[nodiscard]] constexpr bool istarts_with(std::string_view text, std::string_view prefix) noexcept {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

// Non-empty and only [0-9].
[[nodiscard]] constexpr bool all_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

}  // namespace detail
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
