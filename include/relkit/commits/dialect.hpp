#pragma once
// relkit::commits::dialect: the grammars parse() reads a message in (a piece of its own, so
// that relkit::changelog's presets can name the grammar of their tool without the rest of
// relkit::commits). Included by relkit/commits/commit.hpp.

#include "relkit/detail/prologue.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {

// Which grammar parse() follows.
enum class dialect : std::uint8_t {
  // Conventional Commits 1.0.0, its 16 rules and nothing else (the default).
  spec,
  // conventional-commits-parser 7.1.4 with conventional-changelog-conventionalcommits
  // 10.4.1's options: greedy scope, `\w*` type, case-insensitive BREAKING CHANGE note
  // on any line after the header, git-trailer footer start, `""` vs absent body.
  conventional_changelog,
  // What @semantic-release/commit-analyzer 13.0.1 sees with preset "conventionalcommits":
  // its nested parser 6.4.0 also takes ` breaking change for x` (no colon, indented) as a
  // note. Exact for type, scope, subject, breaking and revert (what a bump reads).
  semantic_release_conventionalcommits,
  // commit-analyzer's default preset (conventional-changelog-angular 8.3.1, parser
  // 6.4.0): no `!`, only `BREAKING CHANGE`, reverts need a 7-40 character hash.
  semantic_release_angular,
  // git-cliff 2.14.2: git-conventional 1.1.0 on the message with its end trimmed (Rust's
  // str::trim_end). A type is any run without whitespace, `(`, `)`, `:` or `!`; the space
  // after the colon is optional (`fix(node):this`) and every whitespace there is skipped
  // (`fix:  x` describes `x`); the body starts one blank line after the header (a wrapped
  // header is not conventional); `BREAKING CHANGE:` / `BREAKING-CHANGE:` footers, case kept.
  git_cliff,
  // release-please 17.11: @conventional-commits/parser 0.4.1 on the trimmed message. A type
  // is any run without whitespace, `(`, `)`, `:` or `!`; the colon may be followed by
  // whitespace or nothing; a parenthesis left open on a line that starts like a type ends
  // the whole commit (the parser throws). Breaking: `!` or an upper-case `BREAKING CHANGE:`
  // (`BREAKING-CHANGE:`). decide() reads a message as release-please does: split before each
  // blank line followed by a `feat|fix|docs|style|refactor|perf|test|build|ci|chore|revert`
  // header, BEGIN_NESTED_COMMIT blocks apart, and every footer whose token is a word
  // (`Co-authored-by: x` too) read as one more commit; parse() gives the message's own.
  release_please,
};

namespace detail {
inline constexpr relkit::detail::enum_name<dialect> dialect_names[] = {
    {dialect::spec, "spec"},
    {dialect::conventional_changelog, "conventional_changelog"},
    {dialect::semantic_release_conventionalcommits, "semantic_release_conventionalcommits"},
    {dialect::semantic_release_angular, "semantic_release_angular"},
    {dialect::git_cliff, "git_cliff"},
    {dialect::release_please, "release_please"},
};
}  // namespace detail
// The stable identifier of a grammar ("spec"); "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(dialect value) noexcept {
  return relkit::detail::enum_to_string(detail::dialect_names, value);
}
// The grammar that to_string() names; nullopt for any other text.
[[nodiscard]] constexpr std::optional<dialect> parse_dialect(std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::dialect_names, name);
}

}  // namespace commits
RELKIT_NAMESPACE_END

#include "relkit/detail/epilogue.hpp"
