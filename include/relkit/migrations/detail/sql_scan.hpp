#pragma once
// A PostgreSQL statement scanner for the migration linter: splits a script
// into statements at top-level semicolons and each statement into words,
// skipping string literals ('..', E'..', $tag$..$tag$), quoted identifiers
// and comments (-- and nested /* */). Linear time, no recursion.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {
namespace detail {

struct sql_token {
  // Upper-cased keyword or identifier; quoted identifiers keep their text.
  std::string text;
  std::size_t position = 0;  // byte offset in the whole script
  bool quoted = false;       // "identifier"
  bool literal = false;      // a string or dollar-quoted literal (text is empty)
  bool punct = false;        // a single punctuation character such as ( ) ,
};

struct sql_statement {
  std::size_t position = 0;  // byte offset of the first token
  std::size_t end = 0;       // one past the terminating ';' (or the script end)
  std::vector<sql_token> tokens;
  std::vector<std::string> comments;  // comment texts seen before and inside the statement
  bool unterminated = false;          // a literal, identifier or comment ran to the end
};

// A character of an SQL word: RegExp \w plus '$' and every byte of a non-ASCII
// character (not relkit::detail::is_word_char).
[[nodiscard]] inline bool is_word_char(char c) noexcept {
  return relkit::detail::is_word_char(c) || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

using relkit::detail::to_upper;

// Length of a dollar-quote tag "$tag$" starting at i, or 0 when none starts there.
[[nodiscard]] inline std::size_t dollar_tag_length(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size() || s[i] != '$') return 0;
  std::size_t j = i + 1;
  if (j < s.size() && relkit::detail::is_digit(s[j])) return 0;  // $1 is a parameter
  while (j < s.size() && s[j] != '$') {
    const char c = s[j];
    const bool ok = relkit::detail::is_word_char(c) || static_cast<unsigned char>(c) >= 0x80;
    if (!ok) return 0;
    ++j;
  }
  if (j >= s.size()) return 0;
  return j - i + 1;
}

[[nodiscard]] inline std::vector<sql_statement> scan_sql(std::string_view s) {
  std::vector<sql_statement> out;
  sql_statement cur;
  bool started = false;
  auto begin_token = [&](std::size_t at) {
    if (!started) {
      cur.position = at;
      started = true;
    }
  };
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
    } else if (c == '-' && i + 1 < n && s[i + 1] == '-') {
      std::size_t j = i + 2;
      while (j < n && s[j] != '\n') ++j;
      cur.comments.emplace_back(s.substr(i + 2, j - i - 2));
      i = j;
    } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
      std::size_t depth = 1;
      std::size_t j = i + 2;
      while (j < n && depth > 0) {
        if (s[j] == '/' && j + 1 < n && s[j + 1] == '*') {
          ++depth;
          j += 2;
        } else if (s[j] == '*' && j + 1 < n && s[j + 1] == '/') {
          --depth;
          j += 2;
        } else {
          ++j;
        }
      }
      if (depth > 0) cur.unterminated = true;
      const std::size_t body_end = depth > 0 ? n : j - 2;
      cur.comments.emplace_back(s.substr(i + 2, body_end - i - 2));
      i = j;
    } else if (c == ';') {
      if (started) {
        cur.end = i + 1;
        out.push_back(std::move(cur));
      }
      cur = sql_statement{};
      started = false;
      ++i;
      // A comment on the same line after ';' belongs to the statement it ends.
      std::size_t j = i;
      while (j < n && (s[j] == ' ' || s[j] == '\t')) ++j;
      if (!out.empty() && j + 1 < n && s[j] == '-' && s[j + 1] == '-') {
        std::size_t e = j + 2;
        while (e < n && s[e] != '\n') ++e;
        out.back().comments.emplace_back(s.substr(j + 2, e - j - 2));
        i = e;
      }
    } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && s[i + 1] == '\'')) {
      begin_token(i);
      const bool escapes = c != '\'';
      std::size_t j = escapes ? i + 2 : i + 1;
      bool closed = false;
      while (j < n) {
        if (escapes && s[j] == '\\') {
          j += 2;
        } else if (s[j] == '\'') {
          if (j + 1 < n && s[j + 1] == '\'') {
            j += 2;
          } else {
            ++j;
            closed = true;
            break;
          }
        } else {
          ++j;
        }
      }
      if (!closed) cur.unterminated = true;
      cur.tokens.push_back(sql_token{std::string(), i, false, true, false});
      i = j < n ? j : n;
    } else if (c == '"') {
      begin_token(i);
      std::string text;
      std::size_t j = i + 1;
      bool closed = false;
      while (j < n) {
        if (s[j] == '"') {
          if (j + 1 < n && s[j + 1] == '"') {
            text += '"';
            j += 2;
          } else {
            ++j;
            closed = true;
            break;
          }
        } else {
          text += s[j];
          ++j;
        }
      }
      if (!closed) cur.unterminated = true;
      cur.tokens.push_back(sql_token{std::move(text), i, true, false, false});
      i = j;
    } else if (c == '$' && dollar_tag_length(s, i) > 0) {
      begin_token(i);
      const std::size_t start = i;
      const std::size_t tag_len = dollar_tag_length(s, i);
      const std::string_view tag = s.substr(i, tag_len);
      const std::size_t close = s.find(tag, i + tag_len);
      if (close == std::string_view::npos) {
        cur.unterminated = true;
        i = n;
      } else {
        i = close + tag_len;
      }
      cur.tokens.push_back(sql_token{std::string(), start, false, true, false});
    } else if (is_word_char(c)) {
      begin_token(i);
      std::size_t j = i;
      std::string text;
      while (j < n && is_word_char(s[j])) {
        text += to_upper(s[j]);
        ++j;
      }
      cur.tokens.push_back(sql_token{std::move(text), i, false, false, false});
      i = j;
    } else {
      begin_token(i);
      cur.tokens.push_back(sql_token{std::string(1, c), i, false, false, true});
      ++i;
    }
  }
  if (started) {
    cur.end = n;
    out.push_back(std::move(cur));
  }
  return out;
}

}  // namespace detail
}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
