// relkit lint: commitlint's @commitlint/config-conventional (relkit::commits::lint) on a
// message from stdin, on a commit-msg hook's file (--edit) or on each commit of a range
// (--from/--to), with the output and the exit codes of @commitlint/cli 21.2.4.
#include "commands.hpp"
#include "git.hpp"
#include "io.hpp"
#include "json.hpp"

#include <relkit/commits.hpp>
#include <relkit/detail/js_text.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relkit::cli {

namespace {

namespace cm = relkit::commits;

constexpr std::string_view commit_lint_help =
    R"(Usage: relkit lint [OPTIONS]                  the message on stdin
       relkit lint --edit [FILE] [OPTIONS]    a commit-msg hook's file
       relkit lint --from REF [--to REF] [OPTIONS]
       relkit lint --last [OPTIONS]

Checks commit messages against commitlint's @commitlint/config-conventional
21.2.4 (type-enum, type-case, subject-case, subject-full-stop, header-max-length,
body-leading-blank, ...) and prints what @commitlint/cli 21.2.4 prints, in the
same shape. Messages commitlint ignores (merges, reverts, fixup!, a bare version)
pass. The rules are always config-conventional's: a commitlint.config.* file
is not read.

Input (one of):
  (stdin)            one message
  --edit [FILE], -e  the file a commit-msg hook receives (git passes it as $1);
                     without FILE: .git/COMMIT_EDITMSG of the repository around
                     the current directory. Comment lines (starting with '#',
                     or git's core.commentChar) and everything from git's
                     scissors line ('# ------------------------ >8 ----...')
                     on are left out, as git leaves them out of the commit.
                     A relative FILE is read from the current directory (from
                     DIR with --repo); one that starts with '-' is --edit=-x.
  --from REF, -f     each commit of REF..TO (TO: --to, default HEAD), newest
  --to REF, -t       first; --to alone: every commit reachable from REF
  --last, -l         the last commit (HEAD)
  --repo DIR         the repository (default: the current directory); git is run
                     as a subprocess, without a shell

Output:
  --verbose, -V      also print valid messages (with a '✔' summary line)
  --quiet, -q        print nothing; only the exit code tells
  --legacy-output    the input on one line ('⧗   input: ...'), as commitlint's
                     --legacy-output
  --help-url URL, -H the 'Get help' link (default commitlint's)
  --color            colors even when stdout is not a terminal; by default
  --no-color         colors when stdout is a terminal (TERM not dumb), when
                     FORCE_COLOR or CI is set, never when NO_COLOR is set
  --json             one JSON object instead of the text (below)

Exit codes: 0 no error (warnings allowed), 1 an error; with --strict (-s):
0 clean, 2 warnings only, 3 an error (as commitlint --strict). 2 is also a
usage or input error (the message on stderr).

Text output, for each message with problems (with --verbose, for each one):
  ⧗   --- input ---
  Feat: add x
  ✖   type must be lower-case [type-case]
  ✖   type must be one of [build, chore, ci, docs, feat, fix, perf, refactor, revert, style, test] [type-enum]

  ✖   found 2 problems, 0 warnings
  ⓘ   Get help: https://github.com/conventional-changelog/commitlint/#what-is-commitlint

--json prints one object on one line:
  {"valid":false,"errorCount":2,"warningCount":0,"results":[
    {"hash":null,"input":"Feat: add x","valid":false,"ignored":false,
     "errors":[{"rule":"type-case","level":"error","message":"type must be lower-case"},
               ...],
     "warnings":[]}]}
  valid: no result has an error; results: one per message, each commit of a
  range included (valid ones too), newest first; hash: the commit's full sha
  (null for stdin and --edit); input: the message as commitlint shows it;
  ignored: a message commitlint's default ignores skip; level: "error" or
  "warning"; an empty --edit file gives "results":[].

Examples:
  printf 'feat: add x\n' | relkit lint
  relkit lint --from origin/main --to HEAD
  # .git/hooks/commit-msg (executable):
  #   #!/bin/sh
  #   exec relkit lint --edit "$1"
)";

constexpr std::string_view default_help_url =
    "https://github.com/conventional-changelog/commitlint/#what-is-commitlint";

// commitlint's exit codes (@commitlint/cli ExitCode).
constexpr int exit_errors = 1;           // an error, without --strict
constexpr int exit_strict_warnings = 2;  // --strict: warnings and no error
constexpr int exit_strict_errors = 3;    // --strict: an error

// One linted message.
struct lint_result {
  std::string hash;   // the commit's full sha (--from/--to); empty for stdin and --edit
  std::string input;  // the message as commitlint shows it
  cm::lint_report report;
  std::size_t errors = 0;
  std::size_t warnings = 0;
};

// The message that commitlint's parser reads from a commit-msg file: the lines before
// git's scissors line, without the comment lines (conventional-commits-parser's
// commentChar; git leaves both out of the commit).
std::string without_comments(std::string_view text, std::string_view comment) {
  const std::string scissors =
      std::string(comment) + " ------------------------ >8 ------------------------";
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    end = end == std::string_view::npos ? text.size() : end + 1;
    const std::string_view line = text.substr(at, end - at);
    std::string_view bare = line;
    if (!bare.empty() && bare.back() == '\n') bare.remove_suffix(1);
    if (!bare.empty() && bare.back() == '\r') bare.remove_suffix(1);
    if (bare == scissors) break;
    if (bare.substr(0, comment.size()) != comment) out += line;
    at = end;
  }
  return out;
}

// Lints `message`. `shown` is what commitlint shows for a message it ignores or finds
// empty (the raw text; for --edit, the file with its comments).
lint_result lint_message(std::string_view message, std::string_view shown, std::string hash) {
  lint_result r;
  r.hash = std::move(hash);
  r.report = cm::lint(message);
  for (const cm::finding& f : r.report.findings) {
    if (f.level == cm::severity::error) ++r.errors;
    if (f.level == cm::severity::warning) ++r.warnings;
  }
  // commitlint's input: the raw message when ignored or empty, else the parsed header,
  // body and footer joined by blank lines (@commitlint/lint buildCommitMessage).
  if (r.report.ignored) {
    r.input = std::string(shown);
    return r;
  }
  cm::parse_options opts{cm::dialect::conventional_changelog};
  opts.meta_fields = false;
  const auto parsed = cm::parse(message, opts);
  if (!parsed || (parsed->header.empty() && !parsed->body && !parsed->footer)) {
    r.input = std::string(shown);
    return r;
  }
  r.input = std::string(parsed->header);
  if (parsed->body && !parsed->body->empty()) {
    r.input += "\n\n";
    r.input += *parsed->body;
  }
  if (parsed->footer && !parsed->footer->empty()) {
    r.input += "\n\n";
    r.input += *parsed->footer;
  }
  return r;
}

// picocolors 1.1.1, as commitlint's formatter uses it: `open + text + close`, with each
// `close` inside the text (searched from index open.size()) replaced by `replace`.
struct painter {
  bool on = false;

