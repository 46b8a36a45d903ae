#pragma once
// Character classes and scanners for commit messages, byte for byte what the
// JavaScript regular expressions of conventional-commits-parser see: `\w` is
// ASCII; `\s` and `.` are the shared JavaScript rules of relkit/detail/js_text.hpp
// (`\s` is whitespace (a), Unicode; `.` stops at a LineTerminator: \r, \n,
// U+2028, U+2029), used as relkit::detail::js_space_length, skip_js_spaces,
// is_js_blank, js_line_terminator_length and find_js_line_terminator.
// Every scanner here is a single forward pass (no backtracking search).

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

[[nodiscard]] constexpr bool is_ascii_word(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
[[nodiscard]] constexpr bool is_ascii_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}
[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
[[nodiscard]] constexpr bool is_ascii_upper(char c) noexcept {
  return c >= 'A' && c <= 'Z';
}
[[nodiscard]] constexpr bool is_ascii_lower(char c) noexcept {
  return c >= 'a' && c <= 'z';
}

[[nodiscard]] inline bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}
[[nodiscard]] inline bool istarts_with_ascii(std::string_view text, std::size_t at,
                                             std::string_view prefix) noexcept {
  return text.size() >= at && text.size() - at >= prefix.size() &&
         iequals_ascii(text.substr(at, prefix.size()), prefix);
}

[[nodiscard]] constexpr unsigned char message_byte_at(std::string_view s, std::size_t i) noexcept {
  return static_cast<unsigned char>(s[i]);
}

// `\r` and `\n` removed from both ends (conventional-commits-parser's trimNewLines).
[[nodiscard]] inline std::string_view trim_newlines(std::string_view s) noexcept {
  std::size_t first = 0;
  while (first < s.size() && (s[first] == '\r' || s[first] == '\n')) ++first;
  std::size_t last = s.size();
  while (last > first && (s[last - 1] == '\r' || s[last - 1] == '\n')) --last;
  return s.substr(first, last - first);
}

// Reference repository characters: [\w\-./].
[[nodiscard]] constexpr bool is_repository_char(char c) noexcept {
  return is_ascii_word(c) || c == '-' || c == '.' || c == '/';
}
[[nodiscard]] constexpr bool is_issue_char(char c) noexcept {
  return is_ascii_word(c) || c == '-';
}

// /\b(?:https?):\/\/(?:www\.)?([-a-zA-Z0-9@:%_+.~#?&//=])+\b/.test(s)
[[nodiscard]] inline bool contains_url(std::string_view s) noexcept {
  for (std::size_t at = s.find("http"); at != std::string_view::npos; at = s.find("http", at + 1)) {
    if (at > 0 && is_ascii_word(s[at - 1])) continue;
    std::size_t i = at + 4;
    if (i < s.size() && s[i] == 's') ++i;
    if (s.substr(i, 3) != "://") continue;
    i += 3;
    // The run of URL characters must hold a word character for the closing \b.
    for (; i < s.size(); ++i) {
      const char c = s[i];
      if (is_ascii_word(c)) return true;
      if (!(c == '-' || c == '@' || c == ':' || c == '%' || c == '+' || c == '.' || c == '~' ||
            c == '#' || c == '?' || c == '&' || c == '/' || c == '=')) {
        break;
      }
    }
  }
  return false;
}

// The issue reference actions of conventional-commits-parser, in its order.
inline constexpr std::string_view reference_actions[] = {
    "close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved"};

// The word starting at i (preceded by a non-word character) is one of the actions.
[[nodiscard]] inline bool action_word_at(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size() || (i > 0 && is_ascii_word(s[i - 1]))) return false;
  std::size_t end = i;
  while (end < s.size() && is_ascii_word(s[end]) && end - i < 9) ++end;
  if (end < s.size() && is_ascii_word(s[end])) return false;
  const std::string_view word = s.substr(i, end - i);
  for (std::string_view action : reference_actions) {
    if (iequals_ascii(word, action)) return true;
  }
  return false;
}

// Length of the action keyword that the parser's alternation picks at i, such that
// what follows (an optional ':' when `allow_colon`) is `\s+`; 0 when none does.
[[nodiscard]] inline std::size_t action_keyword_at(std::string_view s, std::size_t i,
                                                   bool allow_colon, std::size_t& after) noexcept {
  if (i > 0 && is_ascii_word(s[i - 1])) return 0;
  const char c = ascii_lower(s[i]);
  if (c != 'c' && c != 'f' && c != 'r') return 0;
  for (std::string_view action : reference_actions) {
    if (!istarts_with_ascii(s, i, action)) continue;
    std::size_t j = i + action.size();
    if (allow_colon && j < s.size() && s[j] == ':') {
      // `:?` is greedy: with the colon first, then without (a ':' is never `\s`).
      if (relkit::detail::js_space_length(s, j + 1) != 0) {
        after = j + 1;
        return action.size();
      }
    }
    if (relkit::detail::js_space_length(s, j) != 0) {
      after = j;
      return action.size();
    }
  }
  return 0;
}

}  // namespace detail
}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
