#pragma once
// A PostgreSQL token stream for the migration linter: one token at a time,
// nothing stored. Words, quoted identifiers, string literals ('..', E'..',
// $tag$..$tag$), single punctuation characters, comments (-- and nested
// /* */) and the ';' that ends a statement. Each byte is looked at a bounded
// number of times: linear time, constant memory.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/detail/ascii.hpp"

RELKIT_NAMESPACE_BEGIN
namespace migrations {
namespace detail {

enum class sql_token_kind : unsigned char {
  word,       // keyword or identifier, as written (compare with same_word)
  quoted,     // "identifier" (text keeps the quotes)
  literal,    // a string or dollar-quoted literal
  punct,      // one punctuation character such as ( ) , . :
  comment,    // text is the body, without -- or /* */
  semicolon,  // ';' ending a statement
  end         // the end of the script
};

struct sql_token {
  sql_token_kind kind = sql_token_kind::end;
  std::size_t position = 0;   // byte offset in the script
  std::string_view text;      // the token's bytes (see sql_token_kind)
  std::size_t length = 0;     // identifier length in bytes (a quoted one with "" counted once)
  bool unterminated = false;  // a literal, quoted identifier or comment ran to the end
  bool trailing = false;      // a -- comment on the same line after a ';'
};

// A character of an SQL word: RegExp \w plus '$' and every byte of a non-ASCII
// character (not relkit::detail::is_word_char).
[[nodiscard]] inline bool is_word_char(char c) noexcept {
  return relkit::detail::is_word_char(c) || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

// An unquoted word equals an upper-case keyword, ignoring ASCII case.
[[nodiscard]] inline bool same_word(std::string_view word, std::string_view upper) noexcept {
  if (word.size() != upper.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (relkit::detail::to_upper(word[i]) != upper[i]) return false;
  }
  return true;
}

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

class sql_lexer {
 public:
  explicit sql_lexer(std::string_view script) noexcept : s_(script) {}

  // The next token; kind end (forever) once the script is exhausted.
  [[nodiscard]] sql_token next() noexcept {
    const std::string_view s = s_;
    const std::size_t n = s.size();
    std::size_t i = i_;
    while (i < n && is_space(s[i])) ++i;
    sql_token t;
    t.position = i;
    if (i >= n) {
      i_ = n;
      t.kind = sql_token_kind::end;
      return t;
    }
    const char c = s[i];
    if (c == '-' && i + 1 < n && s[i + 1] == '-') {
      std::size_t j = i + 2;
      while (j < n && s[j] != '\n') ++j;
      t.kind = sql_token_kind::comment;
      t.text = s.substr(i + 2, j - i - 2);
      t.trailing = after_semicolon_ && same_line(semicolon_end_, i);
      i_ = j;
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
      t.kind = sql_token_kind::comment;
      t.unterminated = depth > 0;
      const std::size_t body_end = depth > 0 ? n : j - 2;
      t.text = s.substr(i + 2, body_end - i - 2);
      i_ = j;
    } else if (c == ';') {
      t.kind = sql_token_kind::semicolon;
      t.text = s.substr(i, 1);
      i_ = i + 1;
      semicolon_end_ = i + 1;
      after_semicolon_ = true;
      return t;
    } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && s[i + 1] == '\'')) {
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
      if (j > n) j = n;
      t.kind = sql_token_kind::literal;
      t.unterminated = !closed;
      t.text = s.substr(i, j - i);
      i_ = j;
    } else if (c == '"') {
      std::size_t j = i + 1;
      std::size_t length = 0;
      bool closed = false;
      while (j < n) {
        if (s[j] == '"') {
          if (j + 1 < n && s[j + 1] == '"') {
            ++length;
            j += 2;
          } else {
            ++j;
            closed = true;
            break;
          }
        } else {
          ++length;
          ++j;
        }
      }
      t.kind = sql_token_kind::quoted;
      t.unterminated = !closed;
      t.text = s.substr(i, j - i);
      t.length = length;
      i_ = j;
    } else if (c == '$' && dollar_tag_length(s, i) > 0) {
      const std::size_t tag_len = dollar_tag_length(s, i);
      const std::size_t close = s.find(s.substr(i, tag_len), i + tag_len);
      const std::size_t j = close == std::string_view::npos ? n : close + tag_len;
      t.kind = sql_token_kind::literal;
      t.unterminated = close == std::string_view::npos;
      t.text = s.substr(i, j - i);
      i_ = j;
    } else if (is_word_char(c)) {
      std::size_t j = i;
      while (j < n && is_word_char(s[j])) ++j;
      t.kind = sql_token_kind::word;
      t.text = s.substr(i, j - i);
      t.length = j - i;
      i_ = j;
    } else {
      t.kind = sql_token_kind::punct;
      t.text = s.substr(i, 1);
      i_ = i + 1;
    }
    after_semicolon_ = false;  // only the first token after ';' may be its trailing comment
    return t;
  }

 private:
  [[nodiscard]] static bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  }
  // Only blanks and tabs between from and to.
  [[nodiscard]] bool same_line(std::size_t from, std::size_t to) const noexcept {
    for (std::size_t k = from; k < to; ++k) {
      if (s_[k] != ' ' && s_[k] != '\t') return false;
    }
    return true;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::size_t semicolon_end_ = 0;
  bool after_semicolon_ = false;
};

}  // namespace detail
}  // namespace migrations
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