  std::string paint(std::string_view text, std::string_view open, std::string_view close,
                    std::string_view replace) const {
    if (!on) return std::string(text);
    std::string result(open);
    std::size_t cursor = 0;
    std::size_t index = text.find(close, open.size());
    while (index != std::string_view::npos) {
      result += text.substr(cursor, index - cursor);
      result += replace;
      cursor = index + close.size();
      index = text.find(close, cursor);
    }
    result += text.substr(cursor);
    result += close;
    return result;
  }
  std::string color(std::string_view text, std::string_view open) const {
    return paint(text, open, "\x1b[39m", "\x1b[39m");
  }
  std::string bold(std::string_view text) const {
    return paint(text, "\x1b[1m", "\x1b[22m", "\x1b[22m\x1b[1m");
  }
  std::string gray(std::string_view text) const { return color(text, "\x1b[90m"); }
  std::string red(std::string_view text) const { return color(text, "\x1b[31m"); }
  std::string yellow(std::string_view text) const { return color(text, "\x1b[33m"); }
  std::string green(std::string_view text) const { return color(text, "\x1b[32m"); }
};

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

// picocolors' isColorSupported, with commitlint's --color/--no-color (`words` are the
// command's arguments, which picocolors searches for "--color" and "--no-color").
bool colors_wanted(const arguments& words) {
  bool color_flag = false;
  bool no_color_flag = false;
  for (const std::string_view w : words) {
    color_flag = color_flag || w == "--color";
    no_color_flag = no_color_flag || w == "--no-color";
  }
  if (no_color_flag || env_set("NO_COLOR")) return false;
  if (env_set("FORCE_COLOR") || color_flag || env_set("CI")) return true;
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) == 1 && (term == nullptr || std::string_view(term) != "dumb");
}

