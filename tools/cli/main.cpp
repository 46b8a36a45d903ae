// relkit: release decisions for shell pipelines. Reads arguments, stdin or files, writes
// stdout; errors go to stderr and name the input and the byte (or line) where they were
// found. Exit codes: 0 yes/ok, 1 no (not satisfied, no release due), 2 usage or input error.
#include <relkit/changelog.hpp>
#include <relkit/commits.hpp>
#include <relkit/detail/ascii.hpp>
#include <relkit/detail/civil_time.hpp>
#include <relkit/detail/decimal.hpp>
#include <relkit/flags.hpp>
#include <relkit/gates.hpp>
#include <relkit/migrations.hpp>
#include <relkit/semver.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace cl = relkit::changelog;
namespace cm = relkit::commits;
namespace fl = relkit::flags;
namespace gt = relkit::gates;
namespace mg = relkit::migrations;
namespace sv = relkit::semver;

constexpr int exit_ok = 0;
constexpr int exit_no = 1;
constexpr int exit_usage = 2;

void out(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
}
void err(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
}

int usage_error(std::string_view message, std::string_view help_hint) {
  err("relkit: ");
  err(message);
  err("\nTry 'relkit ");
  if (!help_hint.empty()) {
    err(help_hint);
    err(" ");
  }
  err("--help'.\n");
  return exit_usage;
}

int input_error(std::string_view input, const relkit::error& e) {
  err("relkit: ");
  err(input);
  err(": ");
  err(relkit::to_string(e));
  err("\n");
  return exit_usage;
}

// An error in a file's text: "relkit: FILE:L:C: message [domain.code]", the
// line and column from relkit::locate (the message itself names no position).
int file_error(std::string_view file, std::string_view text, const relkit::error& e) {
  std::string where(file);
  if (e.position != relkit::no_position) {
    const relkit::text_location at = relkit::locate(text, e.position);
    where += ':' + std::to_string(at.line) + ':' + std::to_string(at.column);
  }
  err("relkit: ");
  err(where);
  err(": ");
  err(e.message());
  err(" [");
  err(relkit::to_string(e.code));
  err("]\n");
  return exit_usage;
}

bool read_all(std::FILE* f, std::string& text) {
  char buffer[65536];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, f);
    text.append(buffer, n);
    if (n < sizeof buffer) return std::ferror(f) == 0;
  }
}

bool is_help(std::string_view a) {
  return a == "--help" || a == "-h";
}

// Options `--name value` / `--name=value` and flags; the rest are positional.
struct parsed_args {
  std::vector<std::string_view> positional;
  std::vector<std::pair<std::string_view, std::string_view>> options;
  std::vector<std::string_view> flags;
  bool help = false;
  std::string problem;

  std::optional<std::string_view> option(std::string_view name) const {
    std::optional<std::string_view> value;
    for (const auto& o : options)
      if (o.first == name) value = o.second;
    return value;
  }
  bool flag(std::string_view name) const {
    for (auto f : flags)
      if (f == name) return true;
    return false;
  }
};

parsed_args parse_args(int argc, char** argv, int first,
                       std::initializer_list<std::string_view> value_options,
                       std::initializer_list<std::string_view> flag_options) {
  parsed_args r;
  bool only_positional = false;
  for (int i = first; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (only_positional || a.size() < 2 || a[0] != '-' || relkit::detail::is_digit(a[1])) {
      r.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    if (is_help(a)) {
      r.help = true;
      continue;
    }
    const std::size_t eq = a.find('=');
    const std::string_view name = a.substr(0, eq);
    bool known = false;
    for (auto v : value_options) {
      if (v != name) continue;
      known = true;
      if (eq != std::string_view::npos) {
        r.options.emplace_back(name, a.substr(eq + 1));
      } else if (i + 1 < argc) {
        r.options.emplace_back(name, argv[++i]);
      } else if (r.problem.empty()) {
        r.problem = "option " + std::string(name) + " needs a value";
      }
    }
    for (auto f : flag_options) {
      if (f == a) {
        known = true;
        r.flags.push_back(a);
      }
    }
    if (!known && r.problem.empty()) r.problem = "unknown option " + std::string(a);
  }
  return r;
}

// ---------------------------------------------------------------- help texts

constexpr std::string_view main_help =
    R"(Usage: relkit COMMAND [ARGS...]

Release decisions for shell pipelines (relkit, a header-only C++17 library).

Commands:
  semver compare A B          print -1, 0 or 1
  semver satisfies V RANGE    exit 0 if V is in the npm RANGE, 1 if not
  semver bump V TYPE          print the next version (TYPE: major, minor, patch,
                              premajor, preminor, prepatch, prerelease, release)
  semver sort                 sort the versions on stdin, one a line
  next-version --current V    print the next version from the commits on stdin
  changelog --current V ...   print (or prepend) the release notes of those commits
  bucket --system S ...       print the bucket a flag system puts a user in
  gate SPEC --evidence FILE   print the gate's verdict; exit 0 if it promotes
  migrate plan CHANGE ...     print the expand-contract runbook of a schema change

Every command takes --help. Exit codes: 0 yes/ok, 1 no (not satisfied, no
release due), 2 usage or input error (the message on stderr names the input
and the position).
)";

