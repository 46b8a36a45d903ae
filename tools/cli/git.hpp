// The relkit command's access to a git repository: `git` run as a subprocess, without a
// shell (posix_spawnp with an argument vector), its stdout read through a pipe, its stderr
// kept for the message, its exit status checked. Every function returns true on success;
// false with `error` set to a message for people that names the git command and carries
// git's own words ("not a git repository: run in a repository or pass --repo DIR (git tag
// --merged HEAD: fatal: not a git repository (or any of the parent directories): .git)").
#pragma once

#include <relkit/commits/tag_format.hpp>
#include <relkit/semver/version.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relkit::cli::git {

// Runs `git [-C repo] ARGS...` with LC_ALL=C (git's messages in English, whatever the
// user's locale) and stdin from /dev/null. True when git exits 0, its stdout in `out`.
// `repo` empty: the current directory. A missing git binary is an error that says so.
bool run(const std::string& repo, const std::vector<std::string>& args, std::string& out,
         std::string& error);

// The tags reachable from `ref` (`git tag --merged REF`), one per line of git's output,
// each trimmed as semantic-release trims them, empty lines dropped, in git's order.
bool merged_tags(const std::string& repo, const std::string& ref, std::vector<std::string>& tags,
                 std::string& error);

// The full sha of the commit `ref` names (`git rev-parse --verify REF^{commit}`).
bool resolve(const std::string& repo, const std::string& ref, std::string& sha, std::string& error);

// The commits of `from..to` (all of `to`'s history when `from` is empty), newest first,
// in the format relkit::commits::read_git_log reads:
//   git log --format=%H%x1f%P%x1f%B%x1e FROM..TO
// `topo_order`: `git log --topo-order` (no parent before all its children, each branch's
// commits together: the order git-cliff walks), else git's default (commit date).
bool log(const std::string& repo, const std::string& from, const std::string& to, std::string& text,
         std::string& error, bool topo_order = false);

// The whole history of `to` with each commit's date and tags, in one git process:
//   git log --no-color --no-show-signature --decorate-refs=refs/tags/
//           --format=%H%x1f%P%x1f%ct%x1f%D%x1f%B%x1e TO --
// in git's default order (newest first). %ct is the committer date in seconds since the
// Unix epoch; %D lists the tags of the commit ("tag: v1.0.0, tag: v1.0.0-rc.1"), git
// having peeled annotated tags (and tags of tags) to their commit.
bool history(const std::string& repo, const std::string& to, std::string& text, std::string& error);

// The content of the file PATH in the tree of REF (`git cat-file -p REF:PATH`): true with
// `found` false when REF's tree has no such file. REF must name a commit (resolve() it).
bool file_at(const std::string& repo, const std::string& ref, const std::string& path,
             std::string& text, bool& found, std::string& error);

// The commits reachable from REF whose only change (against their first parent; the
// whole tree for a root commit) is to the file PATH, from
//   git log --full-history --diff-merges=first-parent --no-renames --name-only
//           --full-diff --format=%x1e%H REF -- PATH
bool commits_changing_only(const std::string& repo, const std::string& ref, const std::string& path,
                           std::vector<std::string>& shas, std::string& error);

// When the commit a ref (a tag) names was committed: seconds since the Unix epoch and git's
// strict ISO 8601 text with the committer's offset ("2026-01-02T03:04:05+01:00").
struct commit_date {
  std::int64_t seconds = 0;
  std::string iso;
};
bool date_of(const std::string& repo, const std::string& ref, commit_date& date,
             std::string& error);

// What the command reads from a repository: the range since the last release.
struct range_options {
  std::string repo;                    // --repo DIR; empty: the current directory
  relkit::commits::tag_format format;  // --tag-format (default v${version})
  std::string from;                    // --from REF; empty: the last release tag
  std::string to = "HEAD";             // --to REF
  std::string channel;                 // --prerelease ID: that channel's prereleases count
  bool topo_order = false;             // the log in topological order (git log --topo-order)
};

struct range {
  std::string from;  // the range's start: --from, the last release tag, or "" (all history)
  std::string to;    // --to
  // The last release: the tag and its version (without --from, the newest release tag
  // reachable from TO; with --from, the newest reachable from FROM). Empty: no release yet
  // (semantic-release's first release is then 1.0.0).
  std::string last_tag;
  std::optional<relkit::semver::version> last_version;
  std::string log;  // git log FROM..TO in read_git_log's format
};

// The last release and the log since it, as semantic-release finds them: the tags merged
// into TO (or FROM), the highest that matches the format and parses (relkit::commits::
// find_last_release), then `git log TAG..TO`; with no release tag, TO's whole history.
bool read_range(const range_options& options, range& result, std::string& error);

}  // namespace relkit::cli::git
