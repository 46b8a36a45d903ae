// relkit changelog: the release notes of the commits since the last release, printed or
// prepended to a file.
#include "changelog_all.hpp"
#include "commands.hpp"
#include "file_update.hpp"
#include "io.hpp"
#include "json.hpp"
#include "release.hpp"
#include "workspace.hpp"

#include <relkit/changelog.hpp>
#include <relkit/commits.hpp>
#include <relkit/detail/ascii.hpp>
#include <relkit/detail/civil_time.hpp>
#include <relkit/detail/js_text.hpp>
#include <relkit/semver.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relkit::cli {

namespace {

namespace cl = relkit::changelog;
namespace cm = relkit::commits;
namespace sv = relkit::semver;

constexpr std::string_view changelog_help =
    R"(Usage: relkit changelog --repo-url URL [--repo DIR] [--tag-format FMT]
                        [--from REF] [--to REF] [--preset NAME] [--style NAME]
                        [--current VERSION] [--prerelease ID] [--release-as VERSION]
                        [--date YYYY-MM-DD] [--prepend CHANGELOG.md] [--json]
       relkit changelog --log FILE|- --current VERSION --repo-url URL ...
       relkit changelog --all --repo-url URL [--repo DIR] [--tag-format FMT]
                        [--to REF] [--style NAME] [--no-unreleased]
       relkit changelog --workspace [CONFIG] --repo-url URL [--manifest FILE]
                        [--repo DIR] [--to REF] [--preset NAME] [--style NAME]
                        [--date YYYY-MM-DD] [--dry-run]

Decides the next version exactly as `relkit next-version` does (the commit
rules of --preset), then renders the release notes of the same commits, merge
commits included, in the changelog style of --style:

  --repo-url URL      https://github.com/owner/name, git@gitlab.com:group/name.git, ...
  --preset NAME       the commit rules (below; default conventionalcommits)
  --style NAME        the changelog style, read and written as its tool does:
                      conventionalcommits (default): conventional-changelog's
                        conventionalcommits preset, writer 9 (subjects trimmed)
                      angular: conventional-changelog-angular
                      semantic-release: @semantic-release/release-notes-
                        generator (angular; subjects as written)
                      git-cliff: git-cliff's default configuration (its
                        grammar: fix(x):y is a fix; topological order)
                      git-cliff-keepachangelog: git-cliff --init keepachangelog
                      keepachangelog: Keep a Changelog 1.1.0
                      relkit: conventionalcommits sections, `- ` bullets,
                        identical entries merged
                      (also conventional, keep-a-changelog, and the names of
                      relkit::changelog::presets: semantic_release, ...)
  --current VERSION   the last released version (required with --log, else taken
                      from the last release tag); the compare base is its tag
  --prerelease ID     as for next-version
  --release-as VERSION  a manual release: a section for VERSION (above the last
                      release) even when no commit calls for one
  --date YYYY-MM-DD   the release date, a day of the calendar (none shown without it)
  --tag-prefix P      the former spelling of --tag-format 'P${version}'
  --prepend FILE      insert the section into FILE in place (before its first
                      release heading, every other byte unchanged) instead of
                      printing it; refused (exit 2) if FILE already has a
                      section for that version; a missing FILE is created.
                      A symbolic link is written through (the link stays),
                      the file keeps its mode and owner, a read-only file is
                      refused; the new text goes to a temporary file beside
                      the real file, renamed over it once on disk
  --json              print one JSON object (below) instead of the Markdown
                      (with --prepend: the file is written, the object printed)

)";

constexpr std::string_view changelog_help_tail =
    R"(
--json prints one JSON object on one line (UTF-8):

  {"version": "1.5.0", "tag": "v1.5.0",
   "previous_tag": "v1.4.1",       (null: the first release)
   "date": "2026-11-23",           (null without --date)
   "preset": "conventionalcommits", "style": "conventionalcommits",
   "bump": "minor", "manual": false,
   "markdown": "## [1.5.0](...)\n...",   the section, as printed without --json
   "sections": [{"title": "Features",    in the order the Markdown shows them
                 "entries": [{"hash": "<40 hex>", "type": "feat", "scope": "ui",
                              "subject": "dark mode", "header": "feat(ui): dark mode",
                              "breaking": false}]}],
   "breaking": [{"hash": "<40 hex>", "scope": "api", "text": "drops v1"}]}

With --workspace: the section of each package that releases (its own commits;
the compare link between its tags) is prepended to PATH/CHANGELOG.md, PATH the
package's directory under the repository root, as --prepend does, and a line
`PATH/CHANGELOG.md: NAME VERSION` printed per file; --dry-run prints
`==> PATH/CHANGELOG.md (NAME VERSION)` and the section instead, writing
nothing. (git-cliff styles keep the log's date order here.)

Exit codes: 0 ok, 1 no release is due (nothing printed or written), 2 usage or
input error.

Examples:
  relkit changelog --repo-url https://github.com/o/r --date 2026-11-23
  relkit changelog --repo-url https://github.com/o/r --preset git-cliff --style git-cliff
  git log --format=%H%x1f%P%x1f%B%x1e v1.4.1..HEAD | relkit changelog --log - \
    --current 1.4.1 --repo-url https://github.com/o/r --date 2026-11-23
)";

