#pragma once
// Reading the headings of an existing CHANGELOG.md (internal to prepend).

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string>
#include <string_view>

#include "relkit/changelog/detail/render.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"

RELKIT_NAMESPACE_BEGIN
namespace changelog {
namespace detail {

// Length of the UTF-8 sequence at `at`, 0 when it is not valid UTF-8.
[[nodiscard]] inline std::size_t utf8_length(std::string_view s, std::size_t at) noexcept {
  const auto b0 = static_cast<unsigned char>(s[at]);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  unsigned min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (at + len > s.size()) return 0;
  unsigned cp = b0 & (0x7Fu >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[at + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
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
