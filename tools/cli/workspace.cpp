// `relkit next-version --workspace` and `relkit changelog --workspace` (workspace.hpp): the
// workspace read from its configuration, the history and the tags read from git once each,
// relkit::commits::decide() over every package.
#include "workspace.hpp"

#include "file_update.hpp"
#include "git.hpp"
#include "io.hpp"
#include "json.hpp"
#include "release.hpp"

#include <relkit/changelog.hpp>
#include <relkit/commits.hpp>
#include <relkit/detail/js_text.hpp>
#include <relkit/semver.hpp>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <dirent.h>
#include <sys/stat.h>

namespace relkit::cli {

namespace {

namespace cl = relkit::changelog;
namespace cm = relkit::commits;
namespace sv = relkit::semver;

// `root`/`path` ("" and "." are the root itself).
std::string join(const std::string& root, std::string_view path) {
  if (path.empty() || path == ".") return root.empty() ? std::string(".") : root;
  if (root.empty() || root == ".") return std::string(path);
  return root + "/" + std::string(path);
}

bool is_directory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// The names of the subdirectories of `dir` (not starting with '.', not node_modules), sorted.
std::vector<std::string> subdirectories(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return names;
  while (const dirent* entry = ::readdir(d)) {
    const std::string name = entry->d_name;
    if (name.empty() || name[0] == '.' || name == "node_modules") continue;
    if (is_directory(dir + "/" + name)) names.push_back(name);
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

// `*` matches any run of characters in one path segment; every other byte itself.
bool segment_matches(std::string_view pattern, std::string_view name) {
  std::size_t p = 0;
  std::size_t n = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = n;
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// The directories (relative to `root`) one glob names. False with `problem` for what is
// not expanded.
bool expand_glob(const std::string& root, std::string_view glob, std::vector<std::string>& dirs,
                 std::string& problem) {
  if (glob.find("**") != std::string_view::npos ||
      glob.find_first_of("?[]{}") != std::string_view::npos) {
    problem = "workspace glob '" + std::string(glob) +
              "' is not expanded (plain paths, '*' within a segment and '!' negations are)";
    return false;
  }
  while (glob.substr(0, 2) == "./") glob.remove_prefix(2);
  while (!glob.empty() && glob.back() == '/') glob.remove_suffix(1);
  std::vector<std::string> found{std::string()};
  while (!glob.empty()) {
    const std::size_t slash = glob.find('/');
    const std::string_view segment = glob.substr(0, slash);
    glob = slash == std::string_view::npos ? std::string_view() : glob.substr(slash + 1);
    if (segment.empty() || segment == ".") continue;
    std::vector<std::string> next;
    for (const std::string& at : found) {
      const std::string prefix = at.empty() ? std::string() : at + "/";
      if (segment.find('*') == std::string_view::npos) {
        if (is_directory(join(root, prefix + std::string(segment)))) {
          next.push_back(prefix + std::string(segment));
        }
        continue;
      }
      for (const std::string& name : subdirectories(join(root, at))) {
        if (segment_matches(segment, name)) next.push_back(prefix + name);
      }
    }
    found = std::move(next);
  }
  dirs = std::move(found);
  return true;
}

// The members the globs name: the directories with a package.json, in the globs' order,
// each once; `!glob` removes what it names.
bool expand_globs(const std::string& root, const std::vector<std::string>& globs,
                  std::vector<std::string>& members, std::string& problem) {
  members.clear();
  for (const std::string& glob : globs) {
    const bool negated = !glob.empty() && glob[0] == '!';
    std::vector<std::string> dirs;
    if (!expand_glob(root, negated ? std::string_view(glob).substr(1) : glob, dirs, problem)) {
      return false;
    }
    for (const std::string& dir : dirs) {
      const auto at = std::find(members.begin(), members.end(), dir);
      if (negated) {
        if (at != members.end()) members.erase(at);
      } else if (at == members.end() && is_file(join(root, dir) + "/package.json")) {
        members.push_back(dir);
      }
    }
  }
  return true;
}

bool read_text(const std::string& path, std::string& text) {
  if (const int e = read_file(path, text); e != 0) {
    io_error("read", path, e);
    return false;
  }
  return true;
}

// The members' package.json files.
bool read_members(const std::string& root, const std::vector<std::string>& dirs,
                  std::vector<cm::package_file>& files) {
  for (const std::string& dir : dirs) {
    cm::package_file f;
    f.path = dir;
    if (!read_text(join(root, dir) + "/package.json", f.text)) return false;
    files.push_back(std::move(f));
  }
  return true;
}

// The error of a member's package.json: its token names the member's directory.
int member_error(const std::string& root, const std::vector<cm::package_file>& files,
                 const relkit::error& e) {
  for (const cm::package_file& f : files) {
    if (e.args.token() == f.path) {
      return located_error(join(root, f.path) + "/package.json", f.text, e);
    }
  }
  return input_error("workspace", e);
}

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// release-please's node-workspace plugin: each package's dependencies on the others, from
// the package.json in its directory (those without one have none).
bool add_node_dependencies(const std::string& root, cm::workspace& ws, int& status) {
  std::vector<cm::package_file> files;
  std::vector<std::size_t> owner;
  for (std::size_t i = 0; i < ws.packages.size(); ++i) {
    const std::string dir = ws.packages[i].paths.empty() ? std::string() : ws.packages[i].paths[0];
    const std::string file = join(root, dir) + "/package.json";
    if (!is_file(file)) continue;
    cm::package_file f;
    f.path = dir;
    if (!read_text(file, f.text)) {
      status = exit_usage;
      return false;
    }
    files.push_back(std::move(f));
    owner.push_back(i);
  }
  auto npm = cm::read_workspace_packages(files);
  if (!npm) {
    status = member_error(root, files, npm.error());
    return false;
  }
  std::map<std::string, std::string> name_of;  // npm name -> release-please package name
  for (std::size_t k = 0; k < owner.size(); ++k) {
    name_of[npm->packages[k].name] = ws.packages[owner[k]].name;
  }
  for (std::size_t k = 0; k < owner.size(); ++k) {
    for (const std::string& dep : npm->packages[k].dependencies) {
      ws.packages[owner[k]].dependencies.push_back(name_of[dep]);
    }
  }
  return true;
}

// The workspace of --workspace [CONFIG] under `root`. nullopt after the message.
std::optional<cm::workspace> load_workspace(const parsed_args& args, std::string_view command,
                                            const std::string& root, int& status) {
  status = exit_usage;
  std::string config;
  if (!args.positional.empty()) {
    config = std::string(args.positional[0]);
  } else if (is_file(join(root, "release-please-config.json"))) {
    config = join(root, "release-please-config.json");
  } else if (is_file(join(root, "pnpm-workspace.yaml"))) {
    config = join(root, "pnpm-workspace.yaml");
  } else if (is_file(join(root, "package.json"))) {
    config = join(root, "package.json");
  } else {
    usage_error(
        "--workspace: no release-please-config.json, pnpm-workspace.yaml or package.json in " +
            join(root, ""),
        command);
    return std::nullopt;
  }
  std::string text;
  if (!read_text(config, text)) return std::nullopt;
  std::optional<cm::workspace> ws;
  if (ends_with(config, "package.json") || ends_with(config, "pnpm-workspace.yaml")) {
    std::vector<std::string> globs;
    if (ends_with(config, "package.json")) {
      auto read = cm::read_npm_workspace_globs(text);
      if (!read) {
        located_error(config, text, read.error());
        return std::nullopt;
      }
      globs = std::move(*read);
    } else {
      auto read = cm::read_pnpm_workspace(text);
      if (!read) {
        located_error(config, text, read.error());
        return std::nullopt;
      }
      globs = std::move(*read);
    }
    std::vector<std::string> dirs;
    std::string problem;
    if (!expand_globs(root, globs, dirs, problem)) {
      err("relkit: " + config + ": " + problem + "\n");
      return std::nullopt;
    }
    std::vector<cm::package_file> files;
    if (!read_members(root, dirs, files)) return std::nullopt;
    auto read = cm::read_workspace_packages(files);
    if (!read) {
      status = member_error(root, files, read.error());
      return std::nullopt;
    }
    ws = std::move(*read);
  } else {
    std::string manifest_name;
    if (const auto m = args.option("--manifest")) {
      manifest_name = std::string(*m);
    } else {
      const std::size_t slash = config.rfind('/');
      manifest_name = (slash == std::string::npos ? std::string() : config.substr(0, slash + 1)) +
                      ".release-please-manifest.json";
    }
    std::string manifest;
    if (!read_text(manifest_name, manifest)) return std::nullopt;
    auto read = cm::read_release_please_config(text, manifest);
    if (!read) {
      input_error(config + " (manifest " + manifest_name + ")", read.error());
      return std::nullopt;
    }
    ws = std::move(*read);
    if (text.find("\"node-workspace\"") != std::string::npos &&
        !add_node_dependencies(root, *ws, status)) {
      return std::nullopt;
    }
  }
  if (const auto preset = args.option("--preset")) {
    const auto rules = commit_rules_named(*preset);
    if (!rules) {
      usage_error("unknown --preset '" + std::string(*preset) + "'", command);
      return std::nullopt;
    }
    for (cm::package& p : ws->packages) p.preset = *rules;
  }
  status = exit_ok;
  return ws;
}

// What the command decided: the texts the views point into, the history, the decision.
struct workspace_run {
  cm::workspace ws;
  std::string log_text;
  std::string tag_text;
  std::vector<cm::change> history;
  cm::workspace_decision decision;
};

// The options a single-package run takes that mean nothing for a workspace.
constexpr std::string_view single_only[] = {"--log",        "--current",    "--from",
                                            "--tag-format", "--prerelease", "--release-as",
                                            "--prepend",    "--tag-prefix"};

bool run_workspace(const parsed_args& args, std::string_view command, workspace_run& run,
                   int& status) {
  status = exit_usage;
  for (const std::string_view name : single_only) {
    if (args.option(name)) {
      usage_error(std::string(name) + " does not apply with --workspace", command);
      return false;
    }
  }
  if (args.flag("--explain")) {
    usage_error("--explain does not apply with --workspace (each line gives its reason)", command);
    return false;
  }
  if (unexpected_argument(args, command, 1)) return false;
  const std::string repo(args.option("--repo").value_or(std::string_view()));
  const std::string root = repo.empty() ? std::string(".") : repo;
  const std::string to(args.option("--to").value_or("HEAD"));
  auto ws = load_workspace(args, command, root, status);
  if (!ws) return false;
  run.ws = std::move(*ws);
  status = exit_usage;
  std::string error;
  if (!git::run(repo,
                {"log", "-z", "--name-only", "--no-renames", "--diff-merges=first-parent",
                 "--format=%x00%H%x1f%P%x1f%B", to, "--"},
                run.log_text, error) ||
      !git::run(repo,
                {"for-each-ref", "--merged", to,
                 "--format=%(refname:strip=2)%09%(*objectname)%09%(objectname)", "refs/tags"},
                run.tag_text, error)) {
    err("relkit: " + error + "\n");
    return false;
  }
  auto history = cm::read_git_log_with_paths(run.log_text);
  if (!history) {
    input_error("git log", history.error());
    return false;
  }
  run.history = std::move(*history);
  std::vector<cm::tag_ref> tags;
  std::string_view rest = run.tag_text;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = line.find('\t', tab1 == std::string_view::npos ? tab1 : tab1 + 1);
    if (tab1 == std::string_view::npos || tab2 == std::string_view::npos) continue;
    const std::string_view peeled = line.substr(tab1 + 1, tab2 - tab1 - 1);
    tags.push_back({line.substr(0, tab1), peeled.empty() ? line.substr(tab2 + 1) : peeled});
  }
  cm::apply_release_tags(run.ws, tags);
  auto decision = cm::decide(run.ws, run.history);
  if (!decision) {
    input_error("workspace", decision.error());
    return false;
  }
  run.decision = std::move(*decision);
  status = exit_ok;
  return true;
}

std::string_view subject_of(std::string_view message) {
  const std::size_t end = message.find('\n');
  return message.substr(0, end);
}

// `{"sha": "1a2b3c4", "subject": "feat: x"}` of commit `k` of the history.
void append_commit(std::string& out, const workspace_run& run, std::size_t k) {
  const cm::log_entry& e = run.history[k].entry;
  out += '{';
  json::append_key(out, "sha");
  json::append_string(out, e.sha.substr(0, 7));
  json::append_key(out, "subject");
  json::append_string(out, subject_of(e.message));
  out += '}';
}

std::string decision_json(const workspace_run& run) {
  std::string out = "{";
  json::append_key(out, "packages");
  out += '[';
  for (std::size_t i = 0; i < run.decision.packages.size(); ++i) {
    const cm::package& pkg = run.ws.packages[i];
    const cm::package_decision& pd = run.decision.packages[i];
    json::append_separator(out);
    out += '{';
    const auto text_or_null = [&out](std::string_view key, bool present, std::string_view value) {
      json::append_key(out, key);
      if (present) {
        json::append_string(out, value);
      } else {
        out += "null";
      }
    };
    text_or_null("name", true, pd.name);
    text_or_null("path", true, pkg.paths.empty() ? std::string_view(".") : pkg.paths[0]);
    text_or_null("current", pd.current.has_value(),
                 pd.current ? sv::to_string(*pd.current) : std::string());
    json::append_key(out, "release");
    out += pd.releases ? "true" : "false";
    text_or_null("level", true, cm::to_string(pd.level));
    text_or_null("own_level", true, cm::to_string(pd.own.level));
    text_or_null("next", pd.releases, pd.releases ? sv::to_string(pd.next) : std::string());
    text_or_null("tag", pd.releases, pd.releases ? cm::make_tag(pkg.tags, pd.next) : std::string());
    json::append_key(out, "commit");
    if (pd.own.level != cm::bump::none && pd.own.commit_index < run.history.size()) {
      append_commit(out, run, pd.own.commit_index);
    } else {
      out += "null";
    }
    json::append_key(out, "commits");
    out += '[';
    for (const std::size_t k : pd.commits) {
      json::append_separator(out);
      append_commit(out, run, k);
    }
    out += ']';
    json::append_key(out, "propagated_from");
    out += '[';
    for (const std::string& name : pd.propagated_from) {
      json::append_separator(out);
      json::append_string(out, name);
    }
    out += ']';
    text_or_null("group", !pd.group.empty(), pd.group);
    text_or_null("reason", true, pd.reason);
    out += '}';
  }
  out += ']';
  json::append_key(out, "ignored");
  out += std::to_string(run.decision.ignored);
  json::append_key(out, "unclaimed");
  out += std::to_string(run.decision.unclaimed);
  out += "}\n";
  return out;
}

bool any_release(const workspace_run& run) {
  for (const cm::package_decision& pd : run.decision.packages) {
    if (pd.releases) return true;
  }
  return false;
}

}  // namespace

int next_version_workspace(const parsed_args& args) {
  workspace_run run;
  int status = exit_ok;
  if (!run_workspace(args, "next-version", run, status)) return status;
  const bool due = any_release(run);
  if (args.flag("--json")) {
    out(decision_json(run));
    return due ? exit_ok : exit_no;
  }
  std::string output;
  for (const cm::package_decision& pd : run.decision.packages) {
    if (!pd.releases) continue;
    output += pd.name + " " + (pd.current ? sv::to_string(*pd.current) : "(none)") + " -> " +
              sv::to_string(pd.next) + " (" + pd.reason + ")\n";
  }
  out(output);
  return due ? exit_ok : exit_no;
}

int changelog_workspace(const parsed_args& args, const cl::preset& style,
                        const cl::repository& repo, std::string_view date) {
  if (args.flag("--json")) {
    return usage_error("--json does not apply with --workspace", "changelog");
  }
  workspace_run run;
  int status = exit_ok;
  if (!run_workspace(args, "changelog", run, status)) return status;
  if (!any_release(run)) {
    err("relkit: no release is due: no package calls for one\n");
    return exit_no;
  }
  const std::string root(args.option("--repo").value_or("."));
  const bool dry_run = args.flag("--dry-run");
  std::string output;
  std::vector<std::pair<file_update, std::string>> pending;
  for (std::size_t i = 0; i < run.decision.packages.size(); ++i) {
    const cm::package& pkg = run.ws.packages[i];
    const cm::package_decision& pd = run.decision.packages[i];
    if (!pd.releases) continue;
    cl::release release;
    release.version = sv::to_string(pd.next);
    release.tag = cm::make_tag(pkg.tags, pd.next);
    if (pd.current) release.previous_tag = cm::make_tag(pkg.tags, *pd.current);
    release.date = std::string(date);
    const cm::parse_options opts{style.grammar};
    for (const std::size_t k : pd.commits) {
      const cm::log_entry& e = run.history[k].entry;
      if (pkg.preset.skip_merges && e.parent_count > 1) continue;
      const std::string_view message = pkg.preset.trim_message
                                           ? relkit::detail::js_trim(e.message)
                                           : cl::prepare_message(e.message, style);
      auto parsed = cm::parse(message, opts);
      if (!parsed) continue;
      release.entries.push_back(cl::from_commit(e.sha, *parsed, message));
    }
    const std::string section = cl::render(release, style, repo);
    const std::string dir = pkg.paths.empty() ? std::string() : pkg.paths[0];
    const std::string shown = dir.empty() || dir == "." ? "CHANGELOG.md" : dir + "/CHANGELOG.md";
    if (dry_run) {
      if (!output.empty()) output += "\n";
      output += "==> " + shown + " (" + pd.name + " " + release.version + ")\n" + section;
      continue;
    }
    file_update file;
    std::string existing;
    if (!begin_update(join(root, shown), file, existing)) return exit_usage;
    auto updated = cl::prepend(existing, section, release.version);
    if (!updated) return input_error(file.name, updated.error());
    pending.push_back({std::move(file), std::move(*updated)});
    output += shown + ": " + pd.name + " " + release.version + "\n";
  }
  // Every changelog is read and prepared before the first is written: a file that
  // cannot be read or prepended to leaves all of them as they were.
  for (const auto& [file, bytes] : pending) {
    if (!commit_update(file, bytes)) return exit_usage;
  }
  out(output);
  return exit_ok;
}

}  // namespace relkit::cli
