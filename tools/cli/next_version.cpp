// relkit next-version: the next version from the commits since the last release.
#include "commands.hpp"
#include "io.hpp"
#include "json.hpp"
#include "release.hpp"
#include "workspace.hpp"

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
                           [--preset NAME] [--current VERSION] [--prerelease ID]
                           [--release-as VERSION] [--explain | --json]
       relkit next-version --log FILE|- --current VERSION ... (the same options)
       relkit next-version --workspace [CONFIG] [--manifest FILE] [--repo DIR]
                           [--to REF] [--preset NAME] [--json]

Prints the next version after the last release from the Conventional Commits
since it, with the rules of --preset (default conventionalcommits: semantic-
release's commit-analyzer with preset "conventionalcommits": a breaking change
-> major, feat -> minor, fix/perf/revert -> patch; reverted commits cancel out).

  --preset NAME       the commit rules (below)
  --current VERSION   the last released version (e.g. 1.4.1, or 1.5.0-rc.1);
                      required with --log, else taken from the last release tag
  --prerelease ID     release on a prerelease channel: 1.4.1 + feat -> 1.5.0-rc.1,
                      then 1.5.0-rc.2 (with --current 1.5.0-rc.1)
  --release-as VERSION  a manual release: print VERSION (above the last release)
                      and exit 0 whatever the commits call for
  --explain           print a second line: the commit and rule that decided
  --json              print one JSON object instead (below)

)";

constexpr std::string_view next_version_help_tail =
    R"(
--json prints one JSON object on one line (UTF-8):

  {"version": "1.5.0",           the next version; no release due: the last
                                 one (null before the first release)
   "tag": "v1.5.0",              its tag under --tag-format (null: no release)
   "previous_version": "1.4.1",  the last release (null: none yet)
   "previous_tag": "v1.4.1",
   "release": true,              a release is due (the exit code says it too)
   "bump": "minor",              what the commits call for: major, minor,
                                 patch or none
   "manual": false,              --release-as decided the version
   "preset": "conventionalcommits",
   "commit": "<40 hex>",         the commit that decided the bump (or null)
   "rule": "feat -> minor",      the rule it matched (or null)
   "reason": "minor: 'feat(ui): dark mode' (1a2b3c4) matched feat -> minor",
   "commits": 3}                 the commits read in the range

With --workspace: one line per package that releases,

  NAME OLD -> NEW (REASON)        OLD is (none) before its first release

and nothing for the others; --json prints {"packages": [...], "ignored": N,
"unclaimed": N} with every package: name, path, current, release, level (after
dependencies and groups), own_level, next and tag (null: no release), commit
(the deciding one: {"sha": 7 hex, "subject"}), commits (all of its own),
propagated_from (["app", "lib-b", "lib-a"]: app <- lib-b <- lib-a), group,
reason. "ignored": commits touching only excluded files; "unclaimed": commits
outside every package.

Exit codes: 0 a release is due (the version is printed), 1 no release is due
(the current version is printed; nothing before the first release; with
--workspace: no package releases, nothing printed), 2 usage or input error
(git's own message included when git fails; a dependency cycle).

Examples:
  relkit next-version --explain
  relkit next-version --preset release-please --json
  relkit next-version --repo ../app --tag-format 'app@${version}'
  git log --format=%H%x1f%P%x1f%B%x1e v1.4.1..HEAD | relkit next-version --log - --current 1.4.1
)";

// The second line of --explain when no release is due.
std::string no_release_reason(const release_decision& r) {
  const std::string& reason = r.decision.reason;
  constexpr std::string_view user_facing = "none: no user-facing commit";
  if (reason.compare(0, user_facing.size(), user_facing) == 0)
    return "no release: " + reason.substr(6);
  return "no release: no commit calls for one";
}

// `{"version": ...}` (next_version_help_tail documents it).
std::string decision_json(const release_decision& r) {
  const bool due = r.due();
  const cm::decision& d = r.decision;
  std::string out = "{";
  auto text_or_null = [&out](std::string_view key, bool present, std::string_view value) {
    json::append_key(out, key);
    if (present) {
      json::append_string(out, value);
    } else {
      out += "null";
    }
  };
  text_or_null("version", due || r.current.has_value(), sv::to_string(d.next_version));
  text_or_null("tag", due, due ? cm::make_tag(r.format, d.next_version) : std::string());
  text_or_null("previous_version", r.current.has_value(),
               r.current ? sv::to_string(*r.current) : std::string());
  text_or_null("previous_tag", r.current.has_value(), r.current_tag);
  json::append_key(out, "release");
  out += due ? "true" : "false";
  text_or_null("bump", true, cm::to_string(d.level));
  json::append_key(out, "manual");
  out += r.manual ? "true" : "false";
  text_or_null("preset", true, r.preset);
  const bool decided = d.level != cm::bump::none;
  text_or_null("commit", decided, d.sha);
  text_or_null("rule", decided, d.rule);
  text_or_null("reason", true, due ? d.reason : no_release_reason(r));
  json::append_key(out, "commits");
  out += std::to_string(r.entries.size());
  out += "}\n";
  return out;
}

}  // namespace

int next_version_command(const arguments& words) {
  const parsed_args args =
      parse_args(words, 0,
                 {"--current", "--prerelease", "--repo", "--tag-format", "--from", "--to", "--log",
                  "--preset", "--release-as", "--manifest"},
                 {"--explain", "--json", "--workspace"});
  if (args.help) {
    out(next_version_help);
    out(preset_help);
    out("\n");
    out(git_log_format_help);
    out("\n");
    out(workspace_help);
    out(next_version_help_tail);
    return exit_ok;
  }
  if (!args.problem.empty()) return usage_error(args.problem, "next-version");
  if (args.flag("--workspace")) return next_version_workspace(args);
  if (args.option("--manifest")) {
    return usage_error("--manifest is for --workspace", "next-version");
  }
  if (unexpected_argument(args, "next-version")) return exit_usage;
  if (args.flag("--explain") && args.flag("--json")) {
    return usage_error("--explain and --json: give one of the two", "next-version");
  }
  int status = exit_ok;
  std::string log_text;
  const auto r = decide_release(args, "next-version", log_text, status);
  if (!r) return status;
  const bool due = r->due();
  if (args.flag("--json")) {
    out(decision_json(*r));
    return due ? exit_ok : exit_no;
  }
  // No release due: the current version; before the first release there is none.
  std::string output =
      due || r->current ? sv::to_string(r->decision.next_version) + "\n" : std::string();
  if (args.flag("--explain")) {
    output += due ? r->decision.reason : no_release_reason(*r);
    output += "\n";
  }
  out(output);
  return due ? exit_ok : exit_no;
}

}  // namespace relkit::cli