constexpr std::string_view semver_help =
    R"(Usage: relkit semver compare A B
       relkit semver satisfies V RANGE
       relkit semver bump V TYPE [--preid ID]
       relkit semver sort [--reverse]

Versions and ranges are read as node-semver reads them (npm mode: a leading
'v' or '=' is accepted, numbers up to 2^53-1).

  compare A B        prints -1 if A < B, 0 if equal (build metadata ignored), 1 if A > B
  satisfies V RANGE  exit 0 if V satisfies the range (e.g. '^1.2.0 || >=2.0.0 <3'),
                     1 if not; prints nothing
  bump V TYPE        TYPE is major, minor, patch, premajor, preminor, prepatch,
                     prerelease or release; --preid rc names the prerelease
                     (1.4.1 preminor --preid rc -> 1.5.0-rc.0), as `semver -i`
  sort               reads versions from stdin, one a line (blank lines skipped),
                     prints them ascending (--reverse: descending), as `semver`
                     prints them; an invalid line is an error naming the line

Exit codes: 0 ok/yes, 1 no (satisfies only), 2 usage or invalid input.
)";

constexpr std::string_view git_log_format_help =
    R"(Commits are read from stdin in the output format of

  git log --format=%H%x1f%P%x1f%B%x1e LAST_TAG..HEAD

newest first: one record per commit, ended by the byte 0x1e (git adds a newline
after it); fields separated by 0x1f: the full sha, the parent shas separated by
spaces, the raw message (%B). Merge commits (two parents) are read too.
)";

constexpr std::string_view next_version_help =
    R"(Usage: relkit next-version --current VERSION [--prerelease ID] [--explain]

Prints the next version after VERSION from the Conventional Commits since the
release VERSION, with the rules of semantic-release's commit-analyzer
(conventionalcommits preset): a breaking change -> major, feat -> minor,
fix/perf/revert -> patch; reverted commits cancel out.

  --current VERSION   the last released version (e.g. 1.4.1, or 1.5.0-rc.1)
  --prerelease ID     release on a prerelease channel: 1.4.1 + feat -> 1.5.0-rc.1,
                      then 1.5.0-rc.2 (with --current 1.5.0-rc.1)
  --explain           print a second line: the commit and rule that decided

)";

constexpr std::string_view next_version_help_tail =
    R"(
Exit codes: 0 a release is due (the version is printed), 1 no release is due
(the current version is printed), 2 usage or input error.

Example:
  git log --format=%H%x1f%P%x1f%B%x1e v1.4.1..HEAD | relkit next-version --current 1.4.1
)";

constexpr std::string_view changelog_help =
    R"(Usage: relkit changelog --current VERSION --repo-url URL
                        [--preset conventional|keepachangelog|angular|git-cliff]
                        [--date YYYY-MM-DD] [--prerelease ID] [--tag-prefix v]
                        [--prepend CHANGELOG.md]

Decides the next version exactly as `relkit next-version` does, then renders
the release notes of the commits on stdin (conventional-changelog's parser,
conventionalcommits preset):

  --current VERSION   the last released version; its tag is the compare base
  --repo-url URL      https://github.com/owner/name, git@gitlab.com:group/name.git, ...
  --preset P          conventional (default; conventional-changelog's
                      conventionalcommits preset), keepachangelog, angular, git-cliff,
                      or a relkit::changelog::presets name (semantic_release, ...);
                      --style P is the former spelling and still works
  --date YYYY-MM-DD   the release date (none shown without it)
  --prerelease ID     as for next-version
  --tag-prefix P      tags are P + version (default "v")
  --prepend FILE      insert the section into FILE in place (before its first
                      release heading, every other byte unchanged) instead of
                      printing it; refused (exit 2) if FILE already has a
                      section for that version; a missing FILE is created

)";

constexpr std::string_view changelog_help_tail =
    R"(
Exit codes: 0 ok, 1 no release is due (nothing printed or written), 2 usage or
input error.

Example:
  git log --format=%H%x1f%P%x1f%B%x1e v1.4.1..HEAD |
    relkit changelog --current 1.4.1 --repo-url https://github.com/o/r --date 2026-11-23
)";

constexpr std::string_view bucket_help =
    R"(Usage: relkit bucket --system unleash     --flag GROUP_ID --id USER [--variants TOTAL] [--node]
       relkit bucket --system growthbook  --flag SEED --id VALUE [--hash-version 1|2]
       relkit bucket --system launchdarkly --flag KEY (--salt SALT | --seed N) --id VALUE
       relkit bucket --system flagd        --flag KEY --id TARGETING_KEY [--total WEIGHT]

