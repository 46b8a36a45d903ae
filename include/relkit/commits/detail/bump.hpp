#pragma once
// Internals of relkit::commits::decide: release-please's squash-body split and
// the header comparison of revert matching.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

#include "relkit/commits/commit.hpp"
#include "relkit/commits/detail/text.hpp"
#include "relkit/commits/parse.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

[[nodiscard]] inline std::string_view trim_js(std::string_view s) {
  std::size_t b = relkit::detail::skip_js_spaces(s, 0);
  std::size_t e = s.size();
  // Trailing ASCII whitespace (what String.prototype.trim leaves around headers in practice).
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
    --e;
  return s.substr(b, e - b);
}

struct item {
  std::size_t index;
  commit parsed;
  bool dropped = false;
};

// Lines after a squash commit's header that are conventional headers after a blank line
// (release-please's splitting), each with the lines that follow it.
[[nodiscard]] inline std::vector<std::string_view> squash_parts(std::string_view body) {
  std::vector<std::string_view> parts;
  std::size_t start = std::string_view::npos;
  bool after_blank = true;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    const std::string_view line = body.substr(pos, nl - pos);
    const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (after_blank && !blank) {
      const auto head = parse(line);
      if (head && head->conventional) {
        if (start != std::string_view::npos) parts.push_back(body.substr(start, pos - 1 - start));
        start = pos;
      }
    }
    after_blank = blank;
    pos = nl + 1;
  }
  if (start != std::string_view::npos) parts.push_back(body.substr(start));
  return parts;
}

}  // namespace detail
}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
