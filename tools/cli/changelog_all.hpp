// `relkit changelog --all`: the whole CHANGELOG.md of a repository, one section per
// release tag (history.hpp cuts the history), rendered by relkit::changelog.
#pragma once

#include "args.hpp"

#include <relkit/changelog/types.hpp>

#include <string_view>

namespace relkit::cli {

// The help of --all and --no-unreleased, for `relkit changelog --help`.
inline constexpr std::string_view changelog_all_help =
    R"(The whole file (--all):

  --all               print the whole changelog of the repository (git): one
                      section per release tag reachable from --to (tags that
                      match --tag-format and parse as versions, prereleases
                      included), newest first, each dated by its tag's commit
                      (UTC); the commits no release tag reaches on top, as
                      Unreleased; link references at the bottom where the
                      style has them. A commit belongs to the earliest tag
                      (by commit date) that reaches it, as git-cliff 2.14
                      decides, merged branches included; a release lists its
                      commits in git log --topo-order's order. With the
                      git-cliff styles, releases with nothing to list and the
                      commits .git-blame-ignore-revs names are left out, as
                      git-cliff leaves them out. One git log reads everything.
  --no-unreleased     leave the commits no release tag reaches out
  --to REF            the history of REF (default HEAD)

)";

// Runs `relkit changelog --all` with the arguments changelog_command read, its style and
// --repo-url already checked.
int changelog_all(const parsed_args& args, const relkit::changelog::preset& style,
                  const relkit::changelog::repository& repo);

}  // namespace relkit::cli
