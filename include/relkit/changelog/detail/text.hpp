#pragma once
// Text helpers of relkit::changelog: the ICU root collation order that
// JavaScript's localeCompare applies to ASCII (conventional-changelog sorts
// with it), the reference/mention linker of @conventional-changelog/template
// (its `\s` is JavaScript whitespace (a) of relkit/detail/js_text.hpp).

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace changelog {
namespace detail {

// Primary weight of one byte under the CLDR root collation (ASCII part):
// whitespace < punctuation < symbols < digits < letters (case folded), control
// characters ignorable (0). Bytes >= 0x80 weigh after every ASCII letter, in
// byte order: a documented approximation for non-ASCII text.
[[nodiscard]] constexpr std::uint16_t collation_weight(unsigned char c) noexcept {
  constexpr std::string_view punctuation = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
  switch (c) {
    case '\t':
      return 1;
    case '\n':
      return 2;
    case '\v':
      return 3;
    case '\f':
      return 4;
    case '\r':
      return 5;
    case ' ':
      return 6;
    default:
      break;
  }
  // Every weight fits one byte (collation_key relies on it).
  if (c >= '0' && c <= '9') return static_cast<std::uint16_t>(50 + (c - '0'));
  if (c >= 'a' && c <= 'z') return static_cast<std::uint16_t>(60 + (c - 'a'));
  if (c >= 'A' && c <= 'Z') return static_cast<std::uint16_t>(60 + (c - 'A'));
  if (c >= 0x80) return c;
  const std::size_t at = punctuation.find(static_cast<char>(c));
  if (at != std::string_view::npos) return static_cast<std::uint16_t>(10 + at);
  return 0;  // control characters: ignorable
}

struct collation_weights {
  std::uint16_t weight[256];
};
[[nodiscard]] constexpr collation_weights make_collation_weights() noexcept {
  collation_weights table{};
  for (unsigned c = 0; c < 256; ++c) {
    table.weight[c] = collation_weight(static_cast<unsigned char>(c));
  }
  return table;
}
inline constexpr collation_weights collation_table = make_collation_weights();

[[nodiscard]] constexpr std::uint16_t collation_primary(unsigned char c) noexcept {
  return collation_table.weight[c];
}

// localeCompare("a", "b") for the strings conventional-changelog sorts: primary
// weights first over the whole string, then case (lower before upper).
[[nodiscard]] inline int collate(std::string_view a, std::string_view b) noexcept {
  std::size_t i = 0;
  std::size_t j = 0;
  for (;;) {
    while (i < a.size() && collation_primary(static_cast<unsigned char>(a[i])) == 0) ++i;
    while (j < b.size() && collation_primary(static_cast<unsigned char>(b[j])) == 0) ++j;
    if (i == a.size() || j == b.size()) {
      if (i != a.size()) return 1;
      if (j != b.size()) return -1;
      break;
    }
    const auto wa = collation_primary(static_cast<unsigned char>(a[i]));
    const auto wb = collation_primary(static_cast<unsigned char>(b[j]));
    if (wa != wb) return wa < wb ? -1 : 1;
    ++i;
    ++j;
  }
  // Tertiary level: the first case difference decides, lower case first.
  i = 0;
  j = 0;
  for (;;) {
    while (i < a.size() && collation_primary(static_cast<unsigned char>(a[i])) == 0) ++i;
    while (j < b.size() && collation_primary(static_cast<unsigned char>(b[j])) == 0) ++j;
    if (i == a.size() || j == b.size()) break;
    const bool ua = relkit::detail::is_upper(a[i]);
    const bool ub = relkit::detail::is_upper(b[j]);
    if (ua != ub) return ua ? 1 : -1;
    ++i;
    ++j;
  }
  return 0;
}

// A sort key whose byte order (std::string's operator<) is collate()'s order: the
// primary weights, a 0 byte, then one case byte per weighed character.
[[nodiscard]] inline std::string collation_key(std::string_view s) {
  std::string key(2 * s.size() + 1, '\0');
  std::size_t weighed = 0;
  for (char c : s) {
    const std::uint16_t w = collation_primary(static_cast<unsigned char>(c));
    if (w != 0) key[weighed++] = static_cast<char>(w);
  }
  std::size_t at = weighed + 1;  // key[weighed] stays 0: the level separator
  for (char c : s) {
    if (collation_primary(static_cast<unsigned char>(c)) == 0) continue;
    key[at++] = relkit::detail::is_upper(c) ? '\2' : '\1';
  }
  key.resize(at);
  return key;
}

// Length of a protected Markdown segment starting at `at` (a link, a reference
// link, a fenced block, a code span, a URL), 0 when none starts there. Mirrors
// the alternatives of @conventional-changelog/template's references regex.
[[nodiscard]] inline std::size_t protected_segment(std::string_view s, std::size_t at) noexcept {
  const std::size_t n = s.size();
  if (s[at] == '[') {
    // [text](url), text may hold one level of [brackets].
    std::size_t i = at + 1;
    bool ok = true;
    while (i < n && s[i] != ']') {
      if (s[i] == '[') {
        std::size_t k = i + 1;
        while (k < n && s[k] != '[' && s[k] != ']') ++k;
        if (k >= n || s[k] != ']') {
          ok = false;
          break;
        }
        i = k + 1;
      } else {
        ++i;
      }
    }
    if (ok && i < n && i + 1 < n && s[i + 1] == '(') {
      std::size_t k = i + 2;
      bool closed = false;
      while (k < n && s[k] != '\n') {
        if (s[k] == ')') {
          closed = true;
          break;
        }
        if (s[k] == '(') {
          std::size_t m = k + 1;
          while (m < n && s[m] != '(' && s[m] != ')' && s[m] != '\n') ++m;
          if (m >= n || s[m] != ')') break;
          k = m + 1;
        } else {
          ++k;
        }
      }
      if (closed) return k + 1 - at;
    }
    // [text][ref]
    std::size_t e = s.find(']', at + 1);
    if (e != std::string_view::npos && e + 1 < n && s[e + 1] == '[') {
      const std::size_t e2 = s.find(']', e + 2);
      if (e2 != std::string_view::npos) return e2 + 1 - at;
    }
    return 0;
  }
  if (s[at] == '`' || s[at] == '~' || s[at] == ' ' || s[at] == '\t') {
    // ```fenced block``` at a line start (only spaces before the fence).
    if (at == 0 || s[at - 1] == '\n') {
      std::size_t i = at;
      while (i < n && (s[i] == ' ' || s[i] == '\t')) ++i;
      if (i < n && (s[i] == '`' || s[i] == '~')) {
        std::size_t f = i;
        while (f < n && s[f] == s[i]) ++f;
        const std::string_view fence = s.substr(i, f - i);
        if (fence.size() >= 3) {
          // Lazily find a later line holding only the same fence.
          std::size_t line = s.find('\n', f);
          while (line != std::string_view::npos) {
            std::size_t k = line + 1;
            while (k < n && (s[k] == ' ' || s[k] == '\t')) ++k;
            if (s.substr(k, fence.size()) == fence) {
              std::size_t e = k + fence.size();
              while (e < n && (s[e] == ' ' || s[e] == '\t')) ++e;
              if (e < n && s[e] == '\r') ++e;
              if (e == n || s[e] == '\n') return e - at;
            }
            line = s.find('\n', line + 1);
          }
        }
      }
    }
    if (s[at] != '`') return 0;
    // `code span`: the same run of backticks closes it on the same line.
    std::size_t f = at;
    while (f < n && s[f] == '`') ++f;
    const std::size_t run = f - at;
    for (std::size_t k = f; k < n && s[k] != '\n'; ++k) {
      if (s[k] != '`') continue;
      std::size_t m = k;
      while (m < n && m - k < run && s[m] == '`') ++m;
      if (m - k == run) return m - at;
    }
    return 0;  // not closed: the caller retries from the next backtick
  }
  if (s[at] == 'h' && (s.substr(at, 7) == "http://" || s.substr(at, 8) == "https://")) {
    std::size_t i = at + (s[at + 4] == 's' ? 8 : 7);
    const std::size_t start = i;
    while (i < n) {
      // [^\s()]: JavaScript whitespace (a), Unicode
      if (relkit::detail::js_space_length(s, i) != 0 || s[i] == ')') break;
      if (s[i] == '(') {
        std::size_t m = i + 1;
        while (m < n && relkit::detail::js_space_length(s, m) == 0 && s[m] != '(' && s[m] != ')') {
          ++m;
        }
        if (m >= n || s[m] != ')') break;
        i = m + 1;
      } else {
        ++i;
      }
    }
    return i > start ? i - at : 0;
  }
  return 0;
}

}  // namespace detail
}  // namespace changelog
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
