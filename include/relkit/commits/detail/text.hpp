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
#include <cstdint>
#include <cstring>
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

// s.substr(pos, n) for a pos <= s.size() (as every caller here guarantees): in line, without
// the out-of-range branch that keeps std::string_view::substr out of line.
[[nodiscard]] constexpr std::string_view piece(std::string_view s, std::size_t pos,
                                               std::size_t n = std::string_view::npos) noexcept {
  const std::size_t left = s.size() - pos;
  return std::string_view(s.data() + pos, n < left ? n : left);
}

// s.find(c, from), memchr called in line.
[[nodiscard]] inline std::size_t find_char(std::string_view s, char c,
                                           std::size_t from = 0) noexcept {
  if (from >= s.size()) return std::string_view::npos;
  const void* hit = std::memchr(s.data() + from, c, s.size() - from);
  return hit == nullptr ? std::string_view::npos
                        : static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
}

// `text` from byte `at` starts with `prefix`, ignoring ASCII case.
[[nodiscard]] constexpr bool istarts_with_at(std::string_view text, std::size_t at,
                                             std::string_view prefix) noexcept {
  return at <= text.size() && relkit::detail::istarts_with(piece(text, at), prefix);
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
  return piece(s, first, last - first);
}

// The classes of a message byte the scanners ask about, one table lookup each.
enum : unsigned char {
  byte_word = 1,          // \w: [A-Za-z0-9_]
  byte_issue = 2,         // [\w-]
  byte_repository = 4,    // [\w\-./]
  byte_action_first = 8,  // c, f, r in either case: the first letter of every reference action
};
struct byte_class_table {
  unsigned char bits[256];
};
[[nodiscard]] constexpr byte_class_table make_byte_classes() noexcept {
  byte_class_table t{};
  for (unsigned c = 0; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    unsigned char b = 0;
    if (is_word_char(ch)) b = byte_word | byte_issue | byte_repository;
    if (ch == '-') b = byte_issue | byte_repository;
    if (ch == '.' || ch == '/') b = byte_repository;
    if (ch == 'c' || ch == 'f' || ch == 'r' || ch == 'C' || ch == 'F' || ch == 'R') {
      b = static_cast<unsigned char>(b | byte_action_first);
    }
    t.bits[c] = b;
  }
  return t;
}
inline constexpr byte_class_table byte_classes = make_byte_classes();
[[nodiscard]] constexpr bool byte_is(char c, unsigned char classes) noexcept {
  return (byte_classes.bits[static_cast<unsigned char>(c)] & classes) != 0;
}

// Reference repository characters: [\w\-./].
[[nodiscard]] constexpr bool is_repository_char(char c) noexcept {
  return byte_is(c, byte_repository);
}
[[nodiscard]] constexpr bool is_issue_char(char c) noexcept {
  return byte_is(c, byte_issue);
}

// /\b(?:https?):\/\/(?:www\.)?([-a-zA-Z0-9@:%_+.~#?&//=])+\b/.test(s)
// Found from its "://" (rarer than an 'h'): "http" or "https" must end right before it.
[[nodiscard]] inline bool contains_url(std::string_view s) noexcept {
  for (std::size_t colon = find_char(s, ':'); colon != std::string_view::npos;
       colon = find_char(s, ':', colon + 1)) {
    if (s.size() - colon < 3 || s[colon + 1] != '/' || s[colon + 2] != '/') continue;
    std::size_t at = std::string_view::npos;
    if (colon >= 4 && piece(s, colon - 4, 4) == "http") {
      at = colon - 4;
    } else if (colon >= 5 && piece(s, colon - 5, 5) == "https") {
      at = colon - 5;
    } else {
      continue;
    }
    if (at > 0 && is_word_char(s[at - 1])) continue;
    // The run of URL characters must hold a word character for the closing \b.
    for (std::size_t i = colon + 3; i < s.size(); ++i) {
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

// A word (\w+) equal to `lower` (lower-case letters) ignoring ASCII case. Setting bit
// 0x20 lowers a letter and moves no other word character onto a letter.
[[nodiscard]] constexpr bool word_iequals(std::string_view word, std::string_view lower) noexcept {
  if (word.size() != lower.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (static_cast<char>(word[k] | 0x20) != lower[k]) return false;
  }
  return true;
}

// A word (\w+) that is one of the issue reference actions of conventional-commits-parser
// (close, closes, closed, fix, fixes, fixed, resolve, resolves, resolved), ignoring case.
// Each must be followed by ':' or \s, never by a word character, so an action is always
// a whole word.
[[nodiscard]] constexpr bool is_action_word(std::string_view w) noexcept {
  if (w.empty()) return false;
  switch (w[0] | 0x20) {
    case 'c':
      return word_iequals(w, "close") || word_iequals(w, "closes") || word_iequals(w, "closed");
    case 'f':
      return word_iequals(w, "fix") || word_iequals(w, "fixes") || word_iequals(w, "fixed");
    case 'r':
      return word_iequals(w, "resolve") || word_iequals(w, "resolves") ||
             word_iequals(w, "resolved");
    default:
      return false;
  }
}

}  // namespace detail
}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
