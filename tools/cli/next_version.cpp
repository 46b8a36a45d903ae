// relkit next-version: the next version from the commits since the last release.
#include "commands.hpp"
#include "io.hpp"
#include "release.hpp"

#include <relkit/commits.hpp>
#include <relkit/semver.hpp>

#include <string>
#include <string_view>

namespace relkit::cli {

namespace {

namespace cm = relkit::commits;
namespace sv = relkit::semver;

constexpr std::string_view next_version_help =
    R"(Usage: relkit next-version [--repo DIR] [--tag-format FMT] [--from REF] [--to REF]
                           [--current VERSION] [--prerelease ID] [--explain]
       relkit next-version --log FILE|- --current VERSION [--prerelease ID] [--explain]

Prints the next version after the last release from the Conventional Commits
since it, with the rules of semantic-release's commit-analyzer
(conventionalcommits preset): a breaking change -> major, feat -> minor,
fix/perf/revert -> patch; reverted commits cancel out.

  --current VERSION   the last released version (e.g. 1.4.1, or 1.5.0-rc.1);
                      required with --log, else taken from the last release tag
  --prerelease ID     release on a prerelease channel: 1.4.1 + feat -> 1.5.0-rc.1,
                      then 1.5.0-rc.2 (with --current 1.5.0-rc.1)
  --explain           print a second line: the commit and rule that decided

)";

constexpr std::string_view next_version_help_tail =
    R"(
Exit codes: 0 a release is due (the version is printed), 1 no release is due
(the current version is printed; nothing before the first release), 2 usage or
input error (git's own message included when git fails).

Examples:
  relkit next-version --explain
  relkit next-version --repo ../app --tag-format 'app@${version}'
  git log --format=%H%x1f%P%x1f%B%x1e v1.4.1..HEAD | relkit next-version --log - --current 1.4.1
)";

}  // namespace

int next_version_command(const arguments& words) {
  const parsed_args args = parse_args(
      words, 0, {"--current", "--prerelease", "--repo", "--tag-format", "--from", "--to", "--log"},
      {"--explain"});
  if (args.help) {
    out(next_version_help);
    out(git_log_format_help);
    out(next_version_help_tail);
    return exit_ok;
  }
  if (!args.problem.empty()) return usage_error(args.problem, "next-version");
  if (!args.positional.empty()) {
    return usage_error("unexpected argument '" + std::string(args.positional[0]) + "'",
                       "next-version");
  }
  int status = exit_ok;
  std::string log_text;
  const auto r = decide_release(args, "next-version", log_text, status);
  if (!r) return status;
  const bool due = r->decision.level != cm::bump::none;
  // No release due: the current version; before the first release there is none.
  std::string output =
      due || r->current ? sv::to_string(r->decision.next_version) + "\n" : std::string();
  if (args.flag("--explain")) {
    output += due ? r->decision.reason : std::string("no release: no commit calls for one");
    output += "\n";
  }
  out(output);
  return due ? exit_ok : exit_no;
}

}  // namespace relkit::cli
