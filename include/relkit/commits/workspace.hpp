#pragma once
// relkit::commits workspaces: several packages released from one history. Each package
// has its paths, its tag format, its current version, its bump preset and prerelease
// channel, and the packages it depends on; decide() tells, for every package, the bump
// its own commits imply (the single-package decide()/next_version() of bump.hpp, its
// rules unchanged), then what the dependencies and groups add, and why.
// Included by relkit/commits.hpp.
//
// The history with file lists (read_git_log_with_paths) is the output of
//
//   git log -z --name-only --no-renames --diff-merges=first-parent
//       --format=%x00%H%x1f%P%x1f%B
//
// (one command line; add a revision range as needed), newest first. Each record is a NUL, the sha,
// 0x1f, the parent shas separated by spaces, 0x1f, the raw message, a NUL; then, when the commit
// touches files, a '\n' and each path followed by a NUL. git ends every path with a NUL and a path
// is never empty, so the NUL that opens the next record (an "empty path") cannot be part of a file
// name: the format holds any file name (newlines, 0x1e, 0x1f, quotes, non-UTF-8 bytes
// included). `--no-renames` lists both sides of a rename (the package a file leaves and
// the one it enters); `--diff-merges=first-parent` gives a merge the files it brings to
// its first parent (without it git lists no file for a merge).
//
// Which commits count for a package: decide() reads one history (everything since the
// oldest release of any package, or the whole history) and cuts it per package at the
// commit of that package's last release, `package::since` (the commit itself and what
// follows it in the newest-first list are left out). apply_release_tags() fills
// `current` and `since` from the repository's tags in one pass (`git for-each-ref
// --merged HEAD --format='%(refname:strip=2)%09%(*objectname)%09%(objectname)'
// refs/tags`). So a command runs git twice whatever the number of packages. The cut is
// by position in the list: exact for a linear history; with merges, a commit of a branch
// merged after the release but dated before it is listed after the release and is left
// out (pass a per-package range instead: decide() over `git log TAG..HEAD` for one
// package gives the exact set).
//
// A commit belongs to a package when it touches a path under one of the package's
// paths, compared on directory boundaries (`packages/a` holds `packages/a/x.js`, not
// `packages/ab/x.js`); with nested packages a file belongs to the innermost one only
// (release-please's CommitSplit); a path "" or "." is the repository root, which holds
// the files no other package holds. Files matching the workspace's excluded patterns
// or under a package's own excluded directories count for nothing; a commit whose files
// all count for nothing belongs to no package by its paths. With
// `workspace::scope_assigns`, a conventional commit whose scope is a package's name (or,
// for `@org/name`, its part after the '/') belongs to that package too.

#include "relkit/detail/prologue.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relkit/commits/bump.hpp"
#include "relkit/commits/commit.hpp"
#include "relkit/commits/tag_format.hpp"
#include "relkit/config.hpp"
#include "relkit/detail/enum_table.hpp"
#include "relkit/error.hpp"
#include "relkit/result.hpp"
#include "relkit/semver/version.hpp"

RELKIT_NAMESPACE_BEGIN
namespace commits {

// What a package gets when one of its dependencies releases.
enum class propagation : std::uint8_t {
  patch,       // a patch release (release-please node-workspace, changesets' default)
  none,        // nothing: dependencies do not make releases
  same_level,  // the dependency's level (a minor dependency release makes a minor one)
};

// How the members of a group release together.
enum class group_kind : std::uint8_t {
  fixed,   // one version for all: every member releases, at the highest next version
           // (changesets `fixed`, lerna fixed mode, release-please linked-versions)
  linked,  // members that release take the highest level among them (changesets `linked`)
};

namespace detail {
inline constexpr relkit::detail::enum_name<propagation> propagation_names[] = {
    {propagation::patch, "patch"},
    {propagation::none, "none"},
    {propagation::same_level, "same_level"},
};
inline constexpr relkit::detail::enum_name<group_kind> group_kind_names[] = {
    {group_kind::fixed, "fixed"},
    {group_kind::linked, "linked"},
};
}  // namespace detail
// The stable identifier of a propagation policy ("patch"); "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(propagation value) noexcept {
  return relkit::detail::enum_to_string(detail::propagation_names, value);
}
// The propagation policy that to_string() names; nullopt for any other text.
[[nodiscard]] constexpr std::optional<propagation> parse_propagation(
    std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::propagation_names, name);
}
// The stable identifier of a group kind ("fixed"); "unknown" outside the enum.
[[nodiscard]] constexpr std::string_view to_string(group_kind value) noexcept {
  return relkit::detail::enum_to_string(detail::group_kind_names, value);
}
// The group kind that to_string() names; nullopt for any other text.
[[nodiscard]] constexpr std::optional<group_kind> parse_group_kind(std::string_view name) noexcept {
  return relkit::detail::enum_from_string(detail::group_kind_names, name);
}

