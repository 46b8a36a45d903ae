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
#include "relkit/detail/ascii.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

// ASCII classes (RegExp \w, [0-9], case folding) are relkit/detail/ascii.hpp's.
using relkit::detail::iequals;
using relkit::detail::is_digit;
using relkit::detail::is_word_char;
using relkit::detail::to_lower;

// `text` from byte `at` starts with `prefix`, ignoring ASCII case.
[[nodiscard]] constexpr bool istarts_with_at(std::string_view text, std::size_t at,
                                             std::string_view prefix) noexcept {
  return at <= text.size() && relkit::detail::istarts_with(text.substr(at), prefix);
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
  return is_word_char(c) || c == '-' || c == '.' || c == '/';
}
[[nodiscard]] constexpr bool is_issue_char(char c) noexcept {
  return is_word_char(c) || c == '-';
}

// /\b(?:https?):\/\/(?:www\.)?([-a-zA-Z0-9@:%_+.~#?&//=])+\b/.test(s)
[[nodiscard]] inline bool contains_url(std::string_view s) noexcept {
  for (std::size_t at = s.find("http"); at != std::string_view::npos; at = s.find("http", at + 1)) {
    if (at > 0 && is_word_char(s[at - 1])) continue;
    std::size_t i = at + 4;
    if (i < s.size() && s[i] == 's') ++i;
    if (s.substr(i, 3) != "://") continue;
    i += 3;
    // The run of URL characters must hold a word character for the closing \b.
    for (; i < s.size(); ++i) {
      const char c = s[i];
      if (is_word_char(c)) return true;
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
  if (i >= s.size() || (i > 0 && is_word_char(s[i - 1]))) return false;
  std::size_t end = i;
  while (end < s.size() && is_word_char(s[end]) && end - i < 9) ++end;
  if (end < s.size() && is_word_char(s[end])) return false;
  const std::string_view word = s.substr(i, end - i);
  for (std::string_view action : reference_actions) {
    if (iequals(word, action)) return true;
  }
  return false;
}

// Length of the action keyword that the parser's alternation picks at i, such that
// what follows (an optional ':' when `allow_colon`) is `\s+`; 0 when none does.
[[nodiscard]] inline std::size_t action_keyword_at(std::string_view s, std::size_t i,
                                                   bool allow_colon, std::size_t& after) noexcept {
  if (i > 0 && is_word_char(s[i - 1])) return 0;
  const char c = to_lower(s[i]);
  if (c != 'c' && c != 'f' && c != 'r') return 0;
  for (std::string_view action : reference_actions) {
    if (!istarts_with_at(s, i, action)) continue;
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