Prints the bucket the flag system puts the user in, bit for bit as its SDKs do:

  unleash       1..100: murmur3("GROUP_ID:USER") % 100 + 1 (a gradual rollout of
                P% includes buckets 1..P); with --variants TOTAL the variant
                target 1..TOTAL (seed 86028157); --node hashes as the Node SDK
                (low byte of each UTF-16 unit; equal to the others on ASCII)
  growthbook    the hash in [0, 1) as JavaScript prints it: v1 (default)
                fnv1a(VALUE + SEED) % 1000 / 1000, v2 % 10000 / 10000
  launchdarkly  the bucket in rollout weight units, 0..100000: sha1 of
                "KEY.SALT.VALUE" (or "SEED.VALUE"), first 15 hex digits, scaled
  flagd         fractional (v2): (murmur3(KEY + TARGETING_KEY) * TOTAL) >> 32,
                in 0..TOTAL-1 (TOTAL: the sum of the weights, default 100)

Exit codes: 0 ok, 2 usage error.
)";

constexpr std::string_view gate_help =
    R"(Usage: relkit gate SPEC_FILE --evidence FILE [--markdown]

Evaluates the gate of SPEC_FILE (relkit's gate spec, README "gates") on the
evidence of FILE and prints the verdict, one line per condition (--markdown: a
nested Markdown list for a merge-request comment). The gate fails closed:
evidence that is absent fails.

Evidence file: one fact a line, '#' starts a comment, times are RFC 3339
(YYYY-MM-DDTHH:MM:SSZ, a fraction and a +HH:MM offset allowed), numbers are decimal:

  now 2026-11-23T12:00:00Z                 the evaluation time (no clock is read)
  author ann                               who made the change
  approval_requested 2026-11-23T11:00:00Z  start of an approval timeout
  metric coverage 84.2                     metric NAME VALUE [baseline B] [samples X,Y,...]
  metric p95 212 baseline 205
  count critical_cves 0                    count NAME N (a non-negative integer)
  approval bob 2026-11-23T11:55:00Z        approval WHO TIME [approve|reject]
  stage smoke passed 2026-11-23T11:50:00Z  stage NAME passed|failed|running|skipped|canceled TIME

Exit codes: 0 the gate promotes (PASS or WARN), 1 it does not (FAIL or
PENDING), 2 usage error or an invalid spec or evidence file (the message names
the file and the line, or the spec's byte).
)";

constexpr std::string_view migrate_help =
    R"(Usage: relkit migrate plan CHANGE ARGS... [OPTIONS]

Prints the expand-contract runbook (Markdown: app versions, phases with their
SQL for PostgreSQL 11+, rollback of each phase, the point of no return) of one
schema change. Types and SQL expressions are passed through as given; quote them.

Changes:
  add-column TABLE COLUMN TYPE [--not-null] [--default SQL] [--volatile-default]
                               [--backfill SQL]
  rename-column TABLE FROM TO TYPE [--not-null]
  change-type TABLE COLUMN NEW_COLUMN OLD_TYPE NEW_TYPE UP_SQL DOWN_SQL
                               [--down-loses TEXT] [--not-null]
  set-not-null TABLE COLUMN [--backfill SQL]
  drop-not-null TABLE COLUMN [--rollback-fill SQL]
  drop-column TABLE COLUMN TYPE [--not-null] [--has-default] [--down SQL]
  rename-table FROM TO
  split-column TABLE COLUMN TYPE NEW_TABLE NEW_KEY [--not-null]
  add-index TABLE COL[,COL...] [--name NAME] [--unique]
  add-foreign-key TABLE COL[,COL...] REF_TABLE REF_COL[,REF_COL...] [--name NAME]
  add-check TABLE NAME EXPRESSION
  add-unique TABLE COL[,COL...] [--name NAME]

Options:
  --postgres N               target PostgreSQL major version (default 15, 11 or later)
  --lock-timeout T           lock_timeout of the DDL (default 5s)
  --batch-size N             rows per backfill batch (default 1000)
  --key COLUMN               the unique NOT NULL key backfills walk (default id)
  --acknowledge-lossy-down   accept a change-type whose rollback loses data

Exit codes: 0 ok, 2 usage error or a change that cannot be planned safely.

Example:
  relkit migrate plan rename-column users name full_name text > runbook.md
)";

// ---------------------------------------------------------------- semver

std::optional<sv::version> parse_version_arg(std::string_view text, std::string_view what,
                                             int& status) {
  auto v = sv::parse(text, sv::npm_options);
  if (!v) {
    status = input_error(what, v.error());
    return std::nullopt;
  }
  return std::move(*v);
}

