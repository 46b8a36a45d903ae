// What `relkit next-version` and `relkit changelog` share: where the commits come from (the
// repository through git, or a prepared log), the last release, and the release they decide.
#pragma once

#include "args.hpp"
#include "io.hpp"

#include <relkit/commits.hpp>
#include <relkit/semver.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relkit::cli {

// Where the commits come from, for both commands' --help.
inline constexpr std::string_view git_log_format_help =
    R"(Where the commits come from:

  (default)           the repository: git runs in the current directory (or
                      --repo DIR); the last release is the highest version among
                      the tags reachable from --to that match --tag-format and
                      parse as SemVer, prereleases left out (with --prerelease ID,
                      that channel's prereleases count), as semantic-release
                      finds it; the commits are those since that tag. Tags that
                      do not parse (v, vnext, v1.2) are skipped. With no such tag,
                      the whole history, and the first release is 1.0.0 (git-cliff's
                      rules: 0.1.0). An explicit --current overrides the tag's
                      version, not the range.
  --repo DIR          the repository (default: the current directory)
  --tag-format FMT    semantic-release's tagFormat: one ${version} anywhere
                      (default v${version}; pkg@${version}, pkg-v${version})
  --from REF          start the range at REF instead of the last release tag (the
                      last release is then the newest release tag reachable from REF)
  --to REF            end the range at REF (default HEAD)
  --log FILE          read the commits from FILE (--log -: from stdin) instead of
                      the repository; --current is then required. The format is
                      the output of

  git log --format=%H%x1f%P%x1f%B%x1e LAST_TAG..HEAD

newest first: one record per commit, ended by the byte 0x1e (git adds a newline
after it); fields separated by 0x1f: the full sha, the parent shas separated by
spaces, the raw message (%B). Merge commits (two parents) are read too.
)";

// The commit rules --preset names, for both commands' --help.
inline constexpr std::string_view preset_help =
    R"(The commit rules (--preset NAME), each the answer of the tool it names:

  conventionalcommits   (default) semantic-release with "preset":
                        "conventionalcommits" (@semantic-release/commit-analyzer
                        13): BREAKING CHANGE or `!` -> major, feat -> minor,
                        fix/perf/revert -> patch; a revert cancels the newer
                        commit it names; messages trimmed
  angular               semantic-release out of the box (its default preset;
                        also --preset semantic-release): the same, but `feat!:`
                        is no type, only a BREAKING CHANGE note breaks
  conventional-changelog
                        conventional-changelog's recommended bump (the
                        conventionalcommits preset's whatBump, as
                        conventional-recommended-bump and commit-and-tag-version
                        use it): breaking -> major, feat/feature -> minor,
                        fix/perf/revert (or FEAT, any case) -> patch; reverts
                        cancel nothing
  release-please        release-please 17 (default strategy): breaking -> major,
                        feat/feature -> minor, any other -> patch, but a release
                        only when a commit is user-facing (feat, feature, fix,
                        perf, revert, breaking); messages split and footers read
                        as commits as release-please does
  git-cliff             git-cliff 2.14 --bump (default config): its grammar
                        (`fix(x):y` counts), chore(deps...) and chore(release):
                        prepare... skipped, breaking -> major, feat -> minor,
                        any other conventional -> patch; first release 0.1.0
  cocogitto             cocogitto: breaking -> major, feat -> minor, fix ->
                        patch; at 0.x the breaking mark is ignored
  spec                  Conventional Commits 1.0.0 as the specification maps it
                        to SemVer: breaking -> major, feat -> minor, fix ->
                        patch; reverts cancel what they name
)";

// The commit rules --preset NAME names (the table of preset_help); nullopt for another name.
std::optional<relkit::commits::policy> commit_rules_named(std::string_view name);

// The fix to show under any error in a git log: the one format relkit reads.
inline constexpr std::string_view git_log_format_hint =
    "relkit: the log must be exactly what `git log --format=%H%x1f%P%x1f%B%x1e "
    "LAST_TAG..HEAD` writes\n";

// --current VERSION read as node-semver reads a version; nullopt after a message that
// points at the fix ("'1.2' lacks a patch number; write 1.2.0", a tag name such as
// pkg@1.2.3 -> --tag-format), with the exit code in `status`.
std::optional<relkit::semver::version> parse_current(std::string_view text, int& status);

// The git log `text`, read from the input `name` ("stdin (git log)", a file), as
// relkit::commits::read_git_log reads it; nullopt after the error (at its line and
// column, in `style`) and git_log_format_hint, with the exit code in `status`. A log
// whose line ends were turned into CRLF (a 0x1e terminator followed by "\r\n") is such
// an error too.
std::optional<std::vector<relkit::commits::log_entry>> read_log(std::string_view name,
                                                                std::string_view text,
                                                                location_style style, int& status);

// --tag-format, or changelog's --tag-prefix P (the format P${version}); the default
// v${version}. nullopt after the error, with the exit code in `status`.
std::optional<relkit::commits::tag_format> tag_format_of(const parsed_args& args,
                                                         std::string_view command, int& status);

struct release_decision {
  std::vector<relkit::commits::log_entry> entries;  // view into the log text
  // The last release; none: no release yet (the repository has no release tag), the
  // next version is then the first release, 1.0.0 (1.0.0-ID.1 with --prerelease ID).
  std::optional<relkit::semver::version> current;
  std::string current_tag;  // its tag: the git tag found, or --current under the tag format
  relkit::commits::tag_format format;
  std::string preset;              // the --preset name ("conventionalcommits")
  relkit::commits::policy policy;  // its rules
  relkit::commits::decision decision;
  // --release-as VERSION: a manual release; decision.next_version is VERSION and the
  // release is due whatever the commits say (decision.level: what they call for).
  bool manual = false;
  // A release is due: the commits call for one, or --release-as.
  [[nodiscard]] bool due() const { return manual || decision.level != relkit::commits::bump::none; }
};

// The next version for the commits of the repository (or of --log), with --preset,
// --current, --prerelease, --release-as, --tag-format (or changelog's --tag-prefix); the
// log is read into `log_text`, which the caller keeps alive (the entries and the decision
// view into it); `topo_order`: the repository's log in topological order. nullopt after
// writing the error, with the exit code in `status`.
std::optional<release_decision> decide_release(const parsed_args& args, std::string_view command,
                                               std::string& log_text, int& status,
                                               bool topo_order = false);

}  // namespace relkit::cli
