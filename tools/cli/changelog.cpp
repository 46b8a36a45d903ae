// relkit changelog: the release notes of the commits since the last release, printed or
// prepended to a file.
#include "commands.hpp"
#include "file_update.hpp"
#include "io.hpp"
#include "release.hpp"

#include <relkit/changelog.hpp>
#include <relkit/commits.hpp>
#include <relkit/detail/ascii.hpp>
#include <relkit/detail/civil_time.hpp>
#include <relkit/semver.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace relkit::cli {

namespace {

namespace cl = relkit::changelog;
namespace cm = relkit::commits;
namespace sv = relkit::semver;

constexpr std::string_view changelog_help =
    R"(Usage: relkit changelog --repo-url URL [--repo DIR] [--tag-format FMT]
                        [--from REF] [--to REF] [--current VERSION]
                        [--preset conventional|keepachangelog|angular|git-cliff]
                        [--date YYYY-MM-DD] [--prerelease ID] [--prepend CHANGELOG.md]
       relkit changelog --log FILE|- --current VERSION --repo-url URL ...

Decides the next version exactly as `relkit next-version` does, then renders
the release notes of its commits (conventional-changelog's parser,
conventionalcommits preset):

  --current VERSION   the last released version (required with --log, else taken
                      from the last release tag); the compare base is its tag
  --repo-url URL      https://github.com/owner/name, git@gitlab.com:group/name.git, ...
  --preset P          conventional (default; conventional-changelog's
                      conventionalcommits preset), keepachangelog, angular, git-cliff,
                      or a relkit::changelog::presets name (semantic_release, ...);
                      --style P is the former spelling and still works
  --date YYYY-MM-DD   the release date, a day of the calendar (none shown without it)
  --prerelease ID     as for next-version
  --tag-prefix P      the former spelling of --tag-format 'P${version}'
  --prepend FILE      insert the section into FILE in place (before its first
                      release heading, every other byte unchanged) instead of
                      printing it; refused (exit 2) if FILE already has a
                      section for that version; a missing FILE is created.
                      A symbolic link is written through (the link stays),
                      the file keeps its mode and owner, a read-only file is
                      refused; the new text goes to a temporary file beside
                      the real file, renamed over it once on disk

)";

constexpr std::string_view changelog_help_tail =
    R"(
Exit codes: 0 ok, 1 no release is due (nothing printed or written), 2 usage or
input error.

Examples:
  relkit changelog --repo-url https://github.com/o/r --date 2026-11-23
  git log --format=%H%x1f%P%x1f%B%x1e v1.4.1..HEAD | relkit changelog --log - \
    --current 1.4.1 --repo-url https://github.com/o/r --date 2026-11-23
)";

// The command's short spellings, then relkit::changelog::presets' own names.
std::optional<cl::preset> preset_named(std::string_view name) {
  if (name == "conventional") return cl::presets::conventionalcommits();
  if (name == "keepachangelog" || name == "keep-a-changelog")
    return cl::presets::keep_a_changelog();
  if (name == "git-cliff") return cl::presets::git_cliff();
  return cl::presets::named(name);
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
                  "--tag-prefix", "--prepend", "--repo", "--tag-format", "--from", "--to", "--log"},
                 {});
  if (args.help) {
    out(changelog_help);
    out(git_log_format_help);
    out(changelog_help_tail);
    return exit_ok;
  }
  if (!args.problem.empty()) return usage_error(args.problem, "changelog");
  if (!args.positional.empty()) {
    return usage_error("unexpected argument '" + std::string(args.positional[0]) + "'",
                       "changelog");
  }
  if (args.option("--preset") && args.option("--style")) {
    return usage_error("option --preset given twice (--style is its former spelling)", "changelog");
  }
  const std::optional<std::string_view> preset_option =
      args.option("--preset") ? args.option("--preset") : args.option("--style");
  const auto style = preset_named(preset_option.value_or("conventional"));
  if (!style) {
    return usage_error("unknown preset '" + std::string(*preset_option) + "'", "changelog");
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
  const auto date = args.option("--date").value_or(std::string_view());
  if (!date.empty()) {
    if (const std::string problem = date_problem(date); !problem.empty()) {
      return usage_error("--date: " + problem, "changelog");
    }
  }
  int status = exit_ok;
  std::string log_text;
  const auto r = decide_release(args, "changelog", log_text, status);
  if (!r) return status;
  if (r->decision.level == cm::bump::none) {
    err("relkit: no release is due: no commit calls for one\n");
    return exit_no;
  }
  cl::release release;
  release.version = sv::to_string(r->decision.next_version);
  release.tag = cm::make_tag(r->format, r->decision.next_version);
  if (r->current) release.previous_tag = r->current_tag;  // none: the first release
  release.date = std::string(date);
  cm::parse_options opts;
  opts.grammar = cm::dialect::conventional_changelog;
  for (const cm::log_entry& e : r->entries) {
    if (e.parent_count > 1) continue;  // merge commits: their branch's commits are listed
    auto parsed = cm::parse(e.message, opts);
    if (!parsed) continue;  // an empty message: nothing to list
    release.entries.push_back(cl::from_commit(e.sha, *parsed, e.message));
  }
  const std::string section = cl::render(release, *style, *repo);

  const auto target = args.option("--prepend");
  if (!target) {
    out(section);
    return exit_ok;
  }
  file_update file;
  std::string existing;
  if (!begin_update(std::string(*target), file, existing)) return exit_usage;
  auto updated = cl::prepend(existing, section, release.version);
  if (!updated) return input_error(file.name, updated.error());
  if (!commit_update(file, *updated)) return exit_usage;
  return exit_ok;
}

}  // namespace relkit::cli