int semver_command(int argc, char** argv) {
  if (argc < 3 || is_help(argv[2])) {
    out(semver_help);
    return argc < 3 ? exit_usage : exit_ok;
  }
  const std::string_view sub = argv[2];
  const parsed_args args = parse_args(argc, argv, 3, {"--preid"}, {"--reverse"});
  if (args.help) {
    out(semver_help);
    return exit_ok;
  }
  if (!args.problem.empty()) return usage_error(args.problem, "semver");
  const auto& pos = args.positional;
  int status = exit_ok;
  if (sub == "compare") {
    if (pos.size() != 2) return usage_error("semver compare takes two versions", "semver");
    auto a = parse_version_arg(pos[0], "first version", status);
    if (!a) return status;
    auto b = parse_version_arg(pos[1], "second version", status);
    if (!b) return status;
    const int c = sv::compare(*a, *b);
    out(c < 0 ? "-1\n" : c > 0 ? "1\n" : "0\n");
    return exit_ok;
  }
  if (sub == "satisfies") {
    if (pos.size() != 2) {
      return usage_error("semver satisfies takes a version and a range", "semver");
    }
    auto v = parse_version_arg(pos[0], "version", status);
    if (!v) return status;
    auto r = sv::parse_range(pos[1]);
    if (!r) return input_error("range", r.error());
    return sv::satisfies(*v, *r) ? exit_ok : exit_no;
  }
  if (sub == "bump") {
    if (pos.size() != 2) return usage_error("semver bump takes a version and a type", "semver");
    auto v = parse_version_arg(pos[0], "version", status);
    if (!v) return status;
    const auto type = sv::parse_release_type(pos[1]);
    if (!type || *type == sv::release_type::pre) {
      return usage_error("unknown bump type '" + std::string(pos[1]) + "'", "semver");
    }
    sv::bump_options opts;
    if (auto id = args.option("--preid")) opts.identifier = *id;
    auto next = sv::bump(*v, *type, opts);
    if (!next) return input_error("bump", next.error());
    out(sv::to_string(*next) + "\n");
    return exit_ok;
  }
  if (sub == "sort") {
    if (!pos.empty()) return usage_error("semver sort reads stdin and takes no versions", "semver");
    std::string text;
    if (!read_all(stdin, text)) return usage_error("cannot read stdin", "semver");
    std::vector<sv::version> versions;
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      ++line_number;
      std::string_view line(text.data() + start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
      if (!line.empty()) {
        auto v = sv::parse(line, sv::npm_options);
        if (!v) return input_error("stdin line " + std::to_string(line_number), v.error());
        versions.push_back(std::move(*v));
      }
      start = end + 1;
    }
    if (args.flag("--reverse")) {
      sv::rsort(versions);
    } else {
      sv::sort(versions);
    }
    std::string output;
    for (const auto& v : versions) output += sv::to_string(v) + "\n";
    out(output);
    return exit_ok;
  }
  return usage_error("unknown semver command '" + std::string(sub) + "'", "semver");
}

// ---------------------------------------------------------------- commits

// The next version for the git log in `log_text` (read from stdin by the caller, who keeps it
// alive: entries and decision view into it); exit status in `status` when nothing.
struct release_decision {
  std::vector<cm::log_entry> entries;
  sv::version current;
  cm::decision decision;
};

std::optional<release_decision> decide_release(const parsed_args& args, std::string_view command,
                                               std::string& log_text, int& status) {
  const auto current_text = args.option("--current");
  if (!current_text) {
    status = usage_error("--current VERSION is required", command);
    return std::nullopt;
  }
  auto current = sv::parse(*current_text, sv::npm_options);
  if (!current) {
    status = input_error("--current", current.error());
    return std::nullopt;
  }
  release_decision r;
  r.current = std::move(*current);
  if (!read_all(stdin, log_text)) {
    status = usage_error("cannot read stdin", command);
    return std::nullopt;
  }
  auto entries = cm::read_git_log(log_text);
  if (!entries) {
    status = input_error("stdin (git log)", entries.error());
    return std::nullopt;
  }
  r.entries = std::move(*entries);
  auto decision = cm::next_version(r.current, r.entries, cm::presets::semantic_release(),
                                   args.option("--prerelease").value_or(std::string_view()));
  if (!decision) {
    status = input_error("next version", decision.error());
    return std::nullopt;
  }
  r.decision = std::move(*decision);
  return r;
}

int next_version_command(int argc, char** argv) {
  const parsed_args args = parse_args(argc, argv, 2, {"--current", "--prerelease"}, {"--explain"});
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
  std::string output = sv::to_string(r->decision.next_version) + "\n";
  if (args.flag("--explain")) {
    output += due ? r->decision.reason : std::string("no release: no commit calls for one");
    output += "\n";
  }
  out(output);
  return due ? exit_ok : exit_no;
}

// ---------------------------------------------------------------- changelog

