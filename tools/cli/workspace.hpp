// `relkit next-version --workspace` and `relkit changelog --workspace`: every package of a
// monorepo at once (relkit::commits workspaces), from a release-please manifest config, a
// pnpm-workspace.yaml or a package.json with `workspaces`.
#pragma once

#include "args.hpp"

#include <relkit/changelog.hpp>

#include <string_view>

namespace relkit::cli {

// The --workspace part of next-version's and changelog's --help.
inline constexpr std::string_view workspace_help =
    R"(Workspaces (--workspace [CONFIG]): every package of a monorepo at once.

  CONFIG              release-please-config.json (its manifest is
                      .release-please-manifest.json beside it, or --manifest
                      FILE), pnpm-workspace.yaml, or a package.json with
                      `workspaces`; absent: the first of these three found in
                      the repository root (--repo DIR, default the current
                      directory). Package paths are relative to that root.
  --manifest FILE     the release-please manifest
  --preset NAME       the commit rules of every package (default: release-
                      please's for a release-please config, else
                      conventionalcommits)
  --to REF            the history and the tags reachable from REF (default HEAD)

Members of npm/yarn/pnpm workspaces are the directories with a package.json that
the globs name: plain paths, `*` within a path segment (`packages/*`,
`apps/web-*`) and `!negations`; `**`, `?`, `[...]` and `{a,b}` are not expanded
(an error). Directories starting with '.' and node_modules are skipped. Each
member's tags are NAME@VERSION and its dependencies the members it depends on
(propagation: a patch release). A release-please config gives its packages,
components, tag separators, exclude-paths and linked-versions groups; with the
node-workspace plugin the dependencies come from each package's package.json.
git runs twice: `git log -z --name-only --no-renames --diff-merges=first-parent
--format=%x00%H%x1f%P%x1f%B REF --` and `git for-each-ref --merged REF
refs/tags`; each package's commits are those since its last release tag. A
commit touching two packages counts for both; one touching only excluded files
(CHANGELOG.md, lockfiles) for none.
)";

// next-version --workspace: one line per package that releases, `NAME OLD -> NEW
// (REASON)` (OLD "(none)" before the first release); --json one object with every
// package. Exit 0 when a package releases, 1 when none does, 2 usage or input error.
int next_version_workspace(const parsed_args& args);

// changelog --workspace: each releasing package's section prepended to PATH/CHANGELOG.md
// (--dry-run: printed instead).
int changelog_workspace(const parsed_args& args, const relkit::changelog::preset& style,
                        const relkit::changelog::repository& repo, std::string_view date);

}  // namespace relkit::cli