// One package of a workspace.
struct package {
  std::string name;                // "@org/lib-a", "lib-a"
  std::vector<std::string> paths;  // directory prefixes, '/'-separated: "packages/lib-a"
  // Directories inside the package whose files count for nothing (release-please's
  // `exclude-paths`): "packages/lib-a/test".
  std::vector<std::string> excluded;
  tag_format tags;  // its release tags: "lib-a@${version}", "lib-a-v${version}"
  // The current version; nullopt: never released, the first release is the preset's
  // initial version (first_release()).
  std::optional<semver::version> current;
  // The sha (or a prefix of at least 7 digits) of the commit of its last release: the
  // history is cut there (see above). Empty, or not in the history given: every commit
  // given counts.
  std::string since;
  policy preset = presets::conventional_commits();
  std::string channel;                    // a prerelease channel ("rc"); empty: none
  std::vector<std::string> dependencies;  // names of other packages of the workspace
};

// A set of packages that release together.
struct group {
  std::string name;
  group_kind kind = group_kind::fixed;
  std::vector<std::string> members;  // package names
};

// The excluded patterns of a workspace by default: changelogs and lockfiles, whose
// changes are releases' consequences, not their causes.
[[nodiscard]] inline std::vector<std::string> default_excluded_paths() {
  return {"CHANGELOG.md",
          "package-lock.json",
          "npm-shrinkwrap.json",
          "pnpm-lock.yaml",
          "yarn.lock",
          "bun.lockb",
          "bun.lock",
          "Cargo.lock",
          "Gemfile.lock",
          "poetry.lock",
          "composer.lock",
          "uv.lock",
          "Pipfile.lock",
          "go.sum",
          "flake.lock",
          "packages.lock.json"};
}

struct workspace {
  std::vector<package> packages;
  // Patterns of files that count for nothing. A pattern without '/' is compared with a
  // file's last path segment ("CHANGELOG.md", "*.lock"), one with '/' with the whole
  // path ("docs/*", "packages/*/CHANGELOG.md"); `*` matches any run of bytes other than
  // '/', every other byte itself; a pattern ending in '/' matches everything under that
  // directory ("docs/").
  std::vector<std::string> excluded = default_excluded_paths();
  bool scope_assigns = false;  // a commit's scope also assigns it to the package named so
  propagation dependents = propagation::patch;
  std::vector<group> groups;
};

// A commit with the paths it touches (read_git_log_with_paths), views into the log text.
struct change {
  log_entry entry;
  std::vector<std::string_view> paths;
};

// Reads the output of the git command above. Errors: errc::bad_log_record at the byte
// position of the malformed record (no NUL opening a record, no NUL ending the message,
// no two 0x1f, a sha or parent sha that is not 7-64 hex digits) or of a path without
// its NUL.
[[nodiscard]] RELKIT_INLINE result<std::vector<change>> read_git_log_with_paths(
    std::string_view text);

// A tag and the commit it points at (a tag object's target for an annotated tag).
struct tag_ref {
  std::string_view name;  // "lib-a@1.2.0"
  std::string_view sha;   // the commit
};

// Sets each package's `current` and `since` from its last release among `tags`
// (find_last_release with its tag format, and its channel as find_options::channel).
// A package without a release tag keeps what it has; one whose `current` (from a
// release-please manifest, say) is later than its last tag keeps that version, and the
// tag only cuts its history.
RELKIT_INLINE void apply_release_tags(workspace& ws, const std::vector<tag_ref>& tags);

// One package's answer.
struct package_decision {
  std::string name;
  std::optional<semver::version> current;
  // What the package's own commits imply (decide()/next_version()/first_release() of
  // bump.hpp under its preset and channel): level, deciding commit, rule, reason.
  // `own.commit_index` is an index into decide()'s input.
  decision own;
  bump level = bump::none;  // the final level, after dependencies and groups
  bool releases = false;    // level != none
  semver::version next;     // the next version (`current`, or 0.0.0, when it does not release)
  std::vector<std::size_t> commits;  // its commits, indices into decide()'s input, newest first
  // The dependency path that raised `level` above `own.level`, this package first:
  // {"app", "lib-b", "lib-a"} reads app <- lib-b <- lib-a. Empty: not raised by one.
  std::vector<std::string> propagated_from;
  std::string group;   // the group that raised it (empty: none)
  std::string reason;  // one line: own reason, or "patch: app <- lib-b <- lib-a (minor)"
};

struct workspace_decision {
  std::vector<package_decision> packages;  // in the workspace's order
  std::size_t ignored = 0;                 // commits whose files all count for nothing (excluded)
  std::size_t unclaimed = 0;               // commits that belong to no package (outside every path)
};

// Decides every package of `ws` over `history` (newest first). Errors, at no_position:
//   errc::duplicate_package   two packages of one name
//   errc::unknown_package     a dependency or group member naming no package
//   errc::dependency_cycle    the dependencies form a cycle ("a -> b -> a"), unless
//                             `ws.dependents` is none
// and a semver error when a next version overflows.
[[nodiscard]] RELKIT_INLINE result<workspace_decision> decide(const workspace& ws,
                                                              const std::vector<change>& history);