// The command's short spellings, then relkit::changelog::presets' own names.
std::optional<cl::preset> preset_named(std::string_view name) {
  if (name == "conventional") return cl::presets::conventionalcommits();
  if (name == "keepachangelog" || name == "keep-a-changelog")
    return cl::presets::keep_a_changelog();
  if (name == "git-cliff") return cl::presets::git_cliff();
  return cl::presets::named(name);
}

int changelog_command(int argc, char** argv) {
  const parsed_args args = parse_args(argc, argv, 2,
                                      {"--current", "--repo-url", "--preset", "--style", "--date",
                                       "--prerelease", "--tag-prefix", "--prepend"},
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
  const std::optional<std::string_view> preset_option =
      args.option("--preset") ? args.option("--preset") : args.option("--style");
  const auto style = preset_named(preset_option.value_or("conventional"));
  if (!style) {
    return usage_error("unknown preset '" + std::string(*preset_option) + "'", "changelog");
  }
  const auto url = args.option("--repo-url");
  if (!url) return usage_error("--repo-url URL is required", "changelog");
  auto repo = cl::parse_repository(*url);
  if (!repo) return input_error("--repo-url", repo.error());
  const auto date = args.option("--date").value_or(std::string_view());
  if (!date.empty()) {
    bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-';
    for (std::size_t i = 0; i < date.size() && shaped; ++i) {
      if (i != 4 && i != 7 && (date[i] < '0' || date[i] > '9')) shaped = false;
    }
    if (!shaped) return usage_error("--date must be YYYY-MM-DD", "changelog");
  }
  const std::string tag_prefix(args.option("--tag-prefix").value_or("v"));

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
  release.tag = tag_prefix + release.version;
  release.previous_tag = tag_prefix + sv::to_string(r->current);
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
  const std::string path(*target);
  std::string existing;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    const bool ok = read_all(f, existing);
    std::fclose(f);
    if (!ok) return usage_error("cannot read " + path, "changelog");
  }
  auto updated = cl::prepend(existing, section, release.version);
  if (!updated) return input_error(path, updated.error());
  const std::string temporary = path + ".relkit-tmp";
  std::FILE* f = std::fopen(temporary.c_str(), "wb");
  if (f == nullptr) return usage_error("cannot write " + temporary, "changelog");
  const bool written = std::fwrite(updated->data(), 1, updated->size(), f) == updated->size();
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed || std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return usage_error("cannot write " + path, "changelog");
  }
  return exit_ok;
}

// ---------------------------------------------------------------- bucket

std::optional<std::uint32_t> parse_count(std::string_view text) {
  if (text.size() > 9) return std::nullopt;
  const auto n = relkit::detail::parse_uint(text);
  if (!n) return std::nullopt;
  return static_cast<std::uint32_t>(*n);
}

// k / scale (scale a power of ten) the way JavaScript's String() writes it: 0.613, 0.5, 0.
std::string decimal_fraction(std::uint32_t k, std::uint32_t scale) {
  if (k == 0) return "0";
  std::string digits;
  for (std::uint32_t unit = scale / 10U; unit > 0; unit /= 10U) {
    digits += static_cast<char>('0' + k / unit % 10U);
  }
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  return "0." + digits;
}