struct style_name {
  std::string_view name;
  cl::preset (*make)();
};

// --style's names (the tools' own), then relkit::changelog::presets' function names.
constexpr style_name styles[] = {
    {"conventionalcommits", &cl::presets::conventionalcommits},
    {"conventional", &cl::presets::conventionalcommits},
    {"angular", &cl::presets::angular},
    {"semantic-release", &cl::presets::semantic_release},
    {"git-cliff", &cl::presets::git_cliff},
    {"git-cliff-keepachangelog", &cl::presets::git_cliff_keepachangelog},
    {"keepachangelog", &cl::presets::keep_a_changelog},
    {"keep-a-changelog", &cl::presets::keep_a_changelog},
    {"relkit", &cl::presets::relkit},
};

std::optional<cl::preset> style_named(std::string_view name) {
  for (const style_name& style : styles) {
    if (style.name == name) return style.make();
  }
  return cl::presets::named(name);
}

// The entries of the range: the commits the rules read, read the same way (merges too
// unless the rules skip them; trimmed when the rules trim, as semantic-release hands its
// plugins trimmed messages, or when the style's tool trims), each parsed in the style's
// grammar (whitespace after the colon, `fix(x):y`: as the style's tool reads them).
std::vector<cl::entry> entries_of(const release_decision& r, const cl::preset& style) {
  std::vector<cl::entry> entries;
  entries.reserve(r.entries.size());
  const cm::parse_options opts{style.grammar};
  for (const cm::log_entry& e : r.entries) {
    if (r.policy.skip_merges && e.parent_count > 1) continue;
    const std::string_view message = r.policy.trim_message ? relkit::detail::js_trim(e.message)
                                                           : cl::prepare_message(e.message, style);
    auto parsed = cm::parse(message, opts);
    if (!parsed) continue;  // an empty message: nothing to list
    entries.push_back(cl::from_commit(e.sha, *parsed, message));
  }
  return entries;
}

// `{"version": ...}` (changelog_help_tail documents it).
std::string notes_json(const release_decision& r, const cl::release& release,
                       std::string_view style, const std::string& markdown,
                       const cl::contents& contents) {
  std::string out = "{";
  auto text_or_null = [&out](std::string_view key, bool present, std::string_view value) {
    json::append_key(out, key);
    if (present) {
      json::append_string(out, value);
    } else {
      out += "null";
    }
  };
  text_or_null("version", true, release.version);
  text_or_null("tag", true, release.tag);
  text_or_null("previous_tag", release.previous_tag.has_value(), release.previous_tag.value_or(""));
  text_or_null("date", !release.date.empty(), release.date);
  text_or_null("preset", true, r.preset);
  text_or_null("style", true, style);
  text_or_null("bump", true, cm::to_string(r.decision.level));
  json::append_key(out, "manual");
  out += r.manual ? "true" : "false";
  text_or_null("markdown", true, markdown);
  json::append_key(out, "sections");
  out += '[';
  for (const cl::section& section : contents.sections) {
    json::append_separator(out);
    out += '{';
    text_or_null("title", true, section.title);
    json::append_key(out, "entries");
    out += '[';
    for (const cl::entry* e : section.entries) {
      json::append_separator(out);
      out += '{';
      text_or_null("hash", true, e->hash);
      text_or_null("type", !e->type.empty(), e->type);
      text_or_null("scope", !e->scope.empty(), e->scope);
      text_or_null("subject", !e->type.empty(), e->subject);
      text_or_null("header", true, e->header);
      json::append_key(out, "breaking");
      out += e->breaking ? "true" : "false";
      out += '}';
    }
    out += "]}";
  }
  out += ']';
  json::append_key(out, "breaking");
  out += '[';
  for (const cl::breaking_note& note : contents.breaking) {
    json::append_separator(out);
    out += '{';
    text_or_null("hash", true, note.source->hash);
    text_or_null("scope", !note.source->scope.empty(), note.source->scope);
    text_or_null("text", true, note.text);
    out += '}';
  }
  out += "]}\n";
  return out;
}

// Why `date` is not a release date YYYY-MM-DD of the calendar; empty if it is one.
std::string date_problem(std::string_view date) {
  bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-';
  for (std::size_t i = 0; i < date.size() && shaped; ++i) {
    if (i != 4 && i != 7 && !relkit::detail::is_digit(date[i])) shaped = false;
  }
  if (!shaped) return "expected a date YYYY-MM-DD, got '" + std::string(date) + "'";
  const auto number = [&](std::size_t at, std::size_t size) {
    unsigned n = 0;
    for (std::size_t i = at; i < at + size; ++i) n = n * 10 + static_cast<unsigned>(date[i] - '0');
    return n;
  };
  if (!relkit::detail::is_valid_date(number(0, 4), number(5, 2), number(8, 2))) {
    return "'" + std::string(date) + "' is not a date in the calendar (expected YYYY-MM-DD)";
  }
  return std::string();
}

}  // namespace

