#pragma once
// git-cliff's commit grammar (internal): git-conventional 1.1.0's <summary>, <body> and
// <footer> rules, as git-cliff 2.14.2 applies them to a message whose end it trimmed.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string_view>

#include "relkit/commits/commit.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/rust_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

inline constexpr std::size_t cliff_npos = std::string_view::npos;
// The reason read_git_cliff gives when a message has more than max_footers
// footers (parse_options::max_items): not git-conventional's, relkit's limit.
inline constexpr std::string_view cliff_too_many_footers = "more footers than max_items";

// <type>: a run without a line end, a parenthesis, ':', '!' or White_Space; its length.
[[nodiscard]] constexpr std::size_t cliff_type_length(std::string_view s, std::size_t i) noexcept {
  const std::size_t from = i;
  while (i < s.size() && s[i] != '\n' && s[i] != '\r' && s[i] != '(' && s[i] != ')' &&
         s[i] != ':' && s[i] != '!' && relkit::detail::rust_space_length(s, i) == 0) {
    ++i;
  }
  return i - from;
}

// A footer start `<token><separator>` (token: `BREAKING CHANGE` or a <type>; separator ':'
// or " #"): the token's length, `sep` the separator's; 0 when the line does not start one.
[[nodiscard]] constexpr std::size_t cliff_footer_token(std::string_view s,
                                                       std::size_t& sep) noexcept {
  const std::size_t token = s.substr(0, 15) == "BREAKING CHANGE" ? 15 : cliff_type_length(s, 0);
  if (token == 0) return 0;
  if (token < s.size() && s[token] == ':') {
    sep = 1;
    return token;
  }
  if (s.substr(token, 2) == " #") {
    sep = 2;
    return token;
  }
  return 0;
}

// winnow's line_ending: "\n" or "\r\n"; its length at `i`, 0 for anything else.
[[nodiscard]] constexpr std::size_t cliff_line_ending(std::string_view s, std::size_t i) noexcept {
  if (i < s.size() && s[i] == '\n') return 1;
  return s.substr(i, 2) == "\r\n" ? 2 : 0;
}

// The end of the line starting at `from`, its "\n" included.
[[nodiscard]] constexpr std::size_t cliff_line_end(std::string_view s, std::size_t from) noexcept {
  const std::size_t nl = s.find('\n', from);
  return nl == cliff_npos ? s.size() : nl + 1;
}

// <summary> and the blank line after it: the position after them; npos when the header is
// not conventional (`reason` and `at` then say why and where).
[[nodiscard]] inline std::size_t read_cliff_summary(std::string_view t, commit& head,
                                                    std::string_view& reason, std::size_t& at) {
  auto fail = [&](std::string_view why, std::size_t where) {
    reason = why;
    at = where;
    return cliff_npos;
  };
  std::size_t i = cliff_type_length(t, 0);
  if (i == 0) return fail("the header does not start with a type", 0);
  head.type = t.substr(0, i);
  if (i < t.size() && t[i] == '(') {
    std::size_t j = i + 1;
    while (j < t.size() && t[j] != '\n' && t[j] != '\r' && t[j] != '(' && t[j] != ')') ++j;
    if (j == i + 1) return fail("the scope is empty", j);
    if (j == t.size() || t[j] != ')') return fail("the scope is not closed by ')'", j);
    head.scope = t.substr(i + 1, j - i - 1);
    i = j + 1;
  }
  if (i < t.size() && t[i] == '!') {
    head.exclamation = true;
    ++i;
  }
  if (i >= t.size() || t[i] != ':') {
    return fail(head.scope.empty() && !head.exclamation
                    ? "expected '(scope)', '!' or ':' after the type"
                    : "expected ':' after the type and scope",
                i);
  }
  i = relkit::detail::skip_rust_spaces(t, i + 1);  // White_Space, line ends included
  const std::size_t d = i;
  while (i < t.size() && t[i] != '\n' && t[i] != '\r') ++i;
  if (i == d) return fail("the description is empty", i);
  head.description = t.substr(d, i - d);
  for (int k = 0; k < 2 && i < t.size(); ++k) {
    const std::size_t n = cliff_line_ending(t, i);
    if (n == 0) {
      return fail(k == 0 ? "the header holds a carriage return"
                         : "the body must begin one blank line after the description",
                  i);
    }
    i += n;
  }
  return i;
}

// The <body> (lines up to the first footer start that follows a blank line) and the
// <footer>s (each value runs to the next footer start) from `p`; false when a footer has
// no value: git-conventional then rejects the whole commit.
[[nodiscard]] inline bool read_cliff_body_and_footers(std::string_view t, std::size_t p,
                                                      commit& head, std::string_view& reason,
                                                      std::size_t& at,
                                                      std::size_t max_footers = cliff_npos) {
  for (std::size_t n = cliff_line_ending(t, p); n != 0; n = cliff_line_ending(t, p)) p += n;
  std::size_t q = p;
  std::size_t sep = 0;
  for (bool prior_empty = true; q < t.size();) {
    const std::size_t end = cliff_line_end(t, q);
    const std::string_view line = t.substr(q, end - q);
    if (prior_empty && cliff_footer_token(relkit::detail::rust_trim_end(line), sep) != 0) break;
    prior_empty = relkit::detail::rust_trim(line).empty();
    q = end;
  }
  if (q > p) head.body = relkit::detail::rust_trim_end(t.substr(p, q - p));
  if (q < t.size()) head.footer = t.substr(q);
  while (q < t.size()) {
    const std::size_t token = cliff_footer_token(t.substr(q, cliff_line_end(t, q) - q), sep);
    const std::string_view separator = t.substr(q + token, sep);
    const std::size_t v = relkit::detail::skip_rust_spaces(t, q + token + sep);
    if (v >= t.size()) {
      reason = "a footer has no value";
      at = v;
      return false;
    }
    std::size_t e = cliff_line_end(t, v);
    while (e < t.size()) {
      const std::size_t next = cliff_line_end(t, e);
      std::size_t ignored = 0;
      if (cliff_footer_token(relkit::detail::rust_trim_end(t.substr(e, next - e)), ignored) != 0) {
        break;
      }
      e = next;
    }
    if (head.footers.size() >= max_footers) {
      reason = cliff_too_many_footers;
      at = q;
      return false;
    }
    head.footers.push_back(
        footer{t.substr(q, token), separator, relkit::detail::rust_trim_end(t.substr(v, e - v))});
    q = e;
  }
  return true;
}

// The whole grammar on `t` (the end-trimmed message): type, scope, `!`, description, body,
// footer and footers set in `head`; false with the reason and its offset in `t` otherwise.
[[nodiscard]] inline bool read_git_cliff(std::string_view t, commit& head, std::string_view& reason,
                                         std::size_t& at, std::size_t max_footers = cliff_npos) {
  const std::size_t rest = read_cliff_summary(t, head, reason, at);
  return rest != cliff_npos && read_cliff_body_and_footers(t, rest, head, reason, at, max_footers);
}

}  // namespace detail
}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
