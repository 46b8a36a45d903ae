#pragma once
// Note, footer and meta-field lines of the commit message parser
// (relkit/commits/detail/parser.hpp).

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string_view>

#include "relkit/commits/detail/scan.hpp"
#include "relkit/commits/detail/text.hpp"
#include "relkit/commits/dialect.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

[[nodiscard]] inline bool is_gpg_line(std::string_view line) noexcept {
  // A line starting with a printable ASCII byte other than 'g' starts neither with \s
  // nor with "gpg:".
  if (line.empty()) return false;
  const auto first = static_cast<unsigned char>(line[0]);
  if (first > ' ' && first < 0x80 && first != 'g') return false;
  const std::size_t i = relkit::detail::skip_js_spaces(line, 0);
  return piece(line, i, 4) == "gpg:";
}

// ^-(?=.*\w)(.*?)-$ : a meta field line; the parser sends every line after it to fields.
[[nodiscard]] inline bool is_field_line(std::string_view line) noexcept {
  if (line.size() < 2 || line.front() != '-' || line.back() != '-') return false;
  if (relkit::detail::find_js_line_terminator(line, 1) != line.size()) return false;
  for (std::size_t i = 1; i + 1 < line.size(); ++i) {
    if (is_word_char(line[i])) return true;
  }
  return false;
}

// Whether match_note may match `line`, from its first byte alone: a note line starts with
// its keyword ('b' or 'B'), with '*' before it, or in the v6 grammars with '|' or \s (an
// ASCII space or control byte, or a byte of a multi-byte character). Most lines start with
// none of these, and are refused here in line.
[[nodiscard]] inline bool may_be_note(std::string_view line) noexcept {
  if (line.empty()) return false;
  const auto c = static_cast<unsigned char>(line[0]);
  return (c | 0x20) == 'b' || c == '*' || c == '|' || c <= ' ' || c >= 0x80;
}

// Note line; sets `title`/`text` (text = the rest of the line up to a line terminator).
inline bool match_note(std::string_view line, commits::dialect grammar, std::string_view& title,
                       std::string_view& text) {
  std::size_t p = 0;
  const bool v6 = grammar != commits::dialect::conventional_changelog;
  if (v6) {
    // ^[\s|*]*(KEYWORDS)[:\s]+(.*)
    while (p < line.size()) {
      if (line[p] == '|' || line[p] == '*') {
        ++p;
      } else if (const std::size_t n = relkit::detail::js_space_length(line, p)) {
        p += n;
      } else {
        break;
      }
    }
  } else if (!line.empty() && line[0] == '*' && relkit::detail::js_space_length(line, 1) != 0) {
    p = relkit::detail::skip_js_spaces(line, 1);  // ^(?:\*\s+)?
  }
  const bool dash_ok = grammar != commits::dialect::semantic_release_angular;
  if (p >= line.size() || (line[p] | 0x20) != 'b') return false;  // 'b' or 'B'
  if (!istarts_with_at(line, p, "breaking change") &&
      !(dash_ok && istarts_with_at(line, p, "breaking-change"))) {
    return false;
  }
  title = piece(line, p, 15);
  std::size_t q = p + 15;
  if (v6) {
    const std::size_t start = q;
    while (q < line.size()) {
      if (line[q] == ':') {
        ++q;
      } else if (const std::size_t n = relkit::detail::js_space_length(line, q)) {
        q += n;
      } else {
        break;
      }
    }
    if (q == start) return false;
  } else {
    if (q >= line.size() || line[q] != ':') return false;
    q = relkit::detail::skip_js_spaces(line, q + 1);
  }
  // (.*) stops at a line terminator; \s* may have run over one (\r), leave it.
  if (q > line.size()) q = line.size();
  text = piece(line, q, relkit::detail::find_js_line_terminator(line, q) - q);
  return true;
}

[[nodiscard]] inline bool footer_separator_at(std::string_view line, std::size_t p) noexcept {
  if (p < line.size() && line[p] == ':') {
    const std::size_t r = skip_spaces(line, p + 1);
    if (r == p + 1) return false;
    if (r < line.size() && relkit::detail::js_line_terminator_length(line, r) == 0) return true;
    // `\s+` gives back a space that `.+` can take, unless it is a line terminator.
    for (std::size_t q = p + 1; q < r;) {
      const std::size_t n = relkit::detail::js_space_length(line, q);
      if (q > p + 1 && relkit::detail::js_line_terminator_length(line, q) == 0) return true;
      q += n;
    }
    return false;
  }
  const std::size_t r = skip_spaces(line, p);
  if (r == p || r >= line.size() || line[r] != '#') return false;
  return r + 1 < line.size() && relkit::detail::js_line_terminator_length(line, r + 1) == 0;
}

// ^(?:BREAKING CHANGE|[\w-]+)(?::\s+|\s+#).+ (case-insensitive)
// The end of the token of a compatible footer line (15 for BREAKING CHANGE), 0 when the
// line is not one.
[[nodiscard]] inline std::size_t compatible_token_end(std::string_view line) noexcept {
  if (line.empty() || !byte_is(line[0], byte_issue)) return 0;  // both forms start so
  if ((line[0] | 0x20) == 'b' && istarts_with_at(line, 0, "breaking change") &&
      footer_separator_at(line, 15)) {
    return 15;
  }
  std::size_t p = 0;
  while (p < line.size() && is_issue_char(line[p])) ++p;
  return p > 0 && footer_separator_at(line, p) ? p : 0;
}

// Conventional Commits trailer token: `Token: ` or `Token #`, `BREAKING CHANGE: `.
// Returns the length of the token and separator (0: not a footer line).
[[nodiscard]] inline std::size_t spec_footer_token(std::string_view line) noexcept {
  std::size_t p = 0;
  if (piece(line, 0, 15) == "BREAKING CHANGE") {
    p = 15;
  } else {
    while (p < line.size() && (is_word_char(line[p]) || line[p] == '-')) ++p;
    if (p == 0) return 0;
  }
  if (piece(line, p, 2) == ": " && p + 2 < line.size()) return p + 2;
  if (piece(line, p, 2) == " #" && p + 2 < line.size()) return p + 2;
  return 0;
}

}  // namespace detail
}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
