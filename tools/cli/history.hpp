// A repository's whole history cut into releases, for `relkit changelog --all`: one git log
// (git::history) read into commits, ordered as git-cliff walks them, and given to release
// tags as git-cliff 2.14.2 gives them. No I/O here: the command is changelog_all.cpp.
#pragma once

#include <relkit/commits/tag_format.hpp>
#include <relkit/semver/version.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace relkit::cli::history {

// One record of git::history's text; views into that text.
struct commit {
  std::string_view sha;
  std::vector<std::string_view> parents;  // %P, in the commit's order
  std::int64_t time = 0;                  // %ct: the committer date, seconds since the epoch
  std::string_view decorations;           // %D: "tag: v1.0.0, tag: v1.0.0-rc.1"
  std::string_view message;               // %B
};

// The records of `text` (git::history's format), in its order. False with `error` set
// ("unexpected record at byte N of git log ...") when a record is not that format.
bool read(std::string_view text, std::vector<commit>& commits, std::string& error);

// The parents of each commit as indices into the list: those of commit i are
// parent_at[start[i]] .. parent_at[start[i + 1] - 1], in the commit's order. Parents not
// in the list (beyond a shallow clone's boundary) are left out.
struct graph {
  std::vector<std::size_t> start;
  std::vector<std::size_t> parent_at;
};
graph link(const std::vector<commit>& commits);

// The commits in the order git-cliff 2.14 walks them, newest first: libgit2's git_revwalk
// with GIT_SORT_TOPOLOGICAL alone (git-cliff's default topo_order_commits), which is also
// `git log --topo-order`'s. From the commits that are no other commit's parent (the tips,
// in the list's order), a commit is emitted once all its children are; the commits ready
// to be emitted wait on a stack (last in, first out), a commit's parents pushed in parent
// order, so a merge's second parent comes out first. Indices into the list.
std::vector<std::size_t> topological_order(const graph& g);

// The release tag of a commit among its decorations: the names after "tag: " that match
// `format` and parse as versions (relkit::commits::find_release_tags), prereleases
// included; the highest version when there are several (v1.0.0 over v1.0.0-rc.1 on the
// same commit), the first listed among equal ones (v1.0.0, v1.0.0+b). False when the
// commit carries no release tag.
struct tag_version {
  std::string_view tag;
  relkit::semver::version version;
};
bool release_tag(std::string_view decorations, const relkit::commits::tag_format& format,
                 tag_version& found);

struct release {
  std::string_view tag;  // empty: the commits no release tag reaches (unreleased)
  relkit::semver::version version;
  std::int64_t time = 0;             // the committer date of the tagged commit
  std::vector<std::size_t> commits;  // in `order`'s order (newest first)
};

// The releases as git-cliff 2.14.2 makes them: a commit belongs to the earliest release
// tag whose commit reaches it. The tagged commits are taken by committer date, oldest
// first (equal dates: by tag name, in byte order), and each takes every commit it reaches
// that no earlier one took: its previous_tag..tag range, merged branches included. The
// commits no release tag reaches are the unreleased ones. A tag that takes nothing (an
// earlier one took all it reaches) makes no release. The releases newest first (the
// reverse of that order), the unreleased commits, if any, first of all.
// `left_out[i]`: commit i is left out of the walk (git-cliff's .git-blame-ignore-revs):
// listed in no release and no release boundary, though what it reaches is still reached.
std::vector<release> split(const std::vector<commit>& commits, const graph& g,
                           const std::vector<std::size_t>& order,
                           const relkit::commits::tag_format& format,
                           const std::vector<bool>& left_out = {});

// git-cliff 2.14 leaves out of its walk the commits the repository's
// .git-blame-ignore-revs names and the commits whose one change is to that file. The
// file's lines (as `git blame --ignore-revs-file` reads it): trimmed, blank ones and
// #-comments skipped, each a commit's sha or a prefix of it.
std::vector<std::string_view> blame_ignore_revs(std::string_view file);
// left_out[i]: commit i's sha starts with one of `revs`, or is one of `only_file`.
std::vector<bool> left_out_commits(const std::vector<commit>& commits,
                                   const std::vector<std::string_view>& revs,
                                   const std::vector<std::string>& only_file);

// "YYYY-MM-DD" of a time in seconds since the epoch, in UTC (git-cliff's
// `timestamp | date(format="%Y-%m-%d")`).
std::string utc_date(std::int64_t seconds);

}  // namespace relkit::cli::history