int bucket_command(int argc, char** argv) {
  const parsed_args args = parse_args(
      argc, argv, 2,
      {"--system", "--flag", "--id", "--variants", "--hash-version", "--salt", "--seed", "--total"},
      {"--node"});
  if (args.help) {
    out(bucket_help);
    return exit_ok;
  }
  if (!args.problem.empty()) return usage_error(args.problem, "bucket");
  if (!args.positional.empty()) {
    return usage_error("unexpected argument '" + std::string(args.positional[0]) + "'", "bucket");
  }
  const auto system = args.option("--system");
  const auto flag = args.option("--flag");
  const auto id = args.option("--id");
  if (!system || !flag || !id)
    return usage_error("--system, --flag and --id are required", "bucket");
  auto count_option = [&args](std::string_view name, std::uint32_t fallback,
                              std::optional<std::uint32_t>& value) {
    const auto text = args.option(name);
    value = text ? parse_count(*text) : std::optional<std::uint32_t>(fallback);
    return value.has_value() && *value > 0;
  };
  std::optional<std::uint32_t> number;
  if (*system == "unleash") {
    const auto encoding =
        args.flag("--node") ? fl::unleash_encoding::node_low_bytes : fl::unleash_encoding::utf8;
    if (args.option("--variants")) {
      if (!count_option("--variants", 0, number)) {
        return usage_error("--variants must be a positive integer", "bucket");
      }
      out(std::to_string(fl::unleash_variant_bucket(*flag, *id, *number, encoding)) + "\n");
    } else {
      out(std::to_string(fl::unleash_bucket(*flag, *id, encoding)) + "\n");
    }
    return exit_ok;
  }
  if (*system == "growthbook") {
    const auto version = args.option("--hash-version").value_or("1");
    const auto units = fl::growthbook_hash_units(*flag, *id,
                                                 version == "2"   ? 2
                                                 : version == "1" ? 1
                                                                  : 0);
    if (!units) return usage_error("--hash-version must be 1 or 2", "bucket");
    out(decimal_fraction(*units, version == "2" ? 10000U : 1000U) + "\n");
    return exit_ok;
  }
  if (*system == "launchdarkly") {
    const auto salt = args.option("--salt");
    const auto seed = args.option("--seed");
    if (salt.has_value() == seed.has_value()) {
      return usage_error("launchdarkly needs --salt SALT or --seed N", "bucket");
    }
    std::uint64_t hash = 0;
    if (salt) {
      hash = fl::launchdarkly_hash(*flag, *salt, *id);
    } else {
      std::string_view digits = *seed;
      const bool negative = !digits.empty() && digits.front() == '-';
      if (negative) digits.remove_prefix(1);
      const auto magnitude = digits.size() > 18 ? std::nullopt : relkit::detail::parse_uint(digits);
      if (!magnitude) return usage_error("--seed must be an integer", "bucket");
      const auto value = static_cast<std::int64_t>(*magnitude);  // < 10^18
      hash = fl::launchdarkly_hash_seeded(negative ? -value : value, *id);
    }
    out(std::to_string(fl::launchdarkly_bucket100k(hash)) + "\n");
    return exit_ok;
  }
  if (*system == "flagd") {
    if (!count_option("--total", 100, number)) {
      return usage_error("--total must be a positive integer", "bucket");
    }
    out(std::to_string(fl::flagd_bucket_v2(fl::flagd_hash(*flag, *id), *number)) + "\n");
    return exit_ok;
  }
  return usage_error(
      "unknown system '" + std::string(*system) + "' (unleash, growthbook, launchdarkly, flagd)",
      "bucket");
}

// ---------------------------------------------------------------- gate

// An RFC 3339 instant ("2026-11-23T12:00:00Z", "...T13:00:00.5+01:00") by
// relkit's one calendar (relkit/detail/civil_time.hpp): 2026-02-31 is refused.
std::optional<gt::time_point> parse_utc(std::string_view t) {
  const auto ms = relkit::detail::parse_timestamp_ms(t);
  if (!ms) return std::nullopt;
  return gt::time_point(std::chrono::milliseconds(*ms));
}

// Why `t` is not a time, naming it.
std::string time_problem(std::string_view t) {
  if (relkit::detail::parse_timestamp(t).status == relkit::detail::timestamp_status::bad_date) {
    return "'" + std::string(t) + "' is not a date in the calendar";
  }
  return "expected a time YYYY-MM-DDTHH:MM:SSZ, got '" + std::string(t) + "'";
}

// A finite decimal number ("0.5", "-2", "1e3", ".5"), correctly rounded and the
// same in every locale; no spaces, hexadecimal, "nan" or "inf".
std::optional<double> parse_decimal(std::string_view text) {
  const auto parsed = relkit::detail::parse_decimal(text, 0, relkit::detail::decimal_grammar::js);
  if (parsed.status != relkit::detail::number_status::ok || parsed.end != text.size() ||
      !std::isfinite(parsed.value)) {
    return std::nullopt;
  }
  return parsed.value;
}

std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) words.push_back(line.substr(i, j - i));
    i = j;
  }
  return words;
}