int changelog_command(const arguments& words) {
  const parsed_args args =
      parse_args(words, 0,
                 {"--current", "--repo-url", "--preset", "--style", "--date", "--prerelease",
                  "--tag-prefix", "--prepend", "--repo", "--tag-format", "--from", "--to", "--log",
                  "--release-as", "--manifest"},
                 {"--json", "--all", "--no-unreleased", "--workspace", "--dry-run"});
  if (args.help) {
    out(changelog_help);
    out(preset_help);
    out("\n");
    out(changelog_all_help);
    out(git_log_format_help);
    out("\n");
    out(workspace_help);
    out(changelog_help_tail);
    return exit_ok;
  }
  if (!args.problem.empty()) return usage_error(args.problem, "changelog");
  const bool workspace = args.flag("--workspace");
  if (unexpected_argument(args, "changelog", workspace ? 1 : 0)) return exit_usage;
  if (!workspace && (args.option("--manifest") || args.flag("--dry-run"))) {
    return usage_error("--manifest and --dry-run are for --workspace", "changelog");
  }
  if (workspace && (args.flag("--all") || args.flag("--no-unreleased"))) {
    return usage_error("--all does not apply with --workspace", "changelog");
  }
  // --preset names the commit rules; it named the style before --style did. A style name
  // that is no rules name points at --style; one that is both (angular, git-cliff) is read
  // as rules, with a note when no --style says which style.
  const std::optional<std::string_view> preset_option = args.option("--preset");
  if (preset_option && !commit_rules_named(*preset_option) && style_named(*preset_option)) {
    return usage_error("--preset names the commit rules; '" + std::string(*preset_option) +
                           "' is a changelog style: write --style " + std::string(*preset_option),
                       "changelog");
  }
  const std::string_view style_option = args.option("--style").value_or("conventionalcommits");
  const auto style = style_named(style_option);
  if (!style) {
    return usage_error("unknown --style '" + std::string(style_option) +
                           "' (conventionalcommits, angular, semantic-release, git-cliff, "
                           "git-cliff-keepachangelog, keepachangelog, relkit)",
                       "changelog");
  }
  if (preset_option && !args.option("--style") && style_named(*preset_option)) {
    err("relkit: note: --preset " + std::string(*preset_option) +
        " gives the commit rules (the style stays conventionalcommits); for the " +
        std::string(*preset_option) + " changelog style add --style " +
        std::string(*preset_option) + "\n");
  }
  const auto url = args.option("--repo-url");
  if (!url) return usage_error("--repo-url URL is required", "changelog");
  auto repo = cl::parse_repository(*url);
  if (!repo) {
    // "github.com/o/r": a host and a path without the scheme.
    const std::string with_scheme = "https://" + std::string(*url);
    const std::size_t slash = url->find('/');
    if (slash != std::string_view::npos &&
        url->substr(0, slash).find('.') != std::string_view::npos &&
        cl::parse_repository(with_scheme)) {
      err("relkit: --repo-url: '" + std::string(*url) + "' lacks the scheme; write " + with_scheme +
          "\n");
      return exit_usage;
    }
    return input_error("--repo-url", repo.error());
  }
  if (args.flag("--all")) return changelog_all(args, *style, *repo);
  if (args.flag("--no-unreleased")) {
    return usage_error("--no-unreleased is for the whole file (--all)", "changelog");
  }
  const auto date = args.option("--date").value_or(std::string_view());
  if (!date.empty()) {
    if (const std::string problem = date_problem(date); !problem.empty()) {
      return usage_error("--date: " + problem, "changelog");
    }
  }
  if (workspace) return changelog_workspace(args, *style, *repo, date);
  int status = exit_ok;
  std::string log_text;
  // git-cliff walks the commits in topological order (topo_order_commits) and lists them
  // oldest first: the same order from git.
  const bool topo_order = style->kind == cl::layout::git_cliff;
  const auto r = decide_release(args, "changelog", log_text, status, topo_order);
  if (!r) return status;
  if (!r->due()) {
    const std::string& reason = r->decision.reason;
    err("relkit: no release is due: " +
        (reason.rfind("none: no user-facing", 0) == 0 ? reason.substr(6)
                                                      : std::string("no commit calls for one")) +
        "\n");
    return exit_no;
  }
  cl::release release;
  release.version = sv::to_string(r->decision.next_version);
  release.tag = cm::make_tag(r->format, r->decision.next_version);
  if (r->current) release.previous_tag = r->current_tag;  // none: the first release
  release.date = std::string(date);
  release.entries = entries_of(*r, *style);
  const std::string section = cl::render(release, *style, *repo);

  const auto target = args.option("--prepend");
  if (target) {
    file_update file;
    std::string existing;
    if (!begin_update(std::string(*target), file, existing)) return exit_usage;
    auto updated = cl::prepend(existing, section, release.version);
    if (!updated) return input_error(file.name, updated.error());
    if (!commit_update(file, *updated)) return exit_usage;
  }
  if (args.flag("--json")) {
    out(notes_json(*r, release, style_option, section, cl::group(release, *style)));
  } else if (!target) {
    out(section);
  }
  return exit_ok;
}

}  // namespace relkit::cli
