#pragma once
// Reading the headings of an existing CHANGELOG.md (internal to prepend).

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "relkit/changelog/detail/render.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"

RELKIT_NAMESPACE_BEGIN
namespace changelog {
namespace detail {

// Index of the first byte at or after `at` that is not in 0x01..0x7F (NUL or a
// UTF-8 lead/continuation byte), s.size() when there is none. A changelog is
// mostly ASCII, so this reads 8 bytes at a time: a word whose bytes are all in
// 0x01..0x7F has no high bit set, and subtracting 1 from each byte borrows from no
// neighbour and sets no high bit either; a 0x00 byte (the lowest one borrows
// nothing) or a byte >= 0x80 sets one. The bytes of the last partial word, and of a
// word that fails the test, are then checked one by one for the exact position.
// (A byte-at-a-time loop here compiled to three blocks and three taken jumps per
// byte, and its speed moved by 1.3x with where those blocks happened to land.)
[[nodiscard]] inline std::size_t skip_ascii(std::string_view s, std::size_t at) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101u;
  constexpr std::uint64_t highs = 0x8080808080808080u;
  while (s.size() - at >= sizeof(std::uint64_t)) {
    std::uint64_t word = 0;
    std::memcpy(&word, s.data() + at, sizeof word);
    if ((((word - ones) | word) & highs) != 0) break;
    at += sizeof word;
  }
  while (at < s.size()) {
    const auto b = static_cast<unsigned char>(s[at]);
    if (b == 0 || b >= 0x80) break;
    ++at;
  }
  return at;
}

// The version a heading names: `## [1.2.0](…) (date)`, `# 1.2.0`, `## [v1.2.0] - date`
// -> "1.2.0"; empty when the heading does not start with a version.
[[nodiscard]] inline std::string heading_version(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '[') ++i;
  std::size_t start = i;
  if (i < text.size() && (text[i] == 'v' || text[i] == 'V')) {
    ++i;
    start = i;
  }
  if (i >= text.size() || !relkit::detail::is_digit(text[i])) return {};
  while (i < text.size() && text[i] != ']' && text[i] != ' ' && text[i] != '(' && text[i] != '\t' &&
         text[i] != '\r') {
    ++i;
  }
  return std::string(text.substr(start, i - start));
}

[[nodiscard]] inline bool is_unreleased(std::string_view text) {
  if (!text.empty() && text[0] == '[') text.remove_prefix(1);
  if (text.size() < 10) return false;
  return lower(text.substr(0, 10)) == "unreleased";
}

}  // namespace detail
}  // namespace changelog
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