struct format_options {
  painter paint;
  bool verbose = false;
  bool legacy = false;
  std::string help_url;
};

// @commitlint/format 21.2.4's lines for one result (formatInput + formatResult).
void format_result(const lint_result& r, const format_options& o, std::vector<std::string>& lines) {
  const bool problems = r.errors + r.warnings > 0;
  if (r.input.empty()) {
    lines.emplace_back();
  } else if (o.verbose || problems) {
    lines.push_back(o.paint.gray("⧗") + (o.legacy ? "   input: " : "   --- input ---\n") +
                    o.paint.bold(r.input));
  }
  for (const cm::severity level : {cm::severity::error, cm::severity::warning}) {
    for (const cm::finding& f : r.report.findings) {
      if (f.level != level) continue;
      const bool error = level == cm::severity::error;
      lines.push_back((error ? o.paint.red("✖") : o.paint.yellow("⚠")) + "   " + f.message + " " +
                      o.paint.gray("[" + f.rule + "]"));
    }
  }
  if (problems) lines.emplace_back();
  if (o.verbose || problems) {
    const std::string sign = r.errors > 0     ? o.paint.red("✖")
                             : r.warnings > 0 ? o.paint.yellow("⚠")
                                              : o.paint.green("✔");
    lines.push_back(o.paint.bold(sign + "   found " + std::to_string(r.errors) + " problems, " +
                                 std::to_string(r.warnings) + " warnings"));
  }
  if (problems && !o.help_url.empty()) lines.push_back("ⓘ   Get help: " + o.help_url);
  if (problems) lines.emplace_back();
}

// `text` as a JSON string (json.hpp).
std::string json_string(std::string_view text) {
  std::string out;
  json::append_string(out, text);
  return out;
}

std::string_view json_bool(bool value) {
  return value ? "true" : "false";
}

std::string findings_json(const lint_result& r, cm::severity level) {
  std::string out = "[";
  for (const cm::finding& f : r.report.findings) {
    if (f.level != level) continue;
    if (out.size() > 1) out += ',';
    out += "{\"rule\":" + json_string(f.rule) +
           ",\"level\":" + json_string(cm::to_string(f.level)) +
           ",\"message\":" + json_string(f.message) + "}";
  }
  return out + "]";
}

std::string report_json(const std::vector<lint_result>& results, bool valid, std::size_t errors,
                        std::size_t warnings) {
  std::string out = "{\"valid\":";
  out += json_bool(valid);
  out += ",\"errorCount\":" + std::to_string(errors);
  out += ",\"warningCount\":" + std::to_string(warnings);
  out += ",\"results\":[";
  bool first = true;
  for (const lint_result& r : results) {
    if (!first) out += ',';
    first = false;
    out += "{\"hash\":";
    out += r.hash.empty() ? std::string("null") : json_string(r.hash);
    out += ",\"input\":" + json_string(r.input);
    out += ",\"valid\":";
    out += json_bool(r.report.valid);
    out += ",\"ignored\":";
    out += json_bool(r.report.ignored);
    out += ",\"errors\":" + findings_json(r, cm::severity::error);
    out += ",\"warnings\":" + findings_json(r, cm::severity::warning);
    out += '}';
  }
  return out + "]}\n";
}

// The words with commitlint's short options spelled long, and a value-less --edit (last,
// or followed by an option) written `--edit=` (the default file).
std::vector<std::string> normalized(const arguments& words) {
  static constexpr std::pair<std::string_view, std::string_view> aliases[] = {
      {"-e", "--edit"},  {"-f", "--from"},    {"-t", "--to"},       {"-s", "--strict"},
      {"-q", "--quiet"}, {"-V", "--verbose"}, {"-H", "--help-url"}, {"-l", "--last"},
  };
  static constexpr std::string_view value_options[] = {"--from", "--to", "--repo", "--help-url"};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (w == "--") {
      for (; i < words.size(); ++i) out.emplace_back(words[i]);
      break;
    }
    for (const auto& a : aliases) {
      if (w == a.first) w = a.second;
    }
    if (w == "--edit") {
      const bool has_value =
          i + 1 < words.size() && !(words[i + 1].size() > 1 && words[i + 1][0] == '-');
      out.emplace_back(has_value ? "--edit" : "--edit=");
      continue;
    }
    out.emplace_back(w);
    for (const std::string_view v : value_options) {
      if (w == v && i + 1 < words.size()) {
        out.emplace_back(words[++i]);
        break;
      }
    }
  }
  return out;
}

