#pragma once
// Rust's text rules that git-cliff applies (its Tera `trim` filter, its git-conventional
// parser, the trim_end of each commit message), on UTF-8 input: char::is_whitespace, the
// Unicode White_Space property. Not a JavaScript rule: JavaScript whitespace (a) of
// relkit/detail/js_text.hpp with U+0085 added and U+FEFF taken out. Byte lengths are of
// whole UTF-8 sequences; malformed or cut sequences are never whitespace.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace detail {

// Byte length (1 to 3) of the White_Space character starting at `i`, or 0.
[[nodiscard]] constexpr std::size_t rust_space_length(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return 0;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 == 0xc2 && s.size() - i >= 2 && static_cast<unsigned char>(s[i + 1]) == 0x85) return 2;
  if (b0 == 0xef) return 0;  // U+FEFF is JavaScript whitespace only
  return js_space_length(s, i);
}

// Position after the run of White_Space starting at `i`.
[[nodiscard]] constexpr std::size_t skip_rust_spaces(std::string_view s, std::size_t i) noexcept {
  for (std::size_t n = rust_space_length(s, i); n != 0; n = rust_space_length(s, i)) i += n;
  return i;
}

// str::trim_end.
[[nodiscard]] constexpr std::string_view rust_trim_end(std::string_view s) noexcept {
  std::size_t e = s.size();
  for (bool more = true; more && e > 0;) {
    more = false;
    for (std::size_t len = 1; len <= 3 && len <= e; ++len) {
      if (rust_space_length(s, e - len) == len) {
        e -= len;
        more = true;
        break;
      }
    }
  }
  return s.substr(0, e);
}

// str::trim.
[[nodiscard]] constexpr std::string_view rust_trim(std::string_view s) noexcept {
  return rust_trim_end(s.substr(skip_rust_spaces(s, 0)));
}

}  // namespace detail
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