// Reads the evidence file; on an error, the message names the line.
std::optional<gt::evidence> parse_evidence(std::string_view text, std::string& problem) {
  gt::evidence e;
  std::size_t start = 0;
  std::size_t line_number = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line_number;
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto w = words_of(line);
    if (w.empty()) continue;
    auto fail = [&](const std::string& what) {
      problem = "line " + std::to_string(line_number) + ": " + what;
      return std::nullopt;
    };
    const std::string_view key = w[0];
    if (key == "now" || key == "approval_requested") {
      if (w.size() != 2) return fail(std::string(key) + " takes one time");
      auto t = parse_utc(w[1]);
      if (!t) return fail(time_problem(w[1]));
      (key == "now" ? e.now : e.approval_requested_at) = *t;
    } else if (key == "author") {
      if (w.size() != 2) return fail("author takes one name");
      e.author = std::string(w[1]);
    } else if (key == "metric") {
      if (w.size() < 3) return fail("expected metric NAME VALUE");
      gt::metric m;
      m.name = std::string(w[1]);
      auto v = parse_decimal(w[2]);
      if (!v) return fail("expected a number, got '" + std::string(w[2]) + "'");
      m.value = *v;
      for (std::size_t i = 3; i < w.size(); i += 2) {
        if (i + 1 >= w.size()) return fail("'" + std::string(w[i]) + "' needs a value");
        if (w[i] == "baseline") {
          auto b = parse_decimal(w[i + 1]);
          if (!b) return fail("expected a number, got '" + std::string(w[i + 1]) + "'");
          m.baseline = *b;
        } else if (w[i] == "samples") {
          std::string_view list = w[i + 1];
          while (!list.empty()) {
            const std::size_t comma = list.find(',');
            auto x = parse_decimal(list.substr(0, comma));
            if (!x) return fail("expected numbers separated by commas after samples");
            m.baseline_samples.push_back(*x);
            list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
          }
        } else {
          return fail("unknown metric field '" + std::string(w[i]) + "' (baseline, samples)");
        }
      }
      e.metrics.push_back(std::move(m));
    } else if (key == "count") {
      if (w.size() != 3) return fail("expected count NAME N");
      const auto n = w[2].size() <= 18 ? relkit::detail::parse_uint(w[2]) : std::nullopt;
      if (!n) return fail("expected a non-negative integer, got '" + std::string(w[2]) + "'");
      e.counts.push_back({std::string(w[1]), *n});
    } else if (key == "approval") {
      if (w.size() != 3 && w.size() != 4)
        return fail("expected approval WHO TIME [approve|reject]");
      auto t = parse_utc(w[2]);
      if (!t) return fail(time_problem(w[2]));
      gt::decision choice = gt::decision::approve;
      if (w.size() == 4) {
        if (w[3] == "reject") {
          choice = gt::decision::reject;
        } else if (w[3] != "approve") {
          return fail("expected approve or reject, got '" + std::string(w[3]) + "'");
        }
      }
      e.approvals.push_back({std::string(w[1]), *t, choice});
    } else if (key == "stage") {
      if (w.size() != 4) return fail("expected stage NAME STATUS TIME");
      static constexpr std::pair<std::string_view, gt::stage_status> statuses[] = {
          {"passed", gt::stage_status::passed},
          {"failed", gt::stage_status::failed},
          {"running", gt::stage_status::running},
          {"skipped", gt::stage_status::skipped},
          {"canceled", gt::stage_status::canceled}};
      std::optional<gt::stage_status> status;
      for (const auto& s : statuses)
        if (s.first == w[2]) status = s.second;
      if (!status) {
        return fail("expected passed, failed, running, skipped or canceled, got '" +
                    std::string(w[2]) + "'");
      }
      auto t = parse_utc(w[3]);
      if (!t) return fail(time_problem(w[3]));
      e.stages.push_back({std::string(w[1]), *status, *t});
    } else {
      return fail("unknown fact '" + std::string(key) +
                  "' (now, author, approval_requested, metric, count, approval, stage)");
    }
  }
  return e;
}

bool read_file(const std::string& path, std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  const bool ok = read_all(f, text);
  std::fclose(f);
  return ok;
}

int gate_command(int argc, char** argv) {
  const parsed_args args = parse_args(argc, argv, 2, {"--evidence"}, {"--markdown"});
  if (args.help) {
    out(gate_help);
    return exit_ok;
  }
  if (!args.problem.empty()) return usage_error(args.problem, "gate");
  if (args.positional.size() != 1) return usage_error("gate takes one SPEC_FILE", "gate");
  const auto evidence_path = args.option("--evidence");
  if (!evidence_path) return usage_error("--evidence FILE is required", "gate");
  const std::string spec_path(args.positional[0]);
  std::string spec_text;
  if (!read_file(spec_path, spec_text)) return usage_error("cannot read " + spec_path, "gate");
  auto gate = gt::parse(spec_text);
  if (!gate) return file_error(spec_path, spec_text, gate.error());
  const std::string path(*evidence_path);
  std::string evidence_text;
  if (!read_file(path, evidence_text)) return usage_error("cannot read " + path, "gate");
  std::string problem;
  const auto evidence = parse_evidence(evidence_text, problem);
  if (!evidence) {
    err("relkit: " + path + " " + problem + "\n");
    return exit_usage;
  }
  const gt::verdict v = gt::evaluate(*gate, *evidence);
  out(args.flag("--markdown") ? gt::render(v, {gt::render_format::markdown}) : gt::render(v));
  return gt::promotes(v.result) ? exit_ok : exit_no;
}

// ---------------------------------------------------------------- migrate

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> items;
  for (;;) {
    const std::size_t comma = text.find(',');
    items.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) return items;
    text.remove_prefix(comma + 1);
  }
}