// The commit message file of the repository around `start` (the current directory if
// empty), as commitlint finds it: the first directory upwards with a `.git` entry; a
// directory gives .git/COMMIT_EDITMSG, a file (worktree, submodule) names the git
// directory in its `gitdir: ` line.
bool default_edit_file(const std::string& start, std::string& path, std::string& problem) {
  std::string dir = start;
  if (dir.empty() || dir[0] != '/') {
    char* cwd = getcwd(nullptr, 0);
    if (cwd == nullptr) {
      problem = "cannot read the current directory: " + reason(errno);
      return false;
    }
    dir = std::string(cwd) + (dir.empty() ? "" : "/" + dir);
    std::free(cwd);
  }
  for (;;) {
    const std::string dotgit = (dir == "/" ? std::string() : dir) + "/.git";
    struct stat st {};
    if (lstat(dotgit.c_str(), &st) == 0) {
      if (S_ISDIR(st.st_mode)) {
        path = dotgit + "/COMMIT_EDITMSG";
        return true;
      }
      std::string text;
      if (const int e = read_file(dotgit, text); e != 0) {
        problem = "cannot read " + dotgit + ": " + reason(e);
        return false;
      }
      if (text.compare(0, 8, "gitdir: ") == 0) text.erase(0, 8);
      const std::size_t newline = text.find('\n');
      if (newline != std::string::npos) text.erase(newline, 1);
      path =
          (text.empty() || text[0] != '/' ? dir + "/" : std::string()) + text + "/COMMIT_EDITMSG";
      return true;
    }
    if (dir == "/" || dir.empty()) break;
    const std::size_t slash = dir.rfind('/');
    dir = slash == 0 ? std::string("/") : dir.substr(0, slash);
  }
  problem = "no git repository here (no .git from " + (start.empty() ? "." : start) +
            " upwards): pass the file, --edit FILE";
  return false;
}

// The comment prefix of a commit-msg file: git's core.commentChar (default '#'), read as
// commitlint reads it (`git config core.commentChar`). "auto" (git picks a character per
// message) reads as '#'.
std::string comment_char(const std::string& repo) {
  std::string value;
  std::string problem;
  if (!git::run(repo, {"config", "core.commentChar"}, value, problem)) return "#";
  while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
  const std::string_view v = relkit::detail::js_trim(value);
  return v.empty() || v == "auto" ? std::string("#") : std::string(v);
}

// Each commit of FROM..TO (TO's whole history when FROM is empty), newest first, as
// @commitlint/read gives them: `git log --format=%B%n` (the message and a newline),
// commits with an empty message left out.
bool lint_range(const std::string& repo, const std::string& from, const std::string& to,
                std::vector<lint_result>& results, std::string& problem) {
  std::string sha;
  if (!git::resolve(repo, to, sha, problem)) return false;
  if (!from.empty()) {
    if (!git::resolve(repo, from, sha, problem)) return false;
    // @commitlint/read: a range whose ends share no history (a shallow clone) is an error,
    // not a partial answer.
    std::string base;
    std::string ignored;
    if (!git::run(repo, {"merge-base", from, to}, base, ignored)) {
      problem = "cannot find a merge base between '" + from + "' and '" + to +
                "': the history is incomplete (a shallow clone?); fetch more history";
      return false;
    }
  }
  std::string text;
  if (!git::log(repo, from, to, text, problem)) return false;
  const auto entries = cm::read_git_log(text);
  if (!entries) {
    problem = "git log: " + relkit::to_string(entries.error());
    return false;
  }
  for (const cm::log_entry& e : *entries) {
    if (relkit::detail::is_js_blank(e.message)) continue;
    const std::string message = std::string(e.message) + "\n";
    results.push_back(lint_message(message, message, std::string(e.sha)));
  }
  return true;
}
}  // namespace

