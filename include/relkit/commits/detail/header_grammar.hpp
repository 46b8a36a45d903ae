#pragma once
// The header grammars of the commit message parser (relkit/commits/detail/parser.hpp).

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <string_view>

#include "relkit/commits/commit.hpp"
#include "relkit/commits/detail/scan.hpp"
#include "relkit/commits/detail/text.hpp"
#include "relkit/commits/dialect.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/js_text.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {
namespace detail {

// is_merge_header after "Merge ": `rest` starts with one of the words.
[[nodiscard]] inline bool merge_header_rest(std::string_view rest) noexcept {
  for (std::string_view word : {"pull request", "branch", "remote-tracking branch", "tag ",
                                "commit ", "branches", "'", "\""}) {
    if (piece(rest, 0, word.size()) == word) return true;
  }
  return false;
}

// `Merge pull request …`, `Merge branch …`, `Merge remote-tracking …` (commit::merge). Any
// other header is refused from its first bytes, in line.
[[nodiscard]] inline bool is_merge_header(std::string_view header) noexcept {
  if (header.size() < 6 || header[0] != 'M' || piece(header, 0, 6) != "Merge ") return false;
  return merge_header_rest(piece(header, 6));
}

// The commit is not conventional, for `reason` at `position`; the first reason is kept.
inline void mark_not_conventional(commits::commit& out, std::string_view reason,
                                  std::size_t position) {
  if (!out.reason.empty()) return;
  out.conventional = false;
  out.reason = reason;
  out.reason_position = position;
}

// ^(\w*)(?:\((.*)\))?!: (.*)$ then ^(\w*)(?:\((.*)\))?!?: (.*)$ (angular: no `!`).
// Returns true when the breaking (`!`) pattern matched.
// `base`: the offset of `line` in the message; `terminators`: whether the message may hold a
// line terminator inside a line (commit_parser::terminators_).
inline bool match_compatible_header(std::string_view line, std::size_t base,
                                    commits::dialect grammar, bool terminators,
                                    commits::commit& out) {
  const std::size_t stop =
      terminators ? relkit::detail::find_js_line_terminator(line, 0) : line.size();
  std::size_t type_end = 0;
  while (type_end < line.size() && byte_is(line[type_end], byte_word)) ++type_end;
  const bool bang = grammar != commits::dialect::semantic_release_angular;
  if (stop != line.size()) {
    mark_not_conventional(out, "the header holds a line terminator", base + stop);
    return false;
  }
  std::size_t scope_end = std::string_view::npos;  // index of ')' closing the scope
  std::size_t subject = std::string_view::npos;
  bool breaking = false;
  if (type_end < line.size() && line[type_end] == '(') {
    // The scope is greedy: the breaking pattern takes the last `)!: `; failing that, the
    // other takes the last `): `. One forward pass over the ')' finds both.
    std::size_t last_bang = std::string_view::npos;
    std::size_t last_colon = std::string_view::npos;
    for (std::size_t k = find_char(line, ')', type_end + 1); k != std::string_view::npos;
         k = find_char(line, ')', k + 1)) {
      if (has_at(line, k + 1, ": ")) {
        last_colon = k;
      } else if (bang && has_at(line, k + 1, "!: ")) {
        last_bang = k;
      }
    }
    if (last_bang != std::string_view::npos) {
      scope_end = last_bang;
      subject = last_bang + 4;
      breaking = true;
    } else if (last_colon != std::string_view::npos) {
      scope_end = last_colon;
      subject = last_colon + 3;
    }
  } else if (bang && has_at(line, type_end, "!: ")) {
    subject = type_end + 3;
    breaking = true;
  } else if (has_at(line, type_end, ": ")) {
    subject = type_end + 2;
  }
  if (subject == std::string_view::npos) {
    mark_not_conventional(out,
                          type_end == 0 ? "the header does not start with a type"
                                        : "expected '(scope)', '!' or ': ' after the type",
                          base + type_end);
    return false;
  }
  out.type = piece(line, 0, type_end);
  if (scope_end != std::string_view::npos)
    out.scope = piece(line, type_end + 1, scope_end - type_end - 1);
  out.description = piece(line, subject);
  out.exclamation = subject >= 3 && has_at(line, subject - 3, "!: ");
  if (out.type.empty()) {
    // `(scope)!: x` with an empty type: the parser has no type but its breaking
    // pattern matched, so the commit still carries the `!` note (and bumps major).
    mark_not_conventional(out, "the header does not start with a type", base);
    return breaking;
  }
  out.conventional = true;
  return breaking;
}

// Conventional Commits 1.0.0 header: type[(scope)][!]: description
// `base`: the offset of `line` in the message.
inline void match_spec_header(std::string_view line, std::size_t base, commits::commit& out) {
  std::size_t i = 0;
  while (i < line.size() && (is_word_char(line[i]) || line[i] == '-')) ++i;
  if (i == 0) return mark_not_conventional(out, "the header does not start with a type", base);
  const std::size_t type_end = i;
  std::size_t scope_begin = std::string_view::npos;
  std::size_t scope_end = std::string_view::npos;
  if (i < line.size() && line[i] == '(') {
    scope_begin = i + 1;
    std::size_t j = scope_begin;
    while (j < line.size() && line[j] != ')' && line[j] != '(') ++j;
    if (j == line.size() || line[j] == '(') {
      return mark_not_conventional(out, "the scope is not closed by ')'", base + j);
    }
    if (j == scope_begin) return mark_not_conventional(out, "the scope is empty", base + j);
    scope_end = j;
    i = j + 1;
  }
  bool bang = false;
  if (i < line.size() && line[i] == '!') {
    bang = true;
    ++i;
  }
  if (i >= line.size() || line[i] != ':') {
    return mark_not_conventional(out,
                                 scope_begin == std::string_view::npos && !bang
                                     ? "expected '(scope)', '!' or ': ' after the type"
                                     : "expected ': ' after the type and scope",
                                 base + i);
  }
  ++i;
  if (i >= line.size() || line[i] != ' ') {
    return mark_not_conventional(out, "expected a space after ':'", base + i);
  }
  ++i;
  std::size_t end = line.size();
  if (i >= end || line[i] == ' ' || line[i] == '\t') {
    return mark_not_conventional(
        out, "the description is empty or does not follow ': ' immediately", base + i);
  }
  out.conventional = true;
  out.type = piece(line, 0, type_end);
  if (scope_begin != std::string_view::npos)
    out.scope = piece(line, scope_begin, scope_end - scope_begin);
  out.exclamation = bang;
  out.description = piece(line, i, end - i);
}

}  // namespace detail
}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