int migrate_command(int argc, char** argv) {
  const parsed_args args =
      parse_args(argc, argv, 2,
                 {"--default", "--backfill", "--down-loses", "--rollback-fill", "--down", "--name",
                  "--postgres", "--lock-timeout", "--batch-size", "--key"},
                 {"--not-null", "--volatile-default", "--has-default", "--unique",
                  "--acknowledge-lossy-down"});
  if (args.help || args.positional.empty()) {
    out(migrate_help);
    return args.help ? exit_ok : exit_usage;
  }
  if (!args.problem.empty()) return usage_error(args.problem, "migrate");
  const auto& pos = args.positional;
  if (pos[0] != "plan") {
    return usage_error("unknown migrate command '" + std::string(pos[0]) + "'", "migrate");
  }
  if (pos.size() < 2) return usage_error("migrate plan needs a CHANGE", "migrate");
  const std::string_view kind = pos[1];
  auto arg = [&pos](std::size_t i) { return std::string(pos[i + 2]); };
  auto opt = [&args](std::string_view name) -> std::optional<std::string> {
    if (auto v = args.option(name)) return std::string(*v);
    return std::nullopt;
  };
  const bool not_null = args.flag("--not-null");
  struct shape {
    std::string_view name;
    std::size_t arity;
  };
  static constexpr shape shapes[] = {
      {"add-column", 3},    {"rename-column", 4},   {"change-type", 7},  {"set-not-null", 2},
      {"drop-not-null", 2}, {"drop-column", 3},     {"rename-table", 2}, {"split-column", 5},
      {"add-index", 2},     {"add-foreign-key", 4}, {"add-check", 3},    {"add-unique", 2}};
  const shape* found = nullptr;
  for (const shape& sh : shapes)
    if (sh.name == kind) found = &sh;
  if (found == nullptr) return usage_error("unknown change '" + std::string(kind) + "'", "migrate");
  if (pos.size() - 2 != found->arity) {
    return usage_error(std::string(kind) + " takes " + std::to_string(found->arity) + " arguments",
                       "migrate");
  }
  mg::change change;
  if (kind == "add-column") {
    mg::add_column c{arg(0),           arg(1),           arg(2),
                     not_null,         opt("--default"), args.flag("--volatile-default"),
                     opt("--backfill")};
    change = c;
  } else if (kind == "rename-column") {
    change = mg::rename_column{arg(0), arg(1), arg(2), arg(3), not_null};
  } else if (kind == "change-type") {
    change = mg::change_column_type{
        arg(0), arg(1), arg(2), arg(3), arg(4), arg(5), arg(6), opt("--down-loses"), not_null};
  } else if (kind == "set-not-null") {
    change = mg::set_not_null{arg(0), arg(1), opt("--backfill")};
  } else if (kind == "drop-not-null") {
    change = mg::drop_not_null{arg(0), arg(1), opt("--rollback-fill")};
  } else if (kind == "drop-column") {
    change = mg::drop_column{arg(0),       arg(1), arg(2), not_null, args.flag("--has-default"),
                             opt("--down")};
  } else if (kind == "rename-table") {
    change = mg::rename_table{arg(0), arg(1)};
  } else if (kind == "split-column") {
    change = mg::split_column{arg(0), arg(1), arg(2), arg(3), arg(4), not_null};
  } else if (kind == "add-index") {
    change = mg::add_index{arg(0), split_commas(pos[3]), opt("--name").value_or(""),
                           args.flag("--unique")};
  } else if (kind == "add-foreign-key") {
    change = mg::add_foreign_key{arg(0), split_commas(pos[3]), arg(2), split_commas(pos[5]),
                                 opt("--name").value_or("")};
  } else if (kind == "add-check") {
    change = mg::add_check{arg(0), arg(1), arg(2)};
  } else {
    change = mg::add_unique{arg(0), split_commas(pos[3]), opt("--name").value_or("")};
  }
  mg::plan_options options;
  if (auto v = args.option("--postgres")) {
    auto n = parse_count(*v);
    if (!n) return usage_error("--postgres must be a version number", "migrate");
    options.postgres_major = static_cast<int>(*n);
  }
  if (auto v = args.option("--batch-size")) {
    auto n = parse_count(*v);
    if (!n) return usage_error("--batch-size must be a positive integer", "migrate");
    options.batch_size = *n;
  }
  if (auto v = opt("--lock-timeout")) options.lock_timeout = *v;
  if (auto v = opt("--key")) options.key_column = *v;
  options.acknowledge_lossy_down = args.flag("--acknowledge-lossy-down");
  auto plan = mg::make_plan(change, options);
  if (!plan) return input_error(std::string(kind), plan.error());
  out(mg::render(*plan));
  return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    err(main_help);
    return exit_usage;
  }
  const std::string_view command = argv[1];
  if (is_help(command) || command == "help") {
    out(main_help);
    return exit_ok;
  }
  if (command == "semver") return semver_command(argc, argv);
  if (command == "next-version") return next_version_command(argc, argv);
  if (command == "changelog") return changelog_command(argc, argv);
  if (command == "bucket") return bucket_command(argc, argv);
  if (command == "gate") return gate_command(argc, argv);
  if (command == "migrate") return migrate_command(argc, argv);
  return usage_error("unknown command '" + std::string(command) + "'", "");
}