int lint_command(const arguments& words) {
  const std::vector<std::string> owned = normalized(words);
  const arguments normal(owned.begin(), owned.end());
  const parsed_args args =
      parse_args(normal, 0, {"--edit", "--from", "--to", "--repo", "--help-url"},
                 {"--strict", "--quiet", "--verbose", "--legacy-output", "--color", "--no-color",
                  "--json", "--last"});
  if (args.help) {
    out(commit_lint_help);
    return exit_ok;
  }
  if (!args.problem.empty()) return usage_error(args.problem, "lint");
  if (unexpected_argument(args, "lint", 0, " (the message is read from stdin)")) return exit_usage;
  const auto edit = args.option("--edit");
  const auto from = args.option("--from");
  const auto to = args.option("--to");
  const std::string repo(args.option("--repo").value_or(std::string_view()));
  if (edit && (from || to)) return usage_error("--edit and --from/--to exclude each other", "lint");
  if (args.flag("--last") && (edit || from || to)) {
    return usage_error("--last stands alone: not with --edit, --from or --to", "lint");
  }
  if (args.flag("--color") && args.flag("--no-color")) {
    return usage_error("--color and --no-color exclude each other", "lint");
  }
  if (args.flag("--json") && args.flag("--quiet")) {
    return usage_error("--json and --quiet exclude each other", "lint");
  }
  if (from && to && *from == *to) {
    return usage_error(
        "--from and --to point to the same commit; to lint that one commit use --from " +
            std::string(*from) + "^ --to " + std::string(*from),
        "lint");
  }

  std::vector<lint_result> results;
  if (edit) {
    std::string path(*edit);
    std::string problem;
    if (path.empty() && !default_edit_file(repo, path, problem)) {
      err("relkit: lint --edit: " + problem + "\n");
      return exit_usage;
    }
    if (!repo.empty() && !path.empty() && path[0] != '/' && !edit->empty())
      path = repo + "/" + path;
    std::string text;
    if (const int e = read_file(path, text); e != 0) return io_error("read", path, e);
    // @commitlint/read adds a newline to the file's text; a file of nothing but
    // whitespace is no message at all (nothing to lint, exit 0).
    text += '\n';
    if (!relkit::detail::is_js_blank(text)) {
      const std::string message = without_comments(text, comment_char(repo));
      results.push_back(lint_message(message, text, std::string()));
    }
  } else if (from || to) {
    std::string problem;
    if (!lint_range(repo, std::string(from.value_or("")), std::string(to.value_or("HEAD")), results,
                    problem)) {
      err("relkit: lint: " + problem + "\n");
      return exit_usage;
    }
  } else if (args.flag("--last")) {
    std::string text;
    std::string problem;
    if (!git::run(repo, {"log", "-1", "--no-show-signature", "--pretty=format:%B"}, text,
                  problem)) {
      err("relkit: lint --last: " + problem + "\n");
      return exit_usage;
    }
    // @commitlint/read: the output trimmed, and one pair of surrounding quotes removed.
    std::string message(relkit::detail::js_trim(text));
    if (message.size() >= 2 && message.front() == '"' && message.back() == '"') {
      message = message.substr(1, message.size() - 2);
    }
    if (!relkit::detail::is_js_blank(message)) {
      results.push_back(lint_message(message, message, std::string()));
    }
  } else {
    std::string text;
    if (isatty(STDIN_FILENO) == 1) {
      return usage_error("no message: pipe one to stdin, or pass --edit FILE or --from/--to",
                         "lint");
    }
    if (const int e = read_stdin(text); e != 0) return io_error("read", "stdin", e);
    if (relkit::detail::is_js_blank(text)) {
      return usage_error("no message on stdin (it is empty); pass --edit FILE or --from/--to",
                         "lint");
    }
    results.push_back(lint_message(text, text, std::string()));
  }

  bool valid = true;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const lint_result& r : results) {
    valid = valid && r.report.valid;
    errors += r.errors;
    warnings += r.warnings;
  }
  if (args.flag("--json")) {
    out(report_json(results, valid, errors, warnings));
  } else if (!args.flag("--quiet")) {
    format_options o;
    o.paint.on = colors_wanted(words);
    o.verbose = args.flag("--verbose");
    o.legacy = args.flag("--legacy-output");
    // commitlint: `flags["help-url"]?.trim() || helpUrl`
    const std::string_view url = relkit::detail::js_trim(args.option("--help-url").value_or(""));
    o.help_url = std::string(url.empty() ? default_help_url : url);
    std::vector<std::string> lines;
    for (const lint_result& r : results) format_result(r, o, lines);
    std::string text;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) text += '\n';
      text += lines[i];
    }
    if (!text.empty()) out(text + "\n");
  }
  if (args.flag("--strict")) {
    if (errors > 0) return exit_strict_errors;
    if (warnings > 0) return exit_strict_warnings;
  }
  return valid ? exit_ok : exit_errors;
}

}  // namespace relkit::cli