// ---- Configurations teams already have ----

// Limits of every configuration file the readers below take (JSON): its size and its
// number of JSON values (each costs ~140 bytes of tree while it is read, so a file's
// tree stays under ~5 MB). Over either: errc::invalid_workspace_json, at the byte
// where the limit was passed. Real files are far below: a release-please config of
// 100 packages is ~1,500 values.
inline constexpr std::size_t max_config_bytes = std::size_t{4} << 20U;  // 4 MiB
inline constexpr std::size_t max_config_values = 16384;

// release-please manifest mode: release-please-config.json and .release-please-manifest.json.
// Read (top-level values are the defaults packages inherit):
//   packages (path keys; "." is the root), component, package-name, tag-separator
//   (default "-"), include-component-in-tag (default true), include-v-in-tag (default
//   true), bump-minor-pre-major, bump-patch-for-minor-pre-major, prerelease with
//   prerelease-type (the channel, default "beta"; also versioning "prerelease"),
//   exclude-paths, plugins "node-workspace" (propagation patch; the dependency graph is
//   read_npm_workspaces's, which the caller merges) and "linked-versions" (groupName,
//   components: a fixed group, as release-please gives them one version);
//   the manifest's versions. Every package gets presets::release_please().
// Not read: release-type (every strategy bumps with the same default rules; a strategy's
//   default component, from its package.json, pom.xml…, is not read: the name falls back
//   to the path), versioning other than "default"/"prerelease" (always-bump-*,
//   service-pack), release-as, changelog-*, extra-files, draft*, labels, pull request
//   options, bootstrap-sha, last-release-sha, the cargo-workspace / maven-workspace /
//   sentence-case / group-priority plugins, component-no-space, initial-version.
// A package's name is its `component`, else its `package-name`, else its path; its tag
// format `COMPONENT SEPARATOR [v] ${version}` (release-please's TagName), or
// `[v]${version}` without the component; the component is `component`, else the
// package-name without an npm `@scope/`, else the path's last segment.
// Errors: errc::invalid_workspace_json (token: the file); errc::bad_workspace_config at
// the value of the wrong type or the version that does not parse.
[[nodiscard]] RELKIT_INLINE result<workspace> read_release_please_config(
    std::string_view config_json, std::string_view manifest_json);

// A member's package.json as the caller read it: its directory and its text.
struct package_file {
  std::string path;  // the directory, relative to the root: "packages/lib-a"
  std::string text;  // the package.json text
};

// The globs of the root package.json's `workspaces` (npm, yarn: an array, or yarn's
// {"packages": [...]}). Glob expansion is the caller's (it lists directories).
// Errors: errc::invalid_workspace_json; errc::bad_workspace_config at a `workspaces`
// (or the whole document) of the wrong type, or when there is none.
[[nodiscard]] RELKIT_INLINE result<std::vector<std::string>> read_npm_workspace_globs(
    std::string_view root_package_json);

// The workspace of the members' package.json texts (npm, yarn and pnpm alike): each
// member becomes a package with its `name`, its directory as its path, its `version` as
// `current`, tags `NAME@${version}` (lerna, changesets), and as dependencies the members
// its dependencies, devDependencies, peerDependencies or optionalDependencies name (any
// range, the `workspace:` protocol included; other names are not the workspace's).
// Errors, positions in that member's text, its path in the token:
// errc::invalid_workspace_json; errc::bad_workspace_config at a value of the wrong type,
// a member without a name, a version that does not parse.
[[nodiscard]] RELKIT_INLINE result<workspace> read_workspace_packages(
    const std::vector<package_file>& members);

// Both of the above: the root package.json must have `workspaces`; the members are
// those the caller found for its globs.
[[nodiscard]] RELKIT_INLINE result<workspace> read_npm_workspaces(
    std::string_view root_package_json, const std::vector<package_file>& members);

// pnpm-workspace.yaml: the `packages:` list of globs (the members then go through
// read_workspace_packages()). The YAML read is a subset: comments
// (`#` at a line start or after a space), blank lines, top-level keys (`packages:`, others
// skipped with their indented lines), block list items `- glob` with the glob plain,
// 'single-quoted' ('' an escaped quote) or "double-quoted" (\" \\ escapes), and a flow
// list `packages: [a, "b"]` on one line. Not read: anchors, tags, multi-line scalars,
// other escapes. Errors: errc::bad_workspace_yaml at the offending byte.
[[nodiscard]] RELKIT_INLINE result<std::vector<std::string>> read_pnpm_workspace(
    std::string_view yaml_text);

}  // namespace commits
RELKIT_NAMESPACE_END

#ifndef RELKIT_SEPARATE_COMPILATION
#include "relkit/commits/impl/workspace.hpp"
#include "relkit/commits/impl/workspace_config.hpp"
#endif

#include "relkit/detail/epilogue.hpp"
